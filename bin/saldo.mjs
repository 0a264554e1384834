#!/usr/bin/env node
// Saldo's command. The sources are TypeScript, run through tsx's loader (no build step for the server).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
