import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { accountSummary } from '../../src/domain/customers/account-summary.ts';
import { getCustomer } from '../../src/domain/customers/get-customer.ts';
import { listCustomers } from '../../src/domain/customers/list-customers.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * The balance people see (customers/balances.ts through the portal's account summary, the
 * console's customer page and its list): `overdue + not yet due − unapplied cash − unapplied
 * credits`, each part on its own, per currency with the customer's own first; and the customer
 * page's aging, which reconciles with it.
 */
const { db } = useTestDb();

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function seller(currency: string) {
  const org = await createOrg(db, { default_currency: currency });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id, 'ar_agent');
  const actor: Actor = { userId: user.id };
  const { rows } = await sql<{ today: string }>`
    select ((now() at time zone time_zone)::date)::text as today from organizations where id = ${org.id}`.execute(
    db,
  );
  const today = rows[0]!.today;
  let n = 0;
  const invoice = async (customerId: string, minor: bigint, dueInDays: number, currency?: string) => {
    n += 1;
    await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId,
        number: `F-${n}`,
        issueDate: addDays(today, Math.min(dueInDays, 0) - 10),
        dueDate: addDays(today, dueInDays),
        ...(currency ? { currency } : {}),
        lines: [
          {
            description: 'x',
            quantity: '1',
            unitPrice: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`,
          },
        ],
        actor: actor,
      },
    );
  };
  const pay = (customerId: string, amount: bigint, currency?: string) =>
    recordPayment(
      { db },
      {
        orgId: org.id,
        customerId,
        amount,
        receivedOn: addDays(today, -1),
        method: 'cash',
        ...(currency ? { currency } : {}),
        actor: actor,
      },
    );
  const credit = (customerId: string, amount: bigint, currency?: string) =>
    issueCreditMemo(
      { db },
      {
        orgId: org.id,
        customerId,
        amount,
        issueDate: addDays(today, -1),
        ...(currency ? { currency } : {}),
        actor: actor,
      },
    );
  return { org, today, invoice, pay, credit };
}

const balance = (
  currency: string,
  parts: { overdue?: bigint; notYetDue?: bigint; unappliedCash?: bigint; unappliedCredits?: bigint },
) => {
  const { overdue = 0n, notYetDue = 0n, unappliedCash = 0n, unappliedCredits = 0n } = parts;
  return {
    currency,
    overdue,
    notYetDue,
    unappliedCash,
    unappliedCredits,
    total: overdue + notYetDue - unappliedCash - unappliedCredits,
  };
};

describe('a customer balance', () => {
  test('overdue + not yet due − unapplied cash − unapplied credits, each part shown, on every screen', async () => {
    const s = await seller('USD');
    const customer = await createCustomerAccount(db, s.org.id);
    await s.invoice(customer.id, 70000n, -5); // overdue
    await s.invoice(customer.id, 3000n, 0); // due today: not yet overdue
    await s.invoice(customer.id, 1200n, 20);
    await s.pay(customer.id, 900n); // kept as unapplied cash
    await s.credit(customer.id, 250n); // kept as unapplied credit
    const want = [
      balance('USD', { overdue: 70000n, notYetDue: 4200n, unappliedCash: 900n, unappliedCredits: 250n }),
    ];
    expect(want[0]!.total).toBe(73050n);
    expect((await accountSummary({ db }, { orgId: s.org.id, customerId: customer.id }))!.balances).toEqual(
      want,
    );
    const detail = await getCustomer({ db }, { orgId: s.org.id, customerId: customer.id });
    expect(detail!.balances).toEqual(want);
    const listed = await listCustomers({ db }, { orgId: s.org.id, page: 1, pageSize: 10 });
    expect(listed.items.find((c) => c.id === customer.id)!.balances).toEqual(want);
    // the customer page's aging says the same: open 74,200 by age, less cash and credits
    expect(detail!.aging).toEqual([
      {
        currency: 'USD',
        current: 4200n,
        d1_30: 70000n,
        d31_60: 0n,
        d61_90: 0n,
        d90_plus: 0n,
        total: 74200n,
        unappliedCash: 900n,
        unappliedCredits: 250n,
        balance: 73050n,
      },
    ]);
  });

  test('money on account alone makes a negative balance', async () => {
    const s = await seller('USD');
    const customer = await createCustomerAccount(db, s.org.id);
    await s.credit(customer.id, 500n);
    await s.pay(customer.id, 700n);
    const want = [balance('USD', { unappliedCash: 700n, unappliedCredits: 500n })];
    expect((await accountSummary({ db }, { orgId: s.org.id, customerId: customer.id }))!.balances).toEqual(
      want,
    );
    expect(want[0]!.total).toBe(-1200n);
  });

  test('each customer gets its own; a customer with nothing shows zero in its own currency', async () => {
    const s = await seller('USD');
    const a = await createCustomerAccount(db, s.org.id, { name: 'A' });
    const b = await createCustomerAccount(db, s.org.id, { name: 'B' });
    await s.invoice(a.id, 1000n, -1);
    const listed = await listCustomers({ db }, { orgId: s.org.id, page: 1, pageSize: 10 });
    expect(listed.items.find((c) => c.id === a.id)!.balances).toEqual([balance('USD', { overdue: 1000n })]);
    expect(listed.items.find((c) => c.id === b.id)!.balances).toEqual([balance('USD', {})]);
    expect((await getCustomer({ db }, { orgId: s.org.id, customerId: b.id }))!.aging).toEqual([]);
  });

  test('the customer’s own currency first, then the others alphabetically; its own shows zero if it owes nothing in it', async () => {
    const s = await seller('MXN');
    const customer = await createCustomerAccount(db, s.org.id);
    await s.invoice(customer.id, 2000n, -40, 'USD');
    await s.invoice(customer.id, 3000n, 10, 'EUR');
    const onlyForeign = [
      balance('MXN', {}),
      balance('EUR', { notYetDue: 3000n }),
      balance('USD', { overdue: 2000n }),
    ];
    expect((await accountSummary({ db }, { orgId: s.org.id, customerId: customer.id }))!.balances).toEqual(
      onlyForeign,
    );
    await s.invoice(customer.id, 100n, -1);
    await s.pay(customer.id, 500n, 'USD');
    await s.credit(customer.id, 300n, 'EUR');
    const detail = await getCustomer({ db }, { orgId: s.org.id, customerId: customer.id });
    expect(detail!.balances).toEqual([
      balance('MXN', { overdue: 100n }),
      balance('EUR', { notYetDue: 3000n, unappliedCredits: 300n }),
      balance('USD', { overdue: 2000n, unappliedCash: 500n }),
    ]);
    expect(detail!.aging.map((a) => [a.currency, a.total, a.balance])).toEqual([
      ['EUR', 3000n, 2700n],
      ['MXN', 100n, 100n],
      ['USD', 2000n, 1500n],
    ]);
    expect(detail!.aging.find((a) => a.currency === 'USD')).toMatchObject({
      d31_60: 2000n,
      unappliedCash: 500n,
    });
  });

  test('aging buckets by days past due, boundaries included', async () => {
    const s = await seller('USD');
    const customer = await createCustomerAccount(db, s.org.id);
    for (const [days, minor] of [
      [0, 1n],
      [-1, 10n],
      [-30, 100n],
      [-31, 1000n],
      [-60, 10000n],
      [-61, 100000n],
      [-90, 1000000n],
      [-91, 10000000n],
    ] as const)
      await s.invoice(customer.id, minor, days);
    const [aging] = (await getCustomer({ db }, { orgId: s.org.id, customerId: customer.id }))!.aging;
    expect(aging).toMatchObject({
      current: 1n,
      d1_30: 110n,
      d31_60: 11000n,
      d61_90: 1100000n,
      d90_plus: 10000000n,
      total: 11111111n,
    });
  });
});
