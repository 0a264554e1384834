import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Cleanup } from './cleanup.ts';

/** A free TCP port on 127.0.0.1 (the usual listen-on-0 trick; the port is free a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  name: string;
  process: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<Exit>;
  /** The last few KB the child wrote to stderr, for error messages. */
  stderrTail(): string;
  /** SIGTERM, wait up to timeoutMs, then SIGKILL. Resolves with the exit and how long stopping took. */
  stop(timeoutMs?: number): Promise<Exit & { ms: number }>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where stdout goes: discarded, or an open file descriptor (a log file). */
  stdout?: 'ignore' | number;
  /**
   * Keep a pipe on the child's stdin open: the bench's own child scripts exit when it closes,
   * so they never outlive the harness, even after a SIGKILL.
   */
  stdinPipe?: boolean;
}

/** Node running a TypeScript file through tsx, as bin/saldo.mjs does. */
export function tsxNodeArgs(script: string, nodeArgs: readonly string[] = []): string[] {
  return ['--import', 'tsx', ...nodeArgs, script];
}

/** The environment of the parent minus everything that configures Saldo, so children get only what we set. */
export function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key.startsWith('SALDO_') ||
      ['DATABASE_URL', 'PORT', 'HOST', 'SMTP_URL', 'LOG_LEVEL', 'NODE_OPTIONS'].includes(key)
    ) {
      delete env[key];
    }
  }
  return { ...env, ...overrides };
}

/** Spawns a child that the cleanup stops (SIGTERM, then SIGKILL) if the run ends before it does. */
export function spawnChild(cleanup: Cleanup, options: SpawnOptions): Child {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: [options.stdinPipe ? 'pipe' : 'ignore', options.stdout ?? 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-8192);
  });
  child.stdin?.on('error', () => {});
  let exitInfo: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (err) => {
      tail += `\n${err.message}`;
      exitInfo = { code: -1, signal: null };
      resolve(exitInfo);
    });
  });
  const kill = (signal: NodeJS.Signals) => {
    if (exitInfo === null && child.pid !== undefined) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  };
  const stop = async (timeoutMs = 30_000): Promise<Exit & { ms: number }> => {
    const started = performance.now();
    if (exitInfo === null) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
    child.stdin?.destroy();
    return { ...(exitInfo ?? (await exited)), ms: performance.now() - started };
  };
  const unregister = cleanup.add(
    `stop ${options.name}`,
    async () => {
      await stop(10_000);
    },
    () => kill('SIGKILL'),
  );
  void exited.then(() => unregister());
  return { name: options.name, process: child, exited, stderrTail: () => tail.trim(), stop };
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One GET on a fresh connection (no keep-alive), with a per-request timeout. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/**
 * Polls `url` until it answers `status` (default 200). Fails when the child exits first or the
 * timeout passes. Resolves with the moment (performance.now()) the answer arrived.
 */
export async function waitForHttp(
  url: string,
  options: { child?: Child; timeoutMs: number; intervalMs?: number; status?: number },
): Promise<number> {
  const deadline = performance.now() + options.timeoutMs;
  const wanted = options.status ?? 200;
  let exited: Exit | null = null;
  void options.child?.exited.then((e) => {
    exited = e;
  });
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (exited) {
      const e = exited as Exit;
      throw new Error(
        `${options.child!.name} exited (code ${e.code}, signal ${e.signal}) before ${url} answered:\n${options.child!.stderrTail()}`,
      );
    }
    try {
      const res = await httpGet(url, {}, 2_000);
      if (res.status === wanted) return performance.now();
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
  throw new Error(`${url} did not answer ${wanted} within ${options.timeoutMs} ms (last: ${last})`);
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; null elsewhere).
 * Assumes the usual 100 clock ticks per second.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
