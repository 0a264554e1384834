import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { startBenchDatabase } from '../support/database.ts';
import {
  canonical,
  LOAD_OPTIONS,
  type Measured,
  measureRounds,
  medianRps,
  POOL_SIZE,
  type Server,
  startServers,
  summarize,
} from '../support/http-compare.ts';
import { httpGet } from '../support/processes.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { loadNow, machineDetails } from '../support/run-info.ts';
import { seedSession } from '../support/seed.ts';
import { tempDir } from '../support/temp.ts';
import type { Benchmark } from '../support/types.ts';

const ME = '/api/v1/me';

/** Lines in a file, streamed (the request log can be tens of MB). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines++;
  }
  return lines;
}

/**
 * The server CPU Saldo spends per request beyond the baseline's (µs, median over the rounds): the
 * most stable figure of what Saldo's own work costs, whatever the machine's load does to req/s.
 */
function cpuAbove(results: Record<'saldo' | 'baseline', Measured[]>): number | null {
  const above = results.saldo.map((r, i) => {
    const b = results.baseline[i]!.cpuUsPerRequest;
    return r.cpuUsPerRequest === null || b === null ? null : r.cpuUsPerRequest - b;
  });
  return above.every((x) => x !== null) ? roundTo(median(above as number[]), 1) : null;
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

export const httpSession: Benchmark = {
  name: 'http-session',
  description:
    'authenticated GET /api/v1/me, requests/s: Saldo’s HTTP app vs a bare node:http + pg server running the same session query',
  // Five rounds by default: one round swings by ±0.1 on a busy machine; the median of five holds.
  options: { ...LOAD_OPTIONS, rounds: { ...LOAD_OPTIONS.rounds, default: 5 } },
  async run(ctx) {
    const loadAtStart = loadNow();
    const database = await startBenchDatabase(ctx);
    ctx.log(`database: ${database.where}`);
    const session = await seedSession(database.ownerUrl);
    const cookie = `saldo_session=${session.token}`;
    const work = tempDir(ctx.cleanup, 'http');

    const saldoLogLevel = process.env.BENCH_SALDO_LOG_LEVEL || 'info';
    const saldoNodeArgs = (process.env.BENCH_SALDO_NODE_ARGS || '').split(/\s+/).filter(Boolean);
    const baselineNodeArgs = (process.env.BENCH_BASELINE_NODE_ARGS || '').split(/\s+/).filter(Boolean);
    const { baseline, saldo, logFile } = await startServers(ctx, {
      database,
      work,
      baselineScript: 'bench/http-session/baseline-server.ts',
      saldoLogLevel,
      saldoNodeArgs,
      baselineNodeArgs,
    });
    ctx.log(
      `baseline on ${baseline.base} (pid ${baseline.child.process.pid}), Saldo on ${saldo.base} (pid ${saldo.child.process.pid})`,
    );
    const sanity = await sanityCheck([baseline, saldo], cookie, session.email, ctx.log);

    const { results, served } = await measureRounds(ctx, { baseline, saldo }, ME, cookie);
    const rounds = ctx.options.rounds!;
    const logBytes = statSync(logFile).size;
    const logLines = await countLines(logFile);

    const { saldo: saldoRps, baseline: baselineRps } = medianRps(results);
    // Each round's two measurements ran back to back, so their ratio shares the machine's mood of
    // that moment; the median of those ratios is the figure (with one round, Saldo ÷ baseline).
    const ratios = results.saldo.map((r, i) => ratioOf(r.rps, results.baseline[i]!.rps, 'higher-is-better'));
    // Requests Saldo answered under load, warm-ups included, to relate to its log.
    const saldoServed = served.saldo;
    return {
      name: 'http-session',
      metric: 'requests/s',
      value: saldoRps,
      baseline: baselineRps,
      ratio: median(ratios),
      details: {
        ratioPerRound: ratios.map((x) => roundTo(x, 3)),
        cpuUsPerRequestAboveBaseline: cpuAbove(results),
        saldo: summarize(results.saldo, { roundSeconds: true }),
        baseline: summarize(results.baseline, { roundSeconds: true }),
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
            destination:
              'a file (the child’s stdout, written in batches as by saldo start: http/logging.ts bufferedStdout)',
            lines: logLines,
            bytes: logBytes,
            linesPerRequest: roundTo(logLines / Math.max(1, saldoServed), 2),
          },
          saldoNodeArgs,
          baselineNodeArgs,
          ...machineDetails(loadAtStart, database),
          sessionContexts: session.contexts,
          sanity,
        },
      },
    };
  },
};
