import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createDb, type Database } from '../../src/db/client.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { createOrganization } from '../../src/domain/identity/create-organization.ts';
import { payOnline } from '../../src/domain/payments/pay-online.ts';
import type {
  ChargeResult,
  Gateways,
  PaymentGateway,
  ProcessorCustomer,
} from '../../src/domain/payments/payment-gateway.ts';
import {
  insertSavedMethod,
  saveProcessorCustomerId,
} from '../../src/domain/payments/payment-methods.repository.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { sandboxWebhookSecret } from '../../src/gateways/resolve-gateways.ts';
import { sandboxRoutes } from '../../src/gateways/sandbox/sandbox.routes.ts';
import { createSandboxGateway } from '../../src/gateways/sandbox/sandbox-gateway.ts';
import { startBenchDatabase } from '../support/database.ts';
import { median, ratioOf, roundTo } from '../support/result.ts';
import { loadNow, machineDetails } from '../support/run-info.ts';
import type { Benchmark } from '../support/types.ts';

const PUBLIC_URL = 'http://saldo.bench';
const SECRET_KEY = Buffer.alloc(32, 9);

/**
 * The processor call replaced by an in-process answer: every charge succeeds at once, with the
 * port's own shapes, and nothing is stored. Everything else (the rules, the pending amounts, the
 * payment's steps, the journal, the applications) is Saldo's as in production.
 */
function inProcessGateway(): PaymentGateway {
  const refuse = () => {
    throw new Error('not used by the benchmark');
  };
  return {
    processor: 'sandbox',
    createEntrySession: refuse,
    saveMethod: refuse,
    describeMethod: refuse,
    detachMethod: refuse,
    async charge(request): Promise<ChargeResult> {
      return {
        status: 'succeeded',
        processorPaymentId: `ch_stub_${request.idempotencyKey}`,
        feeAmount: null,
      };
    },
    retrieveCharge: refuse,
    refund: refuse,
    verifyWebhook: refuse,
    listPayouts: refuse,
  };
}

interface Seeded {
  orgId: string;
  /** Per customer: its saved sandbox card and its open invoices (one per payment). */
  customers: { id: string; name: string; methodId: string; invoices: string[] }[];
}

/**
 * One US seller; `customers` accounts, each with a saved sandbox card (typed on the sandbox's own
 * entry page, then saved at the sandbox) and `perCustomer` open invoices of $100.00 for each side.
 */
async function seed(db: Database, customers: number, perCustomer: number): Promise<Seeded> {
  const org = await createOrganization(
    { db },
    {
      name: `Harbor Bench ${randomUUID().slice(0, 6)}`,
      country: 'US',
      timeZone: 'America/New_York',
      defaultCurrency: 'USD',
      locale: 'en',
      actor: systemActor,
    },
  );
  const pages = Fastify();
  await pages.register(sandboxRoutes, { prefix: '/sandbox', db });
  const gateway = createSandboxGateway({
    db,
    publicUrl: PUBLIC_URL,
    orgId: org.id,
    webhookSecret: sandboxWebhookSecret(SECRET_KEY, org.id),
  });
  const out: Seeded = { orgId: org.id, customers: [] };
  const today = new Date().toISOString().slice(0, 10);
  for (let c = 0; c < customers; c++) {
    const id = newId();
    const name = `Bench Customer ${c}`;
    await db
      .insertInto('customer_accounts')
      .values({ org_id: org.id, id, account_number: `B-${c}`, name, currency: 'USD', locale: 'en' })
      .execute();
    const customer: ProcessorCustomer = {
      processorCustomerId: null,
      name,
      email: null,
      orgId: org.id,
      customerId: id,
    };
    const session = await gateway.createEntrySession({
      kind: 'card',
      customer,
      locale: 'en',
      returnUrl: `${PUBLIC_URL}/portal/pay?x=1`,
      cancelUrl: `${PUBLIC_URL}/portal/pay`,
      reference: 'bench',
    });
    if (session.type !== 'redirect') throw new Error('the sandbox redirects');
    const posted = await pages.inject({
      method: 'POST',
      url: new URL(session.url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        number: '4242424242424242',
        expiry: '12/40',
        cvc: '123',
        name,
        postalCode: '10001',
      }).toString(),
    });
    const token = new URL(String(posted.headers.location)).searchParams.get('method');
    if (posted.statusCode !== 303 || !token) throw new Error(`entry page answered ${posted.statusCode}`);
    const kept = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer,
      methodToken: token,
      kind: 'card',
    });
    await saveProcessorCustomerId(db, {
      orgId: org.id,
      customerId: id,
      processor: 'sandbox',
      processorCustomerId: kept.processorCustomerId,
    });
    const methodId = await insertSavedMethod(db, {
      orgId: org.id,
      customerId: id,
      processor: 'sandbox',
      token: kept.method.token,
      details: kept.method.details,
      createdBy: null,
    });
    const invoices: string[] = [];
    for (let i = 0; i < perCustomer; i++) {
      const invoiceId = newId();
      await db
        .insertInto('invoices')
        .values({
          org_id: org.id,
          id: invoiceId,
          customer_id: id,
          number: `BI-${c}-${i}`,
          issue_date: today,
          due_date: today,
          currency: 'USD',
          status: 'open',
          subtotal: 10_000n,
          total: 10_000n,
          open_amount: 10_000n,
          posted_at: new Date(),
        })
        .execute();
      invoices.push(invoiceId);
    }
    out.customers.push({ id, name, methodId, invoices });
  }
  await pages.close();
  await sql`vacuum analyze`.execute(db);
  return out;
}

/** Pays `count` invoices per customer, one payment each, `workers` customers at a time; payments/s. */
async function payAll(
  db: Database,
  gateways: Gateways,
  seeded: Seeded,
  slice: { from: number; count: number },
  workers: number,
): Promise<{ perSecond: number; completed: number; seconds: number }> {
  const queue = seeded.customers.map((c) => ({ c, next: slice.from }));
  let completed = 0;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const item = queue.shift();
      if (!item) return;
      while (item.next < slice.from + slice.count) {
        const invoiceId = item.c.invoices[item.next++]!;
        const result = await payOnline(
          { db, gateways },
          {
            orgId: seeded.orgId,
            customerId: item.c.id,
            kind: 'card',
            allocations: [{ invoiceId, amount: 10_000n }],
            paymentMethodId: item.c.methodId,
            idempotencyKey: randomUUID(),
            source: 'portal',
            role: 'payer',
            actor: systemActor,
            client: { ip: '127.0.0.1', userAgent: 'saldo-bench' },
            customer: { name: item.c.name, email: null },
            returnUrl: `${PUBLIC_URL}/portal/payments/`,
          },
        );
        if (result.payment.status !== 'completed')
          throw new Error(`payment ${result.payment.number} is ${result.payment.status}`);
        completed++;
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: completed / seconds, completed, seconds };
}

export const payThroughput: Benchmark = {
  name: 'pay-throughput',
  description:
    'completed online payments per second end to end through the sandbox processor (charge → captured → applied → journal) vs the same flow with the processor call answered in-process',
  options: {
    customers: {
      description: 'customer accounts paying (one worker each at a time)',
      default: 40,
      min: 2,
      max: 2000,
    },
    payments: { description: 'payments per customer per round and side', default: 10, min: 1, max: 500 },
    rounds: { description: 'alternating rounds (median reported)', default: 3, min: 1, max: 20 },
    workers: { description: 'payments in flight at once', default: 8, min: 1, max: 64 },
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const database = await startBenchDatabase(ctx);
    const handle = createDb(database.url, {
      max: ctx.options.workers! + 2,
      applicationName: 'saldo-bench-pay',
    });
    ctx.cleanup.add('close the pay pool', () => handle.close());
    const { db } = handle;
    const { customers, payments, rounds, workers } = ctx.options as Record<string, number>;
    const perCustomer = payments! * rounds! * 2 + 2; // + the two warm-up payments
    ctx.log(
      `seeding ${customers} customers × ${perCustomer} invoices, each customer with a saved sandbox card`,
    );
    const seeded = await seed(db, customers!, perCustomer);

    const sandbox: Gateways = {
      forSeller: async (orgId) =>
        createSandboxGateway({
          db,
          publicUrl: PUBLIC_URL,
          orgId,
          webhookSecret: sandboxWebhookSecret(SECRET_KEY, orgId),
        }),
      forWebhook: async () => null,
      checkStripeKey: async () => {},
    };
    const stub = inProcessGateway();
    const inProcess: Gateways = {
      forSeller: async () => stub,
      forWebhook: async () => null,
      checkStripeKey: async () => {},
    };

    // Warm-up: a few payments each way (JIT, prepared plans, pool).
    await payAll(
      db,
      sandbox,
      { ...seeded, customers: seeded.customers.slice(0, 2) },
      { from: 0, count: 1 },
      2,
    );
    await payAll(
      db,
      inProcess,
      { ...seeded, customers: seeded.customers.slice(0, 2) },
      { from: 1, count: 1 },
      2,
    );

    const samples = { saldo: [] as number[], baseline: [] as number[] };
    let from = 2;
    for (let r = 0; r < rounds!; r++) {
      const order = r % 2 === 0 ? (['saldo', 'baseline'] as const) : (['baseline', 'saldo'] as const);
      for (const side of order) {
        const slice = { from, count: payments! };
        from += payments!;
        if (from > perCustomer) throw new Error('not enough invoices seeded');
        const result = await payAll(db, side === 'saldo' ? sandbox : inProcess, seeded, slice, workers!);
        samples[side].push(result.perSecond);
        ctx.log(
          `round ${r + 1} ${side === 'saldo' ? 'sandbox' : 'in-process'}: ${result.completed} payments in ${roundTo(result.seconds, 2)} s = ${roundTo(result.perSecond, 1)}/s`,
        );
      }
    }
    // Sanity: every payment completed and applied; the journal nets to zero per entry.
    const check = await sql<{ unbalanced: number; completed: number; open: bigint }>`
      select (select count(*)::int from (select entry_id from journal_lines where org_id = ${seeded.orgId}
                group by entry_id having sum(amount) <> 0) u) as unbalanced,
             (select count(*)::int from payments where org_id = ${seeded.orgId} and status = 'completed') as completed,
             (select coalesce(sum(pending_amount), 0)::int8 from invoices where org_id = ${seeded.orgId}) as open`.execute(
      db,
    );
    const row = check.rows[0]!;
    if (row.unbalanced !== 0) throw new Error(`sanity check: ${row.unbalanced} unbalanced journal entries`);
    if (row.open !== 0n) throw new Error('sanity check: money left pending');
    const value = median(samples.saldo);
    const baseline = median(samples.baseline);
    return {
      name: 'pay-throughput',
      metric: 'payments/s',
      value: roundTo(value, 2),
      baseline: roundTo(baseline, 2),
      ratio: ratioOf(value, baseline, 'higher-is-better'),
      details: {
        samples: {
          sandbox: samples.saldo.map((v) => roundTo(v, 2)),
          inProcess: samples.baseline.map((v) => roundTo(v, 2)),
        },
        completedPayments: row.completed,
        settings: {
          customers,
          paymentsPerRound: payments,
          rounds,
          workers,
          ...machineDetails(loadAtStart, database),
        },
      },
    };
  },
};
