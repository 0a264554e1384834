import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO_PASSWORD, hasBrowser, newPage, screenshot } from './support/browser.ts';

/**
 * The README's promise, kept as a newcomer would try it: a fresh clone of the committed HEAD,
 * `npm install`, `npm start` (nothing else set but a free PORT and a throwaway SALDO_DATA_DIR),
 * then http://localhost:<port>/ in a browser opens the app and a demo login reaches its home.
 *
 * It clones the repository this test runs from (CI runs on a clean clone of main, so HEAD is what
 * it tests); SALDO_FRESH_CLONE_SOURCE names another repository to clone instead. `npm install`
 * needs the npm registry (or a warm npm cache).
 */
const root = path.resolve(import.meta.dirname, '../..');
const source = process.env.SALDO_FRESH_CLONE_SOURCE ?? root;
const INSTALL_MS = 10 * 60_000;
const START_MS = 5 * 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end within `timeoutMs`, its output kept for the failure message. */
function run(command: string, args: string[], cwd: string, timeoutMs: number, env = process.env) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} took more than ${timeoutMs / 1000} s:\n${output.slice(-4000)}`,
        ),
      );
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

const workDir = mkdtempSync(path.join(tmpdir(), 'saldo-fresh-clone-'));
// Run as root, the embedded PostgreSQL runs as another user, who must reach the clone's binaries.
chmodSync(workDir, 0o755);
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    process.kill(-server.pid!, 'SIGKILL');
    await new Promise((r) => server!.once('exit', r));
  }
  rmSync(workDir, { recursive: true, force: true });
});

test.runIf(hasBrowser)(
  "a fresh clone's `npm install && npm start` opens the app at / and signs a demo login in",
  async () => {
    // A clone beside a `shared` folder, as the repository sits in its workspace.
    const clone = path.join(workDir, 'saldo');
    const shared = path.resolve(root, '../shared');
    if (existsSync(shared)) symlinkSync(shared, path.join(workDir, 'shared'));
    mkdirSync(clone);
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', source, clone], { stdio: 'pipe' });
    expect(existsSync(path.join(clone, 'node_modules'))).toBe(false);
    expect(existsSync(path.join(clone, 'web', 'dist'))).toBe(false);

    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env))
      if (
        key.startsWith('SALDO_') ||
        key.startsWith('npm_') ||
        ['DATABASE_URL', 'PORT', 'HOST'].includes(key)
      )
        delete env[key];
    const installed = await run('npm', ['install'], clone, INSTALL_MS, env);
    expect(installed).not.toMatch(/EBADENGINE/);

    const port = await freePort();
    const dataDir = path.join(workDir, 'data');
    let output = '';
    server = spawn('npm', ['start'], {
      cwd: clone,
      env: { ...env, PORT: String(port), SALDO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));

    // `localhost`, the address the README gives (Saldo listens on localhost by default).
    const home = `http://localhost:${port}`;
    const deadline = Date.now() + START_MS;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`npm start exited (${server.exitCode}):\n${output}`);
      try {
        if ((await fetch(`${home}/readyz`)).status === 200) break;
      } catch {}
      if (Date.now() > deadline)
        throw new Error(`npm start was not ready in ${START_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const front = await fetch(`${home}/`);
    expect(front.status, await front.clone().text()).toBe(200);
    expect(front.headers.get('content-type')).toContain('text/html');

    const { page, context } = await newPage('es-MX');
    await page.goto(`${home}/`);
    await page.waitForURL(`${home}/sign-in`);
    await expect.poll(() => page.getByRole('button', { name: /iniciar sesión/i }).isVisible()).toBe(true);
    await screenshot(page, 'fresh-clone-01-sign-in');
    await page
      .getByLabel(/correo/i)
      .first()
      .fill('mariana@distribuidoradelvalle.example');
    await page
      .getByLabel(/contraseña/i)
      .first()
      .fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /iniciar sesión/i }).click();
    await page.waitForURL(`${home}/console`);
    await expect
      .poll(() => page.getByTestId('context-switcher').innerText())
      .toContain('Distribuidora del Valle');
    await screenshot(page, 'fresh-clone-02-console');
    // Signed in, / opens the chosen context's home.
    await page.goto(`${home}/`);
    await page.waitForURL(`${home}/console`);
    await context.close();

    // Stopped cleanly: SIGTERM to Saldo's own process (saldo.lock names it), as a service manager
    // would; it closes HTTP, the worker and PostgreSQL, and `npm start` ends with it, status 0.
    const saldoPid = Number.parseInt(readFileSync(path.join(dataDir, 'saldo.lock'), 'utf8'), 10);
    const exited = new Promise<number | null>((r) => server!.once('exit', (c) => r(c)));
    process.kill(saldoPid, 'SIGTERM');
    expect(await exited, output).toBe(0);
    expect(existsSync(path.join(dataDir, 'saldo.lock')), output).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), output).toBe(false);
  },
  INSTALL_MS + START_MS + 120_000,
);
