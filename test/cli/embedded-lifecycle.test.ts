import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/load-demo.ts';

/**
 * `saldo start` on its embedded PostgreSQL, as a person runs it: data kept across restarts, a
 * `kill -9` recovered on the next start, a second Saldo on the same directory refused.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'saldo-lifecycle-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {}
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startSaldo(port: number) {
  const child = spawn(process.execPath, [path.join(root, 'bin/saldo.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      SALDO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SALDO_WEB: '0',
      SALDO_DEMO: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Saldo on port ${port} was not ready in time`);
}

async function signIn(port: number, email: string, password: string) {
  return fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('saldo start on the embedded PostgreSQL', () => {
  test('keeps data across kill -9, refuses a second Saldo, and stops cleanly', async () => {
    const port = await freePort();
    const first = startSaldo(port);
    await waitReady(port);
    expect(first.output()).toContain('mariana@distribuidoradelvalle.example');

    // Something to find after the crash: a language changed through the API.
    const session = await signIn(port, 'emily@harborfoods.example', DEMO_PASSWORD);
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const changed = await fetch(`http://127.0.0.1:${port}/api/v1/me/locale`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ locale: 'es' }),
    });
    expect(changed.status).toBe(200);

    const second = startSaldo(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another Saldo \(process \d+\) is using the data directory/);

    first.child.kill('SIGKILL');
    await first.exited;
    const pgPid = Number.parseInt(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8'), 10);
    expect(() => process.kill(pgPid, 0)).not.toThrow(); // PostgreSQL outlived Node

    const port2 = await freePort();
    const again = startSaldo(port2);
    await waitReady(port2);
    expect(() => process.kill(pgPid, 0)).toThrow(); // the orphan was stopped and replaced
    const back = await signIn(port2, 'emily@harborfoods.example', DEMO_PASSWORD);
    expect(back.status).toBe(200);
    const me = (await back.json()) as { user: { locale: string }; contexts: { orgName: string }[] };
    expect(me.contexts.map((c) => c.orgName)).toEqual(['Harbor Foods Supply']);
    expect(me.user.locale).toBe('es');

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'saldo.lock'))).toBe(false);
  }, 180_000);
});
