#!/usr/bin/env node
// Saldo's command. It runs the server bundle, dist/server/main.mjs (plain JavaScript), building it
// first when it is missing or older than its sources (bin/build.mjs: esbuild, a fraction of a
// second). When it cannot be built (esbuild missing, a read-only install) it runs the TypeScript
// sources through tsx's loader instead, as it did before there was a build.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureServerBuild } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => process.stderr.write(`saldo: ${message}\n`);

let bundle;
try {
  bundle = await ensureServerBuild(root, say);
} catch (err) {
  say(`could not build the server, running it from source: ${err instanceof Error ? err.message : err}`);
}
if (bundle) {
  // Stack traces name the bundle's lines (each module marked with its src/ path in it); with
  // NODE_OPTIONS=--enable-source-maps, src/ lines, through the map beside it (~0.1 s more per start).
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
