import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChargeRequest,
  type GatewayEvent,
  GatewayRequestError,
  GatewayUnavailableError,
  type PaymentGateway,
  type ProcessorCustomer,
  WebhookRejectedError,
} from '../../src/domain/payments/payment-gateway.ts';
import { createStripeGateway, type StripeGatewayConfig } from '../../src/gateways/stripe/stripe-gateway.ts';
import { type StripeFake, startStripeFake } from '../support/stripe-fake/stripe-fake.ts';

const SECRET = 'whsec_test_saldo';
const RETURN_URL = 'https://saldo.test/pay/return';

let fake: StripeFake;

beforeAll(async () => {
  fake = await startStripeFake();
});

afterAll(async () => {
  await fake.close();
});

function gatewayWith(overrides: Partial<StripeGatewayConfig> = {}) {
  return createStripeGateway({
    secretKey: fake.secretKey,
    publishableKey: 'pk_test_saldo',
    webhookSecret: SECRET,
    api: { host: '127.0.0.1', port: fake.port, protocol: 'http' },
    timeoutMs: 5_000,
    returnUrl: RETURN_URL,
    ...overrides,
  });
}

function customer(processorCustomerId: string | null = null): ProcessorCustomer {
  return {
    processorCustomerId,
    name: 'Ferretería Norte',
    email: 'ap@norte.test',
    orgId: 'org-1',
    customerId: 'cust-1',
  };
}

function chargeRequest(overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    idempotencyKey: randomUUID(),
    amount: 12_345n,
    currency: 'USD',
    kind: 'card',
    methodToken: 'pm_card_visa',
    customer: customer(),
    offSession: false,
    description: 'Invoices F-1001, F-1002',
    metadata: { paymentId: randomUUID(), orgId: 'org-1' },
    ...overrides,
  };
}

/** The newest event of `type` the fake recorded about `objectId`, as the gateway reads it. */
function verified(gateway: PaymentGateway, type: string, objectId: string): GatewayEvent {
  const event = [...fake.state.events]
    .reverse()
    .find((e) => e.type === type && e.data.object.id === objectId);
  if (!event) throw new Error(`no ${type} event for ${objectId}`);
  const { rawBody, headers } = fake.sign(event, SECRET);
  return gateway.verifyWebhook({ rawBody, headers, secret: SECRET });
}

describe('charge', () => {
  it('charges a card and reports the fee from the balance transaction', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest();
    const result = await gateway.charge(request);
    expect(result).toMatchObject({ status: 'succeeded', feeAmount: 388n });
    if (result.status !== 'succeeded') throw new Error('unreachable');
    const intent = fake.state.paymentIntents.get(result.processorPaymentId);
    expect(intent).toMatchObject({
      amount: 12_345,
      currency: 'usd',
      description: 'Invoices F-1001, F-1002',
      payment_method_types: ['card'],
      metadata: {
        saldo_payment_id: request.metadata.paymentId,
        saldo_org_id: 'org-1',
        saldo_idempotency_key: request.idempotencyKey,
      },
    });
  });

  it.each([
    ['pm_card_mastercard', { status: 'succeeded' }],
    [
      'pm_card_chargeDeclined',
      {
        status: 'failed',
        failure: { code: 'card_declined', retryable: false, processorCode: 'generic_decline' },
      },
    ],
    [
      'pm_card_chargeDeclinedInsufficientFunds',
      {
        status: 'failed',
        failure: { code: 'insufficient_funds', retryable: true, processorCode: 'insufficient_funds' },
      },
    ],
    [
      'pm_card_chargeDeclinedExpiredCard',
      {
        status: 'failed',
        failure: { code: 'expired_card', retryable: false, processorCode: 'expired_card' },
      },
    ],
    [
      'pm_card_chargeDeclinedIncorrectCvc',
      {
        status: 'failed',
        failure: { code: 'incorrect_cvc', retryable: false, processorCode: 'incorrect_cvc' },
      },
    ],
    [
      'pm_card_chargeDeclinedProcessingError',
      {
        status: 'failed',
        failure: { code: 'processing_error', retryable: true, processorCode: 'processing_error' },
      },
    ],
  ] as const)('%s → %o', async (methodToken, expected) => {
    const result = await gatewayWith().charge(chargeRequest({ methodToken }));
    expect(result).toMatchObject(expected);
    expect(result.processorPaymentId).toMatch(/^pi_/);
    if (result.status === 'failed') expect(result.failure.processorMessage).toBeTruthy();
  });

  it('declines a card that needs authentication when the payer is absent (autopay)', async () => {
    const result = await gatewayWith().charge(
      chargeRequest({ methodToken: 'pm_card_authenticationRequired', offSession: true }),
    );
    expect(result).toMatchObject({
      status: 'failed',
      failure: {
        code: 'authentication_required',
        retryable: false,
        processorCode: 'authentication_required',
      },
    });
    expect(result.processorPaymentId).toMatch(/^pi_/);
  });

  it('sends a present payer to 3-D Secure, and the outcome is retrievable afterwards', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest({ methodToken: 'pm_card_authenticationRequired' });
    const result = await gateway.charge(request);
    if (result.status !== 'requires_action')
      throw new Error(`expected requires_action, got ${result.status}`);
    expect(result.actionUrl).toContain(`/3ds/${result.processorPaymentId}`);
    expect(
      fake.state.paymentIntents.get(result.processorPaymentId)?.next_action.redirect_to_url.return_url,
    ).toBe(RETURN_URL);
    await fake.completeAction(result.processorPaymentId, true);
    const after = await gateway.retrieveCharge({
      processorPaymentId: result.processorPaymentId,
      idempotencyKey: '',
    });
    expect(after).toMatchObject({ status: 'succeeded', processorPaymentId: result.processorPaymentId });
    expect(verified(gateway, 'payment_intent.succeeded', result.processorPaymentId)).toMatchObject({
      type: 'charge.succeeded',
      processorPaymentId: result.processorPaymentId,
      paymentId: request.metadata.paymentId,
    });
  });

  it('reports authentication it cannot send the payer to as a failure when no return URL is configured', async () => {
    const result = await gatewayWith({ returnUrl: undefined }).charge(
      chargeRequest({ methodToken: 'pm_card_authenticationRequired' }),
    );
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'authentication_required' } });
  });

  it('refuses an amount Stripe cannot be sent exactly, without calling it', async () => {
    const before = fake.state.requests.length;
    await expect(gatewayWith().charge(chargeRequest({ amount: 2n ** 60n }))).rejects.toBeInstanceOf(
      GatewayRequestError,
    );
    expect(fake.state.requests.length).toBe(before);
  });
});

describe('ACH (us_bank_account)', () => {
  const achRequest = (methodToken: string) =>
    chargeRequest({ kind: 'ach', methodToken, amount: 250_000n, description: 'Invoice F-2001' });

  it('stays processing until the bank settles it, then reports settled', async () => {
    const gateway = gatewayWith();
    const request = achRequest('pm_usBankAccount_success');
    const result = await gateway.charge(request);
    if (result.status !== 'processing') throw new Error(`expected processing, got ${result.status}`);
    expect(fake.state.paymentIntents.get(result.processorPaymentId)?.payment_method_types).toEqual([
      'us_bank_account',
    ]);
    await fake.settleAch(result.processorPaymentId);
    expect(verified(gateway, 'payment_intent.succeeded', result.processorPaymentId)).toMatchObject({
      type: 'charge.settled',
      processorPaymentId: result.processorPaymentId,
      paymentId: request.metadata.paymentId,
    });
    expect(
      await gateway.retrieveCharge({ processorPaymentId: result.processorPaymentId, idempotencyKey: '' }),
    ).toEqual({ status: 'succeeded', processorPaymentId: result.processorPaymentId, feeAmount: 500n });
  });

  it('stays processing while the bank says nothing (pm_usBankAccount_processing)', async () => {
    const gateway = gatewayWith();
    const result = await gateway.charge(achRequest('pm_usBankAccount_processing'));
    await fake.settleAch(result.processorPaymentId as string);
    expect(
      await gateway.retrieveCharge({ processorPaymentId: result.processorPaymentId, idempotencyKey: '' }),
    ).toMatchObject({ status: 'processing' });
  });

  it.each([
    ['pm_usBankAccount_insufficientFunds', 'R01'],
    ['pm_usBankAccount_accountClosed', 'R02'],
    ['pm_usBankAccount_noAccount', 'R03'],
    ['pm_usBankAccount_debitNotAuthorized', 'R10'],
  ])('%s comes back from the bank as a return %s', async (methodToken, returnCode) => {
    const gateway = gatewayWith();
    const request = achRequest(methodToken);
    const result = await gateway.charge(request);
    expect(result.status).toBe('processing');
    const id = result.processorPaymentId as string;
    await fake.settleAch(id);
    expect(verified(gateway, 'payment_intent.payment_failed', id)).toMatchObject({
      type: 'charge.returned',
      processorPaymentId: id,
      paymentId: request.metadata.paymentId,
      returnCode,
      amount: 250_000n,
    });
    expect(await gateway.retrieveCharge({ processorPaymentId: id, idempotencyKey: '' })).toMatchObject({
      status: 'failed',
    });
  });
});

describe('idempotency and unknown outcomes', () => {
  it('a connection dropped once is retried by the SDK with the same key: one PaymentIntent', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest();
    const before = fake.state.paymentIntents.size;
    fake.dropNext(1);
    expect(await gateway.charge(request)).toMatchObject({ status: 'succeeded' });
    expect(fake.state.paymentIntents.size).toBe(before + 1);
    expect(fake.state.requests.slice(-2)).toMatchObject([
      { idempotencyKey: request.idempotencyKey, replayed: false },
      { idempotencyKey: request.idempotencyKey, replayed: true },
    ]);
  });

  it('a retry after the connection dropped mid-answer creates exactly one PaymentIntent', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest();
    const before = fake.state.paymentIntents.size;
    // Twice: the SDK retries a closed connection once by itself (same key), even with retries off.
    fake.dropNext(2);
    await expect(gateway.charge(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(fake.state.paymentIntents.size).toBe(before + 1);

    // The reconciliation job finds it by the idempotency key alone…
    const found = await gateway.retrieveCharge({
      processorPaymentId: null,
      idempotencyKey: request.idempotencyKey,
    });
    expect(found).toMatchObject({ status: 'succeeded', feeAmount: 388n });

    // …and a retry with the same key replays Stripe's saved answer instead of charging again.
    const retried = await gateway.charge(request);
    expect(retried).toEqual(found);
    expect(fake.state.paymentIntents.size).toBe(before + 1);
    expect(fake.state.requests.at(-1)).toMatchObject({
      idempotencyKey: request.idempotencyKey,
      replayed: true,
    });
  });

  it('a replayed decline is the same decline', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest({ methodToken: 'pm_card_chargeDeclinedInsufficientFunds' });
    const first = await gateway.charge(request);
    const second = await gateway.charge(request);
    expect(second).toEqual(first);
    expect(fake.state.requests.at(-1)?.replayed).toBe(true);
  });

  it('refuses the same key with another amount', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest();
    await gateway.charge(request);
    const reused = gateway.charge({ ...request, amount: request.amount + 1n });
    await expect(reused).rejects.toBeInstanceOf(GatewayRequestError);
    await expect(reused).rejects.toMatchObject({ processorCode: 'idempotency_error' });
  });

  it('reports a 500 as unavailable, and the retry with the same key goes through once', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest();
    fake.failNext(1, 500);
    await expect(gateway.charge(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(await gateway.charge(request)).toMatchObject({ status: 'succeeded' });
  });

  it('reports 429 (rate limited) as unavailable: retry later', async () => {
    fake.failNext(1, 429);
    await expect(gatewayWith().charge(chargeRequest())).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('reports a timeout as unavailable', async () => {
    fake.delayNext(1_500);
    await expect(gatewayWith({ timeoutMs: 200 }).charge(chargeRequest())).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
  });

  it('reports a rejected API key as a refusal', async () => {
    const refused = gatewayWith({ secretKey: 'sk_live_notours' }).charge(chargeRequest());
    await expect(refused).rejects.toBeInstanceOf(GatewayRequestError);
  });

  it('reports an unknown payment method as a refusal', async () => {
    const refused = gatewayWith().charge(chargeRequest({ methodToken: 'pm_doesnotexist' }));
    await expect(refused).rejects.toMatchObject({
      name: 'GatewayRequestError',
      processorCode: 'resource_missing',
    });
  });
});

describe('retrieveCharge', () => {
  it('answers null for an id or a key Stripe never saw', async () => {
    const gateway = gatewayWith();
    expect(
      await gateway.retrieveCharge({ processorPaymentId: 'pi_nothere', idempotencyKey: 'x' }),
    ).toBeNull();
    expect(
      await gateway.retrieveCharge({ processorPaymentId: null, idempotencyKey: randomUUID() }),
    ).toBeNull();
  });

  it('finds a charge by a key with quotes and backslashes in it', async () => {
    const gateway = gatewayWith();
    const request = chargeRequest({ idempotencyKey: `pay'ment\\${randomUUID()}"` });
    const charged = await gateway.charge(request);
    const found = await gateway.retrieveCharge({
      processorPaymentId: null,
      idempotencyKey: request.idempotencyKey,
    });
    expect(found).toEqual(charged);
  });

  it('reports a 5xx on lookup as unavailable', async () => {
    fake.failNext(1, 503);
    await expect(
      gatewayWith().retrieveCharge({ processorPaymentId: null, idempotencyKey: randomUUID() }),
    ).rejects.toBeInstanceOf(GatewayUnavailableError);
  });
});

describe('refund', () => {
  async function paid(amount = 10_000n, methodToken = 'pm_card_visa', kind: 'card' | 'ach' = 'card') {
    const gateway = gatewayWith();
    const request = chargeRequest({ amount, methodToken, kind });
    const result = await gateway.charge(request);
    if (kind === 'ach') await fake.settleAch(result.processorPaymentId as string);
    return { gateway, request, id: result.processorPaymentId as string };
  }
  const refundRequest = (id: string, amount: bigint) => ({
    idempotencyKey: randomUUID(),
    processorPaymentId: id,
    amount,
    currency: 'USD',
    reason: 'requested_by_customer' as const,
    metadata: { paymentId: 'pay-1', orgId: 'org-1', refundId: randomUUID() },
  });

  it('refunds a card in part, then the rest, and refuses more', async () => {
    const { gateway, id } = await paid();
    const first = await gateway.refund(refundRequest(id, 4_000n));
    expect(first).toMatchObject({ status: 'succeeded', processorRefundId: expect.stringMatching(/^re_/) });
    expect(await gateway.refund(refundRequest(id, 6_000n))).toMatchObject({ status: 'succeeded' });
    await expect(gateway.refund(refundRequest(id, 1n))).rejects.toBeInstanceOf(GatewayRequestError);
  });

  it('replays a refund retried with its key instead of refunding twice', async () => {
    const { gateway, id } = await paid();
    const request = refundRequest(id, 2_500n);
    const first = await gateway.refund(request);
    fake.dropNext(2);
    await expect(gateway.refund(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(await gateway.refund(request)).toEqual(first);
    const refunds = [...fake.state.refunds.values()].filter((r) => r.payment_intent === id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.metadata).toMatchObject({ saldo_payment_id: 'pay-1', saldo_org_id: 'org-1' });
  });

  it('refunds ACH as pending, then tells the outcome by webhook', async () => {
    const { gateway, id } = await paid(50_000n, 'pm_usBankAccount_success', 'ach');
    const result = await gateway.refund(refundRequest(id, 50_000n));
    if (result.status !== 'pending') throw new Error(`expected pending, got ${result.status}`);
    await fake.settleRefund(result.processorRefundId, true);
    expect(verified(gateway, 'refund.updated', result.processorRefundId)).toMatchObject({
      type: 'refund.succeeded',
      processorRefundId: result.processorRefundId,
      processorPaymentId: id,
      paymentId: 'pay-1',
      amount: 50_000n,
    });
  });

  it('tells a failed ACH refund', async () => {
    const { gateway, id } = await paid(50_000n, 'pm_usBankAccount_success', 'ach');
    const result = await gateway.refund(refundRequest(id, 20_000n));
    if (result.status !== 'pending') throw new Error(`expected pending, got ${result.status}`);
    await fake.settleRefund(result.processorRefundId, false);
    expect(verified(gateway, 'refund.failed', result.processorRefundId)).toMatchObject({
      type: 'refund.failed',
      processorRefundId: result.processorRefundId,
      amount: 20_000n,
    });
  });

  it('refuses to refund an ACH debit still processing', async () => {
    const gateway = gatewayWith();
    const charged = await gateway.charge(
      chargeRequest({ kind: 'ach', methodToken: 'pm_usBankAccount_success' }),
    );
    await expect(
      gateway.refund(refundRequest(charged.processorPaymentId as string, 100n)),
    ).rejects.toBeInstanceOf(GatewayRequestError);
  });
});

describe('methods', () => {
  it('saves a card on a new Stripe customer, once however often it is retried', async () => {
    const gateway = gatewayWith();
    const request = {
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_visa',
      kind: 'card' as const,
    };
    const before = fake.state.customers.size;
    const saved = await gateway.saveMethod(request);
    expect(saved.processorCustomerId).toMatch(/^cus_/);
    expect(saved.method.details).toMatchObject({
      kind: 'card',
      brand: 'visa',
      last4: '4242',
      bankName: null,
    });
    expect(saved.method.details.expYear).toBeGreaterThan(2025);
    expect(await gateway.saveMethod(request)).toEqual(saved);
    expect(fake.state.customers.size).toBe(before + 1);
    expect(fake.state.customers.get(saved.processorCustomerId)?.metadata).toEqual({
      saldo_org_id: 'org-1',
      saldo_customer_id: 'cust-1',
    });
    expect(fake.state.paymentMethods.get(saved.method.token)?.customer).toBe(saved.processorCustomerId);
  });

  it('saves a bank account on an existing customer, and charges it off-session', async () => {
    const gateway = gatewayWith();
    const first = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_visa',
      kind: 'card',
    });
    const before = fake.state.customers.size;
    const bank = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(first.processorCustomerId),
      methodToken: 'pm_usBankAccount_success',
      kind: 'ach',
    });
    expect(fake.state.customers.size).toBe(before);
    expect(bank.method.details).toEqual({
      kind: 'ach',
      brand: null,
      last4: '6789',
      expMonth: null,
      expYear: null,
      bankName: 'STRIPE TEST BANK',
      accountType: 'checking',
    });
    const charged = await gateway.charge(
      chargeRequest({
        kind: 'ach',
        methodToken: bank.method.token,
        customer: customer(first.processorCustomerId),
        offSession: true,
      }),
    );
    expect(charged.status).toBe('processing');
  });

  it('refuses a method of another kind than asked', async () => {
    const saved = gatewayWith().saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_visa',
      kind: 'ach',
    });
    await expect(saved).rejects.toMatchObject({
      name: 'GatewayRequestError',
      processorCode: 'method_kind_mismatch',
    });
  });

  it('describes and detaches a method', async () => {
    const gateway = gatewayWith();
    const saved = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_mastercard',
      kind: 'card',
    });
    expect(await gateway.describeMethod(saved.method.token)).toEqual(saved.method);
    await gateway.detachMethod(saved.method.token);
    expect(fake.state.paymentMethods.get(saved.method.token)?.customer).toBeNull();
    await expect(gateway.detachMethod(saved.method.token)).rejects.toBeInstanceOf(GatewayRequestError);
    await expect(gateway.describeMethod('pm_nothere')).rejects.toBeInstanceOf(GatewayRequestError);
  });

  it('opens a Checkout Session in setup mode and reads the method the payer entered there', async () => {
    const gateway = gatewayWith();
    const saved = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_visa',
      kind: 'card',
    });
    const session = await gateway.createEntrySession({
      kind: 'ach',
      customer: customer(saved.processorCustomerId),
      locale: 'es',
      returnUrl: 'https://saldo.test/methods/return?kind=ach',
      cancelUrl: 'https://saldo.test/methods?methodCancelled=1',
      reference: 'enrol-1',
    });
    if (session.type !== 'redirect') throw new Error('expected a redirect');
    expect(session.url).toBe(`${fake.url}/c/pay/${session.sessionId}`);
    expect(fake.state.checkoutSessions.get(session.sessionId)).toMatchObject({
      object: 'checkout.session',
      mode: 'setup',
      status: 'open',
      customer: saved.processorCustomerId,
      currency: 'usd',
      payment_method_types: ['us_bank_account'],
      locale: 'es',
      success_url: 'https://saldo.test/methods/return?kind=ach&method={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://saldo.test/methods?methodCancelled=1',
      metadata: { saldo_reference: 'enrol-1', saldo_org_id: 'org-1', saldo_customer_id: 'cust-1' },
    });
    expect(await gateway.methodFromEntrySession(session.sessionId)).toBeNull();
    const back = new URL(await fake.completeCheckout(session.sessionId, 'pm_usBankAccount_success'));
    expect(back.searchParams.get('method')).toBe(session.sessionId);
    const token = await gateway.methodFromEntrySession(session.sessionId);
    expect(token).toMatch(/^pm_/);
    // The SetupIntent carries Saldo's metadata, and the method is on the customer the session named.
    const setup = [...fake.state.setupIntents.values()].find((s) => s.payment_method === token);
    expect(setup).toMatchObject({ status: 'succeeded', metadata: { saldo_reference: 'enrol-1' } });
    expect(fake.state.paymentMethods.get(token as string)?.customer).toBe(saved.processorCustomerId);
    expect((await gateway.describeMethod(token as string)).details.kind).toBe('ach');
  });
});

describe('webhooks', () => {
  async function deliveryOf(type = 'payment_intent.succeeded') {
    const gateway = gatewayWith();
    const charged = await gateway.charge(chargeRequest());
    const event = [...fake.state.events]
      .reverse()
      .find((e) => e.type === type && e.data.object.id === charged.processorPaymentId);
    return { gateway, event: event as Record<string, unknown> };
  }

  it('accepts a delivery signed with the seller secret', async () => {
    const { gateway, event } = await deliveryOf();
    const { rawBody, headers } = fake.sign(event, SECRET);
    expect(gateway.verifyWebhook({ rawBody, headers, secret: SECRET })).toMatchObject({
      id: event.id,
      type: 'charge.succeeded',
      occurredAt: new Date((event.created as number) * 1000),
    });
  });

  it('rejects a tampered body, another secret, a stale or future timestamp, a missing or garbled header', async () => {
    const { gateway, event } = await deliveryOf();
    const { rawBody, headers } = fake.sign(event, SECRET);
    const reason = (input: Parameters<PaymentGateway['verifyWebhook']>[0]) => {
      try {
        gateway.verifyWebhook(input);
        return 'accepted';
      } catch (error) {
        if (!(error instanceof WebhookRejectedError)) throw error;
        return error.reason;
      }
    };
    const tampered = Buffer.from(rawBody.toString('utf8').replace('"amount": 12345', '"amount": 1'));
    expect(tampered.equals(rawBody)).toBe(false);
    expect(reason({ rawBody: tampered, headers, secret: SECRET })).toBe('bad_signature');
    expect(reason({ rawBody, headers, secret: 'whsec_other' })).toBe('bad_signature');
    const now = Math.floor(Date.now() / 1000);
    expect(reason({ ...fake.sign(event, SECRET, now - 301), secret: SECRET })).toBe('stale_timestamp');
    expect(reason({ ...fake.sign(event, SECRET, now + 301), secret: SECRET })).toBe('stale_timestamp');
    expect(reason({ ...fake.sign(event, SECRET, now - 299), secret: SECRET })).toBe('accepted');
    expect(reason({ rawBody, headers: { 'content-type': 'application/json' }, secret: SECRET })).toBe(
      'missing_signature',
    );
    expect(reason({ rawBody, headers: { 'Stripe-Signature': 'v0=abc' }, secret: SECRET })).toBe('malformed');
    expect(
      reason({ rawBody, headers: { 'Stripe-Signature': headers['stripe-signature'] }, secret: SECRET }),
    ).toBe('accepted');
    const later = new Date(Date.now() + 10 * 60_000);
    expect(reason({ rawBody, headers, secret: SECRET, now: later })).toBe('stale_timestamp');
  });

  it('delivers over HTTP, signed so the receiver verifies the raw bytes', async () => {
    const received: { body: Buffer; headers: Record<string, string | string[] | undefined> }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
      const { gateway, event } = await deliveryOf();
      const sent = await fake.sendEvent(
        'payout.paid',
        { ...fixturePayout(), id: 'po_http' },
        { url, secret: SECRET },
      );
      expect(sent.status).toBe(200);
      expect(event).toBeDefined();
      const [delivery] = received;
      if (!delivery) throw new Error('nothing delivered');
      expect(
        gateway.verifyWebhook({ rawBody: delivery.body, headers: delivery.headers, secret: SECRET }),
      ).toMatchObject({
        type: 'payout.paid',
        payoutId: 'po_http',
        amount: 1100n,
        currency: 'USD',
        arrivalDate: '2009-02-13',
      });
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('maps each event type Saldo uses, and ignores the rest', async () => {
    const gateway = gatewayWith();
    const declined = await gateway.charge(
      chargeRequest({ methodToken: 'pm_card_chargeDeclinedExpiredCard' }),
    );
    expect(
      verified(gateway, 'payment_intent.payment_failed', declined.processorPaymentId as string),
    ).toMatchObject({
      type: 'charge.failed',
      failure: { code: 'expired_card', retryable: false, processorCode: 'expired_card' },
    });

    const request = chargeRequest({ amount: 8_000n });
    const paid = await gateway.charge(request);
    const id = paid.processorPaymentId as string;
    const refund = await gateway.refund({
      idempotencyKey: randomUUID(),
      processorPaymentId: id,
      amount: 3_000n,
      currency: 'USD',
      reason: null,
      metadata: { paymentId: request.metadata.paymentId, orgId: 'org-1', refundId: 'ref-1' },
    });
    expect(verified(gateway, 'refund.created', refund.processorRefundId as string)).toMatchObject({
      type: 'refund.succeeded',
      processorPaymentId: id,
      paymentId: request.metadata.paymentId,
      amount: 3_000n,
    });
    const chargeId = fake.state.paymentIntents.get(id)?.latest_charge as string;
    expect(verified(gateway, 'charge.refunded', chargeId)).toMatchObject({
      type: 'refund.succeeded',
      processorRefundId: refund.processorRefundId,
      processorPaymentId: id,
      paymentId: request.metadata.paymentId,
      amount: 3_000n,
    });

    const dispute = await fake.openDispute(id, 'fraudulent');
    expect(verified(gateway, 'charge.dispute.created', dispute.id)).toMatchObject({
      type: 'dispute.opened',
      processorDisputeId: dispute.id,
      processorPaymentId: id,
      amount: 8_000n,
      reason: 'fraudulent',
      outcome: null,
      paymentId: null,
    });
    await fake.closeDispute(dispute.id, 'lost');
    expect(verified(gateway, 'charge.dispute.closed', dispute.id)).toMatchObject({
      type: 'dispute.closed',
      outcome: 'lost',
    });
    const won = await fake.openDispute((await gateway.charge(chargeRequest())).processorPaymentId as string);
    await fake.closeDispute(won.id, 'won');
    expect(verified(gateway, 'charge.dispute.closed', won.id)).toMatchObject({ outcome: 'won' });

    const saved = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer: customer(),
      methodToken: 'pm_card_visa',
      kind: 'card',
    });
    const other = fake.sign(
      fake.state.events.find(
        (e) => e.type === 'customer.created' && e.data.object.id === saved.processorCustomerId,
      ) ?? {},
      SECRET,
    );
    expect(gateway.verifyWebhook({ ...other, secret: SECRET })).toMatchObject({
      type: 'ignored',
      processorType: 'customer.created',
    });
  });
});

function fixturePayout() {
  return {
    object: 'payout',
    amount: 1100,
    arrival_date: 1234567890,
    currency: 'usd',
    status: 'paid',
    metadata: {},
  };
}
