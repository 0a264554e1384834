import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import type { BenchDatabase } from './database.ts';
import { type LoadResult, runLoad } from './load.ts';
import {
  type Child,
  cleanEnv,
  cpuSeconds,
  freePort,
  spawnChild,
  tsxNodeArgs,
  waitForHttp,
} from './processes.ts';
import { median, roundTo } from './result.ts';
import type { BenchContext, OptionSpec } from './types.ts';

/**
 * What the HTTP benchmarks (http-session, portal-invoices) share: Saldo's real app and a bare
 * baseline server as child processes, a sanity-checked comparison, load measured per server in
 * alternating rounds, and the same summary of each side.
 */

/** Both servers get a pool of this size; `saldo start` / `saldo web` use 20 (src/cli/serve.ts). */
export const POOL_SIZE = 20;

export type Side = 'baseline' | 'saldo';

export interface Server {
  side: Side;
  child: Child;
  base: string;
}

/** A measured run, plus the server process's CPU time per request (µs; null off Linux). */
export interface Measured extends LoadResult {
  cpuUsPerRequest: number | null;
}

/** JSON with keys sorted at every level, to compare bodies whatever order each server writes keys in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Starts the baseline (`baselineScript`, relative to the repository) and Saldo's real app
 * (bench/http-session/saldo-server.ts: the app as `saldo web` builds it, its log to `logFile` in
 * `work`), both on free ports of 127.0.0.1 against `database`, and waits until both answer.
 */
export async function startServers(
  ctx: BenchContext,
  options: {
    database: BenchDatabase;
    work: string;
    baselineScript: string;
    saldoLogLevel: string;
    saldoNodeArgs: string[];
    /** Node flags for the baseline (e.g. `--cpu-prof`, to profile it beside Saldo). */
    baselineNodeArgs?: string[];
  },
): Promise<{ baseline: Server; saldo: Server; logFile: string }> {
  const logFile = path.join(options.work, 'saldo.log');
  const logFd = openSync(logFile, 'a');
  ctx.cleanup.add('close the Saldo log', () => closeSync(logFd));

  const start = async (side: Side): Promise<Server> => {
    const port = await freePort();
    const common = {
      DATABASE_URL: options.database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      POOL_SIZE: String(POOL_SIZE),
    };
    const child =
      side === 'baseline'
        ? spawnChild(ctx.cleanup, {
            name: 'baseline server',
            command: process.execPath,
            args: tsxNodeArgs(path.join(ctx.repoRoot, options.baselineScript), options.baselineNodeArgs),
            cwd: ctx.repoRoot,
            env: cleanEnv(common),
            stdinPipe: true,
          })
        : spawnChild(ctx.cleanup, {
            name: 'Saldo server',
            command: process.execPath,
            args: tsxNodeArgs(
              path.join(ctx.repoRoot, 'bench/http-session/saldo-server.ts'),
              options.saldoNodeArgs,
            ),
            cwd: ctx.repoRoot,
            env: cleanEnv({
              ...common,
              LOG_LEVEL: options.saldoLogLevel,
              NODE_ENV: 'production',
              SALDO_WEB: '0',
              SALDO_DEMO: '0',
              SALDO_DATA_DIR: options.work,
              SALDO_SECRET_KEY: randomBytes(32).toString('hex'),
            }),
            stdout: logFd,
            stdinPipe: true,
          });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, { child, timeoutMs: 60_000 });
    return { side, child, base };
  };

  const baseline = await start('baseline');
  const saldo = await start('saldo');
  return { baseline, saldo, logFile };
}

/**
 * One server under load on `url` (its path): the warm-up (`--warmup`, not recorded), then
 * `--duration` seconds measured with the server's CPU time. Any non-2xx (or more errors than
 * connections) fails the run. `served` counts what the server answered, warm-up included.
 */
async function measure(
  ctx: BenchContext,
  server: Server,
  url: string,
  cookie: string,
): Promise<Measured & { served: number }> {
  const target = `${server.base}${url}`;
  const headers = { cookie };
  let served = 0;
  const warmup = ctx.options.warmup!;
  if (warmup > 0) {
    ctx.log(`${server.side}: warm-up ${warmup} s, ${ctx.connections} connections`);
    const w = await runLoad({ url: target, duration: warmup, connections: ctx.connections, headers });
    served += w.ok + w.non2xx;
  }
  ctx.log(`${server.side}: measuring ${ctx.duration} s, ${ctx.connections} connections`);
  const cpuBefore = cpuSeconds(server.child.process.pid);
  const r = await runLoad({ url: target, duration: ctx.duration, connections: ctx.connections, headers });
  const cpuAfter = cpuSeconds(server.child.process.pid);
  served += r.ok + r.non2xx;
  const cpuUsPerRequest =
    cpuBefore !== null && cpuAfter !== null && r.ok > 0
      ? ((cpuAfter - cpuBefore) * 1e6) / (r.ok + r.non2xx)
      : null;
  ctx.log(
    `${server.side}: ${roundTo(r.rps, 1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
      `${r.non2xx} non-2xx, ${r.errors} errors` +
      (cpuUsPerRequest === null ? '' : `, server CPU ${Math.round(cpuUsPerRequest)} µs/request`),
  );
  if (r.non2xx > 0 || r.errors > Math.max(ctx.connections, r.ok * 0.001)) {
    throw new Error(
      `${server.side} failed under load: ${r.non2xx} non-2xx responses, ${r.errors} errors (${r.timeouts} timeouts)`,
    );
  }
  return { ...r, cpuUsPerRequest, served };
}

/**
 * `--rounds` measurements of each server, the order alternating each round (B,S then S,B …);
 * then both servers are stopped. Returns each side's runs and what each served under load.
 */
export async function measureRounds(
  ctx: BenchContext,
  servers: { baseline: Server; saldo: Server },
  url: string,
  cookie: string,
): Promise<{ results: Record<Side, Measured[]>; served: Record<Side, number> }> {
  const { baseline, saldo } = servers;
  const results: Record<Side, Measured[]> = { baseline: [], saldo: [] };
  const served: Record<Side, number> = { baseline: 0, saldo: 0 };
  const rounds = ctx.options.rounds!;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [baseline, saldo] : [saldo, baseline];
    if (rounds > 1) ctx.log(`round ${round + 1} of ${rounds}: ${order.map((s) => s.side).join(' then ')}`);
    for (const server of order) {
      const { served: n, ...measured } = await measure(ctx, server, url, cookie);
      served[server.side] += n;
      results[server.side].push(measured);
    }
  }
  for (const server of [saldo, baseline]) {
    const exit = await server.child.stop();
    if (exit.code !== 0) ctx.log(`${server.side} exited with code ${exit.code} (signal ${exit.signal})`);
  }
  return { results, served };
}

/** One side's figures over its rounds: medians, worst latency, counts, CPU per request, each round. */
export function summarize(rs: Measured[], o: { roundSeconds?: boolean } = {}) {
  return {
    rps: roundTo(median(rs.map((r) => r.rps)), 1),
    p50Ms: median(rs.map((r) => r.latency.p50)),
    p99Ms: median(rs.map((r) => r.latency.p99)),
    maxMs: Math.max(...rs.map((r) => r.latency.max)),
    requests: rs.reduce((n, r) => n + r.ok, 0),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    serverCpuUsPerRequest: rs.every((r) => r.cpuUsPerRequest !== null)
      ? roundTo(median(rs.map((r) => r.cpuUsPerRequest!)), 0)
      : null,
    perRound: rs.map((r) => ({
      rps: roundTo(r.rps, 1),
      p99Ms: r.latency.p99,
      ...(o.roundSeconds ? { seconds: r.seconds } : {}),
    })),
  };
}

/** Saldo's and the baseline's median 2xx requests per second. */
export function medianRps(results: Record<Side, Measured[]>): { saldo: number; baseline: number } {
  return {
    saldo: median(results.saldo.map((r) => r.rps)),
    baseline: median(results.baseline.map((r) => r.rps)),
  };
}

/** The options of a load benchmark that measureRounds reads (`--warmup`, `--rounds`). */
export const LOAD_OPTIONS = {
  warmup: {
    description: 'seconds of unmeasured load before each measurement',
    default: 3,
    min: 0,
    max: 60,
  },
  rounds: {
    description: 'measurements per server; order alternates (B,S then S,B …); medians are reported',
    default: 1,
    min: 1,
    max: 10,
  },
} satisfies Record<string, OptionSpec>;
