import { statSync } from 'node:fs';
import {
  canonical,
  LOAD_OPTIONS,
  measureRounds,
  medianRps,
  POOL_SIZE,
  type Server,
  startServers,
  summarize,
} from '../support/http-compare.ts';
import { httpGet } from '../support/processes.ts';
import { ratioOf, roundTo } from '../support/result.ts';
import { AR_SEED_OPTIONS, loadNow, machineDetails, startArDatabase } from '../support/run-info.ts';
import { tempDir } from '../support/temp.ts';
import type { Benchmark } from '../support/types.ts';

const PAGE = '/api/v1/portal/invoices?status=open&page=1&pageSize=25';

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

export const portalInvoices: Benchmark = {
  name: 'portal-invoices',
  description:
    'a customer’s open-invoice list page (25 of ~4,500 invoices, 1M in the org), requests/s: Saldo’s HTTP app vs bare node:http + pg running the same queries',
  options: {
    ...AR_SEED_OPTIONS,
    ...LOAD_OPTIONS,
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const { database, seed } = await startArDatabase(ctx);
    ctx.log(
      `seeded in ${seed.seconds.total.toFixed(1)} s; the portal account has ${seed.portal.invoices} invoices`,
    );
    const cookie = `saldo_session=${seed.portal.token}`;
    const work = tempDir(ctx.cleanup, 'portal');
    const { baseline, saldo, logFile } = await startServers(ctx, {
      database,
      work,
      baselineScript: 'bench/portal-invoices/baseline-server.ts',
      saldoLogLevel: 'info',
      saldoNodeArgs: process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
        : [],
    });
    const sanity = await sanityCheck([baseline, saldo], cookie, ctx.log);

    const { results } = await measureRounds(ctx, { baseline, saldo }, PAGE, cookie);
    const rounds = ctx.options.rounds!;
    const { saldo: saldoRps, baseline: baselineRps } = medianRps(results);
    return {
      name: 'portal-invoices',
      metric: 'requests/s',
      value: saldoRps,
      baseline: baselineRps,
      ratio: ratioOf(saldoRps, baselineRps, 'higher-is-better'),
      details: {
        saldo: summarize(results.saldo),
        baseline: summarize(results.baseline),
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
          ...machineDetails(loadAtStart, database),
        },
      },
    };
  },
};
