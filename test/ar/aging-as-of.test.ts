import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { balancesFor } from '../../src/domain/customers/balances.ts';
import { getCustomer } from '../../src/domain/customers/get-customer.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { unapplyPayment } from '../../src/domain/payments/unapply-payment.ts';
import { type AgingReport, agingReport } from '../../src/domain/reports/aging-report.ts';
import { as, seedSeller, signIn, useTestApp } from '../support/app.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * The aging as of a date is rebuilt from what had happened by the end of that day (issue and
 * received dates, the days applications were made and undone), and every figure reconciles:
 * aging total − unapplied cash − unapplied credits = the customers' balances.
 */
const { app, db } = await useTestApp();

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

const org = await createOrg(db, { time_zone: 'America/Mexico_City' });
const T = todayIn('America/Mexico_City');
const actor = {};
let seq = 0;
async function invoice(customerId: string, total: bigint, issueDate: string, dueDate: string) {
  seq += 1;
  const { id } = await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId,
      number: `F-${seq}`,
      issueDate,
      dueDate,
      lines: [{ description: 'Producto', quantity: '1', unitPrice: (Number(total) / 100).toFixed(2) }],
      actor: actor,
    },
  );
  return id;
}

/** One customer's row in a currency of a report, or undefined. */
function row(report: AgingReport, customerId: string, currency = 'MXN') {
  return report.currencies
    .find((c) => c.currency === currency)
    ?.customers.find((k) => k.customerId === customerId);
}

// The story of one customer (amounts in centavos), dates relative to the seller's today T.
const ana = await createCustomerAccount(db, org.id, { name: 'Ana' });
const a = await invoice(ana.id, 100_000n, addDays(T, -60), addDays(T, -30));
const d = await invoice(ana.id, 5_000n, addDays(T, -40), addDays(T, -10));
await recordPayment(
  { db },
  {
    orgId: org.id,
    customerId: ana.id,
    amount: 30_000n,
    receivedOn: addDays(T, -20),
    method: 'bank_transfer',
    allocations: [{ invoiceId: a, amount: 30_000n }],
    actor: actor,
  },
);
const b = await invoice(ana.id, 50_000n, addDays(T, -10), addDays(T, 20));
const p2 = await recordPayment(
  { db },
  {
    orgId: org.id,
    customerId: ana.id,
    amount: 40_000n,
    receivedOn: addDays(T, -5),
    method: 'cash',
    allocations: [],
    actor: actor,
  },
);
await issueCreditMemo(
  { db },
  {
    orgId: org.id,
    customerId: ana.id,
    amount: 10_000n,
    issueDate: addDays(T, -3),
    allocations: [{ invoiceId: b, amount: 6_000n }],
    actor: actor,
  },
);
// P3, received T−2 with its allocation, recorded now (after the fact).
const p3 = await recordPayment(
  { db },
  {
    orgId: org.id,
    customerId: ana.id,
    amount: 7_000n,
    receivedOn: addDays(T, -2),
    method: 'check',
    allocations: [{ invoiceId: b, amount: 7_000n }],
    actor: actor,
  },
);
// A second customer with only money on account, and one in another currency.
const bea = await createCustomerAccount(db, org.id, { name: 'Bea' });
await recordPayment(
  { db },
  {
    orgId: org.id,
    customerId: bea.id,
    amount: 2_500n,
    receivedOn: addDays(T, -1),
    method: 'cash',
    allocations: [],
    actor: actor,
  },
);
const carl = await createCustomerAccount(db, org.id, { name: 'Carl', currency: 'USD' });
await invoice(carl.id, 9_900n, addDays(T, -100), addDays(T, -95));

const pastT1 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -1) });

// Today: P2 is partly applied to A, P1's application undone, P3 reversed, D voided.
await applyPayment(
  { db },
  { orgId: org.id, paymentId: p2.id, allocations: [{ invoiceId: a, amount: 20_000n }], actor: actor },
);
const p1App = await db
  .selectFrom('payment_applications as x')
  .innerJoin('payments as p', (j) => j.onRef('p.org_id', '=', 'x.org_id').onRef('p.id', '=', 'x.payment_id'))
  .select('x.id')
  .where('x.org_id', '=', org.id)
  .where('p.received_on', '=', addDays(T, -20))
  .executeTakeFirstOrThrow();
await unapplyPayment(
  { db },
  { orgId: org.id, applicationId: p1App.id, reason: 'wrong invoice', actor: actor },
);
await reversePayment({ db }, { orgId: org.id, paymentId: p3.id, reason: 'bounced', actor: actor });
await voidInvoice({ db }, { orgId: org.id, invoiceId: d, reason: 'duplicate', actor: actor });

describe('aging as of a past date', () => {
  test('before its first invoice was issued, a customer is not in it', async () => {
    const report = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -61) });
    expect(report.currencies.map((c) => c.currency)).toEqual(['USD']);
    expect(row(report, carl.id, 'USD')).toMatchObject({ total: 9_900n, balance: 9_900n });
    expect(await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -101) })).toEqual({
      asOf: addDays(T, -101),
      currencies: [],
    });
  });

  test('counts only invoices issued by then, with their open amount of that day', async () => {
    const at30 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -30) });
    // A and D issued; A due that day (current), D not due yet; P1 not received yet.
    expect(row(at30, ana.id)).toMatchObject({
      buckets: { current: 105_000n, d1_30: 0n, d31_60: 0n, d61_90: 0n, d90_plus: 0n },
      total: 105_000n,
      unappliedCash: 0n,
      unappliedCredits: 0n,
      balance: 105_000n,
    });
    const at15 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -15) });
    // P1 (received T−20 with its allocation) applied to A: 700.00 open, 15 days past due; D not due.
    expect(row(at15, ana.id)).toMatchObject({
      buckets: { current: 5_000n, d1_30: 70_000n, d31_60: 0n, d61_90: 0n, d90_plus: 0n },
      total: 75_000n,
      balance: 75_000n,
    });
  });

  test('applications, unapplications, reversals and voids made later do not count', async () => {
    // As of T−1: A 700 (P1 still applied), D 50, B 500 − 60 of credit − 70 of P3 (reversed only
    // today); P2 400 unapplied, 40 of credit unapplied.
    const at1 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -1) });
    expect(row(at1, ana.id)).toMatchObject({
      buckets: { current: 37_000n, d1_30: 75_000n, d31_60: 0n, d61_90: 0n, d90_plus: 0n },
      total: 112_000n,
      unappliedCash: 40_000n,
      unappliedCredits: 4_000n,
      balance: 68_000n,
    });
    // Today's apply, unapply, reversal and void left that day as it was.
    expect(at1).toEqual(pastT1);
    // As of T−3, P3 had not been received: B is 440 open.
    const at3 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -3) });
    expect(row(at3, ana.id)).toMatchObject({
      total: 119_000n,
      unappliedCash: 40_000n,
      unappliedCredits: 4_000n,
      balance: 75_000n,
    });
    // As of T−4, the credit had not been issued.
    const at4 = await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -4) });
    expect(row(at4, ana.id)).toMatchObject({ total: 125_000n, unappliedCredits: 0n, balance: 85_000n });
  });

  test('today, rebuilt from history, equals the fast path and the journal', async () => {
    const fast = await agingReport({ db }, { orgId: org.id });
    const rebuilt = await agingReport({ db }, { orgId: org.id, history: true });
    expect(rebuilt).toEqual(fast);
    expect(await agingReport({ db }, { orgId: org.id, asOf: T })).toEqual(fast);
    // A: 1000 − 200 (P2), D void, B: 500 − 60; P1 300 back on account + P2 200 left, credit 40.
    expect(row(fast, ana.id)).toMatchObject({
      buckets: { current: 44_000n, d1_30: 80_000n, d31_60: 0n, d61_90: 0n, d90_plus: 0n },
      total: 124_000n,
      unappliedCash: 50_000n,
      unappliedCredits: 4_000n,
      balance: 70_000n,
    });
    const { rows } = await sql<{
      customer_id: string;
      currency: string;
      ar: string;
      cash: string;
      credits: string;
    }>`
      select l.customer_id, e.currency::text as currency,
             sum(l.amount) filter (where l.account = 'accounts_receivable')::text as ar,
             (-coalesce(sum(l.amount) filter (where l.account = 'unapplied_cash'), 0))::text as cash,
             (-coalesce(sum(l.amount) filter (where l.account = 'customer_credits'), 0))::text as credits
        from journal_lines l join journal_entries e on e.org_id = l.org_id and e.id = l.entry_id
       where l.org_id = ${org.id}
       group by l.customer_id, e.currency`.execute(db);
    for (const j of rows) {
      const r = row(fast, j.customer_id, j.currency);
      expect(r, j.customer_id).toBeDefined();
      expect([r!.total, r!.unappliedCash, r!.unappliedCredits]).toEqual([
        BigInt(j.ar ?? '0'),
        BigInt(j.cash),
        BigInt(j.credits),
      ]);
    }
  });

  test('a customer with only money on account is in it, with a negative balance', async () => {
    const report = await agingReport({ db }, { orgId: org.id });
    expect(row(report, bea.id)).toMatchObject({ total: 0n, unappliedCash: 2_500n, balance: -2_500n });
    expect(row(await agingReport({ db }, { orgId: org.id, asOf: addDays(T, -2) }), bea.id)).toBeUndefined();
  });
});

describe('totals that reconcile', () => {
  test("each currency's balance is the sum of its customers' balances, and each customer's is its balance", async () => {
    const report = await agingReport({ db }, { orgId: org.id });
    const customers = [ana, bea, carl].map((c) => ({ id: c.id, currency: c.currency.trim() }));
    const balances = await balancesFor(db, org.id, customers);
    for (const c of report.currencies) {
      const sum = (k: 'total' | 'unappliedCash' | 'unappliedCredits' | 'balance') =>
        c.customers.reduce((n, x) => n + x[k], 0n);
      expect([c.total, c.unappliedCash, c.unappliedCredits, c.balance]).toEqual([
        sum('total'),
        sum('unappliedCash'),
        sum('unappliedCredits'),
        sum('balance'),
      ]);
      expect(c.balance).toBe(c.total - c.unappliedCash - c.unappliedCredits);
      const fromBalances = [...balances.values()]
        .flat()
        .filter((b) => b.currency === c.currency)
        .reduce((n, b) => n + b.total, 0n);
      expect(c.balance, c.currency).toBe(fromBalances);
      for (const k of c.customers) {
        const balance = balances.get(k.customerId)!.find((b) => b.currency === c.currency)!;
        expect(k.balance).toBe(balance.total);
        expect(k.unappliedCash).toBe(balance.unappliedCash);
        expect(k.unappliedCredits).toBe(balance.unappliedCredits);
        expect(k.total).toBe(balance.overdue + balance.notYetDue);
      }
    }
    expect(report.currencies.find((c) => c.currency === 'MXN')!.balance).toBe(67_500n);
  });

  test("the customer detail's aging shows unapplied cash and credits and ends at the balance", async () => {
    const detail = (await getCustomer({ db }, { orgId: org.id, customerId: ana.id }))!;
    expect(detail.aging).toEqual([
      {
        currency: 'MXN',
        current: 44_000n,
        d1_30: 80_000n,
        d31_60: 0n,
        d61_90: 0n,
        d90_plus: 0n,
        total: 124_000n,
        unappliedCash: 50_000n,
        unappliedCredits: 4_000n,
        balance: 70_000n,
      },
    ]);
    expect(detail.balances[0]!.total).toBe(70_000n);
    const onAccount = (await getCustomer({ db }, { orgId: org.id, customerId: bea.id }))!;
    expect(onAccount.aging).toEqual([
      {
        currency: 'MXN',
        current: 0n,
        d1_30: 0n,
        d31_60: 0n,
        d61_90: 0n,
        d90_plus: 0n,
        total: 0n,
        unappliedCash: 2_500n,
        unappliedCredits: 0n,
        balance: -2_500n,
      },
    ]);
  });

  test('the API gives the same figures (report and customer detail)', async () => {
    const seller = await seedSeller(db, { name: 'Seller R' });
    await createInvoice(
      { db },
      {
        orgId: seller.org.id,
        customerId: seller.account.id,
        number: 'R-1',
        issueDate: addDays(T, -5),
        dueDate: addDays(T, 10),
        lines: [{ description: 'X', quantity: '1', unitPrice: '100.00' }],
        actor: actor,
      },
    );
    await recordPayment(
      { db },
      {
        orgId: seller.org.id,
        customerId: seller.account.id,
        amount: 15_000n,
        receivedOn: addDays(T, -1),
        method: 'cash',
        allocations: [],
        actor: actor,
      },
    );
    const viewer = as(app, await signIn(app, seller.staff.viewer.email));
    const r = (await viewer({ method: 'GET', url: '/api/v1/console/reports/aging' })).json();
    expect(r.currencies[0]).toMatchObject({
      currency: 'MXN',
      total: 10_000,
      unappliedCash: 15_000,
      unappliedCredits: 0,
      balance: -5_000,
    });
    expect(r.currencies[0].customers[0]).toMatchObject({
      customerId: seller.account.id,
      total: 10_000,
      unappliedCash: 15_000,
      unappliedCredits: 0,
      balance: -5_000,
    });
    const c = (await viewer({ method: 'GET', url: `/api/v1/console/customers/${seller.account.id}` })).json();
    expect(c.aging[0]).toMatchObject({
      total: 10_000,
      unappliedCash: 15_000,
      unappliedCredits: 0,
      balance: -5_000,
    });
    expect(c.balances[0].total).toBe(-5_000);
  });
});

describe("the aging benchmark's baseline", () => {
  test("computes Saldo's numbers, unapplied cash and credits included", async () => {
    const { baselineSql, flatten, flattenBaseline } = await import('../../bench/aging-report/index.ts');
    const { rows } = await sql
      .raw<Parameters<typeof flattenBaseline>[0][number]>(baselineSql.replaceAll('$1', `'${org.id}'`))
      .execute(db);
    const saldo = flatten(await agingReport({ db }, { orgId: org.id }));
    expect(saldo.some((line) => line.endsWith('|50000|4000|70000'))).toBe(true);
    expect(flattenBaseline(rows)).toEqual(saldo);
  });
});
