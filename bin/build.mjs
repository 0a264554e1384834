#!/usr/bin/env node
// Saldo's two builds and the one freshness rule they share. The server is bundled by esbuild from
// src/cli/main.ts into dist/server/main.mjs (plain JavaScript; bin/saldo.mjs runs it); the web app
// is built by Vite into web/dist (src/cli/web-build.ts). Either is rebuilt when its output is
// missing or older than its sources. Plain JavaScript itself, so that bin/saldo.mjs can decide
// without loading TypeScript.
//
//   node bin/build.mjs                        the server and the web app (`npm run build`)
//   node bin/build.mjs server [--at-install]  the server alone (`npm install` runs it, where a
//                                             failure is only a warning)
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The newest modification time (ms) of a file or of anything under a directory (0 when absent). */
export function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // The directory's own time counts too: deleting or renaming a file changes only that.
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** The freshness rule: `output` (a file, or a build's stamp) is missing or older than one of `sources`. */
export function isStale(output, sources) {
  if (!existsSync(output)) return true;
  return statSync(output).mtimeMs < Math.max(...sources.map(newestMtime));
}

/**
 * Dates a finished build at the moment it began reading its sources, so that a source saved
 * while it ran leaves the output stale.
 */
export function markBuilt(output, startedAt) {
  const when = new Date(startedAt);
  utimesSync(output, when, when);
}

/**
 * Packages bundled with Saldo's own code instead of left to node_modules: ES modules of many small
 * files (Kysely ~280, TypeBox ~700), which Node 20 resolves, compiles and links one by one (about
 * 200 ms of every start), that only Saldo's code imports (one copy in the process) and that read
 * no files of their own. Every other package stays external.
 */
const BUNDLED_PACKAGES = ['kysely', 'typebox'];

/** Where the server bundle goes, and what it is built from (this file holds the build's settings). */
export function serverPaths(root) {
  return {
    bundle: path.join(root, 'dist', 'server', 'main.mjs'),
    sources: [
      'src',
      'bin/build.mjs',
      'package.json',
      'tsconfig.json',
      // An upgrade of a bundled package rewrites its package.json.
      ...BUNDLED_PACKAGES.map((name) => `node_modules/${name}/package.json`),
    ].map((p) => path.join(root, p)),
  };
}

/** The package a bare import names (`@scope/name/sub` → `@scope/name`); null for relative and node: ones. */
function packageOf(specifier) {
  if (/^(\.|\/|node:)/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Bundles the server with esbuild: our modules (and BUNDLED_PACKAGES) in one ESM file, every other
 * package left to Node's resolution (node_modules), a source map beside it. Several processes may
 * start at once on a stale bundle, so each writes its files under a temporary name and renames
 * them into place (the map first): an import sees a whole bundle, the old or the new.
 */
export async function buildServer(root) {
  const startedAt = Date.now();
  const { bundle } = serverPaths(root);
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [
      {
        name: 'saldo-externals',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
            const name = packageOf(specifier);
            return name && BUNDLED_PACKAGES.includes(name) ? undefined : { path: specifier, external: true };
          });
        },
      },
    ],
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  for (const w of result.warnings)
    process.stderr.write(
      `build warning: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ''}\n`,
    );
  mkdirSync(path.dirname(bundle), { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const files = [...result.outputFiles].sort(
    (a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')),
  );
  for (const file of files) {
    const temporary = `${file.path}.${tag}`;
    try {
      writeFileSync(temporary, file.contents);
      markBuilt(temporary, startedAt);
      renameSync(temporary, file.path);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  return { bundle, ms: Date.now() - startedAt };
}

/** The server bundle, built first when it is missing or stale (`log` hears about a build). */
export async function ensureServerBuild(root, log = () => {}) {
  const { bundle, sources } = serverPaths(root);
  if (!isStale(bundle, sources)) return bundle;
  const { ms } = await buildServer(root);
  log(`server built in ${ms} ms (${path.relative(root, bundle)})`);
  return bundle;
}

/** Where the web app goes, its stamp (written when a build ends), and what it is built from. */
export function webPaths(root) {
  const web = path.join(root, 'web');
  const dist = path.join(web, 'dist');
  return {
    web,
    dist,
    stamp: path.join(dist, '.built'),
    config: path.join(web, 'vite.config.ts'),
    sources: ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(web, p)),
  };
}

/** Builds the web app with Vite (web/vite.config.ts) and stamps it. Vite must be installed. */
export async function buildWeb(root, logLevel = 'warn') {
  const startedAt = Date.now();
  const { dist, stamp, config } = webPaths(root);
  const vite = await import('vite');
  await vite.build({ configFile: config, logLevel });
  mkdirSync(dist, { recursive: true });
  writeFileSync(stamp, new Date(startedAt).toISOString());
  markBuilt(stamp, startedAt);
  return { dist, ms: Date.now() - startedAt };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const [what = 'all', flag] = process.argv.slice(2);
  if (!['all', 'server'].includes(what) || (flag !== undefined && flag !== '--at-install')) {
    process.stderr.write('usage: node bin/build.mjs [server [--at-install]]\n');
    process.exit(2);
  }
  try {
    const server = await buildServer(root);
    process.stdout.write(`server built in ${server.ms} ms (${path.relative(root, server.bundle)})\n`);
  } catch (err) {
    // At install the build is a head start, not a requirement: `saldo start` builds when it must,
    // and says why it cannot.
    if (flag !== '--at-install') throw err;
    process.stderr.write(`the server was not built (saldo start will build it): ${err.message}\n`);
  }
  if (what === 'all') {
    const web = await buildWeb(root, 'info');
    process.stdout.write(`web app built in ${web.ms} ms (${path.relative(root, web.dist)})\n`);
  }
}
