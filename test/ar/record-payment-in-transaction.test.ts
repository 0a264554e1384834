import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { type NewPayment, recordPayment } from '../../src/domain/payments/record-payment.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * recordPayment composed into a caller's transaction (a processor webhook, an ERP batch): the
 * idempotent replay and the refusal of a reused key work there too, and never abort the caller's
 * transaction; concurrent callers under one key queue and the later one replays.
 */
const { db } = useTestDb();
const first = createDb(testDatabaseUrl(), { max: 1, applicationName: 'saldo-trx-a' });
const second = createDb(testDatabaseUrl(), { max: 1, applicationName: 'saldo-trx-b' });
afterAll(async () => {
  await first.close();
  await second.close();
});

async function seller() {
  const org = await createOrg(db, { default_currency: 'USD' });
  const customer = await createCustomerAccount(db, org.id);
  await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      number: 'T-1',
      issueDate: '2025-01-01',
      lines: [{ description: 'Goods', quantity: '1', unitPrice: '50.00' }],
      actor: {},
    },
  );
  const request = (key: string, amount = 3000n): NewPayment => ({
    orgId: org.id,
    customerId: customer.id,
    amount,
    receivedOn: '2025-01-05',
    method: 'check',
    idempotencyKey: key,
    allocations: 'auto',
    actor: {},
  });
  const payments = () =>
    db.selectFrom('payments').select(['id', 'amount']).where('org_id', '=', org.id).execute();
  return { org, request, payments };
}

describe("recording a payment in the caller's transaction", () => {
  test('a retry in the same transaction replays; another request under the key is refused and the transaction goes on', async () => {
    const s = await seller();
    const result = await inTransaction(db, async (trx) => {
      const recorded = await recordPayment({ db: trx }, s.request('in-trx'));
      const replayed = await recordPayment({ db: trx }, s.request('in-trx'));
      const refused = await recordPayment({ db: trx }, s.request('in-trx', 2000n)).catch((e: unknown) => e);
      // the caller's transaction is still usable after the refusal
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from payments
        where org_id = ${s.org.id}`.execute(trx);
      return { recorded, replayed, refused, seen: rows[0]!.n };
    });
    expect(result.recorded.replayed).toBe(false);
    expect(result.replayed).toEqual({ ...result.recorded, replayed: true });
    expect(result.refused).toBeInstanceOf(AppError);
    expect((result.refused as AppError).code).toBe('idempotency_key_reused');
    expect(result.seen).toBe(1);
    expect(await s.payments()).toEqual([{ id: result.recorded.id, amount: 3000n }]);
  });

  test('two callers at once under one key: the second waits for the first to commit, then replays its payment', async () => {
    const s = await seller();
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => {
      commitFirst = r;
    });
    let firstRecorded!: () => void;
    const recordedByFirst = new Promise<void>((r) => {
      firstRecorded = r;
    });
    const a = inTransaction(first.db, async (trx) => {
      const recorded = await recordPayment({ db: trx }, s.request('two-callers'));
      firstRecorded();
      await firstMayCommit;
      return recorded;
    });
    await recordedByFirst;
    const b = inTransaction(second.db, (trx) => recordPayment({ db: trx }, s.request('two-callers')));
    // the second caller waits on the key's lock while the first has not committed
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = 'saldo-trx-b'
          and wait_event_type = 'Lock'`.execute(db);
      if (rows[0]!.n === 1) break;
      if (Date.now() > deadline) throw new Error('the second caller never waited on the key');
      await new Promise((r) => setTimeout(r, 10));
    }
    commitFirst();
    const [one, two] = await Promise.all([a, b]);
    expect(one.replayed).toBe(false);
    expect(two).toEqual({ ...one, replayed: true });
    expect(await s.payments()).toEqual([{ id: one.id, amount: 3000n }]);
  });
});
