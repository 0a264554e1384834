import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { ensureServerBuild, isStale, serverPaths } from '../../bin/build.mjs';

/**
 * bin/build.mjs: the freshness rule the server bundle and the web app share, and the server build
 * that `saldo start` runs when the bundle is stale — atomic, since several processes may start at once.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'saldo-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A tiny installation: package.json, tsconfig.json and a src/cli/main.ts that prints `message`. */
function project(name: string, message: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'src', 'cli'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"saldo","type":"module"}\n');
  writeFileSync(path.join(dir, 'tsconfig.json'), '{}\n');
  writeFileSync(
    path.join(dir, 'src', 'cli', 'words.ts'),
    `export const message: string = ${JSON.stringify(message)};\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'cli', 'main.ts'),
    "import { message } from './words.ts';\nprocess.stdout.write(message + '\\n');\n",
  );
  // Saved a minute ago: a build that starts in the same millisecond as the writes would otherwise
  // date its bundle (Date.now(), whole milliseconds) before their finer file times, and be stale.
  for (const entry of [
    'src/cli/main.ts',
    'src/cli/words.ts',
    'src/cli',
    'src',
    'package.json',
    'tsconfig.json',
  ])
    past(path.join(dir, entry), 60);
  return dir;
}

function past(file: string, secondsAgo: number) {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

describe('the freshness rule', () => {
  test('an output is stale when missing, or older than any source (a deletion counts too)', () => {
    const dir = project('fresh', 'hi');
    const output = path.join(dir, 'out.txt');
    const sources = [path.join(dir, 'src'), path.join(dir, 'package.json')];
    expect(isStale(output, sources)).toBe(true);
    writeFileSync(output, 'built');
    expect(isStale(output, sources)).toBe(false);

    past(output, 30);
    writeFileSync(path.join(dir, 'src', 'cli', 'words.ts'), 'export const message = "changed";\n');
    expect(isStale(output, sources)).toBe(true);
    writeFileSync(output, 'built again');
    expect(isStale(output, sources)).toBe(false);

    past(output, 30);
    rmSync(path.join(dir, 'src', 'cli', 'words.ts'));
    expect(isStale(output, sources)).toBe(true);
  });
});

describe('the server build', () => {
  test('builds when missing or stale, dates the bundle from when it began, and runs as plain JavaScript', async () => {
    const dir = project('stale', 'first');
    const { bundle, sources } = serverPaths(dir);
    const messages: string[] = [];
    await ensureServerBuild(dir, (m) => messages.push(m));
    expect(messages).toEqual([expect.stringMatching(/^server built in \d+ ms \(dist\/server\/main\.mjs\)$/)]);
    expect(isStale(bundle, sources)).toBe(false);
    expect((await run(process.execPath, [bundle])).stdout).toBe('first\n');

    // Fresh: nothing is built.
    const builtAt = statSync(bundle).mtimeMs;
    await ensureServerBuild(dir, (m) => messages.push(m));
    expect(messages).toHaveLength(1);
    expect(statSync(bundle).mtimeMs).toBe(builtAt);

    // A source saved after the build: built again.
    writeFileSync(path.join(dir, 'src', 'cli', 'words.ts'), 'export const message: string = "second";\n');
    await ensureServerBuild(dir, (m) => messages.push(m));
    expect(messages).toHaveLength(2);
    expect((await run(process.execPath, [bundle])).stdout).toBe('second\n');
  });

  test('processes starting at once on a stale bundle each get a whole one, and leave no temporary files', async () => {
    const dir = project('concurrent', 'together');
    const starter = path.join(dir, 'start.mjs');
    // What bin/saldo.mjs does: ensure the bundle, then import it.
    writeFileSync(
      starter,
      `import { pathToFileURL } from 'node:url';\n` +
        `import { ensureServerBuild } from ${JSON.stringify(pathToFileURL(path.join(root, 'bin', 'build.mjs')).href)};\n` +
        `await import(pathToFileURL(await ensureServerBuild(${JSON.stringify(dir)})).href);\n`,
    );
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, [starter]).then((r) => r.stdout)),
    );
    expect(outputs).toEqual(Array(4).fill('together\n'));
    expect(readdirSync(path.join(dir, 'dist', 'server')).sort()).toEqual(['main.mjs', 'main.mjs.map']);
    expect(readFileSync(path.join(dir, 'dist', 'server', 'main.mjs'), 'utf8')).toContain('together');
  });
});
