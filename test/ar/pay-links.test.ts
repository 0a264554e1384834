import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { createPayLink } from '../../src/domain/pay-links/create-pay-link.ts';
import { as, signInTo } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';
import { calendarDay, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Pay links from credit checks, as their holder uses them with no sign-in: what the link shows,
 * the processor's page, paying it (once — fifty payers at once make one charge), a decline that
 * leaves it open, an ACH debit in flight, its receipt; expired, cancelled, unknown and altered
 * tokens refused in the payer's language; guesses rate-limited. The prepayment waits as unapplied
 * cash and is applied when the invoice with the order reference is created (what fits; the rest
 * stays unapplied, or the invoice stays open for the difference).
 */
const ctx = await useOnlinePaymentsApp();
const { app, db, config } = ctx;
const s = await onlineSeller(ctx);
const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));
const put = await owner({
  method: 'PUT',
  url: '/api/v1/console/settings/credit-checks',
  payload: { onlineOrders: true, orderPayment: 'excess' },
});
expect(put.statusCode).toBe(200);
const key = (
  await createApiKey(
    { db },
    { orgId: s.orgId, name: 'ERP', scopes: ['integration:write'], createdBy: null, actor: {} },
  )
).key;

let address = 0;
/** Requests from one payer's address (each test its own, so rate limits stay per test). */
const from = () => {
  const remoteAddress = `10.8.${Math.floor(++address / 250)}.${address % 250}`;
  return (options: InjectOptions) => app.inject({ ...options, remoteAddress });
};

/** An order over a fresh customer's limit of 0 (the whole order): its link's token. */
async function orderLink(amount: number, currency = 'USD') {
  const customer = await createCustomerAccount(db, s.orgId, { credit_limit: 0n, currency });
  const orderReference = `SO-${randomUUID().slice(0, 8)}`;
  const answer = await app.inject({
    method: 'POST',
    url: '/api/v1/credit-checks',
    headers: { authorization: `Bearer ${key}` },
    payload: { customer: { id: customer.id }, orderReference, orderAmount: amount, currency },
  });
  expect(answer.statusCode, answer.body).toBe(201);
  const token = (answer.json().payLink.url as string).split('/pay/')[1]!;
  return { token, customerId: customer.id, orderReference };
}

type Client = ReturnType<typeof from>;

/** The processor's page as a browser fills it, from the link's entry: the method token it returns. */
async function enter(client: Client, token: string, kind: 'card' | 'ach', fields: Record<string, string>) {
  const entry = await client({ method: 'POST', url: `/api/v1/pay-links/${token}/entry`, payload: { kind } });
  expect(entry.statusCode, entry.body).toBe(200);
  const url = new URL(entry.json().url);
  expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(200);
  const posted = await app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
    payload: new URLSearchParams(fields).toString(),
  });
  expect(posted.statusCode).toBe(303);
  const back = new URL(posted.headers.location as string);
  // Back to the SPA's return page: the link's id, never its token.
  expect(back.pathname).toMatch(/^\/pay\/return\/[0-9a-f-]{36}$/);
  expect(back.href).not.toContain(token);
  return back.searchParams.get('method')!;
}
const card = (client: Client, token: string, number = '4242424242424242') =>
  enter(client, token, 'card', {
    number,
    expiry: '12/34',
    cvc: '123',
    name: 'Ana Pagos',
    postalCode: '12345',
  });

const pay = (client: Client, token: string, body: Record<string, unknown>, idempotencyKey = randomUUID()) =>
  client({
    method: 'POST',
    url: `/api/v1/pay-links/${token}/payments`,
    headers: { 'idempotency-key': idempotencyKey },
    payload: body,
  });

const paymentRow = (id: string) =>
  db
    .selectFrom('payments')
    .select(['status', 'source', 'amount', 'unapplied_amount', 'order_reference', 'customer_id'])
    .where('org_id', '=', s.orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const invoiceFor = (customerId: string, amount: string, orderReference: string) =>
  createInvoice(
    { db },
    {
      orgId: s.orgId,
      customerId,
      number: `PL-${randomUUID().slice(0, 8)}`,
      issueDate: calendarDay(0),
      dueDate: calendarDay(30),
      status: 'open',
      orderReference,
      lines: [{ description: 'Order goods', quantity: '1', unitPrice: amount }],
      actor: {},
    },
  );

const invoiceRow = (id: string) =>
  db
    .selectFrom('invoices')
    .select(['open_amount', 'payment_status'])
    .where('org_id', '=', s.orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('paying a link', () => {
  test('by card: one payment for the order, unapplied until its invoice; the link is paid, with a receipt', async () => {
    const client = from();
    const { token, customerId, orderReference } = await orderLink(45_000);
    const shown = await client({ method: 'GET', url: `/api/v1/pay-links/${token}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      state: 'open',
      seller: { name: s.seller.org.name },
      purpose: 'order',
      orderReference,
      amount: 45_000,
      currency: 'USD',
      methods: ['card', 'ach'],
      blockedReason: null,
      payment: null,
      receiptUrl: null,
    });
    const methodToken = await card(client, token);
    const idempotencyKey = randomUUID();
    const paid = await pay(client, token, { kind: 'card', methodToken }, idempotencyKey);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      status: 'completed',
      amount: 45_000,
      currency: 'USD',
      failure: null,
    });
    const id = paid.json().id;
    expect(await paymentRow(id)).toMatchObject({
      status: 'completed',
      source: 'credit_check',
      amount: 45_000n,
      unapplied_amount: 45_000n,
      order_reference: orderReference,
      customer_id: customerId,
    });
    // The same request again replays; another payer is told the link is paid.
    const replay = await pay(client, token, { kind: 'card', methodToken }, idempotencyKey);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(id);
    const second = await client({
      method: 'POST',
      url: `/api/v1/pay-links/${token}/payments`,
      headers: { 'idempotency-key': randomUUID(), 'accept-language': 'es' },
      payload: { kind: 'card', methodToken: await s.card('4242424242424242') },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'pay_link_paid',
      detail: expect.stringMatching(/ya está pagado/),
    });
    const after = (await client({ method: 'GET', url: `/api/v1/pay-links/${token}` })).json();
    expect(after).toMatchObject({ state: 'paid', payment: { id, status: 'completed' } });
    const status = await client({ method: 'GET', url: `/api/v1/pay-links/${token}/payments/${id}` });
    expect(status.json()).toMatchObject({ status: 'completed', source: 'credit_check', allocations: [] });
    const receipt = await client({ method: 'GET', url: after.receiptUrl });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    // The entry page cannot be opened again for a paid link.
    const entry = await client({
      method: 'POST',
      url: `/api/v1/pay-links/${token}/entry`,
      payload: { kind: 'card' },
    });
    expect(entry.json().code).toBe('pay_link_paid');
    // The payment in another link's status page is not found.
    const other = await orderLink(100);
    expect(
      (await client({ method: 'GET', url: `/api/v1/pay-links/${other.token}/payments/${id}` })).statusCode,
    ).toBe(404);
    expect(await s.problems()).toEqual([]);
  });

  test('fifty payers of one link at once: one charge, the others told it is being paid or paid', async () => {
    const { token } = await orderLink(12_345);
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) tokens.push(await s.card('4242424242424242'));
    const client = from();
    const answers = await Promise.all(
      tokens.map((methodToken) => pay(client, token, { kind: 'card', methodToken })),
    );
    const paid = answers.filter((a) => a.statusCode === 201);
    expect(paid).toHaveLength(1);
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(refused.statusCode).toBe(409);
      expect(['pay_link_in_progress', 'pay_link_paid']).toContain(refused.json().code);
    }
    const linkRow = await db
      .selectFrom('payments')
      .select(['id', 'status'])
      .where('org_id', '=', s.orgId)
      .where('pay_link_id', 'is not', null)
      .where('amount', '=', 12_345n)
      .execute();
    expect(linkRow).toEqual([{ id: paid[0]!.json().id, status: 'completed' }]);
    expect(await s.sandboxCharges(paid[0]!.json().id)).toBe(1);
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from sandbox_charges where org_id = ${s.orgId} and amount = 12345`.execute(
      db,
    );
    expect(rows[0]!.n).toBe('1');
    expect(await s.problems()).toEqual([]);
  });

  test('a declined card leaves the link open; another card pays it', async () => {
    const client = from();
    const { token } = await orderLink(7_000);
    const declined = await pay(client, token, {
      kind: 'card',
      methodToken: await card(client, token, '4000000000000002'),
    });
    expect(declined.statusCode).toBe(201);
    expect(declined.json()).toMatchObject({ status: 'failed', failure: { code: 'card_declined' } });
    expect((await client({ method: 'GET', url: `/api/v1/pay-links/${token}` })).json().state).toBe('open');
    const paid = await pay(client, token, { kind: 'card', methodToken: await card(client, token) });
    expect(paid.json().status).toBe('completed');
  });

  test('an ACH debit in flight holds the link (processing) until it settles', async () => {
    const client = from();
    const { token } = await orderLink(30_000);
    const bank = await enter(client, token, 'ach', {
      holderName: 'Ana Pagos',
      routing: '110000000',
      account: '000123456789',
      accountType: 'checking',
    });
    const unaccepted = await pay(client, token, { kind: 'ach', methodToken: bank });
    expect(unaccepted.json().code).toBe('ach_authorization_required');
    const pending = await pay(client, token, {
      kind: 'ach',
      methodToken: bank,
      achAuthorizationAccepted: true,
    });
    expect(pending.json().status).toBe('pending');
    expect((await client({ method: 'GET', url: `/api/v1/pay-links/${token}` })).json().state).toBe(
      'processing',
    );
    const again = await pay(client, token, { kind: 'card', methodToken: await s.card('4242424242424242') });
    expect(again.json().code).toBe('pay_link_in_progress');
    await s.advance(4);
    expect((await client({ method: 'GET', url: `/api/v1/pay-links/${token}` })).json().state).toBe('paid');
  });
});

describe('a link for invoices', () => {
  test('pays exactly the invoices it names (source pay_link), once', async () => {
    const client = from();
    const first = await s.invoice('120');
    const second = await s.invoice('80.50');
    const link = await createPayLink(
      { db, secretKey: config.secretKey },
      {
        orgId: s.orgId,
        customerId: s.accountId,
        purpose: 'invoices',
        invoices: [
          { invoiceId: first, amount: 12_000n },
          { invoiceId: second, amount: 8_050n },
        ],
        amount: 20_050n,
        currency: 'USD',
        expiresAt: new Date(Date.now() + 86_400_000),
        actor: {},
      },
    );
    const shown = (await client({ method: 'GET', url: `/api/v1/pay-links/${link.token}` })).json();
    expect(shown).toMatchObject({ purpose: 'invoices', orderReference: null, amount: 20_050 });
    expect(shown.invoices.map((i: { amount: number }) => i.amount)).toEqual([12_000, 8_050]);
    const paid = await pay(client, link.token, { kind: 'card', methodToken: await card(client, link.token) });
    expect(paid.json()).toMatchObject({ status: 'completed', amount: 20_050 });
    expect((await paymentRow(paid.json().id)).source).toBe('pay_link');
    expect((await s.invoiceState(first)).payment_status).toBe('paid');
    expect((await s.invoiceState(second)).payment_status).toBe('paid');
    expect(await s.problems()).toEqual([]);
  });
});

describe('the prepayment meets its invoice', () => {
  async function prepaid(amount: number) {
    const client = from();
    const link = await orderLink(amount);
    const paid = await pay(client, link.token, { kind: 'card', methodToken: await card(client, link.token) });
    expect(paid.json().status).toBe('completed');
    return { ...link, paymentId: paid.json().id as string };
  }

  test('an invoice for the whole order is paid by it at creation', async () => {
    const p = await prepaid(50_000);
    const { id } = await invoiceFor(p.customerId, '500', p.orderReference);
    expect(await invoiceRow(id)).toEqual({ open_amount: 0n, payment_status: 'paid' });
    expect((await paymentRow(p.paymentId)).unapplied_amount).toBe(0n);
    expect(await s.problems()).toEqual([]);
  });

  test('a smaller invoice takes what it owes; the rest stays unapplied on the account', async () => {
    const p = await prepaid(50_000);
    const { id } = await invoiceFor(p.customerId, '320', p.orderReference);
    expect(await invoiceRow(id)).toEqual({ open_amount: 0n, payment_status: 'paid' });
    expect((await paymentRow(p.paymentId)).unapplied_amount).toBe(18_000n);
    expect(await s.problems()).toEqual([]);
  });

  test('a larger invoice takes the whole prepayment and stays open for the difference', async () => {
    const p = await prepaid(50_000);
    const { id } = await invoiceFor(p.customerId, '650.25', p.orderReference);
    expect(await invoiceRow(id)).toEqual({ open_amount: 15_025n, payment_status: 'partially_paid' });
    expect((await paymentRow(p.paymentId)).unapplied_amount).toBe(0n);
    expect(await s.problems()).toEqual([]);
  });

  test('an invoice for another order, or of another customer, leaves the prepayment waiting', async () => {
    const p = await prepaid(50_000);
    const { id } = await invoiceFor(p.customerId, '500', 'SO-other');
    expect((await invoiceRow(id)).open_amount).toBe(50_000n);
    const stranger = await createCustomerAccount(db, s.orgId);
    const theirs = await invoiceFor(stranger.id, '500', p.orderReference);
    expect((await invoiceRow(theirs.id)).open_amount).toBe(50_000n);
    expect((await paymentRow(p.paymentId)).unapplied_amount).toBe(50_000n);
  });

  test('an ACH prepayment still in flight when the order is invoiced goes to that invoice when it settles', async () => {
    const client = from();
    const link = await orderLink(40_000);
    const bank = await enter(client, link.token, 'ach', {
      holderName: 'Ana Pagos',
      routing: '110000000',
      account: '000123456789',
      accountType: 'checking',
    });
    const pending = await pay(client, link.token, {
      kind: 'ach',
      methodToken: bank,
      achAuthorizationAccepted: true,
    });
    expect(pending.json().status).toBe('pending');
    // The ERP invoices the order (for less than was prepaid) while the debit is on its way.
    const { id } = await invoiceFor(link.customerId, '300', link.orderReference);
    expect((await invoiceRow(id)).open_amount).toBe(30_000n);
    await s.advance(4);
    expect(await paymentRow(pending.json().id)).toMatchObject({
      status: 'completed',
      unapplied_amount: 10_000n,
    });
    expect(await invoiceRow(id)).toEqual({ open_amount: 0n, payment_status: 'paid' });
    expect(await s.problems()).toEqual([]);
  });
});

describe('links that cannot be paid', () => {
  test('expired, cancelled, unknown, altered and malformed tokens are refused in the payer’s language', async () => {
    const client = from();
    const expired = await orderLink(1_000);
    await db
      .updateTable('pay_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('org_id', '=', s.orgId)
      .where('order_reference', '=', expired.orderReference)
      .execute();
    const get = (token: string, language = 'en') =>
      client({ method: 'GET', url: `/api/v1/pay-links/${token}`, headers: { 'accept-language': language } });
    expect((await get(expired.token)).json()).toMatchObject({
      status: 410,
      code: 'pay_link_expired',
      detail: expect.stringMatching(/expired/),
    });
    expect((await get(expired.token, 'es')).json().detail).toMatch(/caducado/);
    const refusedPay = await pay(client, expired.token, {
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
    });
    expect(refusedPay.json().code).toBe('pay_link_expired');

    const cancelled = await orderLink(1_000);
    const id = (await get(cancelled.token)).json().id;
    expect((await owner({ method: 'POST', url: `/api/v1/console/pay-links/${id}/cancel` })).statusCode).toBe(
      204,
    );
    expect((await get(cancelled.token)).json()).toMatchObject({ status: 410, code: 'pay_link_cancelled' });

    const live = await orderLink(1_000);
    const flipped = live.token.slice(0, -1) + (live.token.endsWith('A') ? 'B' : 'A');
    for (const token of [flipped, 'A'.repeat(43), 'short', `${live.token}x`]) {
      const answer = await get(token, 'es');
      expect(answer.statusCode, token).toBe(404);
      expect(answer.json()).toMatchObject({
        code: 'pay_link_not_found',
        detail: expect.stringMatching(/no es válido/),
      });
    }
    expect((await get(live.token)).statusCode).toBe(200);
  });

  test('guessing tokens from one address is slowed down (429 after 30 misses); a real link still opens elsewhere', async () => {
    const client = from();
    const answers = [];
    for (let i = 0; i < 31; i++)
      answers.push(await client({ method: 'GET', url: `/api/v1/pay-links/${'G'.repeat(42)}${i % 10}` }));
    expect(answers.slice(0, 30).every((a) => a.statusCode === 404)).toBe(true);
    expect(answers[30]!.statusCode).toBe(429);
    expect(answers[30]!.json().code).toBe('rate_limited');
    const live = await orderLink(1_000);
    expect((await client({ method: 'GET', url: `/api/v1/pay-links/${live.token}` })).statusCode).toBe(429);
    expect((await from()({ method: 'GET', url: `/api/v1/pay-links/${live.token}` })).statusCode).toBe(200);
  });
});
