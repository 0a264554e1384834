import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import type { DB } from '../../src/db/schema.ts';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { unapplyPayment } from '../../src/domain/payments/unapply-payment.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * Two staff at once never over-apply. Each race runs the two use cases on two separate pools
 * (separate connections, separate transactions). A third connection holds the contested row
 * locked until both are seen waiting in pg_stat_activity, so the two really overlap instead of
 * merely running one after the other; then exactly one succeeds and the other is refused.
 */
const { db } = useTestDb();
const first = createDb(testDatabaseUrl(), { max: 2, applicationName: 'saldo-race-a' });
const second = createDb(testDatabaseUrl(), { max: 2, applicationName: 'saldo-race-b' });
const holder = createDb(testDatabaseUrl(), { max: 1, applicationName: 'saldo-race-holder' });
afterAll(async () => {
  await Promise.all([first.close(), second.close(), holder.close()]);
});

const ROUNDS = 4;

async function waitForLockWaiters(count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
       where datname = current_database() and application_name in ('saldo-race-a', 'saldo-race-b')
         and wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.n >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${count} racers reached the lock`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs a and b at once while `lock` holds a row both need; releases it once both wait. */
async function race(
  lock: (trx: Transaction<DB>) => Promise<unknown>,
  a: (db: Kysely<DB>) => Promise<unknown>,
  b: (db: Kysely<DB>) => Promise<unknown>,
): Promise<PromiseSettledResult<unknown>[]> {
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const holding = holder.db.transaction().execute(async (trx) => {
    await lock(trx);
    locked();
    await released;
  });
  await isLocked;
  const results = Promise.allSettled([a(first.db), b(second.db)]);
  try {
    await waitForLockWaiters(2);
  } finally {
    release();
    await holding;
  }
  return results;
}

function oneWinner(results: PromiseSettledResult<unknown>[], refusal: string): void {
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.reason).toBeInstanceOf(AppError);
  expect((rejected[0]!.reason as AppError).code).toBe(refusal);
}

/** The ledger's invariants for one org (see ledger-invariants.test.ts for the full set and the oracle). */
async function expectInvariants(orgId: string): Promise<void> {
  const { rows } = await sql<{ problem: string }>`
    select 'unbalanced entry ' || entry_id as problem from journal_lines where org_id = ${orgId}
     group by entry_id having sum(amount) <> 0
    union all
    select 'payment ' || p.number from payments p
     where p.org_id = ${orgId}
       and (p.unapplied_amount < 0
            or p.amount <> p.unapplied_amount + (select coalesce(sum(amount), 0) from payment_applications a
                                                  where a.org_id = p.org_id and a.payment_id = p.id and a.unapplied_at is null)
            or -(select coalesce(sum(amount), 0) from journal_lines l
                  where l.org_id = p.org_id and l.payment_id = p.id and l.account = 'unapplied_cash')
               <> case when p.status = 'completed' then p.unapplied_amount else 0 end)
    union all
    select 'credit memo ' || c.number from credit_memos c
     where c.org_id = ${orgId}
       and (c.amount <> c.unapplied_amount + (select coalesce(sum(amount), 0) from credit_applications a
                                               where a.org_id = c.org_id and a.credit_memo_id = c.id and a.unapplied_at is null)
            or -(select coalesce(sum(amount), 0) from journal_lines l
                  where l.org_id = c.org_id and l.credit_memo_id = c.id and l.account = 'customer_credits') <> c.unapplied_amount)
    union all
    select 'invoice ' || i.number from invoices i
     where i.org_id = ${orgId}
       and (i.open_amount < 0 or i.open_amount > i.total
            or i.open_amount <> i.total
               - (select coalesce(sum(amount), 0) from payment_applications a
                   where a.org_id = i.org_id and a.invoice_id = i.id and a.unapplied_at is null)
               - (select coalesce(sum(amount), 0) from credit_applications a
                   where a.org_id = i.org_id and a.invoice_id = i.id and a.unapplied_at is null)
            or (select coalesce(sum(amount), 0) from journal_lines l
                 where l.org_id = i.org_id and l.invoice_id = i.id and l.account = 'accounts_receivable')
               <> case when i.status = 'open' then i.open_amount else 0 end)`.execute(db);
  expect(rows.map((r) => r.problem)).toEqual([]);
}

async function seller(currency: string) {
  const org = await createOrg(db, { default_currency: currency });
  const customer = await createCustomerAccount(db, org.id);
  let n = 0;
  const invoice = async (unitPrice: string) =>
    (
      await createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          number: `R-${++n}`,
          issueDate: '2025-01-01',
          lines: [{ description: 'Goods', quantity: '1', unitPrice }],
          actor: {},
        },
      )
    ).id;
  const payment = async (amount: bigint) =>
    (
      await recordPayment(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          amount,
          receivedOn: '2025-01-05',
          method: 'check',
          actor: {},
        },
      )
    ).id;
  return { org, customer, invoice, payment };
}

const lockRow =
  (table: 'payments' | 'invoices' | 'credit_memos', orgId: string, id: string) => (trx: Transaction<DB>) =>
    trx.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', '=', id).forUpdate().execute();

describe('two staff at once', () => {
  test('applying the same payment to two invoices beyond its unapplied amount: one wins, one gets exceeds_unapplied', async () => {
    for (const [currency, price, amount, part] of [
      ['USD', '100.00', 10000n, 6000n],
      ['JPY', '1000', 1000n, 600n],
      ['BHD', '10.000', 10000n, 6000n],
      ['USD', '0.01', 1n, 1n],
    ] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        const s = await seller(currency);
        const [inv1, inv2] = [await s.invoice(price), await s.invoice(price)];
        const paymentId = await s.payment(amount);
        const results = await race(
          lockRow('payments', s.org.id, paymentId),
          (d) =>
            applyPayment(
              { db: d },
              { orgId: s.org.id, paymentId, allocations: [{ invoiceId: inv1, amount: part }], actor: {} },
            ),
          (d) =>
            applyPayment(
              { db: d },
              { orgId: s.org.id, paymentId, allocations: [{ invoiceId: inv2, amount: part }], actor: {} },
            ),
        );
        oneWinner(results, 'exceeds_unapplied');
        const payment = await db
          .selectFrom('payments')
          .select('unapplied_amount')
          .where('org_id', '=', s.org.id)
          .where('id', '=', paymentId)
          .executeTakeFirstOrThrow();
        expect(payment.unapplied_amount).toBe(amount - part);
        await expectInvariants(s.org.id);
      }
    }
  });

  test('two payments recorded at once, each paying the same invoice in full: one is recorded, one gets exceeds_open_amount', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await seller(round % 2 ? 'BHD' : 'USD');
      const invoiceId = await s.invoice(round % 2 ? '250.125' : '250.12');
      const { total } = await db
        .selectFrom('invoices')
        .select('total')
        .where('org_id', '=', s.org.id)
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow();
      const pay = (d: Kysely<DB>) =>
        recordPayment(
          { db: d },
          {
            orgId: s.org.id,
            customerId: s.customer.id,
            amount: total,
            receivedOn: '2025-01-06',
            method: 'bank_transfer',
            allocations: [{ invoiceId, amount: total }],
            actor: {},
          },
        );
      const results = await race(lockRow('invoices', s.org.id, invoiceId), pay, pay);
      oneWinner(results, 'exceeds_open_amount');
      const payments = await db
        .selectFrom('payments')
        .select(['number', 'unapplied_amount'])
        .where('org_id', '=', s.org.id)
        .execute();
      expect(payments).toEqual([{ number: 'PAY-000001', unapplied_amount: 0n }]); // the loser left no payment and no gap
      const invoice = await db
        .selectFrom('invoices')
        .select(['open_amount', 'payment_status'])
        .where('org_id', '=', s.org.id)
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow();
      expect(invoice).toEqual({ open_amount: 0n, payment_status: 'paid' });
      await expectInvariants(s.org.id);
    }
  });

  test("two payments applied at once to the same invoice's full open amount: one wins, one gets exceeds_open_amount", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await seller('JPY');
      const invoiceId = await s.invoice('5000');
      const [p1, p2] = [await s.payment(5000n), await s.payment(5000n)];
      const results = await race(
        lockRow('invoices', s.org.id, invoiceId),
        (d) => applyPayment({ db: d }, { orgId: s.org.id, paymentId: p1, allocations: 'auto', actor: {} }),
        (d) =>
          applyPayment(
            { db: d },
            { orgId: s.org.id, paymentId: p2, allocations: [{ invoiceId, amount: 5000n }], actor: {} },
          ),
      );
      // the 'auto' one read the invoice as open before waiting, so it too is refused if it loses
      oneWinner(results, 'exceeds_open_amount');
      const unapplied = await db
        .selectFrom('payments')
        .select('unapplied_amount')
        .where('org_id', '=', s.org.id)
        .orderBy('number')
        .execute();
      expect(unapplied.map((p) => p.unapplied_amount).sort()).toEqual([0n, 5000n]);
      await expectInvariants(s.org.id);
    }
  });

  test('a credit and a payment applied at once to the same invoice: never more than its open amount', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await seller('USD');
      const invoiceId = await s.invoice('80.00');
      const paymentId = await s.payment(8000n);
      const credit = await issueCreditMemo(
        { db },
        { orgId: s.org.id, customerId: s.customer.id, amount: 5000n, issueDate: '2025-01-02', actor: {} },
      );
      const results = await race(
        lockRow('invoices', s.org.id, invoiceId),
        (d) =>
          applyPayment(
            { db: d },
            { orgId: s.org.id, paymentId, allocations: [{ invoiceId, amount: 8000n }], actor: {} },
          ),
        (d) =>
          applyCredit(
            { db: d },
            {
              orgId: s.org.id,
              creditMemoId: credit.id,
              allocations: [{ invoiceId, amount: 5000n }],
              actor: {},
            },
          ),
      );
      oneWinner(results, 'exceeds_open_amount');
      await expectInvariants(s.org.id);
    }
  });

  test('the same application undone twice at once: once only, the other gets application_already_reversed', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await seller('USD');
      const invoiceId = await s.invoice('40.00');
      const paymentId = await s.payment(4000n);
      await applyPayment(
        { db },
        { orgId: s.org.id, paymentId, allocations: [{ invoiceId, amount: 4000n }], actor: {} },
      );
      const application = await db
        .selectFrom('payment_applications')
        .select('id')
        .where('org_id', '=', s.org.id)
        .executeTakeFirstOrThrow();
      const undo = (d: Kysely<DB>) =>
        unapplyPayment(
          { db: d },
          { orgId: s.org.id, applicationId: application.id, reason: 'wrong invoice', actor: {} },
        );
      const results = await race(lockRow('payments', s.org.id, paymentId), undo, undo);
      oneWinner(results, 'application_already_reversed');
      const payment = await db
        .selectFrom('payments')
        .select('unapplied_amount')
        .where('org_id', '=', s.org.id)
        .executeTakeFirstOrThrow();
      expect(payment.unapplied_amount).toBe(4000n); // not 8000: the cash came back once
      await expectInvariants(s.org.id);
    }
  });

  test('the same idempotency key sent twice at once records one payment', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await seller('USD');
      const invoiceId = await s.invoice('30.00');
      const send = (d: Kysely<DB>) =>
        recordPayment(
          { db: d },
          {
            orgId: s.org.id,
            customerId: s.customer.id,
            amount: 3000n,
            receivedOn: '2025-01-06',
            method: 'ach',
            idempotencyKey: `retry-${round}`,
            allocations: 'auto',
            actor: {},
          },
        );
      const results = await race(lockRow('invoices', s.org.id, invoiceId), send, send);
      // one records it; the other waits on the key's unique index, then replays it: never a second payment, never a conflict
      const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
      expect(answers.map((a) => (a as { replayed: boolean }).replayed).sort()).toEqual([false, true]);
      expect(new Set(answers.map((a) => (a as { id: string }).id)).size).toBe(1);
      const payments = await db
        .selectFrom('payments')
        .select(['amount', 'unapplied_amount'])
        .where('org_id', '=', s.org.id)
        .execute();
      expect(payments).toEqual([{ amount: 3000n, unapplied_amount: 0n }]);
      // a later retry gets the recorded payment back
      expect(await send(db)).toMatchObject({ replayed: true, applied: 3000n });
      await expectInvariants(s.org.id);
    }
  });
});
