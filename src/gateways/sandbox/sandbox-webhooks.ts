import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChargeFailure,
  failureCodes,
  type GatewayEvent,
  type WebhookInput,
  WebhookRejectedError,
} from '../../domain/payments/payment-gateway.ts';

/**
 * The sandbox's webhooks, signed the way Stripe signs its own: the header
 * `Saldo-Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`,
 * computed when each delivery is made (a retry carries a fresh timestamp). The body is
 * `{ id, type, created, data }` with `created` in unix seconds, so a receiver can order events that
 * arrive out of order; amounts travel as decimal strings of minor units, never JSON numbers.
 */
export const SIGNATURE_HEADER = 'saldo-sandbox-signature';

/** How far a signature's timestamp may be from the receiver's clock. */
export const TOLERANCE_SECONDS = 300;

export function webhookSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, rawBody)}`;
}

/** Where the sandbox delivers a seller's events. */
export function webhookUrl(publicUrl: string, orgId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/webhooks/sandbox/${orgId}`;
}

function headerValue(headers: WebhookInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Checks the signature (constant time), then the timestamp, then parses and maps the event. */
export function verifySandboxWebhook(input: WebhookInput): GatewayEvent {
  const header = headerValue(input.headers, SIGNATURE_HEADER);
  if (!header) throw new WebhookRejectedError('missing_signature');
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) throw new WebhookRejectedError('malformed');
  const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.rawBody), 'hex');
  const matches = signatures.some((s) => {
    if (!/^[0-9a-f]{64}$/i.test(s)) return false;
    const sent = Buffer.from(s, 'hex');
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  });
  if (!matches) throw new WebhookRejectedError('bad_signature');
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) throw new WebhookRejectedError('stale_timestamp');
  let body: unknown;
  try {
    body = JSON.parse(input.rawBody.toString('utf8'));
  } catch {
    throw new WebhookRejectedError('malformed');
  }
  return toGatewayEvent(body);
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(data: Fields, key: string): string {
  const value = data[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > 500)
    throw new WebhookRejectedError('malformed');
  return value;
}

function amount(data: Fields, key: string): bigint {
  const value = text(data, key);
  if (!/^-?\d{1,18}$/.test(value)) throw new WebhookRejectedError('malformed');
  return BigInt(value);
}

function failure(data: Fields): ChargeFailure {
  const f = data.failure;
  if (!isObject(f) || typeof f.retryable !== 'boolean') throw new WebhookRejectedError('malformed');
  const code = text(f, 'code');
  return {
    code: (failureCodes as readonly string[]).includes(code) ? (code as ChargeFailure['code']) : 'unknown',
    retryable: f.retryable,
    processorCode: text(f, 'processorCode'),
    processorMessage: typeof f.processorMessage === 'string' ? f.processorMessage : null,
  };
}

/** The event in Saldo's terms; a type the domain does not use is `ignored`. */
export function toGatewayEvent(body: unknown): GatewayEvent {
  if (!isObject(body) || !isObject(body.data)) throw new WebhookRejectedError('malformed');
  const id = text(body, 'id');
  const type = text(body, 'type');
  if (typeof body.created !== 'number' || !Number.isSafeInteger(body.created) || body.created < 0)
    throw new WebhookRejectedError('malformed');
  const data = body.data;
  // Saldo's payment id, as the charge's (or refund's) metadata echoes it back.
  const metadata = data.metadata;
  const paymentId = isObject(metadata) && typeof metadata.paymentId === 'string' ? metadata.paymentId : null;
  const base = { id, occurredAt: new Date(body.created * 1000), paymentId };
  switch (type) {
    case 'charge.succeeded':
      return {
        ...base,
        type,
        processorPaymentId: text(data, 'chargeId'),
        feeAmount: amount(data, 'fee'),
      };
    case 'charge.settled':
      return { ...base, type, processorPaymentId: text(data, 'chargeId') };
    case 'charge.failed':
      return { ...base, type, processorPaymentId: text(data, 'chargeId'), failure: failure(data) };
    case 'charge.returned':
      return {
        ...base,
        type,
        processorPaymentId: text(data, 'chargeId'),
        returnCode: text(data, 'returnCode'),
        amount: amount(data, 'amount'),
      };
    case 'refund.succeeded':
      return {
        ...base,
        type,
        processorRefundId: text(data, 'refundId'),
        processorPaymentId: text(data, 'chargeId'),
        amount: amount(data, 'amount'),
      };
    case 'payout.paid':
      return {
        ...base,
        type,
        payoutId: text(data, 'payoutId'),
        amount: amount(data, 'amount'),
        currency: text(data, 'currency'),
        arrivalDate: text(data, 'arrivalDate'),
      };
    default:
      return { ...base, type: 'ignored', processorType: type };
  }
}
