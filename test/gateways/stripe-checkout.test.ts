import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import {
  GatewayRequestError,
  GatewayUnavailableError,
  type ProcessorCustomer,
} from '../../src/domain/payments/payment-gateway.ts';
import { loadPaymentSettings } from '../../src/domain/payments/payment-settings.repository.ts';
import { findStripeCredentials } from '../../src/domain/payments/processor-credentials.repository.ts';
import { updatePaymentSettings } from '../../src/domain/payments/update-payment-settings.ts';
import { stripeKeyCheck } from '../../src/gateways/resolve-gateways.ts';
import { createStripeGateway, withSessionToken } from '../../src/gateways/stripe/stripe-gateway.ts';
import { testConfig } from '../support/app.ts';
import { onlineSeller, onlineStripeSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';
import { startStripeFake } from '../support/stripe-fake/stripe-fake.ts';

/**
 * A Stripe seller's payer enters a new card or bank account on Stripe Checkout's hosted page (a
 * Checkout Session in setup mode: Stripe.js cannot load under Saldo's CSP), comes back with the
 * session's id as the method's token, and pays with it; and a seller's Stripe secret key is shown
 * to Stripe before it is stored. Against the local fake of Stripe's API and its hosted page.
 */
const SECRET_KEY = 'sk_test_saldoCheckout0001';
const fake = await startStripeFake({ secretKey: SECRET_KEY });
afterAll(() => fake.close());
// The app's Stripe sellers talk to the fake.
const { app, db, config } = await useOnlinePaymentsApp({ config: { stripeApiUrl: fake.url } });

function customer(): ProcessorCustomer {
  return {
    processorCustomerId: null,
    name: 'Ferretería Norte',
    email: null,
    orgId: 'org-1',
    customerId: 'c-1',
  };
}

const gateway = () =>
  createStripeGateway({
    secretKey: SECRET_KEY,
    publishableKey: 'pk_test_saldoCheckout',
    api: { host: '127.0.0.1', port: fake.port, protocol: 'http' },
    timeoutMs: 5_000,
  });

/** A Stripe seller (its keys saved by its owner), with a signed-in payer. */
const stripeSeller = () => onlineStripeSeller({ app, db, config, fake });

describe('entering a method on Stripe Checkout', () => {
  it('adds the session id to the success URL as Stripe fills it, keeping the query and fragment', () => {
    expect(withSessionToken('https://s.test/portal/pay')).toBe(
      'https://s.test/portal/pay?method={CHECKOUT_SESSION_ID}',
    );
    expect(withSessionToken('https://s.test/portal/pay?invoices=a,b&kind=card#step-2')).toBe(
      'https://s.test/portal/pay?invoices=a,b&kind=card&method={CHECKOUT_SESSION_ID}#step-2',
    );
  });

  it('a card entered on Checkout pays an invoice from the portal and is saved for next time', async () => {
    const s = await stripeSeller();
    const invoiceId = await s.invoice('250.00');
    const page = await s.entry('card', `/portal/pay?invoices=${invoiceId}`);
    expect(page.origin).toBe(fake.url);
    const back = await s.checkout(page, 'pm_card_visa');
    // Back on the portal's own page, with the method's token and kind, as the pay flow reads them.
    expect(`${back.origin}${back.pathname}`).toBe(`${config.publicUrl}/portal/pay`);
    expect(back.searchParams.get('invoices')).toBe(invoiceId);
    expect(back.searchParams.get('kind')).toBe('card');
    const token = back.searchParams.get('method') as string;
    expect(token).toMatch(/^cs_test_/);

    const paid = await s.pay({
      kind: 'card',
      allocations: [{ invoiceId, amount: 25_000 }],
      methodToken: token,
      saveMethod: true,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'completed', amount: 25_000, failure: null });
    expect(await s.invoiceState(invoiceId)).toMatchObject({ open_amount: 0n, payment_status: 'paid' });
    const status = await s.payer({ method: 'GET', url: `/api/v1/portal/payments/${paid.json().id}` });
    expect(status.json().paymentMethod).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242' });
    const options = await s.payer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(options.json().savedMethods).toMatchObject([{ kind: 'card', brand: 'visa', last4: '4242' }]);
    // The PaymentIntent charged the method Checkout produced, for what was paid.
    const intents = [...fake.state.paymentIntents.values()].filter(
      (pi) => pi.metadata.saldo_payment_id === paid.json().id,
    );
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ amount: 25_000, currency: 'usd', status: 'succeeded' });
    expect(intents[0]!.payment_method).toMatch(/^pm_/);
    expect(await s.problems()).toEqual([]);
  });

  it('a bank account entered on Checkout pays part of an invoice by ACH, which settles by webhook', async () => {
    const s = await stripeSeller();
    const invoiceId = await s.invoice('400.00');
    const back = await s.checkout(await s.entry('ach', '/portal/pay'), 'pm_usBankAccount_success');
    expect(back.searchParams.get('kind')).toBe('ach');
    const paid = await s.pay({
      kind: 'ach',
      allocations: [{ invoiceId, amount: 15_000 }],
      methodToken: back.searchParams.get('method'),
      achAuthorizationAccepted: true,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().status).toBe('pending');
    expect(await s.invoiceState(invoiceId)).toMatchObject({
      open_amount: 40_000n,
      pending_amount: 15_000n,
      payment_status: 'payment_pending',
    });
    const intent = s.intentOf(paid.json().id);
    await fake.settleAch(intent.id);
    const delivered = await s.deliverEvent('payment_intent.succeeded', intent.id);
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(await s.invoiceState(invoiceId)).toMatchObject({
      open_amount: 25_000n,
      pending_amount: 0n,
      payment_status: 'partially_paid',
    });
    const status = await s.payer({ method: 'GET', url: `/api/v1/portal/payments/${paid.json().id}` });
    expect(status.json()).toMatchObject({
      status: 'completed',
      paymentMethod: { kind: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789' },
    });
    expect(await s.problems()).toEqual([]);
  });

  it('the page offers only the kind asked for, and its way back is the cancel address', async () => {
    const s = await stripeSeller();
    const page = await s.entry('card', '/portal/pay?invoices=x');
    const html = await (await fetch(page)).text();
    expect(html).toContain('pm_card_visa');
    expect(html).not.toContain('pm_usBankAccount_success');
    expect(html).toContain('methodCancelled=1');
    const wrongKind = await fetch(page, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=pm_usBankAccount_success',
      redirect: 'manual',
    });
    expect(wrongKind.status).toBe(422);
    // Done once, the session is over: a second submit is refused.
    await s.checkout(page, 'pm_card_visa');
    const again = await fetch(page, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=pm_card_visa',
      redirect: 'manual',
    });
    expect(again.status).toBe(410);
  });

  it('a session the payer never finished pays nothing: the payment fails, no PaymentIntent', async () => {
    const s = await stripeSeller();
    const invoiceId = await s.invoice('80.00');
    const page = await s.entry('card', '/portal/pay');
    const sessionId = page.pathname.split('/').at(-1) as string;
    const before = fake.state.paymentIntents.size;
    const paid = await s.pay({
      kind: 'card',
      allocations: [{ invoiceId, amount: 8_000 }],
      methodToken: sessionId,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'failed', failure: { code: 'processing_error' } });
    expect(fake.state.paymentIntents.size).toBe(before);
    expect(await s.invoiceState(invoiceId)).toMatchObject({ open_amount: 8_000n, pending_amount: 0n });
  });

  it('the gateway refuses an unfinished or unknown session as a method, and reads none from it', async () => {
    const g = gateway();
    const session = await g.createEntrySession({
      kind: 'card',
      customer: customer(),
      locale: 'en',
      returnUrl: 'https://saldo.test/back',
      cancelUrl: 'https://saldo.test/cancel',
      reference: 'r-1',
    });
    expect(await g.methodFromEntrySession(session.sessionId)).toBeNull();
    expect(await g.methodFromEntrySession('cs_test_nosuchsession')).toBeNull();
    await expect(g.describeMethod(session.sessionId)).rejects.toMatchObject({
      name: 'GatewayRequestError',
      processorCode: 'entry_session_incomplete',
    });
    const customers = fake.state.customers.size;
    await expect(
      g.saveMethod({
        idempotencyKey: randomUUID(),
        customer: customer(),
        methodToken: 'cs_test_nope',
        kind: 'card',
      }),
    ).rejects.toBeInstanceOf(GatewayRequestError);
    expect(fake.state.customers.size).toBe(customers);
    // A card session names no currency (its method type is enough); an ACH one is in dollars.
    expect(fake.state.checkoutSessions.get(session.sessionId)).toMatchObject({
      currency: null,
      payment_method_types: ['card'],
      success_url: 'https://saldo.test/back?method={CHECKOUT_SESSION_ID}',
    });
  });

  it('the fake refuses what Stripe refuses: no mode, no currency without method types, ACH in euros', async () => {
    /** Stripe's error body of a refused request. */
    const errorOf = async (r: Response) => ((await r.json()) as { error: Record<string, unknown> }).error;
    const post = (body: string) =>
      fetch(`${fake.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${SECRET_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    const noMode = await post('success_url=https%3A%2F%2Fs.test');
    expect(noMode.status).toBe(400);
    expect(await errorOf(noMode)).toMatchObject({ code: 'parameter_missing', param: 'mode' });
    const noCurrency = await post('mode=setup&success_url=https%3A%2F%2Fs.test');
    expect(await errorOf(noCurrency)).toMatchObject({ code: 'parameter_missing', param: 'currency' });
    const euros = await post('mode=setup&currency=eur&allowed_payment_method_types[0]=us_bank_account');
    expect(euros.status).toBe(400);
    expect(await errorOf(euros)).toMatchObject({ type: 'invalid_request_error', param: 'currency' });
  });
});

describe("checking a seller's Stripe keys before they are stored", () => {
  const check = stripeKeyCheck({ ...testConfig(), stripeApiUrl: fake.url });
  const change = (orgId: string, secretKey: string) => ({
    orgId,
    processor: 'stripe' as const,
    onlineInvoices: true,
    methods: ['card' as const],
    erpAccounts: { card: null, ach: null },
    partialAllowed: false,
    partialMinimum: null,
    cardFeeBps: 0,
    cardFeeCap: null,
    autopayText: { es: null, en: null },
    stripe: { publishableKey: 'pk_test_saldoCheckout', secretKey },
    actor: {},
  });

  it('stores a key Stripe takes (one read of the balance), and refuses one it does not, storing nothing', async () => {
    const s = await onlineSeller({ app, db, config });
    const reads = () => fake.state.requests.filter((r) => r.path === '/v1/balance').length;
    const before = reads();
    await updatePaymentSettings(
      { db, secretKey: config.secretKey, checkStripeKey: check },
      change(s.orgId, SECRET_KEY),
    );
    expect(reads()).toBe(before + 1);
    expect((await findStripeCredentials(db, s.orgId))?.secretKeyLast4).toBe('0001');

    const other = await onlineSeller({ app, db, config });
    const refused = updatePaymentSettings(
      { db, secretKey: config.secretKey, checkStripeKey: check },
      change(other.orgId, 'sk_test_notTheSellersKey99'),
    );
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'stripe_keys_invalid', status: 422 });
    expect(await findStripeCredentials(db, other.orgId)).toBeNull();
    expect((await loadPaymentSettings(db, other.orgId)).processor).toBe('sandbox');
  });

  it('a Stripe that does not answer is processor_unavailable, and nothing is stored', async () => {
    const s = await onlineSeller({ app, db, config });
    fake.failNext(1, 500);
    await expect(
      updatePaymentSettings(
        { db, secretKey: config.secretKey, checkStripeKey: check },
        change(s.orgId, SECRET_KEY),
      ),
    ).rejects.toMatchObject({ code: 'processor_unavailable' });
    expect(await findStripeCredentials(db, s.orgId)).toBeNull();
  });

  it('the check answers in the port’s terms: 401 is a refusal, 5xx is no answer', async () => {
    await expect(check(SECRET_KEY)).resolves.toBeUndefined();
    await expect(check('sk_live_wrongKeyForThis1')).rejects.toBeInstanceOf(GatewayRequestError);
    fake.failNext(1, 503);
    await expect(check(SECRET_KEY)).rejects.toBeInstanceOf(GatewayUnavailableError);
  });

  it('the fake answers a wrong key 401 as Stripe does, whatever the endpoint', async () => {
    const r = await fetch(`${fake.url}/v1/balance`, {
      headers: { authorization: 'Bearer sk_test_wrong1234' },
    });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: unknown }).error).toMatchObject({ type: 'invalid_request_error' });
    const ok = await fetch(`${fake.url}/v1/balance`, { headers: { authorization: `Bearer ${SECRET_KEY}` } });
    expect(await ok.json()).toMatchObject({ object: 'balance', livemode: false });
  });
});
