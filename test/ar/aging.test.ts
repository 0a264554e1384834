import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { agingReport } from '../../src/domain/reports/aging-report.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * The seller's aging report (reports/aging-report.ts) as a whole: each customer in its bucket,
 * customers with only money on account shown, fully paid ones not, the reconciliation
 * `total − unapplied cash − unapplied credits = balance` per customer and per currency, and the
 * order people read it in (currencies by code; customers by total, largest first, then name, then
 * account number). Today's fast path and the journal-rebuilt path must agree.
 */
const { db } = useTestDb();

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const zero = { current: 0n, d1_30: 0n, d31_60: 0n, d61_90: 0n, d90_plus: 0n };

describe('the aging report', () => {
  test('every bucket, money on account, fully paid customers left out, in reading order, reconciled', async () => {
    const org = await createOrg(db, { default_currency: 'USD' });
    const user = await createUser(db);
    await addStaff(db, org.id, user.id, 'ar_agent');
    const actor: Actor = { userId: user.id };
    const { rows } = await sql<{ today: string }>`
      select ((now() at time zone time_zone)::date)::text as today from organizations where id = ${org.id}`.execute(
      db,
    );
    const today = rows[0]!.today;
    let n = 0;
    const customer = (name: string, accountNumber: string) =>
      createCustomerAccount(db, org.id, { name, account_number: accountNumber });
    const invoice = async (customerId: string, dollars: number, daysPastDue: number, currency?: string) => {
      n += 1;
      const due = addDays(today, -daysPastDue);
      const { id } = await createInvoice(
        { db },
        {
          orgId: org.id,
          customerId,
          number: `F-${n}`,
          issueDate: addDays(due, -5) < today ? addDays(due, -5) : today,
          dueDate: due,
          ...(currency ? { currency } : {}),
          lines: [{ description: 'x', quantity: '1', unitPrice: String(dollars) }],
          actor: actor,
        },
      );
      return id;
    };
    const received = addDays(today, -1);

    // one customer per bucket, totals chosen so that the order by total is not the order created
    const current = await customer('Current Co', 'C-1');
    await invoice(current.id, 50, 0);
    const d1 = await customer('One to thirty', 'C-2');
    await invoice(d1.id, 70, 30);
    const d31 = await customer('Thirty-one', 'C-3');
    await invoice(d31.id, 20, 31);
    const d61 = await customer('Sixty-one', 'C-4');
    await invoice(d61.id, 90, 90);
    const d90 = await customer('Ninety plus', 'C-5');
    await invoice(d90.id, 10, 91);
    // the same total (60) four times: by name, then by account number (created out of order)
    const tieB = await customer('Bravo', 'T-2');
    await invoice(tieB.id, 60, 1);
    const tieA2 = await customer('Alpha', 'T-5');
    await invoice(tieA2.id, 60, 1);
    const tieA1 = await customer('Alpha', 'T-1');
    await invoice(tieA1.id, 60, 1);
    const tieA3 = await customer('Alpha', 'T-9');
    await invoice(tieA3.id, 60, 1);
    // money on account only: cash, credit
    const cash = await customer('Cash only', 'M-1');
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: cash.id,
        amount: 800n,
        receivedOn: received,
        method: 'cash',
        actor: actor,
      },
    );
    const credit = await customer('Credit only', 'M-2');
    await issueCreditMemo(
      { db },
      { orgId: org.id, customerId: credit.id, amount: 300n, issueDate: received, actor: actor },
    );
    // paid in full: not in the report
    const paid = await customer('Paid up', 'P-1');
    const paidInvoice = await invoice(paid.id, 40, 10);
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: paid.id,
        amount: 4000n,
        receivedOn: received,
        method: 'cash',
        allocations: [{ invoiceId: paidInvoice, amount: 4000n }],
        actor: actor,
      },
    );
    // another currency, sorted before USD
    const euro = await customer('Euro buyer', 'E-1');
    await invoice(euro.id, 5, 3, 'EUR');
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: euro.id,
        amount: 100n,
        currency: 'EUR',
        receivedOn: received,
        method: 'cash',
        actor: actor,
      },
    );

    const row = (
      c: { id: string; name: string; account_number: string },
      buckets: Partial<typeof zero>,
      unappliedCash = 0n,
      unappliedCredits = 0n,
    ) => {
      const b = { ...zero, ...buckets };
      const total = b.current + b.d1_30 + b.d31_60 + b.d61_90 + b.d90_plus;
      return {
        customerId: c.id,
        name: c.name,
        accountNumber: c.account_number,
        buckets: b,
        total,
        unappliedCash,
        unappliedCredits,
        balance: total - unappliedCash - unappliedCredits,
      };
    };
    const expected = {
      asOf: today,
      currencies: [
        {
          currency: 'EUR',
          buckets: { ...zero, d1_30: 500n },
          total: 500n,
          unappliedCash: 100n,
          unappliedCredits: 0n,
          balance: 400n,
          customers: [row(euro, { d1_30: 500n }, 100n)],
        },
        {
          currency: 'USD',
          buckets: { current: 5000n, d1_30: 7000n + 24000n, d31_60: 2000n, d61_90: 9000n, d90_plus: 1000n },
          total: 48000n,
          unappliedCash: 800n,
          unappliedCredits: 300n,
          balance: 46900n,
          customers: [
            row(d61, { d61_90: 9000n }),
            row(d1, { d1_30: 7000n }),
            row(tieA1, { d1_30: 6000n }),
            row(tieA2, { d1_30: 6000n }),
            row(tieA3, { d1_30: 6000n }),
            row(tieB, { d1_30: 6000n }),
            row(current, { current: 5000n }),
            row(d31, { d31_60: 2000n }),
            row(d90, { d90_plus: 1000n }),
            row(cash, {}, 800n),
            row(credit, {}, 0n, 300n),
          ],
        },
      ],
    };
    expect(await agingReport({ db }, { orgId: org.id })).toEqual(expected);
    // rebuilt from the journal, today's aging is the same report
    expect(await agingReport({ db }, { orgId: org.id, history: true })).toEqual(expected);
    expect(await agingReport({ db }, { orgId: org.id, asOf: today })).toEqual(expected);

    // a week ago: nothing issued in the last days counted; everything a week younger
    const weekAgo = await agingReport({ db }, { orgId: org.id, asOf: addDays(today, -7) });
    expect(weekAgo.asOf).toBe(addDays(today, -7));
    const usd = weekAgo.currencies.find((c) => c.currency === 'USD')!;
    // the current invoice was issued 5 days before it fell due today: not yet issued then
    expect(usd.customers.find((c) => c.customerId === current.id)).toBeUndefined();
    expect(usd.customers.find((c) => c.customerId === d31.id)!.buckets).toEqual({ ...zero, d1_30: 2000n });
    expect(usd.customers.find((c) => c.customerId === d90.id)!.buckets).toEqual({ ...zero, d61_90: 1000n });
    // received yesterday: no cash on account a week ago
    expect(usd.customers.find((c) => c.customerId === cash.id)).toBeUndefined();
  });

  test('an org with nothing open has an empty report; an unknown org is not found', async () => {
    const org = await createOrg(db, { default_currency: 'USD' });
    const report = await agingReport({ db }, { orgId: org.id, asOf: '2025-06-30' });
    expect(report).toEqual({ asOf: '2025-06-30', currencies: [] });
    for (const asOf of [null, '2025-06-30'])
      await expect(
        agingReport({ db }, { orgId: '01900000-0000-7000-8000-000000000000', asOf }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
  });
});
