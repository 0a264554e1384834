import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string | null;
    /** The running Saldo's data directory, for `saldo mail` (test/e2e/support/mailbox.ts). */
    dataDir: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Saldo exactly as `npm start` does (embedded PostgreSQL, demo, web app built when stale)
 * on a throwaway data directory, for the browser journeys.
 */
export default async function setup(project: TestProject) {
  const chromium = existsSync(CHROMIUM) ? CHROMIUM : null;
  if (!chromium) {
    if (process.env.CI)
      throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}: install Debian's chromium`);
    const line = '!'.repeat(78);
    process.stderr.write(
      `\n${line}\n!! Browser tests SKIPPED: no Chromium at ${CHROMIUM}.\n!! Install it (apt-get install -y chromium) to run them; CI requires it.\n${line}\n\n`,
    );
    project.provide('baseUrl', '');
    project.provide('chromiumPath', null);
    project.provide('dataDir', '');
    return;
  }
  const root = path.resolve(import.meta.dirname, '../../..');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'saldo-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/saldo.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      SALDO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SALDO_PUBLIC_URL: baseUrl,
      SALDO_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Saldo exited (${child.exitCode}) before it was ready:\n${output}`);
    try {
      if (
        (await fetch(`${baseUrl}/readyz`)).status === 200 &&
        (await fetch(`${baseUrl}/sign-in`)).status === 200
      )
        break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`Saldo was not ready in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('chromiumPath', chromium);
  project.provide('dataDir', dataDir);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
