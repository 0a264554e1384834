import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { previewAllocation } from '../../src/domain/payments/preview-allocation.ts';
import { as, seedSeller, signIn, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

/**
 * POST /console/payments/allocation-preview: a dry run of recording a payment with `allocations: 'auto'`,
 * the same oldest-first rule (allocateOldestFirst), pending amounts held back, no cap, nothing written.
 */
const { app, db } = await useTestApp();
const seller = await seedSeller(db); // MXN
const other = await seedSeller(db, { name: 'Otro vendedor' });
const agent = as(app, await signIn(app, seller.staff.ar_agent.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));

let seq = 0;
/** An open invoice of one line (`price` in major units) due `dueDate`. */
async function invoice(customerId: string, price: string, dueDate: string, currency?: string) {
  seq += 1;
  const number = `AP-${String(seq).padStart(4, '0')}`;
  const { id } = await createInvoice(
    { db },
    {
      orgId: seller.org.id,
      customerId,
      number,
      issueDate: '2025-01-01',
      dueDate,
      ...(currency ? { currency } : {}),
      lines: [{ description: 'Producto', quantity: '1', unitPrice: price }],
      actor: {},
    },
  );
  return { id, number };
}

const customer = async () => (await createCustomerAccount(db, seller.org.id)).id;

const preview = (payload: object) =>
  agent({ method: 'POST', url: '/api/v1/console/payments/allocation-preview', payload });

/** Everything recording would change: rows of the money tables of the seller. */
async function writes() {
  const count = async (table: 'payments' | 'payment_applications' | 'journal_entries' | 'audit_log') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', seller.org.id)
        .executeTakeFirstOrThrow()
    ).n;
  const open = await db
    .selectFrom('invoices')
    .select(['id', 'open_amount'])
    .where('org_id', '=', seller.org.id)
    .orderBy('id')
    .execute();
  return {
    payments: await count('payments'),
    applications: await count('payment_applications'),
    journal: await count('journal_entries'),
    audit: await count('audit_log'),
    open,
  };
}

describe('the allocation preview', () => {
  test('fills the oldest due first, holding back what is pending, and writes nothing', async () => {
    const c = await customer();
    const late = await invoice(c, '100.00', '2025-03-01');
    const oldest = await invoice(c, '100.00', '2025-01-10');
    const middle = await invoice(c, '100.00', '2025-02-01');
    await invoice(c, '100.00', '2025-01-05', 'USD'); // another currency: not a candidate
    await db
      .updateTable('invoices')
      .set({ pending_amount: 4000n }) // 40.00 in flight on the oldest
      .where('org_id', '=', seller.org.id)
      .where('id', '=', oldest.id)
      .execute();
    const before = await writes();
    const r = await preview({ customerId: c, amount: 15000 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      currency: 'MXN',
      allocations: [
        { invoiceId: oldest.id, number: oldest.number, dueDate: '2025-01-10', available: 6000, amount: 6000 },
        {
          invoiceId: middle.id,
          number: middle.number,
          dueDate: '2025-02-01',
          available: 10000,
          amount: 9000,
        },
      ],
      unapplied: 0,
    });
    // more than is owed: everything available, the rest unapplied; late is the last
    const all = await preview({ customerId: c, amount: 30000 });
    expect(all.json().allocations.map((a: { invoiceId: string }) => a.invoiceId)).toEqual([
      oldest.id,
      middle.id,
      late.id,
    ]);
    expect(all.json().unapplied).toBe(30000 - 6000 - 10000 - 10000);
    // an invoice entirely pending is skipped
    await db
      .updateTable('invoices')
      .set({ pending_amount: 10000n })
      .where('org_id', '=', seller.org.id)
      .where('id', '=', oldest.id)
      .execute();
    expect((await preview({ customerId: c, amount: 100 })).json().allocations).toEqual([
      { invoiceId: middle.id, number: middle.number, dueDate: '2025-02-01', available: 10000, amount: 100 },
    ]);
    expect(await writes()).toEqual(before);
  });

  test('has no cap: 130 open invoices are all candidates', async () => {
    const c = await customer();
    const made: string[] = [];
    for (let i = 0; i < 130; i++) {
      const due = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      made.push((await invoice(c, '10.00', due)).id);
    }
    const r = await preview({ customerId: c, amount: 129_550 }); // 129 invoices and a half of the last
    expect(r.statusCode).toBe(200);
    const { allocations, unapplied } = r.json();
    expect(allocations).toHaveLength(130);
    expect(allocations.map((a: { invoiceId: string }) => a.invoiceId)).toEqual(made);
    expect(allocations.at(-1)).toMatchObject({ available: 1000, amount: 550 });
    expect(unapplied).toBe(0);
  });

  test('is exactly what recording the payment with allocations "auto" then applies', async () => {
    const c = await customer();
    await invoice(c, '80.00', '2025-02-10');
    await invoice(c, '50.00', '2025-01-20');
    const pending = await invoice(c, '70.00', '2025-01-15');
    await invoice(c, '30.00', '2025-01-20');
    await db
      .updateTable('invoices')
      .set({ pending_amount: 2500n })
      .where('org_id', '=', seller.org.id)
      .where('id', '=', pending.id)
      .execute();
    const amount = 17000;
    const planned = (await preview({ customerId: c, amount })).json();
    // the use case itself, as the route calls it
    expect(
      await previewAllocation({ db }, { orgId: seller.org.id, customerId: c, amount: BigInt(amount) }),
    ).toEqual({
      currency: 'MXN',
      unapplied: BigInt(planned.unapplied),
      allocations: planned.allocations.map((a: { available: number; amount: number }) => ({
        ...a,
        available: BigInt(a.available),
        amount: BigInt(a.amount),
      })),
    });
    const recorded = await agent({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: { customerId: c, amount, receivedOn: '2025-03-01', method: 'cash', allocations: 'auto' },
    });
    expect(recorded.statusCode).toBe(201);
    const payment = recorded.json();
    expect(
      payment.applications.map((a: { invoiceId: string; amount: number }) => [a.invoiceId, a.amount]).sort(),
    ).toEqual(
      planned.allocations.map((a: { invoiceId: string; amount: number }) => [a.invoiceId, a.amount]).sort(),
    );
    expect(payment.unappliedAmount).toBe(planned.unapplied);
  });

  test('checks what recording checks: the customer, the currency, the amount, the role', async () => {
    const c = await customer();
    await invoice(c, '10.00', '2025-01-10');
    // another seller's customer is not found, like a customer that does not exist
    const theirs = await preview({ customerId: other.account.id, amount: 100 });
    expect(theirs.statusCode).toBe(404);
    expect((await preview({ customerId: crypto.randomUUID(), amount: 100 })).statusCode).toBe(404);
    // a currency the customer does not deal in is refused naming it; one it has a balance in is fine
    const eur = await preview({ customerId: c, amount: 100, currency: 'EUR' });
    expect(eur.statusCode).toBe(400);
    expect(eur.json().errors).toEqual([expect.objectContaining({ field: 'currency', code: 'enum' })]);
    await invoice(c, '10.00', '2025-01-10', 'USD');
    const usd = await preview({ customerId: c, amount: 100, currency: 'USD' });
    expect(usd.statusCode).toBe(200);
    expect(usd.json()).toMatchObject({ currency: 'USD', unapplied: 0 });
    // not positive, not an integer, unknown fields
    for (const payload of [
      { customerId: c, amount: 0 },
      { customerId: c, amount: -5 },
      { customerId: c, amount: 1.5 },
      { customerId: c, amount: 100, allocations: 'auto' },
      { customerId: 'nope', amount: 100 },
    ]) {
      expect((await preview(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    // reading staff may not record, so may not preview either
    const r = await viewer({
      method: 'POST',
      url: '/api/v1/console/payments/allocation-preview',
      payload: { customerId: c, amount: 100 },
    });
    expect(r.statusCode).toBe(403);
  });
});
