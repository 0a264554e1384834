#!/usr/bin/env node
// `npm run bench -- <name>`: Saldo's benchmark harness (bench/README.md). TypeScript through tsx, like bin/saldo.mjs.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
