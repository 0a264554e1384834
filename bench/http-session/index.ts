import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { startBenchDatabase } from '../support/database.ts';
import { type LoadResult, runLoad } from '../support/load.ts';
import {
  type Child,
  cleanEnv,
  cpuSeconds,
  freePort,
  httpGet,
  spawnChild,
  tsxNodeArgs,
  waitForHttp,
} from '../support/processes.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { seedSession } from '../support/seed.ts';
import { tempDir } from '../support/temp.ts';
import type { BenchContext, Benchmark } from '../support/types.ts';

/** Both servers get a pool of this size; `saldo start` / `saldo web` use 20 (src/cli/serve.ts). */
const POOL_SIZE = 20;
const ME = '/api/v1/me';

type Side = 'baseline' | 'saldo';

/** A measured run, plus the server process's CPU time per request (µs; null off Linux). */
interface Measured extends LoadResult {
  cpuUsPerRequest: number | null;
}

interface Server {
  side: Side;
  child: Child;
  base: string;
}

/** Lines in a file, streamed (the request log can be tens of MB). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines++;
  }
  return lines;
}

/** JSON with keys sorted at every level, to compare bodies whatever order each server writes keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Fails the run unless both servers answer the same 200 for the cookie and 401 without a valid one. */
async function sanityCheck(servers: Server[], cookie: string, email: string, log: (m: string) => void) {
  const bodies: string[] = [];
  const raw: string[] = [];
  for (const s of servers) {
    const ok = await httpGet(`${s.base}${ME}`, { cookie });
    if (ok.status !== 200)
      throw new Error(`sanity check: ${s.side} answered ${ok.status} to the session cookie: ${ok.body}`);
    const parsed = JSON.parse(ok.body) as {
      user?: { email?: string };
      contexts?: unknown[];
      context?: unknown;
    };
    if (parsed.user?.email !== email || parsed.contexts?.length !== 2 || !parsed.context) {
      throw new Error(`sanity check: ${s.side} answered an unexpected body: ${ok.body}`);
    }
    bodies.push(canonical(parsed));
    raw.push(ok.body);
    const invalid: Record<string, string>[] = [
      {},
      { cookie: `saldo_session=${randomBytes(32).toString('base64url')}` },
    ];
    for (const headers of invalid) {
      const denied = await httpGet(`${s.base}${ME}`, headers);
      if (denied.status !== 401)
        throw new Error(
          `sanity check: ${s.side} answered ${denied.status}, not 401, without a valid session`,
        );
    }
  }
  if (bodies[0] !== bodies[1]) {
    throw new Error(`sanity check: the bodies differ\n  baseline: ${raw[0]}\n  saldo:    ${raw[1]}`);
  }
  log(
    `sanity check passed: same 200 body from both (${raw[1]!.length} bytes, byte-identical: ${raw[0] === raw[1]}), 401 without a valid session`,
  );
  return { bodyBytes: raw[1]!.length, byteIdentical: raw[0] === raw[1] };
}

async function measure(
  ctx: BenchContext,
  server: Server,
  cookie: string,
  served: Record<Side, number>,
): Promise<Measured> {
  const url = `${server.base}${ME}`;
  const headers = { cookie };
  const warmup = ctx.options.warmup!;
  if (warmup > 0) {
    ctx.log(`${server.side}: warm-up ${warmup} s, ${ctx.connections} connections`);
    const w = await runLoad({ url, duration: warmup, connections: ctx.connections, headers });
    served[server.side] += w.ok + w.non2xx;
  }
  ctx.log(`${server.side}: measuring ${ctx.duration} s, ${ctx.connections} connections`);
  const cpuBefore = cpuSeconds(server.child.process.pid);
  const r = await runLoad({ url, duration: ctx.duration, connections: ctx.connections, headers });
  const cpuAfter = cpuSeconds(server.child.process.pid);
  served[server.side] += r.ok + r.non2xx;
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
  return { ...r, cpuUsPerRequest };
}

export const httpSession: Benchmark = {
  name: 'http-session',
  description:
    'authenticated GET /api/v1/me, requests/s: Saldo’s HTTP app vs a bare node:http + pg server running the same session query',
  options: {
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
  },
  async run(ctx) {
    const loadAtStart = roundTo(loadavg()[0]!, 2);
    const database = await startBenchDatabase(ctx);
    ctx.log(`database: ${database.where}`);
    const session = await seedSession(database.ownerUrl);
    const cookie = `saldo_session=${session.token}`;
    const work = tempDir(ctx.cleanup, 'http');

    const saldoLogLevel = process.env.BENCH_SALDO_LOG_LEVEL || 'info';
    const saldoNodeArgs = (process.env.BENCH_SALDO_NODE_ARGS || '').split(/\s+/).filter(Boolean);
    const logFile = path.join(work, 'saldo.log');
    const logFd = openSync(logFile, 'a');
    ctx.cleanup.add('close the Saldo log', () => closeSync(logFd));

    const start = async (side: Side): Promise<Server> => {
      const port = await freePort();
      const common = {
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        POOL_SIZE: String(POOL_SIZE),
      };
      const child =
        side === 'baseline'
          ? spawnChild(ctx.cleanup, {
              name: 'baseline server',
              command: process.execPath,
              args: tsxNodeArgs(path.join(ctx.repoRoot, 'bench/http-session/baseline-server.ts')),
              cwd: ctx.repoRoot,
              env: cleanEnv(common),
              stdinPipe: true,
            })
          : spawnChild(ctx.cleanup, {
              name: 'Saldo server',
              command: process.execPath,
              args: tsxNodeArgs(path.join(ctx.repoRoot, 'bench/http-session/saldo-server.ts'), saldoNodeArgs),
              cwd: ctx.repoRoot,
              env: cleanEnv({
                ...common,
                LOG_LEVEL: saldoLogLevel,
                NODE_ENV: 'production',
                SALDO_WEB: '0',
                SALDO_DEMO: '0',
                SALDO_DATA_DIR: work,
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
    ctx.log(
      `baseline on ${baseline.base} (pid ${baseline.child.process.pid}), Saldo on ${saldo.base} (pid ${saldo.child.process.pid})`,
    );
    const sanity = await sanityCheck([baseline, saldo], cookie, session.email, ctx.log);

    const results: Record<Side, Measured[]> = { baseline: [], saldo: [] };
    const served: Record<Side, number> = { baseline: 0, saldo: 0 };
    const rounds = ctx.options.rounds!;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [baseline, saldo] : [saldo, baseline];
      if (rounds > 1) ctx.log(`round ${round + 1} of ${rounds}: ${order.map((s) => s.side).join(' then ')}`);
      for (const server of order) results[server.side].push(await measure(ctx, server, cookie, served));
    }

    for (const server of [saldo, baseline]) {
      const exit = await server.child.stop();
      if (exit.code !== 0) ctx.log(`${server.side} exited with code ${exit.code} (signal ${exit.signal})`);
    }
    const logBytes = statSync(logFile).size;
    const logLines = await countLines(logFile);

    const summary = (rs: Measured[]) => ({
      rps: roundTo(median(rs.map((r) => r.rps)), 1),
      p50Ms: median(rs.map((r) => r.latency.p50)),
      p99Ms: median(rs.map((r) => r.latency.p99)),
      maxMs: Math.max(...rs.map((r) => r.latency.max)),
      requests: rs.reduce((n, r) => n + r.ok, 0),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      serverCpuUsPerRequest: rs.every((r) => r.cpuUsPerRequest !== null)
        ? roundTo(median(rs.map((r) => r.cpuUsPerRequest!)), 0)
        : null,
      perRound: rs.map((r) => ({ rps: roundTo(r.rps, 1), p99Ms: r.latency.p99, seconds: r.seconds })),
    });
    const saldoRps = median(results.saldo.map((r) => r.rps));
    const baselineRps = median(results.baseline.map((r) => r.rps));
    // Requests Saldo answered under load, warm-ups included, to relate to its log.
    const saldoServed = served.saldo;
    return {
      name: 'http-session',
      metric: 'requests/s',
      value: saldoRps,
      baseline: baselineRps,
      ratio: ratioOf(saldoRps, baselineRps, 'higher-is-better'),
      details: {
        saldo: summary(results.saldo),
        baseline: summary(results.baseline),
        settings: {
          durationS: ctx.duration,
          warmupS: ctx.options.warmup,
          rounds,
          order: rounds === 1 ? 'baseline, then Saldo' : 'alternating, baseline first',
          connections: ctx.connections,
          pipelining: 1,
          poolSize: POOL_SIZE,
          saldoLogLevel,
          saldoLog: {
            destination: 'a file (the child’s stdout, where pino writes synchronously)',
            lines: logLines,
            bytes: logBytes,
            linesPerRequest: roundTo(logLines / Math.max(1, saldoServed), 2),
          },
          saldoNodeArgs,
          cpus: availableParallelism(),
          loadAverage1mAtStartAndEnd: [loadAtStart, roundTo(loadavg()[0]!, 2)],
          node: process.version,
          database: database.where,
          sessionContexts: session.contexts,
          sanity,
        },
      },
    };
  },
};
