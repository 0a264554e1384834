import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { seedAr } from '../support/ar-seed.ts';
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
import { tempDir } from '../support/temp.ts';
import type { BenchContext, Benchmark } from '../support/types.ts';

const POOL_SIZE = 20;
const PAGE = '/api/v1/portal/invoices?status=open&page=1&pageSize=25';

type Side = 'baseline' | 'saldo';
interface Server {
  side: Side;
  child: Child;
  base: string;
}
interface Measured extends LoadResult {
  cpuUsPerRequest: number | null;
}

/** JSON with keys sorted at every level. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Both answer 200 with the same invoice ids in the same order and the same total; 401 without a session. */
async function sanityCheck(servers: Server[], cookie: string, log: (m: string) => void) {
  const answers: { ids: string[]; total: number; body: unknown }[] = [];
  for (const s of servers) {
    const ok = await httpGet(`${s.base}${PAGE}`, { cookie });
    if (ok.status !== 200)
      throw new Error(`sanity check: ${s.side} answered ${ok.status}: ${ok.body.slice(0, 500)}`);
    const body = JSON.parse(ok.body) as { items: { id: string }[]; total: number };
    if (body.items.length !== 25)
      throw new Error(`sanity check: ${s.side} returned ${body.items.length} items, not 25`);
    answers.push({ ids: body.items.map((i) => i.id), total: body.total, body });
    const denied = await httpGet(`${s.base}${PAGE}`, {});
    if (denied.status !== 401)
      throw new Error(`sanity check: ${s.side} answered ${denied.status}, not 401, without a session`);
  }
  const [b, s] = answers as [(typeof answers)[0], (typeof answers)[0]];
  if (b.ids.join() !== s.ids.join() || b.total !== s.total) {
    throw new Error(
      `sanity check: different pages\n  baseline: total ${b.total}, ${b.ids.join(',')}\n  saldo:    total ${s.total}, ${s.ids.join(',')}`,
    );
  }
  const sameBody = canonical(b.body) === canonical(s.body);
  log(
    `sanity check passed: same 25 invoice ids in the same order, same total (${s.total}); same JSON: ${sameBody}`,
  );
  return { total: s.total, sameJson: sameBody };
}

async function measure(ctx: BenchContext, server: Server, cookie: string): Promise<Measured> {
  const url = `${server.base}${PAGE}`;
  const headers = { cookie };
  const warmup = ctx.options.warmup!;
  if (warmup > 0) {
    ctx.log(`${server.side}: warm-up ${warmup} s, ${ctx.connections} connections`);
    await runLoad({ url, duration: warmup, connections: ctx.connections, headers });
  }
  ctx.log(`${server.side}: measuring ${ctx.duration} s, ${ctx.connections} connections`);
  const before = cpuSeconds(server.child.process.pid);
  const r = await runLoad({ url, duration: ctx.duration, connections: ctx.connections, headers });
  const after = cpuSeconds(server.child.process.pid);
  const cpuUsPerRequest =
    before !== null && after !== null && r.ok > 0 ? ((after - before) * 1e6) / (r.ok + r.non2xx) : null;
  ctx.log(
    `${server.side}: ${roundTo(r.rps, 1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
      `${r.non2xx} non-2xx, ${r.errors} errors` +
      (cpuUsPerRequest === null ? '' : `, server CPU ${Math.round(cpuUsPerRequest)} µs/request`),
  );
  if (r.non2xx > 0 || r.errors > Math.max(ctx.connections, r.ok * 0.001)) {
    throw new Error(
      `${server.side} failed under load: ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts)`,
    );
  }
  return { ...r, cpuUsPerRequest };
}

export const portalInvoices: Benchmark = {
  name: 'portal-invoices',
  description:
    'a customer’s open-invoice list page (25 of ~4,500 invoices, 1M in the org), requests/s: Saldo’s HTTP app vs bare node:http + pg running the same queries',
  options: {
    customers: { description: 'customers to seed', default: 50_000, min: 10, max: 1_000_000 },
    invoices: { description: 'invoices to seed', default: 1_000_000, min: 100, max: 20_000_000 },
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
    const seed = await seedAr(database.ownerUrl, {
      customers: ctx.options.customers!,
      invoices: ctx.options.invoices!,
      log: ctx.log,
    });
    ctx.log(
      `seeded in ${seed.seconds.total.toFixed(1)} s; the portal account has ${seed.portal.invoices} invoices`,
    );
    const cookie = `saldo_session=${seed.portal.token}`;
    const work = tempDir(ctx.cleanup, 'portal');
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
              args: tsxNodeArgs(path.join(ctx.repoRoot, 'bench/portal-invoices/baseline-server.ts')),
              cwd: ctx.repoRoot,
              env: cleanEnv(common),
              stdinPipe: true,
            })
          : spawnChild(ctx.cleanup, {
              name: 'Saldo server',
              command: process.execPath,
              // The same server script as http-session: Saldo's real app as `saldo web` builds it.
              args: tsxNodeArgs(
                path.join(ctx.repoRoot, 'bench/http-session/saldo-server.ts'),
                process.env.BENCH_PROFILE_DIR
                  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
                  : [],
              ),
              cwd: ctx.repoRoot,
              env: cleanEnv({
                ...common,
                LOG_LEVEL: 'info',
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
    const sanity = await sanityCheck([baseline, saldo], cookie, ctx.log);

    const results: Record<Side, Measured[]> = { baseline: [], saldo: [] };
    const rounds = ctx.options.rounds!;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [baseline, saldo] : [saldo, baseline];
      for (const server of order) results[server.side].push(await measure(ctx, server, cookie));
    }
    for (const server of [saldo, baseline]) await server.child.stop();

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
      perRound: rs.map((r) => ({ rps: roundTo(r.rps, 1), p99Ms: r.latency.p99 })),
    });
    const saldoRps = median(results.saldo.map((r) => r.rps));
    const baselineRps = median(results.baseline.map((r) => r.rps));
    return {
      name: 'portal-invoices',
      metric: 'requests/s',
      value: saldoRps,
      baseline: baselineRps,
      ratio: ratioOf(saldoRps, baselineRps, 'higher-is-better'),
      details: {
        saldo: summary(results.saldo),
        baseline: summary(results.baseline),
        page: PAGE,
        sanity,
        seed: {
          customers: seed.customers,
          invoices: seed.invoices,
          portalAccountInvoices: seed.portal.invoices,
          seconds: roundTo(seed.seconds.total, 1),
          journal: 'none (the benchmark measures reads)',
        },
        settings: {
          durationS: ctx.duration,
          warmupS: ctx.options.warmup,
          rounds,
          connections: ctx.connections,
          poolSize: POOL_SIZE,
          saldoLogLevel: 'info (to a file)',
          saldoLogBytes: statSync(logFile).size,
          cpus: availableParallelism(),
          loadAverage1mAtStartAndEnd: [loadAtStart, roundTo(loadavg()[0]!, 2)],
          node: process.version,
          database: database.where,
        },
      },
    };
  },
};
