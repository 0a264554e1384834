import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { agingReport } from '../../src/domain/reports/aging-report.ts';
import { resolveGateways } from '../../src/gateways/resolve-gateways.ts';
import { as, signInTo } from '../support/app.ts';
import { onlineSeller, sandboxAchDays, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Paying online through the portal API with Saldo's sandbox processor, end to end: the
 * processor's own entry page gives a token (numbers never reach the API), the payment is charged
 * under an Idempotency-Key, the journal and the invoices move, ACH waits as "payment pending"
 * until the sandbox's clock settles or returns it, and its signed webhook takes effect once.
 */
const { app, db, config } = await useOnlinePaymentsApp();
const s = await onlineSeller({ app, db, config });
const { seller, orgId, accountId, payer, invoice, card, bank, pay, invoiceState, advance } = s;
const accountant = as(
  app,
  await signInTo(app, seller.customers.accountant.email, { kind: 'customer', orgId, accountId }),
);
const other = await onlineSeller({ app, db, config });

describe('paying online (sandbox)', () => {
  test('payment options: card and ACH by default; an accountant may look but not pay', async () => {
    const options = await payer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(options.statusCode).toBe(200);
    expect(options.json()).toMatchObject({ enabled: true, processor: 'sandbox', methods: ['card', 'ach'] });
    expect(options.json().achAuthorization).toContain(seller.org.name);
    const looking = await accountant({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(looking.json()).toMatchObject({ enabled: false, blockedReason: 'role' });
    const refused = await accountant({
      method: 'POST',
      url: '/api/v1/portal/payments',
      headers: { 'idempotency-key': randomUUID() },
      payload: { kind: 'card', allocations: [{ invoiceId: randomUUID(), amount: 100 }], methodToken: 'pm_x' },
    });
    expect(refused.statusCode).toBe(403);
  });

  test('a card pays two invoices, one in part: applied, journal balanced, replay answers the same payment', async () => {
    const a = await invoice('150');
    const b = await invoice('80');
    const token = await card('4242424242424242');
    expect(token).toMatch(/^pm_sb_/);
    const body = {
      kind: 'card',
      methodToken: token,
      allocations: [
        { invoiceId: a, amount: 15_000 },
        { invoiceId: b, amount: 3_000 },
      ],
    };
    const key = randomUUID();
    const paid = await pay(body, key);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      status: 'completed',
      amount: 18_000,
      fee: 0,
      total: 18_000,
      failure: null,
    });
    expect(await invoiceState(a)).toMatchObject({
      open_amount: 0n,
      pending_amount: 0n,
      payment_status: 'paid',
    });
    expect(await invoiceState(b)).toMatchObject({ open_amount: 5_000n, pending_amount: 0n });
    const again = await pay(body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(paid.json().id);
    const reused = await pay({ ...body, allocations: [{ invoiceId: b, amount: 1_000 }] }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const status = await payer({ method: 'GET', url: `/api/v1/portal/payments/${paid.json().id}` });
    // A one-time card: the payment keeps its brand and last four (never the number).
    expect(status.json()).toMatchObject({
      status: 'completed',
      paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', bankName: null },
    });
    expect(status.json().timeline.map((s: { status: string }) => s.status)).toEqual([
      'initiated',
      'processing',
      'completed',
    ]);
    expect(status.json().receiptUrl).toContain('/receipt.pdf');
    expect(await s.problems()).toEqual([]);
    expect(await s.clearing()).toBe(18_000n);
  });

  test('a decline is an answer in the payer’s words, and releases the invoice', async () => {
    const a = await invoice('40');
    const declined = await pay({
      kind: 'card',
      methodToken: await card('4000000000009995'),
      allocations: [{ invoiceId: a, amount: 4_000 }],
    });
    expect(declined.statusCode).toBe(201);
    expect(declined.json()).toMatchObject({
      status: 'failed',
      failure: { code: 'insufficient_funds', retryable: true },
    });
    expect(declined.json().failure.message).toMatch(/not enough funds/i);
    expect(await invoiceState(a)).toMatchObject({ open_amount: 4_000n, pending_amount: 0n });
  });

  test('ACH: payment pending until the sandbox settles it; a returned debit reopens the invoice with its R-code', async () => {
    const a = await invoice('500');
    const refused = await pay({
      kind: 'ach',
      methodToken: await bank('000123456789'),
      allocations: [{ invoiceId: a, amount: 20_000 }],
    });
    expect(refused.json().code, refused.body).toBe('ach_authorization_required');
    const pending = await pay({
      kind: 'ach',
      methodToken: await bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: a, amount: 20_000 }],
    });
    expect(pending.json()).toMatchObject({ status: 'pending', amount: 20_000 });
    expect(await invoiceState(a)).toMatchObject({
      open_amount: 50_000n,
      pending_amount: 20_000n,
      payment_status: 'payment_pending',
    });
    // While it is in flight the same money cannot be paid twice.
    const twice = await pay({
      kind: 'card',
      methodToken: await card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 40_000 }],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().code).toBe('exceeds_open_amount');

    await advance(5);
    expect(await invoiceState(a)).toMatchObject({ open_amount: 30_000n, pending_amount: 0n });
    const settled = await payer({ method: 'GET', url: `/api/v1/portal/payments/${pending.json().id}` });
    expect(settled.json().status).toBe('completed');

    const b = await invoice('70');
    const bounced = await pay({
      kind: 'ach',
      methodToken: await bank('000111111116'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: b, amount: 7_000 }],
    });
    expect(bounced.json().status).toBe('pending');
    await advance(5);
    expect(await invoiceState(b)).toMatchObject({ open_amount: 7_000n, pending_amount: 0n });
    const returned = await payer({ method: 'GET', url: `/api/v1/portal/payments/${bounced.json().id}` });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: { code: 'R01' } });
    expect(returned.json().returnReason.message).toMatch(/not enough funds/i);
    // Delivering every event again changes nothing: each took effect once.
    const events = await db
      .selectFrom('processor_events')
      .select(['event_id', 'outcome'])
      .where('org_id', '=', orgId)
      .execute();
    expect(events.length).toBeGreaterThan(0);
    await s.redeliverAll();
    await advance(6);
    expect(await invoiceState(a)).toMatchObject({ open_amount: 30_000n, pending_amount: 0n });
    expect(await s.problems()).toEqual([]);
  });

  test('ACH that settles and comes back R10 days later: what it paid is undone, the invoices reopen and say why', async () => {
    const a = await invoice('300');
    const b = await invoice('50');
    const paid = await pay({
      kind: 'ach',
      methodToken: await bank('000666666661'),
      achAuthorizationAccepted: true,
      allocations: [
        { invoiceId: a, amount: 10_000 },
        { invoiceId: b, amount: 5_000 },
      ],
    });
    expect(paid.json()).toMatchObject({ status: 'pending', amount: 15_000 });
    const clearing = await s.clearing();
    const days = sandboxAchDays();
    // Two business days: settled and applied, as any debit.
    expect((await advance(days.settle)).returned).toBe(0);
    expect(await invoiceState(a)).toMatchObject({ open_amount: 20_000n, payment_status: 'partially_paid' });
    expect(await invoiceState(b)).toMatchObject({ open_amount: 0n, payment_status: 'paid' });
    expect(await s.clearing()).toBe(clearing + 15_000n);
    const settled = await payer({ method: 'GET', url: `/api/v1/portal/payments/${paid.json().id}` });
    expect(settled.json()).toMatchObject({ status: 'completed', returnReason: null });

    // Two business days after settling, the bank sends it back.
    expect((await advance(days.return)).returned).toBe(1);
    expect(await invoiceState(a)).toMatchObject({
      open_amount: 30_000n,
      pending_amount: 0n,
      payment_status: 'unpaid',
    });
    expect(await invoiceState(b)).toMatchObject({
      open_amount: 5_000n,
      pending_amount: 0n,
      payment_status: 'unpaid',
    });
    expect(await s.clearing()).toBe(clearing);
    const returned = await payer({ method: 'GET', url: `/api/v1/portal/payments/${paid.json().id}` });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: { code: 'R10' },
      receiptUrl: null,
    });
    expect(returned.json().returnReason.message).toMatch(/not authorized/i);
    expect(returned.json().timeline.map((step: { status: string }) => step.status)).toEqual([
      'initiated',
      'processing',
      'pending',
      'completed',
      'returned',
    ]);
    expect(returned.json().timeline.at(-1).detail).toMatch(/not authorized/i);
    // Once, however often the sandbox tells it.
    await s.redeliverAll();
    expect(await invoiceState(a)).toMatchObject({ open_amount: 30_000n });
    expect(await s.problems()).toEqual([]);
  });

  test('another account’s or seller’s invoice is not found; more than is open is refused', async () => {
    const foreign = await other.invoice('10');
    const token = await card('4242424242424242');
    const notFound = await pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: foreign, amount: 100 }],
    });
    expect(notFound.statusCode, notFound.body).toBe(404);
    const a = await invoice('10');
    const tooMuch = await pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: a, amount: 1_001 }],
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().code).toBe('exceeds_open_amount');
    const zero = await pay({ kind: 'card', methodToken: token, allocations: [{ invoiceId: a, amount: 0 }] });
    expect(zero.statusCode).toBe(400);
  });

  test('a webhook with a bad signature is refused and changes nothing', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/sandbox/${orgId}`,
      headers: { 'content-type': 'application/json', 'saldo-sandbox-signature': 't=1,v1=00' },
      payload: JSON.stringify({ id: 'evt_x', type: 'charge.succeeded', created: 1, data: {} }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('webhook_rejected');
  });
});

describe('money in flight', () => {
  test('an invoice with an ACH payment on its way cannot be voided until it ends', async () => {
    const a = await invoice('90');
    const pending = await pay({
      kind: 'ach',
      methodToken: await bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: a, amount: 9_000 }],
    });
    expect(pending.json().status).toBe('pending');
    const staff = as(app, await signInTo(app, seller.staff.owner.email, { kind: 'staff', orgId }));
    const voided = await staff({
      method: 'POST',
      url: `/api/v1/console/invoices/${a}/void`,
      payload: { reason: 'duplicate' },
    });
    expect(voided.statusCode, voided.body).toBe(409);
    expect(voided.json().code).toBe('payment_in_progress');
    expect(await invoiceState(a)).toMatchObject({ open_amount: 9_000n, pending_amount: 9_000n });
  });
});

describe('the aging as of a day', () => {
  test('rebuilt from history, it equals today’s: money in flight or failed is no cash, refunds and returns are out', async () => {
    const a = await invoice('120');
    const paid = await pay({
      kind: 'card',
      methodToken: await card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 12_000 }],
    });
    expect(paid.json().status).toBe('completed');
    const refunded = await refundPayment(
      { db, gateways: resolveGateways({ db, config }) },
      {
        orgId,
        paymentId: paid.json().id,
        amount: 5_000n,
        reason: 'damaged goods',
        idempotencyKey: randomUUID(),
        actor: {},
      },
    );
    expect(refunded.status).toBe('succeeded');
    // This seller now has completed, failed, pending, returned and refunded online payments.
    const today = await agingReport({ db }, { orgId });
    const rebuilt = await agingReport({ db }, { orgId, history: true });
    expect(rebuilt).toEqual(today);
  });
});
