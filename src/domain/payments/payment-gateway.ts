/**
 * The port every payment processor adapter implements (src/gateways/sandbox, src/gateways/stripe).
 * The domain speaks only this vocabulary; an adapter translates its processor's API to it and back.
 *
 * Rules every adapter keeps:
 * - **No card or bank numbers.** A payer types them on the processor's own entry page; Saldo
 *   receives a token (`methodToken`) and display details (brand, last four, expiry, bank name).
 * - **Idempotency.** Every call that moves money takes the `idempotencyKey` Saldo stored before
 *   calling and passes it to the processor, so a retry after a timeout never charges twice; the
 *   same key with another request is the processor's error, surfaced as `GatewayRequestError`.
 * - **Amounts** are bigint minor units with an ISO 4217 currency, never JavaScript numbers
 *   outside the adapter's own wire encoding.
 * - **Unknown outcome** (timeout, connection reset, 5xx): throw `GatewayUnavailableError`. The
 *   payment stays `processing`; the reconciliation job asks `retrieveCharge` later.
 * - **Webhooks** are verified on the raw body before anything is parsed (`verifyWebhook`), and
 *   normalised to `GatewayEvent`; an event the domain does not use is `{ type: 'ignored' }`.
 */

export const processorNames = ['sandbox', 'stripe'] as const;
export type ProcessorName = (typeof processorNames)[number];

export const methodKinds = ['card', 'ach'] as const;
export type MethodKind = (typeof methodKinds)[number];

/** What Saldo keeps of a payment method: enough to show it ("Visa ·· 4242, 12/28"), nothing to charge it with. */
export interface MethodDetails {
  kind: MethodKind;
  /** card: visa, mastercard, amex, discover…; ach: null. */
  brand: string | null;
  /** The last four digits of the card or account number. */
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  /** ach: the bank's name; card: null. */
  bankName: string | null;
  /** ach: checking or savings; card: null. */
  accountType: 'checking' | 'savings' | null;
}

/** A method the processor tokenised: its token (the only way to charge it) and what to show. */
export interface ProcessorMethod {
  token: string;
  details: MethodDetails;
}

export interface ProcessorCustomer {
  /** The processor's customer id, once Saldo has one for this account; null the first time. */
  processorCustomerId: string | null;
  name: string;
  email: string | null;
  /** Saldo's ids, for the processor's dashboard and its metadata. */
  orgId: string;
  customerId: string;
}

/**
 * Where the payer types a new card or bank account. The processor hosts it (Saldo's servers never
 * see the numbers); when done it sends the payer's browser to `returnUrl` with the method's token
 * in the query (`?method=<token>`), or to `cancelUrl`.
 */
export interface EntrySessionRequest {
  kind: MethodKind;
  customer: ProcessorCustomer;
  /** The payer's language for the entry page. */
  locale: 'es' | 'en';
  returnUrl: string;
  cancelUrl: string;
  /** A reference Saldo passes through (the payment or enrolment being prepared). */
  reference: string;
}

/**
 * A page to send the browser to: the sandbox's own, or Stripe Checkout in setup mode. (Stripe's
 * script on Saldo's page, Elements, would need js.stripe.com past Saldo's CSP: not offered.)
 */
export interface EntrySession {
  type: 'redirect';
  url: string;
  sessionId: string;
}

export interface ChargeRequest {
  /** Stored by Saldo before the call; the same on every retry. */
  idempotencyKey: string;
  /** What is charged, fee included (minor units). */
  amount: bigint;
  currency: string;
  kind: MethodKind;
  methodToken: string;
  customer: ProcessorCustomer;
  /** Autopay: the payer is not present (no authentication challenge possible). */
  offSession: boolean;
  /** The invoices paid, as the payer's statement and the processor's dashboard show it. */
  description: string;
  /** Saldo's payment id and seller, echoed back on the processor's events. */
  metadata: { paymentId: string; orgId: string } & Record<string, string>;
  /** Where the payer's browser comes back after authenticating with its bank (3-D Secure). */
  returnUrl?: string;
}

/**
 * Why a charge did not go through, in Saldo's words (each has a message in the payer's language);
 * `processorCode` keeps the processor's own code for support.
 */
export const failureCodes = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'authentication_required',
  'processing_error',
  'invalid_account',
  'account_closed',
  'unauthorized_debit',
  'amount_too_large',
  'unknown',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export interface ChargeFailure {
  code: FailureCode;
  /**
   * A soft decline (insufficient funds, processing error): autopay may retry on its schedule.
   * A hard decline (expired card, closed account, unauthorised debit): stop and tell the payer.
   */
  retryable: boolean;
  processorCode: string;
  processorMessage: string | null;
}

/** ACH return reason codes Saldo knows by name (NACHA); others arrive as their code. */
export const achReturnCodes = [
  'R01',
  'R02',
  'R03',
  'R04',
  'R05',
  'R07',
  'R08',
  'R10',
  'R16',
  'R20',
  'R29',
] as const;

export type ChargeResult =
  /** Card: the money is captured. */
  | { status: 'succeeded'; processorPaymentId: string; feeAmount: bigint | null }
  /** ACH: the debit is submitted; it settles (or is returned) on a later business day, by webhook. */
  | { status: 'processing'; processorPaymentId: string }
  /** The payer must authenticate (3-D Secure) at `actionUrl`; the outcome arrives by webhook. */
  | { status: 'requires_action'; processorPaymentId: string; actionUrl: string }
  | { status: 'failed'; processorPaymentId: string | null; failure: ChargeFailure };

export interface RefundRequest {
  idempotencyKey: string;
  processorPaymentId: string;
  amount: bigint;
  currency: string;
  reason: 'requested_by_customer' | 'duplicate' | 'fraudulent' | null;
  metadata: { paymentId: string; orgId: string; refundId: string };
}

export type RefundResult =
  | { status: 'succeeded' | 'pending'; processorRefundId: string }
  | { status: 'failed'; processorRefundId: string | null; failure: ChargeFailure };

export interface SaveMethodRequest {
  idempotencyKey: string;
  customer: ProcessorCustomer;
  /** The token the entry page returned. */
  methodToken: string;
  kind: MethodKind;
}

/**
 * Events the processor sends, verified and in Saldo's terms. `occurredAt` is the processor's time.
 * `paymentId` is Saldo's payment id as the charge's metadata carries it (`metadata.paymentId`),
 * null when the processor's object has none: an event can arrive before Saldo has stored the
 * processor's id, and is matched by it.
 */
export type GatewayEvent = { id: string; occurredAt: Date; paymentId: string | null } & (
  | { type: 'charge.succeeded'; processorPaymentId: string; feeAmount: bigint | null }
  /** ACH: the debit settled; the money is Saldo's seller's. */
  | { type: 'charge.settled'; processorPaymentId: string }
  | { type: 'charge.failed'; processorPaymentId: string; failure: ChargeFailure }
  /** ACH: the bank sent the debit back (R01 insufficient funds, R02 account closed, …). */
  | { type: 'charge.returned'; processorPaymentId: string; returnCode: string; amount: bigint }
  | { type: 'refund.succeeded'; processorRefundId: string; processorPaymentId: string; amount: bigint }
  | { type: 'refund.failed'; processorRefundId: string; processorPaymentId: string; amount: bigint }
  | {
      type: 'dispute.opened' | 'dispute.closed';
      processorDisputeId: string;
      processorPaymentId: string;
      amount: bigint;
      reason: string;
      /** dispute.closed: won keeps the money, lost gives it back. */
      outcome: 'won' | 'lost' | null;
    }
  | { type: 'payout.paid'; payoutId: string; amount: bigint; currency: string; arrivalDate: string }
  | { type: 'ignored'; processorType: string }
);

export interface WebhookInput {
  /** The body exactly as received: signatures are over these bytes. */
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** The seller's webhook signing secret (decrypted). */
  secret: string;
  /** For the timestamp tolerance; defaults to now. */
  now?: Date;
}

/** One line of a payout (a deposit to the seller's bank): what it carried and what it cost. */
export interface PayoutLine {
  type: 'charge' | 'refund' | 'return' | 'dispute' | 'fee' | 'adjustment';
  processorPaymentId: string | null;
  /** Gross, signed: a charge is positive, a refund or return negative. */
  amount: bigint;
  /** The processor's fee on this line (positive; 0 when none). */
  fee: bigint;
}

export interface Payout {
  id: string;
  /** Net, what reached the bank. */
  amount: bigint;
  currency: string;
  /** The business day the money arrives (YYYY-MM-DD). */
  arrivalDate: string;
  methodKind: MethodKind;
  status: 'pending' | 'in_transit' | 'paid' | 'failed';
  lines: PayoutLine[];
}

export interface PaymentGateway {
  readonly processor: ProcessorName;
  /** Where a payer types a new method. */
  createEntrySession(request: EntrySessionRequest): Promise<EntrySession>;
  /** Keeps a tokenised method on the processor's customer for later charges (saved methods, autopay). */
  saveMethod(request: SaveMethodRequest): Promise<{ processorCustomerId: string; method: ProcessorMethod }>;
  /** What the processor knows of a token (after the entry page returned it). */
  describeMethod(methodToken: string): Promise<ProcessorMethod>;
  detachMethod(methodToken: string): Promise<void>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /**
   * The charge's state now: by the processor's id when Saldo has it, otherwise by the idempotency
   * key it was sent with (a timeout before any answer). null: the processor never received it.
   */
  retrieveCharge(lookup: {
    processorPaymentId: string | null;
    idempotencyKey: string;
  }): Promise<ChargeResult | null>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Checks the signature and timestamp, then parses; throws `WebhookRejectedError`. */
  verifyWebhook(input: WebhookInput): GatewayEvent;
  /** The payouts that arrived on or after `since` (YYYY-MM-DD), with their lines. */
  listPayouts(input: { since: string }): Promise<Payout[]>;
}

/** The processor did not answer, or answered 5xx: the outcome is unknown, ask again later. */
export class GatewayUnavailableError extends Error {
  constructor(
    readonly processor: ProcessorName,
    readonly detail: string,
  ) {
    super(`${processor} unavailable: ${detail}`);
    this.name = 'GatewayUnavailableError';
  }
}

/** The processor refused the request itself (bad key, reused idempotency key, invalid token): a definite answer. */
export class GatewayRequestError extends Error {
  constructor(
    readonly processor: ProcessorName,
    readonly processorCode: string,
    readonly detail: string,
  ) {
    super(`${processor} refused the request (${processorCode}): ${detail}`);
    this.name = 'GatewayRequestError';
  }
}

/** A webhook whose signature, timestamp or account does not check out. */
export class WebhookRejectedError extends Error {
  constructor(readonly reason: 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed') {
    super(`webhook rejected: ${reason}`);
    this.name = 'WebhookRejectedError';
  }
}

/** How the domain finds the processor of a seller (src/gateways/resolve-gateways.ts builds it). */
export interface Gateways {
  forSeller(orgId: string): Promise<PaymentGateway>;
  /**
   * For an event from `processor` addressed to a seller: the seller's gateway and the secret those
   * events are signed with, read once; null when the seller does not exist or has no such secret.
   */
  forWebhook(
    orgId: string,
    processor: ProcessorName,
  ): Promise<{ gateway: PaymentGateway; secret: string } | null>;
  /**
   * Shows a Stripe secret key to Stripe before it is stored (one cheap read): throws
   * `GatewayRequestError` when Stripe refuses it, `GatewayUnavailableError` when it does not answer.
   */
  checkStripeKey(secretKey: string): Promise<void>;
}
