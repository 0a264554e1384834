import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { paymentReceiptJobKey, sendPaymentReceipt } from '../../src/domain/payments/send-payment-receipt.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signInTo } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';
import { calendarDay, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Staff take a payment on a customer's behalf through the console API, with the sandbox
 * processor: the card or bank account the customer reads out is typed on the processor's own
 * page (a token comes back), or a saved method of that customer is charged; the payment is the
 * portal's (same rules, same lifecycle, same receipt) with source `staff` and the staff user as
 * its actor. Viewers may not; another seller's customer, and another customer's method, are 404.
 */
const { app, db, config } = await useOnlinePaymentsApp();
const s = await onlineSeller({ app, db, config });
const { orgId, accountId, seller } = s;
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const viewer = as(app, await signInTo(app, seller.staff.viewer.email, { kind: 'staff', orgId }));
const base = `/api/v1/console/customers/${accountId}`;

/** The sandbox's entry page as staff open it from the console: answers the token it comes back with. */
async function staffEnters(kind: 'card' | 'ach', fields: Record<string, string>, customerId = accountId) {
  const entry = await agent({
    method: 'POST',
    url: `/api/v1/console/customers/${customerId}/payment-methods/entry`,
    payload: { kind, returnPath: `/console/payments/take?customerId=${customerId}&step=method` },
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const url = new URL(entry.json().url);
  expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(200);
  const posted = await app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
    payload: new URLSearchParams(fields).toString(),
  });
  expect(posted.statusCode, posted.body.slice(0, 500)).toBe(303);
  const back = new URL(posted.headers.location as string);
  // Back in the console, where the staff started.
  expect(back.pathname).toBe('/console/payments/take');
  expect(back.searchParams.get('kind')).toBe(kind);
  return back.searchParams.get('method')!;
}
const staffCard = (number: string) =>
  staffEnters('card', { number, expiry: '12/34', cvc: '123', name: 'Ana Pagos', postalCode: '12345' });
const staffBank = (account: string) =>
  staffEnters('ach', { holderName: 'Ana Pagos', routing: '110000000', account, accountType: 'checking' });

const take = (
  body: Record<string, unknown>,
  key: string = randomUUID(),
  who = agent,
  customerId = accountId,
) =>
  who({
    method: 'POST',
    url: `/api/v1/console/customers/${customerId}/online-payments`,
    headers: { 'idempotency-key': key },
    payload: body,
  });

const auditOf = (paymentId: string) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'after'])
    .where('org_id', '=', orgId)
    .where('entity_id', '=', paymentId)
    .orderBy('at')
    .execute();

describe('staff take a payment on a customer’s behalf', () => {
  test('the options: methods, saved methods, and the open invoices with what each may still take', async () => {
    const a = await s.invoice('120.00');
    const options = await agent({ method: 'GET', url: `${base}/payment-options` });
    expect(options.statusCode, options.body).toBe(200);
    const body = options.json();
    expect(body).toMatchObject({ enabled: true, blockedReason: null, processor: 'sandbox' });
    expect(body.customer).toEqual({ id: accountId, name: seller.account.name });
    expect(body.methods).toContain('card');
    expect(body.achAuthorization).toMatch(/authorize/i);
    expect(body.invoices.find((i: { id: string }) => i.id === a)).toMatchObject({
      openAmount: 12_000,
      payable: 12_000,
      currency: 'USD',
    });
    // The quote prices it (no card fee configured here) without writing anything.
    const quote = await agent({
      method: 'POST',
      url: `${base}/payments/quote`,
      payload: { kind: 'card', allocations: [{ invoiceId: a, amount: 12_000 }] },
    });
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json()).toMatchObject({ currency: 'USD', amount: 12_000, total: 12_000 });
  });

  test('a new card through the processor’s page: completed, source staff, the staff user is the actor, a receipt for the customer', async () => {
    const a = await s.invoice('80.00');
    const token = await staffCard('4242424242424242');
    const paid = await take({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: a, amount: 8_000 }],
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'completed', amount: 8_000, total: 8_000, failure: null });
    const paymentId: string = paid.json().id;

    const row = await db
      .selectFrom('payments')
      .select(['source', 'created_by', 'status', 'method_last4'])
      .where('org_id', '=', orgId)
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: 'staff',
      created_by: seller.staff.ar_agent.id,
      status: 'completed',
      method_last4: '4242',
    });
    expect(await s.invoiceState(a)).toMatchObject({ open_amount: 0n, payment_status: 'paid' });
    const audit = await auditOf(paymentId);
    expect(audit.find((e) => e.action === 'payment.initiated')).toMatchObject({
      actor_user_id: seller.staff.ar_agent.id,
      after: expect.objectContaining({ source: 'staff' }),
    });

    // The console's status page shows it like any online payment, and says who started it.
    const status = await agent({ method: 'GET', url: `/api/v1/console/payments/${paymentId}/status` });
    expect(status.json()).toMatchObject({ source: 'staff', status: 'completed', refundable: 8_000 });
    expect(status.json().timeline.map((step: { status: string }) => step.status)).toEqual([
      'initiated',
      'processing',
      'completed',
    ]);

    // The receipt goes to the customer's people, as for a payment made in the portal.
    const jobs = await db
      .selectFrom('graphile_worker.jobs' as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('key' as never, '=', paymentReceiptJobKey(paymentId) as never)
      .executeTakeFirstOrThrow();
    expect(Number(jobs.n)).toBe(1);
    const sent = await sendPaymentReceipt({ db, mailer: createOutboxMailer(config) }, { orgId, paymentId });
    expect(sent.sent).toBeGreaterThan(0);
    const receipts = await db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('org_id', '=', orgId)
      .where('template', '=', 'payment_receipt')
      .execute();
    expect(receipts.map((r) => r.to_address)).toContain(seller.customers.payer.email.toLowerCase());
    expect(receipts.map((r) => r.to_address)).not.toContain(seller.staff.ar_agent.email.toLowerCase());
  });

  test('a saved method of the customer; a method saved on the way is the customer’s next time', async () => {
    const a = await s.invoice('30.00');
    const b = await s.invoice('40.00');
    const first = await take({
      kind: 'card',
      methodToken: await staffCard('4242424242424242'),
      saveMethod: true,
      allocations: [{ invoiceId: a, amount: 3_000 }],
    });
    expect(first.json().status).toBe('completed');
    const options = (await agent({ method: 'GET', url: `${base}/payment-options` })).json();
    expect(options.savedMethods).toHaveLength(1);
    const saved = options.savedMethods[0];
    expect(saved).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242' });
    // The customer sees it too, in the portal.
    const portal = (await s.payer({ method: 'GET', url: '/api/v1/portal/payment-options' })).json();
    expect(portal.savedMethods.map((m: { id: string }) => m.id)).toContain(saved.id);

    const second = await take({
      kind: 'card',
      paymentMethodId: saved.id,
      allocations: [{ invoiceId: b, amount: 4_000 }],
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ status: 'completed', amount: 4_000 });
  });

  test('ACH needs the authorization read to the customer; it is kept in the audit log under the staff user', async () => {
    const a = await s.invoice('55.00');
    const token = await staffBank('000123456789');
    const allocations = [{ invoiceId: a, amount: 5_500 }];
    const unread = await take({ kind: 'ach', methodToken: token, allocations });
    expect(unread.statusCode).toBe(422);
    expect(unread.json().code).toBe('ach_authorization_required');
    expect(await s.paymentsFor(a)).toEqual([]);

    const read = await take({ kind: 'ach', methodToken: token, allocations, achAuthorizationRead: true });
    expect(read.statusCode, read.body).toBe(201);
    expect(read.json().status).toBe('pending');
    const audit = await auditOf(read.json().id);
    const entry = audit.find((e) => e.action === 'payment.ach_authorization_read');
    expect(entry?.actor_user_id).toBe(seller.staff.ar_agent.id);
    expect(entry?.after).toMatchObject({
      readBy: seller.staff.ar_agent.id,
      customerId: accountId,
      text: expect.stringMatching(/authorize/i),
    });
    // No account number anywhere in what was kept.
    expect(JSON.stringify(audit)).not.toContain('000123456789');
  });

  test('a retry with the same key replays the payment; the same key with another body is refused', async () => {
    const a = await s.invoice('25.00');
    const key = randomUUID();
    const body = {
      kind: 'card',
      methodToken: await staffCard('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 2_500 }],
    };
    const first = await take(body, key);
    expect(first.statusCode).toBe(201);
    const again = await take(body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await s.sandboxCharges(first.json().id)).toBe(1);

    const b = await s.invoice('10.00');
    const other = await take({ ...body, allocations: [{ invoiceId: b, amount: 1_000 }] }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await s.paymentsFor(b)).toEqual([]);
    // The key is the seller's: the same key for another customer is another payment, refused too.
    const elsewhere = (await createCustomerAccount(db, orgId, { name: 'Elsewhere Inc' })).id;
    const crossed = await take(body, key, agent, elsewhere);
    expect(crossed.statusCode).toBe(422);
    expect(crossed.json().code).toBe('idempotency_key_reused');
  });

  test('a viewer may look but not take a payment', async () => {
    const a = await s.invoice('15.00');
    for (const request of [
      { method: 'GET' as const, url: `${base}/payment-options` },
      {
        method: 'POST' as const,
        url: `${base}/payments/quote`,
        payload: { kind: 'card', allocations: [{ invoiceId: a, amount: 1_500 }] },
      },
      {
        method: 'POST' as const,
        url: `${base}/payment-methods/entry`,
        payload: { kind: 'card', returnPath: '/console/payments/take' },
      },
    ])
      expect((await viewer(request)).statusCode).toBe(403);
    const refused = await take(
      { kind: 'card', methodToken: 'pm_sb_x', allocations: [{ invoiceId: a, amount: 1_500 }] },
      randomUUID(),
      viewer,
    );
    expect(refused.statusCode).toBe(403);
    expect(await s.paymentsFor(a)).toEqual([]);
  });

  test('a customer that may not pay online: the options say why, and nothing is charged', async () => {
    const a = await s.invoice('20.00');
    const token = await staffCard('4242424242424242');
    const off = await agent({ method: 'PUT', url: `${base}/online-payments`, payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    try {
      const options = (await agent({ method: 'GET', url: `${base}/payment-options` })).json();
      expect(options).toMatchObject({ enabled: false, blockedReason: 'customer_off' });
      const paid = await take({
        kind: 'card',
        methodToken: token,
        allocations: [{ invoiceId: a, amount: 2_000 }],
      });
      expect(paid.statusCode).toBe(403);
      expect(paid.json().code).toBe('online_payments_disabled');
      expect(paid.json().detail).toMatch(/cannot pay online/);
      const entry = await agent({
        method: 'POST',
        url: `${base}/payment-methods/entry`,
        payload: { kind: 'card', returnPath: '/console/payments/take' },
      });
      expect(entry.json().code).toBe('online_payments_disabled');
      expect(await s.paymentsFor(a)).toEqual([]);
    } finally {
      await agent({ method: 'PUT', url: `${base}/online-payments`, payload: { enabled: true } });
    }
  });

  test('the entry page comes back only to the console', async () => {
    const r = await agent({
      method: 'POST',
      url: `${base}/payment-methods/entry`,
      payload: { kind: 'card', returnPath: '/portal/pay?x=1' },
    });
    expect(r.statusCode).toBe(400);
  });

  test('another seller’s customer, its invoices, and another customer’s saved method are 404', async () => {
    const other = await seedSeller(db, { locale: 'en' });
    const foreign = `/api/v1/console/customers/${other.account.id}`;
    expect((await agent({ method: 'GET', url: `${foreign}/payment-options` })).statusCode).toBe(404);
    const a = await s.invoice('12.00');
    const foreignTake = await take(
      { kind: 'card', methodToken: 'pm_sb_x', allocations: [{ invoiceId: a, amount: 1_200 }] },
      randomUUID(),
      agent,
      other.account.id,
    );
    expect(foreignTake.statusCode).toBe(404);

    // A second customer of the same seller, with a saved card of its own.
    const secondId = (await createCustomerAccount(db, orgId, { name: 'Second Customer' })).id;
    const secondInvoice = await createInvoice(
      { db },
      {
        orgId,
        customerId: secondId,
        number: `SC-${randomUUID().slice(0, 6)}`,
        issueDate: calendarDay(-10),
        dueDate: calendarDay(-1),
        status: 'open',
        lines: [{ description: 'x', quantity: '1', unitPrice: '9.00' }],
        actor: {},
      },
    );
    const saved = await take(
      {
        kind: 'card',
        methodToken: await staffEnters(
          'card',
          { number: '4242424242424242', expiry: '12/34', cvc: '123', name: 'Otra', postalCode: '12345' },
          secondId,
        ),
        saveMethod: true,
        allocations: [{ invoiceId: secondInvoice.id, amount: 900 }],
      },
      randomUUID(),
      agent,
      secondId,
    );
    expect(saved.json().status).toBe('completed');
    const secondMethod = (
      await agent({ method: 'GET', url: `/api/v1/console/customers/${secondId}/payment-options` })
    ).json().savedMethods[0].id;

    // The first customer's payment with the second's card: no such method for this customer.
    const borrowed = await take({
      kind: 'card',
      paymentMethodId: secondMethod,
      allocations: [{ invoiceId: a, amount: 1_200 }],
    });
    expect(borrowed.statusCode).toBe(404);
    // Nor may one customer's invoice be paid as another's.
    const crossed = await take(
      { kind: 'card', paymentMethodId: secondMethod, allocations: [{ invoiceId: a, amount: 1_200 }] },
      randomUUID(),
      agent,
      secondId,
    );
    expect(crossed.statusCode).toBe(404);
    expect(await s.paymentsFor(a)).toEqual([]);
  });
});
