import Stripe from 'stripe';
import {
  type ChargeRequest,
  type ChargeResult,
  type EntrySession,
  type EntrySessionRequest,
  GatewayRequestError,
  type MethodKind,
  type PaymentGateway,
  type Payout,
  type ProcessorMethod,
  type RefundRequest,
  type RefundResult,
  type SaveMethodRequest,
  type WebhookInput,
} from '../../domain/payments/payment-gateway.ts';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts.ts';
import { call, isResourceMissing, toGatewayError } from './stripe-errors.ts';
import { SALDO_PAYMENT_ID, verifyStripeWebhook } from './stripe-events.ts';
import { toChargeFailure } from './stripe-failures.ts';
import { type KindedLine, toPayoutLine, toPayouts } from './stripe-payouts.ts';

export interface StripeGatewayConfig {
  /** The seller's secret key (sk_live_… / sk_test_…, or a restricted rk_… key). */
  secretKey: string;
  /**
   * The seller's publishable key. Kept with the secret one for Stripe.js, which Saldo does not load
   * (no third-party script under its CSP): new methods are entered on Stripe Checkout's own page.
   */
  publishableKey: string;
  /** Used when a webhook arrives without its own secret. */
  webhookSecret?: string;
  /** Another API address (the local fake in tests); Stripe's own by default. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  /** Per request; the SDK's default is 80 s. */
  timeoutMs?: number;
  /**
   * Where a payer's browser returns after 3-D Secure (`return_url` on confirm). Without it an
   * on-session charge that needs authentication is reported failed (authentication_required).
   */
  returnUrl?: string;
}

/** The port, plus the method an entry session (a Checkout Session in setup mode) produced. */
export interface StripeGateway extends PaymentGateway {
  /** The payment method of a completed Checkout Session (`cs_…`); null while it is open, expired or unknown. */
  methodFromEntrySession(sessionId: string): Promise<string | null>;
}

/** Stripe's Checkout Session ids: what an entry page hands back as the method's token (see below). */
const CHECKOUT_SESSION = /^cs_(test|live)_[A-Za-z0-9]+$/;

/**
 * Checkout's success URL: the return URL with `method={CHECKOUT_SESSION_ID}` added, the template
 * Stripe fills with the session's id (written by hand: URLSearchParams would escape the braces).
 */
export function withSessionToken(returnUrl: string): string {
  const hash = returnUrl.indexOf('#');
  const base = hash < 0 ? returnUrl : returnUrl.slice(0, hash);
  const fragment = hash < 0 ? '' : returnUrl.slice(hash);
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}method={CHECKOUT_SESSION_ID}${fragment}`;
}

const PAYMENT_METHOD_TYPE: Record<MethodKind, 'card' | 'us_bank_account'> = {
  card: 'card',
  ach: 'us_bank_account',
};

/** Saldo's keys in Stripe's metadata, so the dashboard and every event lead back to Saldo. */
const META = {
  paymentId: SALDO_PAYMENT_ID,
  orgId: 'saldo_org_id',
  idempotencyKey: 'saldo_idempotency_key',
  refundId: 'saldo_refund_id',
  customerId: 'saldo_customer_id',
  reference: 'saldo_reference',
} as const;

const CHARGE_EXPAND = ['latest_charge.balance_transaction'];

/** A value inside a Stripe search query string: quotes and backslashes escaped with a backslash. */
export function searchLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function feeOf(intent: Stripe.PaymentIntent): bigint | null {
  const charge = intent.latest_charge;
  if (!charge || typeof charge === 'string') return null;
  const txn = charge.balance_transaction;
  if (!txn || typeof txn === 'string') return null;
  return fromStripeAmount(txn.fee);
}

/**
 * A PaymentIntent's state as Saldo's charge result.
 *
 * | PaymentIntent status                          | ChargeResult                                      |
 * |-----------------------------------------------|---------------------------------------------------|
 * | succeeded                                     | succeeded (fee from the balance transaction)      |
 * | processing                                    | processing (ACH submitted)                        |
 * | requires_action with redirect_to_url          | requires_action, actionUrl                        |
 * | requires_action without a redirect            | failed, authentication_required                   |
 * | requires_payment_method + last_payment_error  | failed, decline code mapped (stripe-failures.ts)  |
 * | canceled                                      | failed, processorCode `canceled`                  |
 * | requires_confirmation, requires_capture, …    | processing (not final; the webhook tells)         |
 */
export function toChargeResult(intent: Stripe.PaymentIntent): ChargeResult {
  const processorPaymentId = intent.id;
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', processorPaymentId, feeAmount: feeOf(intent) };
    case 'processing':
      return { status: 'processing', processorPaymentId };
    case 'requires_action': {
      const url = intent.next_action?.redirect_to_url?.url;
      if (url) return { status: 'requires_action', processorPaymentId, actionUrl: url };
      return {
        status: 'failed',
        processorPaymentId,
        failure: {
          code: 'authentication_required',
          retryable: false,
          processorCode: intent.next_action?.type ?? 'requires_action',
          processorMessage: 'The payment needs authentication and no return URL is configured.',
        },
      };
    }
    case 'requires_payment_method':
      return { status: 'failed', processorPaymentId, failure: toChargeFailure(intent.last_payment_error) };
    case 'canceled':
      return {
        status: 'failed',
        processorPaymentId,
        failure: {
          code: 'unknown',
          retryable: false,
          processorCode: 'canceled',
          processorMessage: intent.cancellation_reason ?? null,
        },
      };
    default:
      return { status: 'processing', processorPaymentId };
  }
}

function toMethod(method: Stripe.PaymentMethod): ProcessorMethod {
  if (method.type === 'card' && method.card) {
    return {
      token: method.id,
      details: {
        kind: 'card',
        brand: method.card.brand,
        last4: method.card.last4,
        expMonth: method.card.exp_month,
        expYear: method.card.exp_year,
        bankName: null,
        accountType: null,
      },
    };
  }
  if (method.type === 'us_bank_account' && method.us_bank_account) {
    const bank = method.us_bank_account;
    const accountType =
      bank.account_type === 'checking' ? 'checking' : bank.account_type === 'savings' ? 'savings' : null;
    return {
      token: method.id,
      details: {
        kind: 'ach',
        brand: null,
        last4: bank.last4 ?? '',
        expMonth: null,
        expYear: null,
        bankName: bank.bank_name,
        accountType,
      },
    };
  }
  throw new GatewayRequestError('stripe', 'unsupported_method_type', `payment method type ${method.type}`);
}

function methodKindOf(charge: Stripe.Charge): MethodKind | null {
  const type = charge.payment_method_details?.type;
  return type === 'us_bank_account' ? 'ach' : type === 'card' ? 'card' : null;
}

/**
 * The Stripe adapter: PaymentIntents (confirmed server-side) for charges, Checkout Sessions in
 * setup mode for new methods (Stripe's hosted page: the payer's browser goes there and comes back),
 * us_bank_account for ACH, Refunds, Payouts with their balance transactions, and webhooks verified
 * on the raw body.
 *
 * A new method's token, as the port hands it back to Saldo (`?method=`), is the Checkout Session's
 * id: Checkout's success URL can carry only that. Every call that takes a token reads the session's
 * payment method first (`methodFromEntrySession`), so the session id works wherever a `pm_…` does
 * (charge once, save for later, describe); a session not completed is a refusal.
 *
 * One gateway per seller: each holds that seller's keys. The SDK never retries on its own
 * (`maxNetworkRetries: 0`): Saldo retries with the idempotency key it stored before the first call.
 */
export function createStripeGateway(config: StripeGatewayConfig): StripeGateway {
  const stripe = new Stripe(config.secretKey, {
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: 0,
    telemetry: false,
    ...(config.timeoutMs !== undefined ? { timeout: config.timeoutMs } : {}),
    ...(config.api ? { host: config.api.host, port: config.api.port, protocol: config.api.protocol } : {}),
  });

  /**
   * The intent created with this key, by Stripe's search (the key is in its metadata). Stripe's search
   * index trails writes (usually by seconds, at worst about a minute), so a null soon after a
   * timeout is not proof Stripe never received the call: the safe next step is to send `charge`
   * again with the same key, which Stripe replays or performs once (keys live 24 hours).
   */
  async function intentByKey(idempotencyKey: string): Promise<Stripe.PaymentIntent | null> {
    const found = await call(() =>
      stripe.paymentIntents.search({
        query: `metadata[${searchLiteral(META.idempotencyKey)}]:${searchLiteral(idempotencyKey)}`,
        expand: CHARGE_EXPAND.map((path) => `data.${path}`),
        limit: 10,
      }),
    );
    // Oldest first: with the key stored before the first call there is one; if ever more, the first.
    return [...found.data].sort((a, b) => a.created - b.created)[0] ?? null;
  }

  async function methodFromEntrySession(sessionId: string): Promise<string | null> {
    if (!CHECKOUT_SESSION.test(sessionId)) return null;
    try {
      const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['setup_intent'] });
      if (session.mode !== 'setup' || session.status !== 'complete') return null;
      const setup = session.setup_intent;
      if (!setup) return null;
      if (typeof setup === 'string') return idOf((await stripe.setupIntents.retrieve(setup)).payment_method);
      return setup.status === 'succeeded' ? idOf(setup.payment_method) : null;
    } catch (error) {
      if (isResourceMissing(error)) return null;
      throw toGatewayError(error);
    }
  }

  /** The payment method behind a token: itself, or a completed Checkout Session's method. */
  async function methodOf(token: string): Promise<string> {
    if (!CHECKOUT_SESSION.test(token)) return token;
    const method = await methodFromEntrySession(token);
    if (!method)
      throw new GatewayRequestError('stripe', 'entry_session_incomplete', `${token} has no payment method`);
    return method;
  }

  const gateway: StripeGateway = {
    processor: 'stripe',

    async createEntrySession(request: EntrySessionRequest): Promise<EntrySession> {
      const metadata = {
        [META.reference]: request.reference,
        [META.orgId]: request.customer.orgId,
        [META.customerId]: request.customer.customerId,
      };
      const session = await call(() =>
        stripe.checkout.sessions.create({
          mode: 'setup',
          // ACH is in dollars only; a card session needs no currency once its method types are named.
          ...(request.kind === 'ach' ? { currency: 'usd' } : {}),
          ...(request.customer.processorCustomerId ? { customer: request.customer.processorCustomerId } : {}),
          allowed_payment_method_types: [PAYMENT_METHOD_TYPE[request.kind]],
          locale: request.locale,
          client_reference_id: request.reference,
          success_url: withSessionToken(request.returnUrl),
          cancel_url: request.cancelUrl,
          metadata,
          setup_intent_data: { metadata },
        }),
      );
      if (!session.url) throw new GatewayRequestError('stripe', 'no_session_url', session.id);
      return { type: 'redirect', url: session.url, sessionId: session.id };
    },

    methodFromEntrySession,

    async saveMethod(request: SaveMethodRequest) {
      // First: an entry session not completed is refused before a customer is made for nothing.
      const token = await methodOf(request.methodToken);
      let processorCustomerId = request.customer.processorCustomerId;
      if (!processorCustomerId) {
        const { customer } = request;
        const created = await call(() =>
          stripe.customers.create(
            {
              name: customer.name,
              ...(customer.email ? { email: customer.email } : {}),
              metadata: { [META.orgId]: customer.orgId, [META.customerId]: customer.customerId },
            },
            { idempotencyKey: `${request.idempotencyKey}:customer` },
          ),
        );
        processorCustomerId = created.id;
      }
      const customerId = processorCustomerId;
      const attached = await call(() =>
        stripe.paymentMethods.attach(
          token,
          { customer: customerId },
          { idempotencyKey: `${request.idempotencyKey}:attach` },
        ),
      );
      const method = toMethod(attached);
      if (method.details.kind !== request.kind)
        throw new GatewayRequestError(
          'stripe',
          'method_kind_mismatch',
          `${attached.type} is not ${request.kind}`,
        );
      return { processorCustomerId: customerId, method };
    },

    async describeMethod(methodToken: string) {
      const token = await methodOf(methodToken);
      return toMethod(await call(() => stripe.paymentMethods.retrieve(token)));
    },

    async detachMethod(methodToken: string) {
      await call(() => stripe.paymentMethods.detach(methodToken));
    },

    async charge(request: ChargeRequest): Promise<ChargeResult> {
      const amount = toStripeAmount(request.amount);
      const { paymentId, orgId, ...extra } = request.metadata;
      const params: Stripe.PaymentIntentCreateParams = {
        amount,
        currency: request.currency.toLowerCase(),
        ...(request.customer.processorCustomerId ? { customer: request.customer.processorCustomerId } : {}),
        payment_method: await methodOf(request.methodToken),
        allowed_payment_method_types: [PAYMENT_METHOD_TYPE[request.kind]],
        confirm: true,
        ...(request.offSession
          ? { off_session: true }
          : (request.returnUrl ?? config.returnUrl)
            ? { return_url: request.returnUrl ?? config.returnUrl }
            : {}),
        description: request.description,
        metadata: {
          ...extra,
          [META.paymentId]: paymentId,
          [META.orgId]: orgId,
          [META.idempotencyKey]: request.idempotencyKey,
        },
        expand: CHARGE_EXPAND,
      };
      try {
        const intent = await stripe.paymentIntents.create(params, { idempotencyKey: request.idempotencyKey });
        return toChargeResult(intent);
      } catch (error) {
        // A decline is an answer, not an error: Stripe answers 402 with the intent it declined.
        if (error instanceof Stripe.errors.StripeCardError) {
          return {
            status: 'failed',
            processorPaymentId: error.payment_intent?.id ?? null,
            failure: toChargeFailure(error),
          };
        }
        throw toGatewayError(error);
      }
    },

    async retrieveCharge(lookup) {
      if (lookup.processorPaymentId) {
        const id = lookup.processorPaymentId;
        try {
          return toChargeResult(await stripe.paymentIntents.retrieve(id, { expand: CHARGE_EXPAND }));
        } catch (error) {
          if (isResourceMissing(error)) return null;
          throw toGatewayError(error);
        }
      }
      const intent = await intentByKey(lookup.idempotencyKey);
      return intent ? toChargeResult(intent) : null;
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      const amount = toStripeAmount(request.amount);
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: request.processorPaymentId,
            amount,
            ...(request.reason ? { reason: request.reason } : {}),
            metadata: {
              [META.paymentId]: request.metadata.paymentId,
              [META.orgId]: request.metadata.orgId,
              [META.refundId]: request.metadata.refundId,
            },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      if (refund.status === 'succeeded') return { status: 'succeeded', processorRefundId: refund.id };
      if (refund.status === 'failed' || refund.status === 'canceled') {
        return {
          status: 'failed',
          processorRefundId: refund.id,
          failure: {
            code: 'unknown',
            retryable: false,
            processorCode: refund.failure_reason ?? refund.status,
            processorMessage: null,
          },
        };
      }
      return { status: 'pending', processorRefundId: refund.id };
    },

    verifyWebhook(input: WebhookInput) {
      const secret = input.secret || config.webhookSecret || '';
      return verifyStripeWebhook(stripe, { ...input, secret });
    },

    async listPayouts({ since }): Promise<Payout[]> {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new GatewayRequestError('stripe', 'bad_date', since);
      const gte = Math.floor(Date.parse(`${since}T00:00:00Z`) / 1000);
      const kinds = new Map<string, MethodKind | null>();
      async function kindOfCharge(chargeId: string): Promise<MethodKind | null> {
        if (!kinds.has(chargeId)) kinds.set(chargeId, methodKindOf(await stripe.charges.retrieve(chargeId)));
        return kinds.get(chargeId) ?? null;
      }
      /** The Saldo payment id (the PaymentIntent) and method kind behind a balance transaction. */
      async function sourceOf(txn: Stripe.BalanceTransaction): Promise<[string | null, MethodKind | null]> {
        const source = txn.source;
        if (!source || typeof source === 'string') return [null, null];
        if (source.object === 'charge') {
          const kind = methodKindOf(source);
          kinds.set(source.id, kind);
          return [idOf(source.payment_intent), kind];
        }
        if (source.object === 'refund' || source.object === 'dispute') {
          const chargeId = idOf(source.charge);
          return [idOf(source.payment_intent) ?? chargeId, chargeId ? await kindOfCharge(chargeId) : null];
        }
        return [null, null];
      }
      try {
        const result: Payout[] = [];
        for await (const payout of stripe.payouts.list({ arrival_date: { gte }, limit: 100 })) {
          const lines: KindedLine[] = [];
          for await (const txn of stripe.balanceTransactions.list({
            payout: payout.id,
            expand: ['data.source'],
            limit: 100,
          })) {
            const [paymentId, kind] = await sourceOf(txn);
            const line = toPayoutLine(txn, paymentId, kind);
            if (line) lines.push(line);
          }
          result.push(...toPayouts(payout, lines));
        }
        return result;
      } catch (error) {
        throw toGatewayError(error);
      }
    },
  };
  return gateway;
}
