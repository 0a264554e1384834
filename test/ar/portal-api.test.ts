import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { addCustomerUser, createCustomerAccount } from '../support/factories.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const orgId = seller.org.id;
const accountId = seller.account.id;
const customer = as(
  app,
  await signInTo(app, seller.customers.accountant.email, { kind: 'customer', orgId, accountId }),
);
const staff = as(app, await signInTo(app, seller.staff.owner.email, { kind: 'staff', orgId }));
// Another account at the same seller, and another seller.
const neighbour = await createCustomerAccount(db, orgId, { name: 'Vecino SA' });
const otherSeller = await seedSeller(db);

function mx(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const invoice = (
  org: string,
  customerId: string,
  number: string,
  pesos: string,
  dueInDays: number,
  status: 'open' | 'draft' = 'open',
) =>
  createInvoice(
    { db },
    {
      orgId: org,
      customerId,
      number,
      issueDate: mx(Math.min(dueInDays, 0) - 5),
      dueDate: mx(dueInDays),
      status,
      lines: [{ description: 'x', quantity: '1', unitPrice: pesos }],
      actor: {},
    },
  );

const own = {
  overdue: await invoice(orgId, accountId, 'P-OVERDUE', '300', -4),
  today: await invoice(orgId, accountId, 'P-TODAY', '200', 0),
  later: await invoice(orgId, accountId, 'P-LATER', '100', 12),
  draft: await invoice(orgId, accountId, 'P-DRAFT', '999', 3, 'draft'),
};
const neighbours = await invoice(orgId, neighbour.id, 'N-1', '50', 5);
const foreign = await invoice(otherSeller.org.id, otherSeller.account.id, 'X-1', '70', 5);

describe('portal invoices', () => {
  test('lists only the account own invoices, never drafts', async () => {
    const r = await customer({ method: 'GET', url: '/api/v1/portal/invoices?sort=dueDate' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((i: { number: string }) => i.number)).toEqual([
      'P-OVERDUE',
      'P-TODAY',
      'P-LATER',
    ]);
    expect(r.json().total).toBe(3);
    const drafts = await customer({ method: 'GET', url: '/api/v1/portal/invoices?status=draft' });
    expect(drafts.json()).toMatchObject({ items: [], total: 0 });
  });

  test('uses the console filters; overdue judged in the seller time zone', async () => {
    const overdue = (await customer({ method: 'GET', url: '/api/v1/portal/invoices?status=overdue' })).json();
    expect(overdue.items).toEqual([
      expect.objectContaining({ number: 'P-OVERDUE', overdue: true, daysOverdue: 4 }),
    ]);
    const today = (await customer({ method: 'GET', url: '/api/v1/portal/invoices?q=p-today' })).json();
    expect(today.items).toEqual([
      expect.objectContaining({ number: 'P-TODAY', overdue: false, daysOverdue: 0 }),
    ]);
    const notAFilter = await customer({
      method: 'GET',
      url: `/api/v1/portal/invoices?customerId=${neighbour.id}`,
    });
    expect(notAFilter.statusCode).toBe(400);
  });

  test("shows its own invoice; another account's, another seller's or a draft is 404", async () => {
    const mine = await customer({ method: 'GET', url: `/api/v1/portal/invoices/${own.overdue.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      number: 'P-OVERDUE',
      total: 30000,
      lines: [expect.objectContaining({ description: 'x' })],
    });
    for (const id of [neighbours.id, foreign.id, own.draft.id]) {
      const r = await customer({ method: 'GET', url: `/api/v1/portal/invoices/${id}` });
      expect(r.statusCode).toBe(404);
    }
  });

  test('a person of two accounts sees the chosen account only', async () => {
    await addCustomerUser(db, orgId, neighbour.id, seller.customers.payer.id, 'payer');
    const atNeighbour = as(
      app,
      await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId: neighbour.id }),
    );
    const list = (await atNeighbour({ method: 'GET', url: '/api/v1/portal/invoices' })).json();
    expect(list.items.map((i: { number: string }) => i.number)).toEqual(['N-1']);
    expect(
      (await atNeighbour({ method: 'GET', url: `/api/v1/portal/invoices/${own.today.id}` })).statusCode,
    ).toBe(404);
  });

  test('staff cannot use the portal routes', async () => {
    expect((await staff({ method: 'GET', url: '/api/v1/portal/invoices' })).statusCode).toBe(403);
    expect((await staff({ method: 'GET', url: '/api/v1/portal/summary' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/summary' })).statusCode).toBe(401);
  });
});

describe('portal summary', () => {
  test('balances, next due, the 5 newest completed payments, hold', async () => {
    const payments = [];
    for (let day = 1; day <= 6; day += 1) {
      payments.push(
        await recordPayment(
          { db },
          {
            orgId,
            customerId: accountId,
            amount: 1000n,
            receivedOn: `2026-01-0${day}`,
            method: 'bank_transfer',
            reference: `T-${day}`,
            actor: {},
          },
        ),
      );
    }
    await reversePayment({ db }, { orgId, paymentId: payments[5]!.id, reason: 'Rebotó', actor: {} });
    await recordPayment(
      { db },
      { orgId, customerId: neighbour.id, amount: 777n, receivedOn: '2026-02-01', method: 'cash', actor: {} },
    );
    await staff({
      method: 'POST',
      url: `/api/v1/console/customers/${accountId}/hold`,
      payload: { reason: 'Límite excedido' },
    });

    const r = await customer({ method: 'GET', url: '/api/v1/portal/summary' });
    expect(r.statusCode, r.body).toBe(200);
    const summary = r.json();
    expect(summary.balances).toEqual([
      {
        currency: 'MXN',
        overdue: 30000,
        notYetDue: 30000,
        unappliedCash: 5000,
        unappliedCredits: 0,
        total: 55000,
      },
    ]);
    // Due today is the next due (not overdue yet).
    expect(summary.nextDue).toEqual({
      invoiceId: own.today.id,
      number: 'P-TODAY',
      dueDate: mx(0),
      openAmount: 20000,
      currency: 'MXN',
    });
    expect(summary.recentPayments.map((p: { reference: string }) => p.reference)).toEqual([
      'T-5',
      'T-4',
      'T-3',
      'T-2',
      'T-1',
    ]);
    expect(summary.recentPayments[0]).toMatchObject({
      status: 'completed',
      method: 'bank_transfer',
      amount: 1000,
      unappliedAmount: 1000,
      customer: { id: accountId },
    });
    // The internal reason stays internal; no message for the customer was given.
    expect(summary.hold).toEqual({ status: 'on_hold', message: null });
  });
});
