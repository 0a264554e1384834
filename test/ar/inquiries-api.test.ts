import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { chasePausesSql } from '../../src/domain/promises/chase-pauses.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

/**
 * Questions, disputes and promises to pay through the portal and the console: a customer asks and
 * disputes its own invoices only, staff answer (e-mailed) and resolve from the queue, an open
 * dispute or promise pauses chasing, and nothing of another account or seller can be reached.
 */
const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const orgId = seller.org.id;
const accountId = seller.account.id;
const payer = as(
  app,
  await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId }),
);
const accountant = as(
  app,
  await signInTo(app, seller.customers.accountant.email, { kind: 'customer', orgId, accountId }),
);
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const viewer = as(app, await signInTo(app, seller.staff.viewer.email, { kind: 'staff', orgId }));
const neighbour = await createCustomerAccount(db, orgId, { name: 'Vecino SA' });
const other = await seedSeller(db);
const otherStaff = as(
  app,
  await signInTo(app, other.staff.owner.email, { kind: 'staff', orgId: other.org.id }),
);

await db
  .insertInto('customer_contacts')
  .values({
    org_id: orgId,
    id: '019a0000-0000-7000-8000-000000000001',
    account_id: accountId,
    name: 'Cuentas por pagar',
    email: 'cxp@cliente.example',
    receives: ['invoices'],
  })
  .execute();

function mx(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const invoice = (org: string, customerId: string, number: string, pesos: string) =>
  createInvoice(
    { db },
    {
      orgId: org,
      customerId,
      number,
      issueDate: mx(-20),
      dueDate: mx(-5),
      lines: [{ description: 'x', quantity: '1', unitPrice: pesos }],
      actor: {},
    },
  );
const first = await invoice(orgId, accountId, 'Q-1', '1000');
const second = await invoice(orgId, accountId, 'Q-2', '500');
const third = await invoice(orgId, accountId, 'Q-3', '250');
const neighbours = await invoice(orgId, neighbour.id, 'N-1', '50');
const foreign = await invoice(other.org.id, other.account.id, 'X-1', '70');

async function pauses(): Promise<Map<string, { amount: bigint; by: string }>> {
  const { rows } = await sql<{ invoice_id: string; paused_amount: bigint; paused_by: string }>`
    select * from ${chasePausesSql(orgId)} p`.execute(db);
  return new Map(rows.map((r) => [r.invoice_id, { amount: r.paused_amount, by: r.paused_by }]));
}

async function mailTo(address: string) {
  return db
    .selectFrom('mail_messages')
    .where('to_address', '=', address)
    .where('template', '=', 'inquiry_reply')
    .select(['subject', 'text_body', 'customer_id'])
    .orderBy('created_at')
    .execute();
}

describe('questions and disputes', () => {
  test('a customer disputes part of its invoice; it waits in the console queue and pauses that part', async () => {
    const opened = await payer({
      method: 'POST',
      url: '/api/v1/portal/inquiries',
      payload: {
        invoiceId: first.id,
        kind: 'dispute',
        reason: 'damaged_goods',
        disputedAmount: 30_000,
        message: 'Llegaron dos cajas rotas.',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      kind: 'dispute',
      reason: 'damaged_goods',
      disputedAmount: 30_000,
      status: 'open',
      openedBy: 'customer',
      lastAuthor: 'customer',
      messages: [{ position: 1, author: 'customer', body: 'Llegaron dos cajas rotas.' }],
    });
    const queue = (await viewer({ method: 'GET', url: '/api/v1/console/inquiries?status=open' })).json();
    expect(queue.items.map((i: { invoice: { number: string } }) => i.invoice.number)).toEqual(['Q-1']);
    expect((await pauses()).get(first.id)).toEqual({ amount: 30_000n, by: 'dispute' });

    const again = await payer({
      method: 'POST',
      url: '/api/v1/portal/inquiries',
      payload: { invoiceId: first.id, kind: 'dispute', reason: 'price', message: 'Otra' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('dispute_already_open');
  });

  test('staff answer, the customer replies, staff resolve: every staff word is e-mailed', async () => {
    const id = (await viewer({ method: 'GET', url: '/api/v1/console/inquiries?status=open' })).json().items[0]
      .id;
    const answered = await agent({
      method: 'POST',
      url: `/api/v1/console/inquiries/${id}/replies`,
      payload: { message: '¿Nos mandas una foto?' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().lastAuthor).toBe('staff');
    const toPayer = await mailTo(seller.customers.payer.email);
    const toContact = await mailTo('cxp@cliente.example');
    expect(toPayer).toHaveLength(1);
    expect(toContact).toHaveLength(1);
    expect(toPayer[0]?.subject).toContain('Q-1');
    expect(toPayer[0]?.text_body).toContain('¿Nos mandas una foto?');
    expect(toPayer[0]?.customer_id).toBe(accountId);

    const replied = await accountant({
      method: 'POST',
      url: `/api/v1/portal/inquiries/${id}/replies`,
      payload: { message: 'Ya la enviamos.' },
    });
    expect(replied.statusCode, replied.body).toBe(200);
    // A customer's own words are not mailed back to it.
    expect(await mailTo(seller.customers.payer.email)).toHaveLength(1);

    const resolved = await agent({
      method: 'POST',
      url: `/api/v1/console/inquiries/${id}/resolve`,
      payload: { resolution: 'credit_issued', message: 'Emitimos la nota de crédito NC-9.' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'credit_issued' });
    expect(resolved.json().messages.map((m: { author: string }) => m.author)).toEqual([
      'customer',
      'staff',
      'customer',
      'staff',
    ]);
    const last = (await mailTo(seller.customers.payer.email)).at(-1);
    expect(last?.text_body).toContain('se emitió una nota de crédito');
    expect((await pauses()).has(first.id)).toBe(false);

    const late = await accountant({
      method: 'POST',
      url: `/api/v1/portal/inquiries/${id}/replies`,
      payload: { message: 'Gracias' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('inquiry_resolved');
    const twice = await agent({
      method: 'POST',
      url: `/api/v1/console/inquiries/${id}/resolve`,
      payload: { resolution: 'rejected' },
    });
    expect(twice.statusCode).toBe(409);
    const activity = (
      await agent({ method: 'GET', url: `/api/v1/console/customers/${accountId}/activity` })
    ).json();
    const actions = activity.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(['invoice.disputed', 'invoice.inquiry_replied', 'invoice.inquiry_resolved']),
    );
  });

  test('a question names no reason; a dispute without a reason, a bad amount or bad text is refused', async () => {
    const question = await accountant({
      method: 'POST',
      url: '/api/v1/portal/inquiries',
      payload: { invoiceId: second.id, kind: 'question', message: '¿Incluye el flete?' },
    });
    expect(question.statusCode, question.body).toBe(201);
    expect((await pauses()).has(second.id)).toBe(false);
    const cases = [
      { invoiceId: second.id, kind: 'dispute', message: 'sin motivo' },
      { invoiceId: second.id, kind: 'question', reason: 'price', message: 'pregunta con motivo' },
      {
        invoiceId: second.id,
        kind: 'dispute',
        reason: 'price',
        disputedAmount: 50_001,
        message: 'más de lo abierto',
      },
      { invoiceId: second.id, kind: 'dispute', reason: 'price', disputedAmount: 0, message: 'cero' },
      { invoiceId: second.id, kind: 'dispute', reason: 'price', disputedAmount: 1e16, message: 'enorme' },
      { invoiceId: second.id, kind: 'dispute', reason: 'price', message: 'con \u0000 nulo' },
      { invoiceId: second.id, kind: 'dispute', reason: 'price', message: '   ' },
      { invoiceId: second.id, kind: 'dispute', reason: 'robbery', message: 'motivo desconocido' },
    ];
    for (const payload of cases) {
      const response = await payer({ method: 'POST', url: '/api/v1/portal/inquiries', payload });
      expect([400, 422], `${JSON.stringify(payload)} → ${response.body}`).toContain(response.statusCode);
      expect(response.json().detail).not.toBe('');
    }
    const open = (
      await viewer({ method: 'GET', url: `/api/v1/console/inquiries?invoiceId=${second.id}` })
    ).json();
    expect(open.total).toBe(1);
  });

  test('another account’s or seller’s invoices and inquiries are not found; viewers only read', async () => {
    for (const invoiceId of [neighbours.id, foreign.id]) {
      const response = await payer({
        method: 'POST',
        url: '/api/v1/portal/inquiries',
        payload: { invoiceId, kind: 'question', message: 'hola' },
      });
      expect(response.statusCode).toBe(404);
    }
    const mine = (await viewer({ method: 'GET', url: '/api/v1/console/inquiries' })).json().items[0].id;
    expect((await otherStaff({ method: 'GET', url: `/api/v1/console/inquiries/${mine}` })).statusCode).toBe(
      404,
    );
    const foreignReply = await otherStaff({
      method: 'POST',
      url: `/api/v1/console/inquiries/${mine}/replies`,
      payload: { message: 'hola' },
    });
    expect(foreignReply.statusCode).toBe(404);
    expect((await otherStaff({ method: 'GET', url: '/api/v1/console/inquiries' })).json().total).toBe(0);
    const staffForNeighbour = await agent({
      method: 'POST',
      url: '/api/v1/console/inquiries',
      payload: { customerId: accountId, invoiceId: neighbours.id, kind: 'question', message: 'cruzada' },
    });
    expect(staffForNeighbour.statusCode).toBe(404);
    const byViewer = await viewer({
      method: 'POST',
      url: `/api/v1/console/inquiries/${mine}/replies`,
      payload: { message: 'no puedo' },
    });
    expect(byViewer.statusCode).toBe(403);
  });

  test('the customer withdraws its own question; it may not resolve it any other way', async () => {
    const { id } = (
      await payer({
        method: 'POST',
        url: '/api/v1/portal/inquiries',
        payload: { invoiceId: third.id, kind: 'dispute', reason: 'not_received', message: 'No llegó' },
      })
    ).json();
    expect((await pauses()).get(third.id)).toEqual({ amount: 25_000n, by: 'dispute' });
    const withdrawn = await payer({ method: 'POST', url: `/api/v1/portal/inquiries/${id}/withdraw` });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'resolved', resolution: 'withdrawn' });
    expect((await pauses()).has(third.id)).toBe(false);
  });
});

describe('promises to pay', () => {
  test('a promise pauses chasing until its date; cancelled, chasing resumes', async () => {
    const made = await payer({
      method: 'POST',
      url: '/api/v1/portal/promises',
      payload: { invoiceId: second.id, promisedOn: mx(3), amount: 50_000, note: 'El viernes' },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await pauses()).get(second.id)).toEqual({ amount: 50_000n, by: 'promise' });
    const listed = (
      await agent({ method: 'GET', url: `/api/v1/console/customers/${accountId}/promises` })
    ).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ promisedOn: mx(3), amount: 50_000, state: 'open', recordedBy: 'customer' }),
    ]);
    const cancelled = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${accountId}/promises/${made.json().id}/cancel`,
    });
    expect(cancelled.statusCode).toBe(204);
    expect((await pauses()).has(second.id)).toBe(false);
  });

  test('a promise whose date passed is missed and pauses nothing', async () => {
    const { id } = (
      await agent({
        method: 'POST',
        url: `/api/v1/console/customers/${accountId}/promises`,
        payload: { promisedOn: mx(0), amount: 10_000 },
      })
    ).json();
    expect((await pauses()).get(third.id)?.by).toBe('promise');
    // The day passes.
    await db
      .updateTable('payment_promises')
      .set({ promised_on: mx(-1) })
      .where('id', '=', id)
      .execute();
    const state = (await payer({ method: 'GET', url: '/api/v1/portal/promises' })).json().items;
    expect(state.find((p: { id: string }) => p.id === id)?.state).toBe('missed');
    expect((await pauses()).has(third.id)).toBe(false);
  });

  test('bad dates and amounts are refused; accountants and other accounts cannot promise', async () => {
    const bad = [
      { promisedOn: mx(-1), amount: 100 },
      { promisedOn: mx(400), amount: 100 },
      { promisedOn: '2026-02-31', amount: 100 },
      { promisedOn: mx(1), amount: 0 },
      { promisedOn: mx(1), amount: 1e16 },
      { invoiceId: second.id, promisedOn: mx(1), amount: 50_001 },
    ];
    for (const payload of bad) {
      const response = await payer({ method: 'POST', url: '/api/v1/portal/promises', payload });
      expect([400, 422], `${JSON.stringify(payload)} → ${response.body}`).toContain(response.statusCode);
    }
    const byAccountant = await accountant({
      method: 'POST',
      url: '/api/v1/portal/promises',
      payload: { promisedOn: mx(1), amount: 100 },
    });
    expect(byAccountant.statusCode).toBe(403);
    const crossInvoice = await payer({
      method: 'POST',
      url: '/api/v1/portal/promises',
      payload: { invoiceId: neighbours.id, promisedOn: mx(1), amount: 100 },
    });
    expect(crossInvoice.statusCode).toBe(404);
    const crossSeller = await otherStaff({
      method: 'POST',
      url: `/api/v1/console/customers/${accountId}/promises`,
      payload: { promisedOn: mx(1), amount: 100 },
    });
    expect(crossSeller.statusCode).toBe(404);
  });
});
