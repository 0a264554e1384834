import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { canonical, type Form, type FormValue, parseForm } from './stripe-form.ts';
import { type TestMethod, testMethods } from './stripe-test-methods.ts';

/**
 * A local HTTP fake of the Stripe endpoints Saldo uses, written from Stripe's API reference, for the
 * official SDK to talk to (`host`/`port`/`protocol: 'http'`):
 *
 *   POST /v1/customers                       POST /v1/payment_intents (confirm: true)
 *   GET  /v1/payment_intents/:id             GET  /v1/payment_intents/search (metadata['k']:'v')
 *   POST /v1/refunds                         GET  /v1/charges/:id
 *   GET  /v1/payment_methods/:id             POST /v1/payment_methods/:id/attach | /detach
 *   POST /v1/setup_intents                   GET  /v1/setup_intents/:id
 *   GET  /v1/payouts (arrival_date[gte]…)    GET  /v1/balance_transactions (payout, expand)
 *   POST /v1/checkout/sessions (mode=setup)  GET  /v1/checkout/sessions/:id (expand setup_intent)
 *   GET  /v1/balance
 *
 * and Checkout's hosted page (`GET/POST /c/pay/:id`, no API key, as the payer's browser sees it):
 * the payer picks one of the documented test methods, and the session completes with a SetupIntent
 * that holds the new method, then the browser goes to `success_url` with `{CHECKOUT_SESSION_ID}`
 * filled in (or follows the page's link to `cancel_url`).
 *
 * It keeps Stripe's rules where Saldo depends on them: `Authorization: Bearer sk_test_…` (401
 * otherwise); `Idempotency-Key` on POST (the same key and parameters replay the saved answer with
 * `Idempotent-Replayed: true`, including a 402; other parameters are a 400 idempotency_error; a
 * key still running is a 409; a request refused by validation saves nothing); Stripe's error body
 * `{ error: { type, code, decline_code, message, param, payment_intent } }` with its statuses (400,
 * 401, 402 card_error, 404, 429, 5xx); `expand[]`; list pagination (`starting_after`); objects built
 * from Stripe's own example objects (stripe-fixtures.json, MIT, Stripe Inc.) with ids, amounts and
 * statuses replaced; the documented test payment methods (stripe-test-methods.ts); ACH intents stay
 * `processing` until the test settles them; webhooks signed as Stripe signs them.
 */

// biome-ignore lint/suspicious/noExplicitAny: Stripe objects are free-form JSON inside the fake.
type Obj = { [key: string]: any };

const fixtures: Obj = JSON.parse(readFileSync(new URL('./stripe-fixtures.json', import.meta.url), 'utf8'));

function clone<T>(value: T): T {
  return structuredClone(value);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function newId(prefix: string): string {
  const bytes = randomBytes(24);
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** Stripe's error, as its body and HTTP status. */
class StripeFakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Obj,
    /** Refused before execution began: Stripe saves no idempotent result for it. */
    readonly beforeExecution = true,
  ) {
    super(String(body.message));
  }
}

function invalid(message: string, extra: Obj = {}, status = 400): StripeFakeError {
  return new StripeFakeError(status, { type: 'invalid_request_error', message, ...extra });
}

function missing(kind: string, id: string, param = 'id'): StripeFakeError {
  return new StripeFakeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
  });
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface SignedDelivery {
  event: Obj;
  rawBody: Buffer;
  headers: Record<string, string>;
}

export interface FakeState {
  customers: Map<string, Obj>;
  paymentMethods: Map<string, Obj>;
  paymentIntents: Map<string, Obj>;
  charges: Map<string, Obj>;
  refunds: Map<string, Obj>;
  setupIntents: Map<string, Obj>;
  balanceTransactions: Map<string, Obj>;
  payouts: Map<string, Obj>;
  disputes: Map<string, Obj>;
  checkoutSessions: Map<string, Obj>;
  events: Obj[];
  /** Every request that reached the fake, after fault injection. */
  requests: { method: string; path: string; idempotencyKey: string | null; replayed: boolean }[];
}

export interface StripeFake {
  port: number;
  url: string;
  /** The key the fake accepts (any `sk_test_…` unless one was given). */
  secretKey: string;
  state: FakeState;
  close(): Promise<void>;
  /** The next `n` requests answer `status` (Stripe's api_error body; 429 its rate_limit) before doing anything. */
  failNext(n: number, status?: number): void;
  /** The next request waits `ms` before it is handled (a client with a shorter timeout gives up first). */
  delayNext(ms: number): void;
  /** The next `n` requests are performed (and their idempotent result saved), then the connection is dropped. */
  dropNext(n?: number): void;
  /** Where settle/refund/dispute/payout helpers deliver the events they cause; none by default. */
  setWebhook(target: WebhookTarget | null): void;
  /** A new event of `type` about `object`, signed and POSTed to `url`. */
  sendEvent(type: string, object: Obj, target: WebhookTarget): Promise<SignedDelivery & { status: number }>;
  /** An event's body and headers exactly as Stripe would deliver them. */
  sign(event: Obj, secret: string, timestamp?: number): SignedDelivery;
  /** The bank's answer on an ACH intent: succeeds or comes back as its test method says. */
  settleAch(paymentIntentId: string): Promise<Obj>;
  /** The payer finished (or failed) 3-D Secure at the redirect. */
  completeAction(paymentIntentId: string, succeed: boolean): Promise<Obj>;
  /** What Stripe.js does when the payer submits Elements: a method from a test token, on the SetupIntent. */
  confirmSetupIntent(setupIntentId: string, testToken: string): Promise<Obj>;
  /**
   * The payer finishes Checkout's hosted page with a test method (`pm_card_visa`,
   * `pm_usBankAccount_success`…): answers where the browser is sent next (`success_url`, filled in).
   */
  completeCheckout(sessionId: string, testToken: string): Promise<string>;
  /** A pending (ACH) refund reaches its end. */
  settleRefund(refundId: string, succeed: boolean): Promise<Obj>;
  openDispute(paymentIntentId: string, reason?: string): Promise<Obj>;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<Obj>;
  /** A Stripe fee not tied to a charge (e.g. a monthly fee), paid out with the next payout. */
  addFee(amount: number, description?: string): Obj;
  /** Pays out every balance transaction not yet paid out. */
  createPayout(input: {
    arrivalDate: string;
    status?: 'paid' | 'in_transit' | 'pending';
    fee?: number;
  }): Promise<Obj>;
}

function feeFor(kind: TestMethod['kind'], amount: number): number {
  return kind === 'card' ? Math.round(amount * 0.029) + 30 : Math.min(Math.round(amount * 0.008), 500);
}

function formString(value: FormValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function formStrings(value: FormValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function formMap(value: FormValue | undefined): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

function formInteger(form: Form, name: string, required: boolean): number | undefined {
  const raw = formString(form[name]);
  if (raw === undefined) {
    if (required)
      throw invalid(`Missing required param: ${name}.`, { code: 'parameter_missing', param: name });
    return undefined;
  }
  if (!/^\d{1,15}$/.test(raw))
    throw invalid(`Invalid integer: ${raw}`, { code: 'parameter_invalid_integer', param: name });
  return Number(raw);
}

/** A Stripe search query of `field:'value'` clauses joined by AND (metadata['key'] and status). */
function parseSearch(query: string): { field: string; key: string | null; value: string }[] {
  const clauses: { field: string; key: string | null; value: string }[] = [];
  let i = 0;
  const literal = (): string => {
    const quote = query[i];
    if (quote !== "'" && quote !== '"') throw invalid(`Invalid search query: ${query}`, { param: 'query' });
    i++;
    let out = '';
    while (i < query.length && query[i] !== quote) {
      if (query[i] === '\\') i++;
      out += query[i] ?? '';
      i++;
    }
    if (query[i] !== quote) throw invalid(`Invalid search query: ${query}`, { param: 'query' });
    i++;
    return out;
  };
  while (i < query.length) {
    while (query[i] === ' ') i++;
    const field = /^[a-z_]+/.exec(query.slice(i))?.[0];
    if (!field) throw invalid(`Invalid search query: ${query}`, { param: 'query' });
    i += field.length;
    let key: string | null = null;
    if (query[i] === '[') {
      i++;
      key = literal();
      if (query[i] !== ']') throw invalid(`Invalid search query: ${query}`, { param: 'query' });
      i++;
    }
    if (query[i] !== ':') throw invalid(`Invalid search query: ${query}`, { param: 'query' });
    i++;
    clauses.push({ field, key, value: literal() });
    while (query[i] === ' ') i++;
    if (i < query.length) {
      if (query.slice(i, i + 3) !== 'AND')
        throw invalid(`Invalid search query: ${query}`, { param: 'query' });
      i += 3;
    }
  }
  return clauses;
}

export async function startStripeFake(options: { secretKey?: string } = {}): Promise<StripeFake> {
  const state: FakeState = {
    customers: new Map(),
    paymentMethods: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    setupIntents: new Map(),
    balanceTransactions: new Map(),
    payouts: new Map(),
    disputes: new Map(),
    checkoutSessions: new Map(),
    events: [],
    requests: [],
  };
  /** What each created payment method does (by id). */
  const behaviour = new Map<string, TestMethod>();
  /** Saved answers by API key and Idempotency-Key. */
  const idempotent = new Map<
    string,
    { fingerprint: string; status: number; body: string; running: boolean }
  >();
  /** What each Checkout Session's SetupIntent will carry (`setup_intent_data.metadata`). */
  const setupMetadata = new Map<string, Record<string, string>>();
  /** Which payout carried each balance transaction (Stripe's `payout` list filter; not a field). */
  const payoutOf = new Map<string, string>();
  const faults: { fail: { status: number }[]; delay: number[]; drop: number } = {
    fail: [],
    delay: [],
    drop: 0,
  };
  let webhook: WebhookTarget | null = null;
  let baseUrl = '';

  const byPrefix: Record<string, Map<string, Obj>> = {
    cus: state.customers,
    pm: state.paymentMethods,
    pi: state.paymentIntents,
    ch: state.charges,
    re: state.refunds,
    seti: state.setupIntents,
    txn: state.balanceTransactions,
    po: state.payouts,
    dp: state.disputes,
    cs: state.checkoutSessions,
  };
  function lookup(id: string): Obj | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    return byPrefix[prefix]?.get(id);
  }

  /** `expand[]` paths (`a.b`, `data.a.b` on lists), each id replaced by a copy of its object. */
  function expand(object: Obj, paths: string[]): Obj {
    const out = clone(object);
    for (const path of paths) {
      const walk = (node: Obj, segments: string[]) => {
        const [head, ...rest] = segments;
        if (!head || !node || typeof node !== 'object') return;
        if (head === 'data' && Array.isArray(node.data)) {
          for (const item of node.data) walk(item, rest);
          return;
        }
        let value = node[head];
        if (typeof value === 'string') {
          const found = lookup(value);
          if (!found) return;
          value = clone(found);
          node[head] = value;
        }
        if (rest.length > 0 && value && typeof value === 'object') walk(value, rest);
      };
      walk(out, path.split('.'));
    }
    return out;
  }

  function record(type: string, object: Obj, idempotencyKey: string | null = null): Obj {
    const event = clone(fixtures.event);
    Object.assign(event, {
      id: newId('evt'),
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: clone(object) },
      livemode: false,
      pending_webhooks: webhook ? 1 : 0,
      request: { id: idempotencyKey ? newId('req') : null, idempotency_key: idempotencyKey },
      type,
    });
    state.events.push(event);
    return event;
  }

  function sign(event: Obj, secret: string, timestamp = now()): SignedDelivery {
    const payload = JSON.stringify(event, null, 2);
    const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
    return {
      event,
      rawBody: Buffer.from(payload, 'utf8'),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': `t=${timestamp},v1=${signature}`,
      },
    };
  }

  async function deliver(event: Obj, target: WebhookTarget): Promise<SignedDelivery & { status: number }> {
    const signed = sign(event, target.secret);
    const response = await fetch(target.url, {
      method: 'POST',
      headers: signed.headers,
      body: signed.rawBody,
    });
    await response.arrayBuffer();
    return { ...signed, status: response.status };
  }

  async function emit(type: string, object: Obj, idempotencyKey: string | null = null): Promise<Obj> {
    const event = record(type, object, idempotencyKey);
    if (webhook) await deliver(event, webhook);
    return event;
  }

  function balanceTransaction(input: {
    amount: number;
    fee: number;
    currency: string;
    source: string | null;
    type: string;
    reportingCategory: string;
    description: string | null;
  }): Obj {
    const txn = clone(fixtures.balance_transaction);
    Object.assign(txn, {
      id: newId('txn'),
      amount: input.amount,
      available_on: now(),
      created: now(),
      currency: input.currency,
      description: input.description,
      fee: input.fee,
      fee_details:
        input.fee === 0
          ? []
          : [
              {
                amount: input.fee,
                application: null,
                currency: input.currency,
                description: 'Stripe processing fees',
                type: 'stripe_fee',
              },
            ],
      net: input.amount - input.fee,
      reporting_category: input.reportingCategory,
      source: input.source,
      status: 'available',
      type: input.type,
    });
    state.balanceTransactions.set(txn.id, txn);
    return txn;
  }

  /** A payment method object for a test method, in the fixture's shape. */
  function paymentMethodFrom(token: string, method: TestMethod, customer: string | null): Obj {
    const pm = clone(fixtures.payment_method);
    pm.id = newId('pm');
    pm.created = now();
    pm.customer = customer;
    pm.metadata = {};
    pm.type = method.kind;
    if (method.kind === 'card') {
      Object.assign(pm.card, {
        brand: method.brand,
        display_brand: method.brand,
        last4: method.last4,
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 3,
        fingerprint: createHmac('sha256', 'fp').update(token).digest('hex').slice(0, 16),
        networks: { available: [method.brand], preferred: null },
      });
    } else {
      delete pm.card;
      pm.us_bank_account = {
        account_holder_type: 'individual',
        account_type: 'checking',
        bank_name: method.bankName,
        financial_connections_account: null,
        fingerprint: createHmac('sha256', 'fp').update(token).digest('hex').slice(0, 16),
        last4: method.last4,
        networks: { preferred: 'ach', supported: ['ach'] },
        routing_number: '110000000',
        status_details: null,
      };
    }
    state.paymentMethods.set(pm.id, pm);
    behaviour.set(pm.id, method);
    return pm;
  }

  /** A created method, or a test token cloned into one (as Stripe does with pm_card_visa). */
  function resolveMethod(id: string, param: string): Obj {
    const existing = state.paymentMethods.get(id);
    if (existing) return existing;
    const test = testMethods[id];
    if (!test) throw missing('PaymentMethod', id, param);
    return paymentMethodFrom(id, test, null);
  }

  function chargeFrom(intent: Obj, pm: Obj, method: TestMethod): Obj {
    const charge = clone(fixtures.charge);
    Object.assign(charge, {
      id: newId('ch'),
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      balance_transaction: null,
      billing_details: clone(pm.billing_details),
      captured: false,
      created: now(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      disputed: false,
      failure_code: null,
      failure_message: null,
      metadata: clone(intent.metadata),
      outcome: null,
      paid: false,
      payment_intent: intent.id,
      payment_method: pm.id,
      receipt_url: null,
      refunded: false,
      refunds: { object: 'list', data: [], has_more: false, url: '' },
      source: null,
      status: 'pending',
      transfer_data: null,
    });
    charge.refunds.url = `/v1/charges/${charge.id}/refunds`;
    if (method.kind === 'card') {
      Object.assign(charge.payment_method_details.card, {
        brand: pm.card.brand,
        last4: pm.card.last4,
        exp_month: pm.card.exp_month,
        exp_year: pm.card.exp_year,
        fingerprint: pm.card.fingerprint,
        network: pm.card.brand,
        wallet: null,
      });
    } else {
      charge.payment_method_details = {
        type: 'us_bank_account',
        us_bank_account: {
          account_holder_type: 'individual',
          account_type: 'checking',
          bank_name: pm.us_bank_account.bank_name,
          fingerprint: pm.us_bank_account.fingerprint,
          last4: pm.us_bank_account.last4,
          mandate: null,
          payment_reference: null,
          routing_number: '110000000',
        },
      };
    }
    state.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    return charge;
  }

  function succeedCharge(intent: Obj, charge: Obj, method: TestMethod) {
    const txn = balanceTransaction({
      amount: charge.amount,
      fee: feeFor(method.kind, charge.amount),
      currency: charge.currency,
      source: charge.id,
      type: 'charge',
      reportingCategory: 'charge',
      description: charge.description,
    });
    Object.assign(charge, {
      amount_captured: charge.amount,
      balance_transaction: txn.id,
      captured: true,
      paid: true,
      status: 'succeeded',
      outcome: {
        advice_code: null,
        network_advice_code: null,
        network_decline_code: null,
        network_status: 'approved_by_network',
        reason: null,
        risk_level: 'normal',
        seller_message: 'Payment complete.',
        type: 'authorized',
      },
    });
    Object.assign(intent, {
      status: 'succeeded',
      amount_received: intent.amount,
      next_action: null,
      last_payment_error: null,
    });
  }

  function failCharge(
    intent: Obj,
    charge: Obj,
    pm: Obj,
    failure: { type: string; code: string; declineCode: string; message: string; networkCode: string | null },
  ): Obj {
    Object.assign(charge, {
      failure_code: failure.code,
      failure_message: failure.message,
      paid: false,
      status: 'failed',
      outcome: {
        advice_code: null,
        network_advice_code: null,
        network_decline_code: failure.networkCode,
        network_status: 'declined_by_network',
        reason: failure.declineCode,
        risk_level: 'normal',
        seller_message: 'The bank did not return any further details with this decline.',
        type: 'issuer_declined',
      },
    });
    const error: Obj = {
      type: failure.type,
      code: failure.code,
      decline_code: failure.declineCode,
      message: failure.message,
      charge: charge.id,
      doc_url: `https://stripe.com/docs/error-codes/${failure.code.replace(/_/g, '-')}`,
      payment_method: clone(pm),
    };
    if (failure.networkCode) error.network_decline_code = failure.networkCode;
    Object.assign(intent, {
      status: 'requires_payment_method',
      last_payment_error: error,
      next_action: null,
      payment_method: null,
    });
    return error;
  }

  function newIntent(form: Form, pm: Obj | null, customer: string | null): Obj {
    const intent = clone(fixtures.payment_intent);
    const types = formStrings(form.allowed_payment_method_types ?? form.payment_method_types);
    const id = newId('pi');
    Object.assign(intent, {
      id,
      amount: Number(form.amount),
      amount_received: 0,
      allowed_payment_method_types: types.length > 0 ? types : null,
      automatic_payment_methods: null,
      canceled_at: null,
      client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
      created: now(),
      currency: String(form.currency).toLowerCase(),
      customer,
      description: formString(form.description) ?? null,
      last_payment_error: null,
      latest_charge: null,
      metadata: formMap(form.metadata),
      next_action: null,
      payment_method: pm?.id ?? null,
      payment_method_configuration_details: null,
      payment_method_types: types.length > 0 ? types : ['card'],
      processing: null,
      setup_future_usage: null,
      shipping: null,
      status: pm ? 'requires_confirmation' : 'requires_payment_method',
      transfer_data: null,
      excluded_payment_method_types: null,
      managed_payments: null,
    });
    state.paymentIntents.set(id, intent);
    return intent;
  }

  async function createPaymentIntent(form: Form, key: string | null): Promise<[number, Obj]> {
    const amount = formInteger(form, 'amount', true) as number;
    const currency = formString(form.currency);
    if (!currency)
      throw invalid('Missing required param: currency.', { code: 'parameter_missing', param: 'currency' });
    if (amount < 50)
      throw invalid('Amount must be at least $0.50 usd', { code: 'amount_too_small', param: 'amount' });
    const customer = formString(form.customer) ?? null;
    if (customer && !state.customers.has(customer)) throw missing('customer', customer, 'customer');
    const confirm = form.confirm === 'true';
    const offSession = form.off_session === 'true';
    if (offSession && !confirm)
      throw invalid('off_session can only be used when confirm=true.', { param: 'off_session' });
    const pmId = formString(form.payment_method);
    if (confirm && !pmId)
      throw invalid('You cannot confirm this PaymentIntent because it’s missing a payment method.', {
        code: 'payment_intent_unexpected_state',
      });
    const pm = pmId ? resolveMethod(pmId, 'payment_method') : null;
    const types = formStrings(form.allowed_payment_method_types ?? form.payment_method_types);
    if (pm && types.length > 0 && !types.includes(pm.type))
      throw invalid(
        `The PaymentMethod provided (${pm.type}) is not allowed for this PaymentIntent. Allowed: ${types.join(', ')}.`,
        { code: 'payment_intent_incompatible_payment_method', param: 'payment_method' },
      );
    if (pm?.customer && customer && pm.customer !== customer)
      throw invalid('The provided PaymentMethod belongs to another Customer.', { param: 'payment_method' });

    const intent = newIntent(form, pm, customer);
    const expandPaths = formStrings(form.expand);
    const answer = (): [number, Obj] => [200, expand(intent, expandPaths)];
    if (!confirm || !pm) return answer();
    const method = behaviour.get(pm.id) as TestMethod;

    if (method.kind === 'us_bank_account') {
      chargeFrom(intent, pm, method);
      intent.status = 'processing';
      await emit('payment_intent.processing', intent, key);
      return answer();
    }
    let outcome = method.outcome;
    if (outcome.type === 'authenticate') {
      if (offSession) {
        outcome = {
          type: 'decline',
          code: 'authentication_required',
          declineCode: 'authentication_required',
          message: 'Your card was declined. This transaction requires authentication.',
        };
      } else {
        const returnUrl = formString(form.return_url);
        intent.status = 'requires_action';
        intent.next_action = returnUrl
          ? {
              type: 'redirect_to_url',
              redirect_to_url: { return_url: returnUrl, url: `${baseUrl}/fake/3ds/${intent.id}` },
            }
          : {
              type: 'use_stripe_sdk',
              use_stripe_sdk: { type: 'three_d_secure_redirect', source: newId('src') },
            };
        await emit('payment_intent.requires_action', intent, key);
        return answer();
      }
    }
    const charge = chargeFrom(intent, pm, method);
    if (outcome.type === 'succeed') {
      succeedCharge(intent, charge, method);
      await emit('charge.succeeded', charge, key);
      await emit('payment_intent.succeeded', intent, key);
      return answer();
    }
    const { code, declineCode, message } = outcome as Extract<typeof outcome, { type: 'decline' }>;
    const error = failCharge(intent, charge, pm, {
      type: 'card_error',
      code,
      declineCode,
      message,
      networkCode: null,
    });
    await emit('charge.failed', charge, key);
    await emit('payment_intent.payment_failed', intent, key);
    // Stripe answers a declined confirm with 402 and the intent it declined, inside the error.
    throw new StripeFakeError(
      402,
      { ...error, param: '', payment_intent: expand(intent, expandPaths) },
      false,
    );
  }

  function refundFrom(charge: Obj, amount: number, form: Form, status: string): Obj {
    const refund = clone(fixtures.refund);
    Object.assign(refund, {
      id: newId('re'),
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: formMap(form.metadata),
      payment_intent: charge.payment_intent,
      reason: formString(form.reason) ?? null,
      status,
      customer: charge.customer,
      payment_method: charge.payment_method,
      destination_details:
        charge.payment_method_details.type === 'card'
          ? { card: { type: 'refund' }, type: 'card' }
          : { type: 'us_bank_account', us_bank_account: {} },
    });
    state.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    charge.refunds.data.unshift(refund);
    return refund;
  }

  function refundSucceeded(refund: Obj, charge: Obj) {
    const txn = balanceTransaction({
      amount: -refund.amount,
      fee: 0,
      currency: refund.currency,
      source: refund.id,
      type: 'refund',
      reportingCategory: 'refund',
      description: 'REFUND FOR CHARGE',
    });
    refund.status = 'succeeded';
    refund.balance_transaction = txn.id;
    const listed = charge.refunds.data.find((r: Obj) => r.id === refund.id);
    if (listed) Object.assign(listed, clone(refund));
  }

  async function createRefund(form: Form, key: string | null): Promise<[number, Obj]> {
    const piId = formString(form.payment_intent);
    const chId = formString(form.charge);
    let charge: Obj | undefined;
    if (piId) {
      const intent = state.paymentIntents.get(piId);
      if (!intent) throw missing('payment_intent', piId, 'payment_intent');
      if (intent.status !== 'succeeded' || !intent.latest_charge)
        throw invalid(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, {
          code: 'charge_not_refundable',
          param: 'payment_intent',
        });
      charge = state.charges.get(intent.latest_charge);
    } else if (chId) {
      charge = state.charges.get(chId);
      if (!charge) throw missing('charge', chId, 'charge');
    } else {
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        {
          code: 'parameter_missing',
        },
      );
    }
    const target = charge as Obj;
    const remaining = target.amount - target.amount_refunded;
    if (remaining <= 0)
      throw invalid(`Charge ${target.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = formInteger(form, 'amount', false) ?? remaining;
    if (amount < 1 || amount > remaining)
      throw invalid(
        `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(remaining / 100).toFixed(2)})`,
        { code: 'amount_too_large', param: 'amount' },
      );
    const isCard = target.payment_method_details.type === 'card';
    const refund = refundFrom(target, amount, form, 'pending');
    if (isCard) refundSucceeded(refund, target);
    await emit('refund.created', refund, key);
    if (isCard) await emit('charge.refunded', target, key);
    return [200, expand(refund, formStrings(form.expand))];
  }

  const CHECKOUT_METHOD_TYPES = ['card', 'us_bank_account'];

  /** A Checkout Session in setup mode, in the shape of Stripe's `checkout.session` object. */
  function createCheckoutSession(form: Form): [number, Obj] {
    const mode = formString(form.mode);
    if (!mode) throw invalid('Missing required param: mode.', { code: 'parameter_missing', param: 'mode' });
    if (!['payment', 'setup', 'subscription'].includes(mode))
      throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, {
        code: 'parameter_invalid_string',
        param: 'mode',
      });
    // The fake does what Saldo uses: a hosted page that sets a method up.
    if (mode !== 'setup') throw invalid(`The fake supports mode=setup only, not ${mode}.`, { param: 'mode' });
    const uiMode = formString(form.ui_mode) ?? 'hosted_page';
    if (uiMode !== 'hosted_page')
      throw invalid(`The fake supports ui_mode=hosted_page only, not ${uiMode}.`, { param: 'ui_mode' });
    const types = formStrings(form.allowed_payment_method_types ?? form.payment_method_types);
    types.forEach((type, i) => {
      if (!CHECKOUT_METHOD_TYPES.includes(type))
        throw invalid(
          `Invalid allowed_payment_method_types[${i}]: must be one of ${CHECKOUT_METHOD_TYPES.join(', ')}`,
          { code: 'parameter_invalid_string', param: `allowed_payment_method_types[${i}]` },
        );
    });
    const currency = formString(form.currency)?.toLowerCase() ?? null;
    if (!currency && types.length === 0)
      throw invalid(
        'Missing required param: currency. It is required in setup mode when allowed_payment_method_types is not set.',
        {
          code: 'parameter_missing',
          param: 'currency',
        },
      );
    if (types.includes('us_bank_account') && currency !== null && currency !== 'usd')
      throw invalid(`The payment method type us_bank_account does not support the currency ${currency}.`, {
        param: 'currency',
      });
    const customer = formString(form.customer) ?? null;
    if (customer && !state.customers.has(customer)) throw missing('customer', customer, 'customer');
    const successUrl = formString(form.success_url) ?? null;
    const cancelUrl = formString(form.cancel_url) ?? null;
    for (const [param, value] of [
      ['success_url', successUrl],
      ['cancel_url', cancelUrl],
    ] as const) {
      if (value !== null && !/^https?:\/\/[^\s]+$/.test(value))
        throw invalid('Not a valid URL', { code: 'url_invalid', param });
    }
    const setupData = form.setup_intent_data;
    const id = newId('cs_test');
    const created = now();
    const session: Obj = {
      id,
      object: 'checkout.session',
      adaptive_pricing: null,
      after_expiration: null,
      allow_promotion_codes: null,
      allowed_payment_method_types: types.length > 0 ? types : null,
      amount_subtotal: null,
      amount_total: null,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: cancelUrl,
      client_reference_id: formString(form.client_reference_id) ?? null,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created,
      currency,
      currency_conversion: null,
      custom_fields: [],
      custom_text: {
        after_submit: null,
        shipping_address: null,
        submit: null,
        terms_of_service_acceptance: null,
      },
      customer,
      customer_account: null,
      customer_creation: null,
      customer_details: null,
      customer_email: formString(form.customer_email) ?? null,
      discounts: null,
      expires_at: formInteger(form, 'expires_at', false) ?? created + 24 * 3600,
      integration_identifier: null,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: formString(form.locale) ?? null,
      managed_payments: null,
      metadata: formMap(form.metadata),
      mode,
      origin_context: null,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: 'always',
      payment_method_configuration_details: null,
      payment_method_options: {},
      payment_method_types: types.length > 0 ? types : ['card'],
      payment_status: 'no_payment_required',
      permissions: null,
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: 'open',
      submit_type: null,
      subscription: null,
      success_url: successUrl,
      total_details: null,
      ui_mode: uiMode,
      url: `${baseUrl}/c/pay/${id}`,
      wallet_options: null,
    };
    // Not a field of the session: what its SetupIntent will carry.
    setupMetadata.set(
      id,
      setupData && typeof setupData === 'object' && !Array.isArray(setupData)
        ? formMap((setupData as Form).metadata)
        : {},
    );
    state.checkoutSessions.set(id, session);
    return [200, expand(session, formStrings(form.expand))];
  }

  /**
   * The hosted page submitted with a test method: a SetupIntent that succeeded with the new method
   * (attached to the session's customer, if it has one), the session complete, and its events.
   */
  async function completeSession(session: Obj, testToken: string): Promise<string> {
    if (session.status !== 'open' || session.expires_at <= now())
      throw invalid('This Checkout Session is no longer active.', { code: 'checkout_session_inactive' });
    const test = testMethods[testToken];
    if (!test || !session.payment_method_types.includes(test.kind))
      throw invalid(`${testToken} is not a test method this session accepts.`, { param: 'payment_method' });
    const pm = paymentMethodFrom(testToken, test, session.customer);
    const setup = clone(fixtures.setup_intent);
    const setupId = newId('seti');
    Object.assign(setup, {
      id: setupId,
      allowed_payment_method_types: session.allowed_payment_method_types,
      automatic_payment_methods: null,
      client_secret: `${setupId}_secret_${randomBytes(12).toString('hex')}`,
      created: now(),
      customer: session.customer,
      last_setup_error: null,
      latest_attempt: null,
      metadata: setupMetadata.get(session.id) ?? {},
      next_action: null,
      payment_method: pm.id,
      payment_method_configuration_details: null,
      payment_method_types: session.payment_method_types,
      status: 'succeeded',
      usage: 'off_session',
    });
    state.setupIntents.set(setupId, setup);
    Object.assign(session, { status: 'complete', setup_intent: setupId });
    if (session.customer) await emit('payment_method.attached', pm);
    await emit('setup_intent.succeeded', setup);
    await emit('checkout.session.completed', session);
    return session.success_url
      ? String(session.success_url).replaceAll('{CHECKOUT_SESSION_ID}', session.id)
      : `${baseUrl}/c/pay/${session.id}`;
  }

  function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  /** Checkout's page, as plain as a fake can be: the test methods this session accepts, and a way back. */
  function hostedPage(session: Obj, error: string | null = null): string {
    const es = session.locale === 'es';
    const methods = Object.entries(testMethods).filter(([, m]) =>
      session.payment_method_types.includes(m.kind),
    );
    const options = methods
      .map(
        ([token, m], i) =>
          `<label><input type="radio" name="method" value="${token}"${i === 0 ? ' checked' : ''}> ${escapeHtml(
            token,
          )} (${m.kind === 'card' ? `${m.brand} ${m.last4}` : `${m.bankName} ${m.last4}`})</label><br>`,
      )
      .join('\n');
    const done = session.status !== 'open';
    return `<!doctype html><html lang="${es ? 'es' : 'en'}"><head><meta charset="utf-8"><title>Stripe Checkout (fake)</title></head><body>
<main><h1>${es ? 'Guardar un método de pago' : 'Save a payment method'}</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
${
  done
    ? `<p>${es ? 'Esta sesión ya terminó.' : 'This session is over.'}</p>`
    : `<form method="post"><fieldset><legend>${es ? 'Método de prueba' : 'Test method'}</legend>
${options}</fieldset><button type="submit">${es ? 'Guardar' : 'Save'}</button></form>`
}
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">${es ? 'Volver' : 'Back'}</a></p>` : ''}
</main></body></html>`;
  }

  async function handleHosted(req: IncomingMessage, res: ServerResponse, path: string, raw: string) {
    const id = decodeURIComponent(path.slice('/c/pay/'.length));
    const session = state.checkoutSessions.get(id);
    const html = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (!session) return html(404, '<!doctype html><title>Not found</title><p>No such Checkout Session.</p>');
    if (req.method === 'GET') return html(200, hostedPage(session));
    if (req.method !== 'POST') return html(405, '<!doctype html><title>Method not allowed</title>');
    const token = formString(parseForm(raw).method) ?? '';
    try {
      const next = await completeSession(session, token);
      return html(303, '', { location: next });
    } catch (error) {
      if (!(error instanceof StripeFakeError)) throw error;
      return html(session.status === 'open' ? 422 : 410, hostedPage(session, error.message));
    }
  }

  /** The account's balance: what its balance transactions add up to, available at once (as in test mode). */
  function balance(): Obj {
    const byCurrency = new Map<string, { amount: number; card: number; bank: number }>();
    for (const txn of state.balanceTransactions.values()) {
      const entry = byCurrency.get(txn.currency) ?? { amount: 0, card: 0, bank: 0 };
      entry.amount += txn.net;
      byCurrency.set(txn.currency, entry);
    }
    if (byCurrency.size === 0) byCurrency.set('usd', { amount: 0, card: 0, bank: 0 });
    const funds = (pending: boolean) =>
      [...byCurrency].map(([currency, e]) => ({
        amount: pending ? 0 : e.amount,
        currency,
        source_types: { card: pending ? 0 : e.amount },
      }));
    return {
      object: 'balance',
      available: funds(false),
      connect_reserved: funds(true),
      livemode: false,
      pending: funds(true),
      refund_and_dispute_prefunding: { available: funds(true), pending: funds(true) },
    };
  }

  function list(items: Obj[], query: Form, url: string): Obj {
    const limit = Math.min(formInteger(query, 'limit', false) ?? 10, 100);
    const after = formString(query.starting_after);
    let start = 0;
    if (after) {
      const index = items.findIndex((item) => item.id === after);
      start = index < 0 ? items.length : index + 1;
    }
    const page = items.slice(start, start + limit);
    return { object: 'list', data: page, has_more: start + limit < items.length, url };
  }

  function inRange(value: number, range: FormValue | undefined): boolean {
    if (range === undefined) return true;
    if (typeof range === 'string') return value === Number(range);
    const r = range as Record<string, FormValue>;
    const bound = (k: string) => (typeof r[k] === 'string' ? Number(r[k]) : undefined);
    const gte = bound('gte');
    const gt = bound('gt');
    const lte = bound('lte');
    const lt = bound('lt');
    return (
      (gte === undefined || value >= gte) &&
      (gt === undefined || value > gt) &&
      (lte === undefined || value <= lte) &&
      (lt === undefined || value < lt)
    );
  }

  /** Newest first, as Stripe lists. */
  function newest(map: Map<string, Obj>): Obj[] {
    return [...map.values()].reverse();
  }

  async function route(method: string, path: string, form: Form, key: string | null): Promise<[number, Obj]> {
    const segments = path.split('/').filter(Boolean);
    if (segments[0] !== 'v1') throw invalid(`Unrecognized request URL (${method}: ${path}).`, {}, 404);
    const [, resource, id, action] = segments;
    const expandPaths = formStrings(form.expand);
    const get = (map: Map<string, Obj>, kind: string, objectId: string) => {
      const found = map.get(objectId);
      if (!found) throw missing(kind, objectId);
      return found;
    };
    if (method === 'POST' && resource === 'customers' && !id) {
      const customer = clone(fixtures.customer);
      Object.assign(customer, {
        id: newId('cus'),
        created: now(),
        name: formString(form.name) ?? null,
        email: formString(form.email) ?? null,
        description: formString(form.description) ?? null,
        metadata: formMap(form.metadata),
        discount: null,
        currency: null,
        invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
      });
      state.customers.set(customer.id, customer);
      await emit('customer.created', customer, key);
      return [200, expand(customer, expandPaths)];
    }
    if (resource === 'payment_intents') {
      if (method === 'POST' && !id) return createPaymentIntent(form, key);
      if (method === 'GET' && id === 'search') {
        const query = formString(form.query);
        if (!query)
          throw invalid('Missing required param: query.', { code: 'parameter_missing', param: 'query' });
        const clauses = parseSearch(query);
        const hits = newest(state.paymentIntents).filter((pi) =>
          clauses.every((c) => {
            if (c.field === 'metadata' && c.key !== null) return pi.metadata?.[c.key] === c.value;
            if (c.field === 'status' || c.field === 'currency' || c.field === 'customer')
              return pi[c.field] === c.value;
            throw invalid(`Field '${c.field}' is an unsupported search field for payment_intents.`, {
              param: 'query',
            });
          }),
        );
        const limit = Math.min(formInteger(form, 'limit', false) ?? 10, 100);
        const result = {
          object: 'search_result',
          data: hits.slice(0, limit),
          has_more: hits.length > limit,
          next_page: null,
          url: '/v1/payment_intents/search',
        };
        return [200, expand(result, expandPaths)];
      }
      if (method === 'GET' && id && !action)
        return [200, expand(get(state.paymentIntents, 'payment_intent', id), expandPaths)];
    }
    if (resource === 'charges' && method === 'GET' && id && !action)
      return [200, expand(get(state.charges, 'charge', id), expandPaths)];
    if (resource === 'refunds' && method === 'POST' && !id) return createRefund(form, key);
    if (resource === 'payment_methods' && id) {
      if (method === 'GET' && !action) {
        const pm = state.paymentMethods.get(id) ?? (testMethods[id] ? resolveMethod(id, 'id') : undefined);
        if (!pm) throw missing('PaymentMethod', id);
        return [200, expand(pm, expandPaths)];
      }
      if (method === 'POST' && action === 'attach') {
        const customer = formString(form.customer);
        if (!customer)
          throw invalid('Missing required param: customer.', {
            code: 'parameter_missing',
            param: 'customer',
          });
        if (!state.customers.has(customer)) throw missing('customer', customer, 'customer');
        const pm = resolveMethod(id, 'payment_method');
        if (pm.customer && pm.customer !== customer)
          throw invalid('The payment method you provided has already been attached to a customer.', {
            code: 'payment_method_unexpected_state',
          });
        pm.customer = customer;
        await emit('payment_method.attached', pm, key);
        return [200, expand(pm, expandPaths)];
      }
      if (method === 'POST' && action === 'detach') {
        const pm = get(state.paymentMethods, 'PaymentMethod', id);
        if (!pm.customer)
          throw invalid(
            'The payment method you provided is not attached to a customer so detachment is impossible.',
            { code: 'payment_method_unexpected_state' },
          );
        pm.customer = null;
        await emit('payment_method.detached', pm, key);
        return [200, expand(pm, expandPaths)];
      }
    }
    if (resource === 'setup_intents') {
      if (method === 'POST' && !id) {
        const customer = formString(form.customer) ?? null;
        if (customer && !state.customers.has(customer)) throw missing('customer', customer, 'customer');
        const types = formStrings(form.allowed_payment_method_types ?? form.payment_method_types);
        const setup = clone(fixtures.setup_intent);
        const setupId = newId('seti');
        Object.assign(setup, {
          id: setupId,
          allowed_payment_method_types: types.length > 0 ? types : null,
          automatic_payment_methods: null,
          client_secret: `${setupId}_secret_${randomBytes(12).toString('hex')}`,
          created: now(),
          customer,
          last_setup_error: null,
          metadata: formMap(form.metadata),
          next_action: null,
          payment_method_configuration_details: null,
          payment_method_types: types.length > 0 ? types : ['card'],
          usage: formString(form.usage) ?? 'off_session',
        });
        state.setupIntents.set(setupId, setup);
        await emit('setup_intent.created', setup, key);
        return [200, expand(setup, expandPaths)];
      }
      if (method === 'GET' && id && !action)
        return [200, expand(get(state.setupIntents, 'setup_intent', id), expandPaths)];
    }
    if (resource === 'checkout' && id === 'sessions') {
      if (method === 'POST' && !action) return createCheckoutSession(form);
      if (method === 'GET' && action && !segments[4])
        return [200, expand(get(state.checkoutSessions, 'checkout.session', action), expandPaths)];
    }
    if (resource === 'balance' && method === 'GET' && !id) return [200, balance()];
    if (resource === 'payouts' && method === 'GET' && !id) {
      const items = newest(state.payouts).filter((p) => inRange(p.arrival_date, form.arrival_date));
      return [200, expand(list(items, form, '/v1/payouts'), expandPaths)];
    }
    if (resource === 'balance_transactions' && method === 'GET' && !id) {
      const payout = formString(form.payout);
      const items = newest(state.balanceTransactions).filter((t) => !payout || payoutOf.get(t.id) === payout);
      return [200, expand(list(items, form, '/v1/balance_transactions'), expandPaths)];
    }
    throw invalid(`Unrecognized request URL (${method}: ${path}).`, {}, 404);
  }

  function authorized(header: string | undefined): string | null {
    const match = /^Bearer (\S+)$/.exec(header ?? '');
    if (!match) return null;
    const key = match[1] as string;
    if (options.secretKey) return key === options.secretKey ? key : null;
    return /^sk_test_[A-Za-z0-9]+$/.test(key) ? key : null;
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': newId('req'),
      'stripe-version': Stripe.API_VERSION,
      ...headers,
    });
    res.end(body);
  }

  function errorBody(error: StripeFakeError): string {
    return JSON.stringify({ error: error.body }, null, 2);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Checkout's hosted page is the payer's browser talking: no API key, no API faults.
    if (req.url?.startsWith('/c/pay/'))
      return handleHosted(
        req,
        res,
        new URL(req.url, 'http://127.0.0.1').pathname,
        Buffer.concat(chunks).toString('utf8'),
      );
    const delay = faults.delay.shift();
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    const fail = faults.fail.shift();
    if (fail) {
      const body =
        fail.status === 429
          ? {
              type: 'invalid_request_error',
              code: 'rate_limit',
              message:
                'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
            }
          : { type: 'api_error', message: 'An unknown error occurred' };
      send(res, fail.status, JSON.stringify({ error: body }));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const apiKey = authorized(req.headers.authorization);
    if (!apiKey) {
      send(
        res,
        401,
        JSON.stringify({
          error: {
            type: 'invalid_request_error',
            message: req.headers.authorization
              ? 'Invalid API Key provided: sk_test_********'
              : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
          },
        }),
      );
      return;
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const form = method === 'GET' || method === 'DELETE' ? parseForm(url.search.slice(1)) : parseForm(raw);
    const key = method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;
    const drop = faults.drop > 0;
    if (drop) faults.drop--;
    const finish = (status: number, body: string, headers: Record<string, string> = {}) => {
      if (drop) {
        req.socket.destroy();
        return;
      }
      send(res, status, body, headers);
    };

    const entry = { method, path: url.pathname, idempotencyKey: key, replayed: false };
    state.requests.push(entry);
    const slot = key ? `${apiKey}\u0000${key}` : null;
    const fingerprint = `${method} ${url.pathname} ${canonical(form)}`;
    if (slot) {
      const saved = idempotent.get(slot);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          finish(
            400,
            errorBody(
              invalid(
                `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
                { type: 'idempotency_error' },
              ),
            ),
          );
          return;
        }
        if (saved.running) {
          finish(
            409,
            errorBody(
              new StripeFakeError(409, {
                type: 'idempotency_error',
                code: 'idempotency_key_in_use',
                message: `There is currently another in-progress request using this Stripe-Idempotency-Key (${key}).`,
              }),
            ),
          );
          return;
        }
        entry.replayed = true;
        finish(saved.status, saved.body, { 'idempotent-replayed': 'true', 'idempotency-key': key as string });
        return;
      }
      idempotent.set(slot, { fingerprint, status: 0, body: '', running: true });
    }
    let status: number;
    let body: string;
    try {
      const [s, object] = await route(method, url.pathname, form, key);
      status = s;
      body = JSON.stringify(object, null, 2);
    } catch (error) {
      if (!(error instanceof StripeFakeError)) {
        if (slot) idempotent.delete(slot);
        send(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
        return;
      }
      if (slot && error.beforeExecution) idempotent.delete(slot);
      status = error.status;
      body = errorBody(error);
    }
    if (slot && idempotent.has(slot)) idempotent.set(slot, { fingerprint, status, body, running: false });
    finish(status, body, key ? { 'idempotency-key': key } : {});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      send(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const intentAndCharge = (paymentIntentId: string) => {
    const intent = state.paymentIntents.get(paymentIntentId);
    if (!intent) throw new Error(`no PaymentIntent ${paymentIntentId}`);
    const charge = intent.latest_charge ? state.charges.get(intent.latest_charge) : undefined;
    return { intent, charge };
  };

  return {
    port,
    url: baseUrl,
    secretKey: options.secretKey ?? 'sk_test_saldofake0001',
    state,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    failNext(n, status = 500) {
      for (let i = 0; i < n; i++) faults.fail.push({ status });
    },
    delayNext(ms) {
      faults.delay.push(ms);
    },
    dropNext(n = 1) {
      faults.drop += n;
    },
    setWebhook(target) {
      webhook = target;
    },
    sendEvent(type, object, target) {
      return deliver(record(type, object), target);
    },
    sign,
    async settleAch(paymentIntentId) {
      const { intent, charge } = intentAndCharge(paymentIntentId);
      if (intent.status !== 'processing' || !charge) throw new Error(`${paymentIntentId} is not processing`);
      const method = behaviour.get(charge.payment_method) as TestMethod;
      if (method.kind !== 'us_bank_account') throw new Error(`${paymentIntentId} is not ACH`);
      const outcome = method.outcome;
      if (outcome.type === 'processing') return intent;
      if (outcome.type === 'succeed') {
        succeedCharge(intent, charge, method);
        await emit('charge.succeeded', charge);
        await emit('payment_intent.succeeded', intent);
        return intent;
      }
      const pm = state.paymentMethods.get(charge.payment_method) as Obj;
      failCharge(intent, charge, pm, {
        type: 'card_error',
        code: outcome.failureCode,
        declineCode: outcome.declineCode,
        message: outcome.message,
        networkCode: outcome.returnCode,
      });
      await emit('charge.failed', charge);
      await emit('payment_intent.payment_failed', intent);
      return intent;
    },
    async completeAction(paymentIntentId, succeed) {
      const { intent } = intentAndCharge(paymentIntentId);
      if (intent.status !== 'requires_action') throw new Error(`${paymentIntentId} needs no action`);
      const pm = state.paymentMethods.get(intent.payment_method) as Obj;
      const method = behaviour.get(pm.id) as TestMethod;
      const charge = chargeFrom(intent, pm, method);
      if (succeed) {
        succeedCharge(intent, charge, method);
        await emit('charge.succeeded', charge);
        await emit('payment_intent.succeeded', intent);
      } else {
        failCharge(intent, charge, pm, {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          declineCode: 'authentication_required',
          message: 'The provided PaymentMethod has failed authentication.',
          networkCode: null,
        });
        await emit('payment_intent.payment_failed', intent);
      }
      return intent;
    },
    async confirmSetupIntent(setupIntentId, testToken) {
      const setup = state.setupIntents.get(setupIntentId);
      if (!setup) throw new Error(`no SetupIntent ${setupIntentId}`);
      const test = testMethods[testToken];
      if (!test) throw new Error(`no test method ${testToken}`);
      const pm = paymentMethodFrom(testToken, test, setup.customer);
      Object.assign(setup, { status: 'succeeded', payment_method: pm.id });
      await emit('setup_intent.succeeded', setup);
      return setup;
    },
    completeCheckout(sessionId, testToken) {
      const session = state.checkoutSessions.get(sessionId);
      if (!session) throw new Error(`no Checkout Session ${sessionId}`);
      return completeSession(session, testToken);
    },
    async settleRefund(refundId, succeed) {
      const refund = state.refunds.get(refundId);
      if (refund?.status !== 'pending') throw new Error(`${refundId} is not pending`);
      const charge = state.charges.get(refund.charge) as Obj;
      if (succeed) {
        refundSucceeded(refund, charge);
        await emit('refund.updated', refund);
        await emit('charge.refunded', charge);
      } else {
        refund.status = 'failed';
        refund.failure_reason = 'declined';
        charge.amount_refunded -= refund.amount;
        charge.refunded = false;
        const listed = charge.refunds.data.find((r: Obj) => r.id === refund.id);
        if (listed) Object.assign(listed, clone(refund));
        await emit('refund.failed', refund);
      }
      return refund;
    },
    async openDispute(paymentIntentId, reason = 'fraudulent') {
      const { intent, charge } = intentAndCharge(paymentIntentId);
      if (charge?.status !== 'succeeded') throw new Error(`${paymentIntentId} has no charge to dispute`);
      const dispute = clone(fixtures.dispute);
      const id = newId('dp');
      const txn = balanceTransaction({
        amount: -charge.amount,
        fee: 1500,
        currency: charge.currency,
        source: id,
        type: 'adjustment',
        reportingCategory: 'dispute',
        description: `Chargeback withdrawal for ${charge.id}`,
      });
      Object.assign(dispute, {
        id,
        amount: charge.amount,
        balance_transactions: [clone(txn)],
        charge: charge.id,
        created: now(),
        currency: charge.currency,
        payment_intent: intent.id,
        reason,
        status: 'needs_response',
        metadata: {},
      });
      if (charge.payment_method_details.type === 'us_bank_account')
        dispute.payment_method_details = { type: 'us_bank_account', us_bank_account: {} };
      charge.disputed = true;
      state.disputes.set(id, dispute);
      await emit('charge.dispute.created', dispute);
      return dispute;
    },
    async closeDispute(disputeId, outcome) {
      const dispute = state.disputes.get(disputeId);
      if (!dispute) throw new Error(`no dispute ${disputeId}`);
      dispute.status = outcome;
      if (outcome === 'won') {
        const txn = balanceTransaction({
          amount: dispute.amount,
          fee: 0,
          currency: dispute.currency,
          source: dispute.id,
          type: 'adjustment',
          reportingCategory: 'dispute_reversal',
          description: `Chargeback reversal for ${dispute.charge}`,
        });
        dispute.balance_transactions.push(clone(txn));
      }
      await emit('charge.dispute.closed', dispute);
      return dispute;
    },
    addFee(amount, description = 'Stripe fee') {
      return balanceTransaction({
        amount: -amount,
        fee: 0,
        currency: 'usd',
        source: null,
        type: 'stripe_fee',
        reportingCategory: 'fee',
        description,
      });
    },
    async createPayout({ arrivalDate, status = 'paid', fee = 0 }) {
      const unpaid = [...state.balanceTransactions.values()].filter(
        (t) => !payoutOf.has(t.id) && t.type !== 'payout',
      );
      const total = unpaid.reduce((sum, t) => sum + t.net, 0);
      const payout = clone(fixtures.payout);
      const id = newId('po');
      const amount = total - fee;
      const txn = balanceTransaction({
        amount: -amount,
        fee,
        currency: 'usd',
        source: id,
        type: 'payout',
        reportingCategory: 'payout',
        description: 'STRIPE PAYOUT',
      });
      Object.assign(payout, {
        id,
        amount,
        arrival_date: Math.floor(Date.parse(`${arrivalDate}T00:00:00Z`) / 1000),
        balance_transaction: txn.id,
        created: now(),
        currency: 'usd',
        status,
        trace_id: { status: 'supported', value: null },
      });
      for (const t of unpaid) payoutOf.set(t.id, id);
      payoutOf.set(txn.id, id);
      state.payouts.set(id, payout);
      await emit(status === 'paid' ? 'payout.paid' : 'payout.created', payout);
      return payout;
    },
  };
}
