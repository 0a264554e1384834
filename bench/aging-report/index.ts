import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { type AgingReport, agingReport, agingSql } from '../../src/domain/reports/aging-report.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { AR_SEED_OPTIONS, loadNow, machineDetails, startArDatabase } from '../support/run-info.ts';
import type { Benchmark } from '../support/types.ts';

/**
 * The baseline: one hand-written query that computes the whole report — every (currency,
 * customer) row with its five buckets, total, unapplied cash, unapplied credits and balance, plus
 * each currency's total row (grouping sets), already sorted the way the report is (currency;
 * largest total first; name; account number). What a person fluent in SQL would write for "aging
 * by customer, with what is on account and the balance, and totals".
 */
export const baselineSql = `
with t as (select (now() at time zone time_zone)::date as today from organizations where id = $1),
items as (
  select i.customer_id, i.currency, t.today - i.due_date as days, i.open_amount as open,
         0::bigint as cash, 0::bigint as credits
    from t join invoices i on i.org_id = $1 and i.status = 'open' and i.open_amount > 0
  union all
  select p.customer_id, p.currency, null, 0, p.unapplied_amount, 0
    from payments p where p.org_id = $1 and p.status = 'completed' and p.unapplied_amount > 0
  union all
  select m.customer_id, m.currency, null, 0, 0, m.unapplied_amount
    from credit_memos m where m.org_id = $1 and m.status = 'open' and m.unapplied_amount > 0
)
select x.currency, c.id as customer_id, c.name, c.account_number,
       sum(case when x.days <= 0 then x.open else 0 end) as current,
       sum(case when x.days between 1 and 30 then x.open else 0 end) as d1_30,
       sum(case when x.days between 31 and 60 then x.open else 0 end) as d31_60,
       sum(case when x.days between 61 and 90 then x.open else 0 end) as d61_90,
       sum(case when x.days > 90 then x.open else 0 end) as d90_plus,
       sum(x.open) as total,
       sum(x.cash) as unapplied_cash,
       sum(x.credits) as unapplied_credits,
       sum(x.open - x.cash - x.credits) as balance,
       grouping(c.id) as is_total
  from items x
  join customer_accounts c on c.org_id = $1 and c.id = x.customer_id
 group by grouping sets ((x.currency, c.id, c.name, c.account_number), (x.currency))
 order by x.currency, grouping(c.id), sum(x.open) desc, c.name, c.account_number`;

export interface BaselineRow {
  currency: string;
  customer_id: string | null;
  name: string | null;
  account_number: string | null;
  current: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  total: string;
  unapplied_cash: string;
  unapplied_credits: string;
  balance: string;
  is_total: number;
}

/** Saldo's report flattened to the baseline's row order, every amount as a decimal string. */
export function flatten(report: AgingReport): string[] {
  const lines: string[] = [];
  for (const c of report.currencies) {
    for (const k of c.customers) {
      const b = k.buckets;
      lines.push(
        [
          c.currency,
          k.customerId,
          b.current,
          b.d1_30,
          b.d31_60,
          b.d61_90,
          b.d90_plus,
          k.total,
          k.unappliedCash,
          k.unappliedCredits,
          k.balance,
        ].join('|'),
      );
    }
    const b = c.buckets;
    lines.push(
      [
        c.currency,
        'TOTAL',
        b.current,
        b.d1_30,
        b.d31_60,
        b.d61_90,
        b.d90_plus,
        c.total,
        c.unappliedCash,
        c.unappliedCredits,
        c.balance,
      ].join('|'),
    );
  }
  return lines;
}

export function flattenBaseline(rows: BaselineRow[]): string[] {
  return rows.map((r) =>
    [
      r.currency.trim(),
      r.is_total ? 'TOTAL' : r.customer_id,
      r.current,
      r.d1_30,
      r.d31_60,
      r.d61_90,
      r.d90_plus,
      r.total,
      r.unapplied_cash,
      r.unapplied_credits,
      r.balance,
    ].join('|'),
  );
}

export const agingReportBench: Benchmark = {
  name: 'aging-report',
  description:
    'the org’s aging report over 1M invoices, ms (median): Saldo’s agingReport (today: the fast path) vs one hand-written SQL query computing the same buckets, unapplied cash and credits, and balances',
  options: {
    ...AR_SEED_OPTIONS,
    runs: {
      description: 'measured runs of each side (interleaved), after one warm-up each',
      default: 5,
      min: 1,
      max: 50,
    },
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const { database, seed } = await startArDatabase(ctx);
    ctx.log(`seeded in ${seed.seconds.total.toFixed(1)} s`);

    // Both sides connect as the app role, in this process, one connection each in use at a time.
    const saldo = createDb(database.url, { max: 1, applicationName: 'saldo-bench-aging' });
    ctx.cleanup.add('close Saldo’s pool', () => saldo.close());
    const baseline = new pg.Client({
      connectionString: database.url,
      application_name: 'saldo-bench-aging-baseline',
    });
    await baseline.connect();
    ctx.cleanup.add('close the baseline client', () => baseline.end());

    const runSaldo = async () => {
      const t = performance.now();
      const report = await agingReport({ db: saldo.db }, { orgId: seed.orgId });
      return { ms: performance.now() - t, report };
    };
    const runBaseline = async () => {
      const t = performance.now();
      const { rows } = await baseline.query<BaselineRow>(baselineSql, [seed.orgId]);
      return { ms: performance.now() - t, rows };
    };

    // Warm-up (caches, plans, JIT) and the check that both compute the same numbers.
    const warmBaseline = await runBaseline();
    const warmSaldo = await runSaldo();
    const a = flatten(warmSaldo.report);
    const b = flattenBaseline(warmBaseline.rows);
    const firstDiff = a.findIndex((line, i) => line !== b[i]);
    if (a.length !== b.length || firstDiff !== -1) {
      throw new Error(
        `sanity check: Saldo's report and the baseline differ (${a.length} vs ${b.length} rows; first difference at ${firstDiff}: ${a[firstDiff]} vs ${b[firstDiff]})`,
      );
    }
    const customersInReport = warmSaldo.report.currencies.reduce((n, c) => n + c.customers.length, 0);
    ctx.log(
      `sanity check passed: identical ${a.length} rows (${customersInReport} customer rows, ${warmSaldo.report.currencies.length} currencies)`,
    );

    const samples = { saldo: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < ctx.options.runs!; i++) {
      const order = i % 2 === 0 ? (['baseline', 'saldo'] as const) : (['saldo', 'baseline'] as const);
      for (const side of order) {
        samples[side].push(side === 'saldo' ? (await runSaldo()).ms : (await runBaseline()).ms);
      }
      ctx.log(
        `run ${i + 1}: baseline ${roundTo(samples.baseline.at(-1)!, 1)} ms, Saldo ${roundTo(samples.saldo.at(-1)!, 1)} ms`,
      );
    }

    // Where Saldo's time goes: the database's own execution time of its query, and the plan's shape.
    const explain = await baseline.query<{ 'QUERY PLAN': unknown }>(
      `explain (analyze, buffers, format json) ${agingSql}`,
      [seed.orgId, null],
    );
    const plan = (explain.rows[0]!['QUERY PLAN'] as { 'Execution Time': number; Plan: unknown }[])[0]!;
    const scans: string[] = [];
    const walk = (node: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] }) => {
      if (/Scan/.test(node['Node Type']))
        scans.push(`${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    walk(plan.Plan as Parameters<typeof walk>[0]);

    const saldoMs = median(samples.saldo);
    const baselineMs = median(samples.baseline);
    return {
      name: 'aging-report',
      metric: 'ms (median)',
      value: saldoMs,
      baseline: baselineMs,
      ratio: ratioOf(saldoMs, baselineMs, 'lower-is-better'),
      details: {
        saldoMs: samples.saldo.map((s) => roundTo(s, 1)),
        baselineMs: samples.baseline.map((s) => roundTo(s, 1)),
        saldoQueryExecutionMs: roundTo(plan['Execution Time'], 1),
        saldoQueryScans: scans,
        report: {
          asOf: warmSaldo.report.asOf,
          currencies: warmSaldo.report.currencies.map((c) => ({
            currency: c.currency,
            customers: c.customers.length,
            total: c.total.toString(),
          })),
          rows: a.length,
        },
        seed: {
          customers: seed.customers,
          invoices: seed.invoices,
          openInvoices: seed.openInvoices,
          seconds: {
            customers: roundTo(seed.seconds.customers, 1),
            invoices: roundTo(seed.seconds.invoices, 1),
            vacuumAnalyze: roundTo(seed.seconds.vacuumAnalyze, 1),
            total: roundTo(seed.seconds.total, 1),
          },
          journal: 'none (the benchmark measures reads of the documents’ current state)',
        },
        settings: {
          runs: ctx.options.runs,
          order: 'one warm-up each, then interleaved (B,S then S,B …)',
          connection: 'one each, app role, from the harness process',
          ...machineDetails(loadAtStart, database),
        },
      },
    };
  },
};
