import { closeSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { cleanEnv, freePort, spawnChild, waitForHttp } from '../support/processes.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { tempDir } from '../support/temp.ts';
import type { BenchContext, Benchmark } from '../support/types.ts';

interface SaldoStart {
  /** Spawn of `node bin/saldo.mjs start` → first 200 from /readyz. */
  readyMs: number;
  /** SIGTERM → exit. */
  stopMs: number;
  /** What Saldo's own log says: PostgreSQL start, and serve() entry → listening (excludes Node + module loading). */
  logPostgresMs: number | null;
  logReadyMs: number | null;
  /** From the "Saldo ready" line: process start → ready, and each step of serve() (src/cli/serve.ts). */
  logSinceProcessStartMs: number | null;
  logPhases: Record<string, number>;
}

function saldoEnv(dataDir: string, port: number) {
  return cleanEnv({ SALDO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SALDO_WEB: '0' });
}

interface LogEntry {
  msg?: string;
  ms?: number;
  sinceProcessStartMs?: number;
  phases?: Record<string, number>;
}

/** The first pino line with this message, from a `saldo start` log. */
function logged(log: string, msg: string): LogEntry | null {
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as LogEntry;
      if (entry.msg === msg) return entry;
    } catch {
      // not a log line
    }
  }
  return null;
}

/** The `ms` of the first pino line with this message. */
function loggedMs(log: string, msg: string): number | null {
  const ms = logged(log, msg)?.ms;
  return typeof ms === 'number' ? ms : null;
}

/** One `node bin/saldo.mjs start` on the data directory: time to the first 200 from /readyz, then SIGTERM. */
async function startSaldo(
  ctx: BenchContext,
  dataDir: string,
  logFile: string,
  timeoutMs: number,
): Promise<SaldoStart> {
  const port = await freePort();
  const fd = openSync(logFile, 'w');
  try {
    const t0 = performance.now();
    const child = spawnChild(ctx.cleanup, {
      name: 'saldo start',
      command: process.execPath,
      args: [path.join(ctx.repoRoot, 'bin/saldo.mjs'), 'start'],
      cwd: ctx.repoRoot,
      env: saldoEnv(dataDir, port),
      stdout: fd,
    });
    const readyAt = await waitForHttp(`http://127.0.0.1:${port}/readyz`, { child, timeoutMs, intervalMs: 5 });
    const exit = await child.stop(60_000);
    if (exit.code !== 0)
      throw new Error(
        `saldo start exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM:\n${child.stderrTail()}`,
      );
    const log = readFileSync(logFile, 'utf8');
    const ready = logged(log, 'Saldo ready');
    return {
      readyMs: readyAt - t0,
      stopMs: exit.ms,
      logPostgresMs: loggedMs(log, 'embedded PostgreSQL started'),
      logReadyMs: loggedMs(log, 'Saldo ready'),
      logSinceProcessStartMs: ready?.sinceProcessStartMs ?? null,
      logPhases: ready?.phases ?? {},
    };
  } finally {
    closeSync(fd);
  }
}

/** The baseline: bare PostgreSQL on the same data directory, started in this process until it answers `select 1`. */
async function startPostgres(ctx: BenchContext, dataDir: string): Promise<number> {
  const { startEmbeddedPostgres } = await import('../../src/db/embedded.ts');
  const t0 = performance.now();
  const embedded = await startEmbeddedPostgres({ dataDir });
  const stop = ctx.cleanup.add('stop the baseline PostgreSQL', () => embedded.stop());
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  await client.query('select 1');
  const ms = performance.now() - t0;
  await client.end();
  await stop();
  return ms;
}

/** Node + the freshness check + loading the server bundle and its packages (what `saldo start` pays before serve() runs). */
async function cliLoad(ctx: BenchContext): Promise<number> {
  const t0 = performance.now();
  const child = spawnChild(ctx.cleanup, {
    name: 'saldo --version',
    command: process.execPath,
    args: [path.join(ctx.repoRoot, 'bin/saldo.mjs'), '--version'],
    cwd: ctx.repoRoot,
    env: cleanEnv({}),
  });
  const exit = await child.exited;
  if (exit.code !== 0) throw new Error(`saldo --version failed:\n${child.stderrTail()}`);
  return performance.now() - t0;
}

export const coldStart: Benchmark = {
  name: 'cold-start',
  description:
    '`saldo start` (SALDO_WEB=0) on an existing data directory until /readyz answers 200, median ms, vs bare PostgreSQL on the same directory',
  options: {
    runs: { description: 'measured starts of each', default: 5, min: 1, max: 50 },
  },
  async run(ctx) {
    const runs = ctx.options.runs!;
    const loadAtStart = roundTo(loadavg()[0]!, 2);
    const dataDir = tempDir(ctx.cleanup, 'cold');
    const logs = tempDir(ctx.cleanup, 'cold-logs');
    ctx.log(`preparing ${dataDir}: first start (cluster, migrations, demo sellers)`);
    const first = await startSaldo(ctx, dataDir, path.join(logs, 'prepare.log'), 300_000);
    ctx.log(`first start took ${roundTo(first.readyMs, 0)} ms (not counted)`);

    const saldo: SaldoStart[] = [];
    const postgres: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await startSaldo(ctx, dataDir, path.join(logs, `start-${i + 1}.log`), 120_000);
      saldo.push(s);
      const p = await startPostgres(ctx, dataDir);
      postgres.push(p);
      load.push(await cliLoad(ctx));
      ctx.log(
        `run ${i + 1}/${runs}: saldo start → /readyz ${roundTo(s.readyMs, 0)} ms (stop ${roundTo(s.stopMs, 0)} ms); ` +
          `bare PostgreSQL → select 1 ${roundTo(p, 0)} ms`,
      );
    }

    const readyMs = saldo.map((s) => s.readyMs);
    const value = median(readyMs);
    const baseline = median(postgres);
    const medianOf = (xs: (number | null)[]) => {
      const known = xs.filter((x): x is number => x !== null);
      return known.length ? roundTo(median(known), 1) : null;
    };
    return {
      name: 'cold-start',
      metric: 'ms (median)',
      value,
      baseline,
      ratio: ratioOf(value, baseline, 'lower-is-better'),
      details: {
        saldo: {
          readyMs: readyMs.map((x) => roundTo(x, 1)),
          min: roundTo(Math.min(...readyMs), 1),
          max: roundTo(Math.max(...readyMs), 1),
          stopMsMedian: roundTo(median(saldo.map((s) => s.stopMs)), 1),
          breakdownMedian: {
            cliLoadMs: roundTo(median(load), 1),
            beforeServeMs: medianOf(
              saldo.map((s) =>
                s.logSinceProcessStartMs !== null && s.logReadyMs !== null
                  ? s.logSinceProcessStartMs - s.logReadyMs
                  : null,
              ),
            ),
            postgresStartMs: medianOf(saldo.map((s) => s.logPostgresMs)),
            serveToListeningMs: medianOf(saldo.map((s) => s.logReadyMs)),
            phases: Object.fromEntries(
              [...new Set(saldo.flatMap((s) => Object.keys(s.logPhases)))].map((phase) => [
                phase,
                medianOf(saldo.map((s) => s.logPhases[phase] ?? null)),
              ]),
            ),
          },
        },
        baseline: { postgresMs: postgres.map((x) => roundTo(x, 1)) },
        settings: {
          runs,
          order: 'interleaved: Saldo start, then bare PostgreSQL, then `saldo --version`, per run',
          pollIntervalMs: 5,
          firstStartMs: roundTo(first.readyMs, 1),
          cpus: availableParallelism(),
          loadAverage1mAtStartAndEnd: [loadAtStart, roundTo(loadavg()[0]!, 2)],
          node: process.version,
          notes: [
            'cliLoadMs: `node bin/saldo.mjs --version` (Node, the bundle’s freshness check, the bundle and every package it imports; no work)',
            'beforeServeMs: process start → serve() in the measured starts (the same loading, from Saldo’s own log)',
            'postgresStartMs / serveToListeningMs: from Saldo’s own log; serveToListening includes PostgreSQL, migrations check, demo check, worker start, buildApp and listen',
            'phases: serve()’s steps from the "Saldo ready" line; demo, worker and app (buildApp) run side by side, so they overlap',
          ],
        },
      },
    };
  },
};
