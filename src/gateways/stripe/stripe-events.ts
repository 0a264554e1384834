import type Stripe from 'stripe';
import {
  type GatewayEvent,
  type WebhookInput,
  WebhookRejectedError,
} from '../../domain/payments/payment-gateway.ts';
import { fromStripeAmount } from './stripe-amounts.ts';
import { achReturnCode, toChargeFailure } from './stripe-failures.ts';

/** The metadata key `charge` and `refund` put Saldo's payment id under. */
export const SALDO_PAYMENT_ID = 'saldo_payment_id';

/** Stripe's signature header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`). */
export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';
/** Seconds a signature's timestamp may be from the receiver's clock (Stripe's own default). */
export const STRIPE_TOLERANCE_SECONDS = 300;

function headerValue(headers: WebhookInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** The SDK's verification failures, by its messages, in the port's reasons. */
function rejection(error: unknown): WebhookRejectedError {
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('No stripe-signature header')) return new WebhookRejectedError('missing_signature');
  if (message.startsWith('No signatures found matching')) return new WebhookRejectedError('bad_signature');
  if (message.startsWith('Timestamp outside the tolerance zone'))
    return new WebhookRejectedError('stale_timestamp');
  return new WebhookRejectedError('malformed');
}

/**
 * Verifies a Stripe webhook on its raw bytes with the SDK (`constructEvent`, tolerance 300 s) and maps
 * it. The SDK accepts a timestamp from the future; Saldo does not (more than the tolerance ahead is
 * stale too), so a captured delivery cannot be replayed by forging nothing but patience.
 */
export function verifyStripeWebhook(stripe: Stripe, input: WebhookInput): GatewayEvent {
  const header = headerValue(input.headers, STRIPE_SIGNATURE_HEADER);
  if (!header) throw new WebhookRejectedError('missing_signature');
  if (!input.secret) throw new WebhookRejectedError('bad_signature');
  const now = (input.now ?? new Date()).getTime();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(
      input.rawBody,
      header,
      input.secret,
      STRIPE_TOLERANCE_SECONDS,
      undefined,
      now,
    );
  } catch (error) {
    throw rejection(error);
  }
  const t = /(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(header);
  if (t && Number(t[1]) - Math.floor(now / 1000) > STRIPE_TOLERANCE_SECONDS)
    throw new WebhookRejectedError('stale_timestamp');
  return toGatewayEvent(event);
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function id(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  return null;
}

function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new WebhookRejectedError('malformed');
  return value;
}

function amountOf(object: Fields): bigint {
  try {
    return fromStripeAmount(object.amount);
  } catch {
    throw new WebhookRejectedError('malformed');
  }
}

function isAch(intent: Fields): boolean {
  const types = intent.payment_method_types;
  return Array.isArray(types) && types.includes('us_bank_account') && !types.includes('card');
}

/** Saldo's payment id, as `charge` and `refund` wrote it into the object's metadata. */
function saldoPaymentId(object: Fields): string | null {
  const metadata = object.metadata;
  if (!isObject(metadata)) return null;
  const value = metadata[SALDO_PAYMENT_ID];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function unixDate(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds))
    throw new WebhookRejectedError('malformed');
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * Stripe's events in Saldo's terms.
 *
 * | Stripe event                                   | GatewayEvent                                      |
 * |------------------------------------------------|---------------------------------------------------|
 * | payment_intent.succeeded, card                 | charge.succeeded (feeAmount null: the event's     |
 * |                                                |   charge is not expanded; `charge` returned it)   |
 * | payment_intent.succeeded, us_bank_account      | charge.settled (ACH success arrives after         |
 * |                                                |   `processing`, once the debit cleared)           |
 * | payment_intent.payment_failed, card            | charge.failed (decline code → FailureCode)        |
 * | payment_intent.payment_failed, us_bank_account | charge.returned: an ACH debit never fails at      |
 * |                                                |   confirm (it goes `processing`), so a failure is |
 * |                                                |   the bank sending it back; returnCode is         |
 * |                                                |   Stripe's raw `network_decline_code` (R01…), else |
 * |                                                |   derived from its code (insufficient_funds → R01,|
 * |                                                |   account_closed → R02, no_account → R03,         |
 * |                                                |   debit_not_authorized → R10, …)                  |
 * | charge.refunded                                | refund.succeeded for the charge's newest refund   |
 * |                                                |   when it succeeded, else ignored                 |
 * | refund.created, refund.updated, refund.failed, | refund.succeeded / refund.failed by the refund's  |
 * |   charge.refund.updated                        |   status (pending: ignored). A card refund is     |
 * |                                                |   final at creation and never updated, and recent |
 * |                                                |   API versions leave `refunds` off the charge, so |
 * |                                                |   refund.created is the event that tells it.      |
 * | charge.dispute.created                         | dispute.opened                                    |
 * | charge.dispute.closed                          | dispute.closed, outcome won (won, warning_closed) |
 * |                                                |   or lost                                         |
 * | payout.paid                                    | payout.paid                                       |
 * | anything else                                  | ignored                                           |
 *
 * `paymentId` is the object's `metadata.saldo_payment_id` (PaymentIntents and Refunds carry it;
 * disputes and payouts do not: null, matched by processorPaymentId).
 *
 * A return after the PaymentIntent succeeded (late unauthorised-debit claims, R10 within 60 days)
 * reaches Stripe as a dispute on the charge: it arrives as charge.dispute.created, which the domain
 * treats as any dispute. The same refund may be told twice (charge.refunded and refund.updated);
 * the domain applies refund events idempotently by processorRefundId.
 */
export function toGatewayEvent(event: Stripe.Event): GatewayEvent {
  const raw = event as unknown as Fields;
  if (typeof raw.id !== 'string' || typeof raw.type !== 'string' || !isObject(raw.data))
    throw new WebhookRejectedError('malformed');
  if (typeof raw.created !== 'number' || !Number.isSafeInteger(raw.created))
    throw new WebhookRejectedError('malformed');
  const object = raw.data.object;
  if (!isObject(object)) throw new WebhookRejectedError('malformed');
  const base = { id: raw.id, occurredAt: new Date(raw.created * 1000), paymentId: saldoPaymentId(object) };
  const type = raw.type;
  switch (type) {
    case 'payment_intent.succeeded': {
      const processorPaymentId = required(id(object.id));
      if (isAch(object)) return { ...base, type: 'charge.settled', processorPaymentId };
      return { ...base, type: 'charge.succeeded', processorPaymentId, feeAmount: null };
    }
    case 'payment_intent.payment_failed': {
      const processorPaymentId = required(id(object.id));
      const error = isObject(object.last_payment_error) ? object.last_payment_error : null;
      if (isAch(object))
        return {
          ...base,
          type: 'charge.returned',
          processorPaymentId,
          returnCode: achReturnCode(error),
          amount: amountOf(object),
        };
      return { ...base, type: 'charge.failed', processorPaymentId, failure: toChargeFailure(error) };
    }
    case 'charge.refunded': {
      const refunds =
        isObject(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data : [];
      const newest = refunds
        .filter(isObject)
        .sort((a, b) => Number(b.created ?? 0) - Number(a.created ?? 0))
        .at(0);
      if (newest?.status !== 'succeeded') return { ...base, type: 'ignored', processorType: type };
      return {
        ...base,
        paymentId: saldoPaymentId(newest) ?? base.paymentId,
        type: 'refund.succeeded',
        processorRefundId: required(id(newest.id)),
        processorPaymentId: required(id(object.payment_intent) ?? id(object.id)),
        amount: amountOf(newest),
      };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
    case 'charge.refund.updated': {
      const status = object.status;
      const outcome =
        status === 'succeeded'
          ? 'refund.succeeded'
          : status === 'failed' || status === 'canceled'
            ? 'refund.failed'
            : null;
      if (!outcome) return { ...base, type: 'ignored', processorType: type };
      return {
        ...base,
        type: outcome,
        processorRefundId: required(id(object.id)),
        processorPaymentId: required(id(object.payment_intent) ?? id(object.charge)),
        amount: amountOf(object),
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const closed = type === 'charge.dispute.closed';
      const status = object.status;
      const outcome = !closed
        ? null
        : status === 'won' || status === 'warning_closed'
          ? 'won'
          : status === 'lost'
            ? 'lost'
            : null;
      return {
        ...base,
        type: closed ? 'dispute.closed' : 'dispute.opened',
        processorDisputeId: required(id(object.id)),
        processorPaymentId: required(id(object.payment_intent) ?? id(object.charge)),
        amount: amountOf(object),
        reason: typeof object.reason === 'string' ? object.reason : 'general',
        outcome,
      };
    }
    case 'payout.paid':
      return {
        ...base,
        type: 'payout.paid',
        payoutId: required(id(object.id)),
        amount: amountOf(object),
        currency: String(required(object.currency)).toUpperCase(),
        arrivalDate: unixDate(object.arrival_date),
      };
    default:
      return { ...base, type: 'ignored', processorType: type };
  }
}
