import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeFake, startStripeFake } from '../support/stripe-fake/stripe-fake.ts';
import { parseForm } from '../support/stripe-fake/stripe-form.ts';

/** The fake's wire behaviour, as Stripe's API reference describes it, seen with a plain HTTP client. */
let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake();
});
afterAll(async () => {
  await fake.close();
});

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${fake.secretKey}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: Stripe's JSON, inspected field by field.
  const json: any = await response.json();
  return { status: response.status, headers: response.headers, body: json };
}

describe('the Stripe fake', () => {
  it('reads bracket-nested form bodies as Stripe does', () => {
    expect(
      parseForm(
        'amount=100&metadata[saldo_payment_id]=p%201&expand[0]=latest_charge&arrival_date[gte]=5&a[b][c]=d',
      ),
    ).toEqual({
      amount: '100',
      metadata: { saldo_payment_id: 'p 1' },
      expand: ['latest_charge'],
      arrival_date: { gte: '5' },
      a: { b: { c: 'd' } },
    });
  });

  it('refuses a request without a valid secret key, in Stripe’s error shape', async () => {
    const response = await fetch(`${fake.url}/v1/payment_intents/pi_x`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', message: expect.stringContaining('API key') },
    });
    const wrong = await post('/v1/customers', 'name=x', { authorization: 'Bearer pk_test_publishable' });
    expect(wrong.status).toBe(401);
  });

  it('answers a decline with 402 card_error carrying the intent, and replays it for the same key', async () => {
    const body =
      'amount=2000&currency=usd&payment_method=pm_card_chargeDeclined&allowed_payment_method_types[0]=card&confirm=true';
    const first = await post('/v1/payment_intents', body, { 'idempotency-key': 'k-decline' });
    expect(first.status).toBe(402);
    expect(first.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      payment_intent: { object: 'payment_intent', status: 'requires_payment_method' },
    });
    const again = await post('/v1/payment_intents', body, { 'idempotency-key': 'k-decline' });
    expect(again.status).toBe(402);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await post('/v1/payment_intents', body.replace('2000', '2001'), {
      'idempotency-key': 'k-decline',
    });
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe('idempotency_error');
  });

  it('saves nothing for a request refused by validation, so the key stays usable', async () => {
    const bad = await post('/v1/payment_intents', 'currency=usd', { 'idempotency-key': 'k-valid' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'amount',
    });
    const good = await post('/v1/payment_intents', 'amount=500&currency=usd', {
      'idempotency-key': 'k-valid',
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 500,
    });
  });

  it('answers in the shape of Stripe’s example objects, expanding what is asked', async () => {
    const created = await post(
      '/v1/payment_intents',
      'amount=1099&currency=usd&payment_method=pm_card_visa&confirm=true&metadata[k]=v&expand[0]=latest_charge.balance_transaction',
    );
    expect(created.body).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount_received: 1099,
      metadata: { k: 'v' },
      latest_charge: {
        object: 'charge',
        status: 'succeeded',
        payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
        balance_transaction: { object: 'balance_transaction', amount: 1099, fee: 62, net: 1037 },
      },
    });
    expect(Object.keys(created.body)).toEqual(
      expect.arrayContaining(['client_secret', 'capture_method', 'livemode']),
    );
  });

  it('signs events so that the official SDK verifies them', () => {
    const event = {
      id: 'evt_1',
      object: 'event',
      type: 'payout.paid',
      created: 1,
      data: { object: { id: 'po_1' } },
    };
    const { rawBody, headers } = fake.sign(event, 'whsec_x');
    const parsed = Stripe.webhooks.constructEvent(rawBody, headers['stripe-signature'] as string, 'whsec_x');
    expect(parsed.id).toBe('evt_1');
    expect(() =>
      Stripe.webhooks.constructEvent(rawBody, headers['stripe-signature'] as string, 'whsec_y'),
    ).toThrow();
  });

  it('answers 404 in Stripe’s shape for what it does not have', async () => {
    const response = await fetch(`${fake.url}/v1/charges/ch_missing`, {
      headers: { authorization: `Bearer ${fake.secretKey}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: "No such charge: 'ch_missing'",
      },
    });
  });
});
