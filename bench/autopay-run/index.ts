import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type Database } from '../../src/db/client.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { dueChargesSql, type SweepDay } from '../../src/domain/autopay/autopay.repository.ts';
import { chargeHorizon } from '../../src/domain/autopay/autopay-rules.ts';
import { planAutopayRun } from '../../src/domain/autopay/plan-autopay-run.ts';
import { nextBusinessDay } from '../../src/domain/calendar/business-days.ts';
import { createOrganization } from '../../src/domain/identity/create-organization.ts';
import { startBenchDatabase } from '../support/database.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { loadNow, machineDetails } from '../support/run-info.ts';
import type { Benchmark } from '../support/types.ts';

/**
 * One US seller; `customers` accounts, each enrolled in autopay (a saved card, on the due date, all
 * invoices) with one invoice due `today` and `others` open invoices due later (which the
 * selection must pass over). Seeded in bulk SQL as the owner, then analysed.
 */
export async function seed(
  db: Database,
  input: { customers: number; others: number; today: string },
): Promise<string> {
  const org = await createOrganization(
    { db },
    {
      name: `Harbor Autopay Bench ${randomUUID().slice(0, 6)}`,
      country: 'US',
      timeZone: 'America/New_York',
      defaultCurrency: 'USD',
      locale: 'en',
      actor: systemActor,
    },
  );
  await db.transaction().execute(async (trx) => {
    await sql`create temp table bench_customers on commit drop as
                select gen_random_uuid() as id, gen_random_uuid() as method_id, gen_random_uuid() as enrollment_id,
                       gen_random_uuid() as authorization_id, g as n
                  from generate_series(1, ${input.customers}) g`.execute(trx);
    await sql`insert into customer_accounts (org_id, id, account_number, name, currency, locale)
              select ${org.id}, id, 'AB-' || n, 'Autopay Customer ' || n, 'USD', 'en' from bench_customers`.execute(
      trx,
    );
    await sql`insert into payment_methods (org_id, id, customer_id, processor, token, kind, brand, last4, exp_month, exp_year)
              select ${org.id}, method_id, id, 'sandbox', 'pm_sb_bench_' || n, 'card', 'visa', '4242', 12, 2040
                from bench_customers`.execute(trx);
    await sql`insert into autopay_enrollments (org_id, id, customer_id, payment_method_id, timing, scope, currency,
                                               authorization_id)
              select ${org.id}, enrollment_id, id, method_id, 'due_date', 'all_due', 'USD', authorization_id
                from bench_customers`.execute(trx);
    await sql`insert into autopay_authorizations (org_id, id, enrollment_id, text, locale, accepted_by_kind,
                                                  accepted_by_name, accepted_by_email, terms)
              select ${org.id}, authorization_id, enrollment_id, 'I authorize the bench.', 'en', 'customer',
                     'Bench Payer', 'payer' || n || '@bench.test', '{}'::jsonb
                from bench_customers`.execute(trx);
    await sql`insert into invoices (org_id, id, customer_id, number, issue_date, due_date, currency, status,
                                    subtotal, total, open_amount, posted_at)
              select ${org.id}, gen_random_uuid(), c.id, 'ABI-' || c.n || '-' || k, ${input.today}::date - 30,
                     ${input.today}::date + case when k = 0 then 0 else 15 * k end, 'USD', 'open',
                     10000 + k, 10000 + k, 10000 + k, now()
                from bench_customers c, generate_series(0, ${input.others}) k`.execute(trx);
  });
  await sql`vacuum analyze`.execute(db);
  return org.id;
}

/** Removes the jobs a round enqueued, so every round plans into the same empty queue. */
async function clearQueue(db: Database): Promise<void> {
  await sql`delete from graphile_worker._private_jobs`.execute(db);
}

export const autopayRun: Benchmark = {
  name: 'autopay-run',
  description:
    "autopay's daily sweep: time to plan and enqueue the charges of N customers due today (graphile-worker jobs in bulk, charges grouped by a stable hash bucket) vs one SQL query selecting them, same run",
  options: {
    customers: {
      description: 'customers enrolled, each with an invoice due today',
      default: 20_000,
      min: 10,
      max: 500_000,
    },
    others: { description: 'other open invoices per customer, due later', default: 3, min: 0, max: 50 },
    rounds: { description: 'alternating rounds (median reported)', default: 5, min: 1, max: 30 },
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const { customers, others, rounds } = ctx.options as Record<string, number>;
    const database = await startBenchDatabase(ctx);
    const owner = createDb(database.ownerUrl, { max: 2, applicationName: 'saldo-bench-autopay-seed' });
    ctx.cleanup.add('close the seed pool', () => owner.close());
    const handle = createDb(database.url, { max: 4, applicationName: 'saldo-bench-autopay' });
    ctx.cleanup.add('close the autopay pool', () => handle.close());
    const { db } = handle;
    // A business day, so the sweep charges (it plans nothing on weekends and bank holidays).
    const today = nextBusinessDay('US', new Date().toISOString().slice(0, 10));
    ctx.log(`seeding ${customers} enrolled customers × ${others! + 1} open invoices (one due ${today})`);
    const orgId = await seed(owner.db, { customers: customers!, others: others!, today });
    const days: SweepDay[] = [{ country: 'US', today, horizon: chargeHorizon('US', today) }];
    const selection = { days, orgId, explicitDay: true };

    const select = async () => {
      const started = performance.now();
      const { rows } = await dueChargesSql(selection).execute(db);
      const ms = performance.now() - started;
      if (rows.length !== customers) throw new Error(`sanity check: the query selected ${rows.length}`);
      return ms;
    };
    let jobs = 0;
    const plan = async () => {
      const started = performance.now();
      const { enqueued } = await planAutopayRun({ db }, { orgId, today });
      const ms = performance.now() - started;
      if (enqueued !== customers) throw new Error(`sanity check: the sweep enqueued ${enqueued}`);
      const { rows } = await sql<{ n: number; jobs: number; keys: number }>`
        select coalesce(sum(json_array_length(payload->'charges')), 0)::int as n, count(*)::int as jobs,
               count(distinct key)::int as keys
          from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = 'autopay.charge'`.execute(owner.db);
      if (rows[0]!.n !== customers || rows[0]!.keys !== rows[0]!.jobs)
        throw new Error(
          `sanity check: ${rows[0]!.n} charges in ${rows[0]!.jobs} jobs, ${rows[0]!.keys} keys`,
        );
      jobs = rows[0]!.jobs;
      // Run again while they wait: the same jobs under the same keys, none added.
      await planAutopayRun({ db }, { orgId, today });
      const again = await sql<{ n: number }>`
        select count(*)::int as n from graphile_worker.jobs where task_identifier = 'autopay.charge'`.execute(
        db,
      );
      if (again.rows[0]!.n !== jobs) throw new Error('sanity check: a second sweep added jobs');
      await clearQueue(owner.db);
      return ms;
    };

    // For comparison only (details): the same selection enqueued as one job per charge, each under its own key.
    const perCharge = async () => {
      const started = performance.now();
      const { rows } = await sql<{ n: number }>`
        with planned as (${dueChargesSql(selection)})
        select count(*)::int as n from graphile_worker.add_jobs(array(
          select row('autopay.charge'::text,
                     json_build_object('orgId', p.org_id, 'charges',
                       json_build_array(p.enrollment_id || '/' || p.charge_on || '/' || p.attempt)),
                     null::text, null::timestamptz, 10,
                     'autopay:' || p.enrollment_id || ':' || p.charge_on || ':' || p.attempt,
                     null::integer, null::text[])::graphile_worker.job_spec
            from planned p), true)`.execute(db);
      const ms = performance.now() - started;
      if (rows[0]!.n !== customers) throw new Error(`sanity check: ${rows[0]!.n} per-charge jobs`);
      await clearQueue(owner.db);
      return ms;
    };
    const perChargeMs: number[] = [];

    // Warm-up (plans, caches), not recorded.
    await select();
    await plan();
    const samples = { saldo: [] as number[], baseline: [] as number[] };
    for (let r = 0; r < rounds!; r++) {
      const order = r % 2 === 0 ? (['saldo', 'baseline'] as const) : (['baseline', 'saldo'] as const);
      for (const side of order) {
        const ms = side === 'saldo' ? await plan() : await select();
        samples[side].push(ms);
        ctx.log(`round ${r + 1} ${side === 'saldo' ? 'plan + enqueue' : 'select'}: ${roundTo(ms, 1)} ms`);
      }
      perChargeMs.push(await perCharge());
      ctx.log(`round ${r + 1} (comparison) one job per charge: ${roundTo(perChargeMs.at(-1)!, 1)} ms`);
    }
    const value = median(samples.saldo);
    const baseline = median(samples.baseline);
    return {
      name: 'autopay-run',
      metric: 'ms (median)',
      value: roundTo(value, 2),
      baseline: roundTo(baseline, 2),
      ratio: ratioOf(value, baseline, 'lower-is-better'),
      details: {
        samples: {
          planAndEnqueueMs: samples.saldo.map((v) => roundTo(v, 2)),
          selectMs: samples.baseline.map((v) => roundTo(v, 2)),
        },
        chargesPerRound: customers,
        jobsPerRound: jobs,
        // What one job per charge would cost (the same selection, a graphile-worker row per charge).
        oneJobPerChargeMs: perChargeMs.map((v) => roundTo(v, 2)),
        oneJobPerChargeRatio: roundTo(ratioOf(median(perChargeMs), baseline, 'lower-is-better'), 3),
        settings: {
          customers,
          othersPerCustomer: others,
          rounds,
          today,
          ...machineDetails(loadAtStart, database),
        },
      },
    };
  },
};
