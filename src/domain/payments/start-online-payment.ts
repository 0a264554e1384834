import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { CustomerRole, DB, MethodKind, PaymentSource } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { AppError } from '../errors.ts';
import { changePendingAmount } from '../invoices/invoices.repository.ts';
import { nextDocumentNumber } from '../shared/document-numbers.ts';
import { newId } from '../shared/ids.ts';
import { findSavedMethod, type SavedMethod } from './payment-methods.repository.ts';
import {
  appendTimeline,
  findOnlinePaymentByKey,
  insertIntendedAllocations,
  insertPayment,
  lockIdempotencyKey,
  type OnlinePaymentState,
} from './payments.repository.ts';
import { type OrderPayment, type Quote, quoteOnlinePayment } from './quote-online-payment.ts';

export interface OnlinePaymentRequest {
  orgId: string;
  customerId: string;
  kind: MethodKind;
  allocations: { invoiceId: string; amount: bigint }[];
  /** A saved method of the account, or a new token from the processor's entry page. */
  paymentMethodId?: string | null;
  methodToken?: string | null;
  saveMethod?: boolean;
  /** ACH: the payer accepted the debit authorization shown to it. */
  achAuthorizationAccepted?: boolean;
  /** Required: stored before the processor is asked, and the processor's own key for the charge. */
  idempotencyKey: string;
  source: Exclude<PaymentSource, 'manual'>;
  /** The payer's customer role; null for staff on the customer's behalf and for autopay. */
  role: CustomerRole | null;
  actor: Actor;
  client: { ip?: string | null; userAgent?: string | null };
  /** A prepayment for an order over the credit limit (no invoices; see QuoteInput.order). */
  order?: OrderPayment | null | undefined;
  /** The pay link this payment is made through (payments.pay_link_id). */
  payLinkId?: string | null | undefined;
  /**
   * Runs in the start's transaction once the payment is stored, before it commits: a caller's
   * own claim on what is being paid (a pay link takes its row lock and refuses a second payer
   * here). Throwing rolls the whole start back. Not part of the request's fingerprint.
   */
  onStarted?: ((trx: Transaction<DB>, payment: { id: string }) => Promise<void>) | undefined;
}

export type Started =
  | { replayed: true; payment: OnlinePaymentState }
  | {
      replayed: false;
      payment: OnlinePaymentState;
      quote: Quote;
      method: { token: string; saved: SavedMethod | null };
    };

/**
 * SHA-256 of what decides the charge: an identical retry replays, anything else under the key is
 * refused. In base64url, not hex: a hex digest often holds a long run of digits, which the scan
 * for card numbers (test/ar/no-card-numbers.test.ts) rightly cannot tell from one.
 */
export function onlinePaymentFingerprint(input: OnlinePaymentRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.customerId,
        input.kind,
        [...input.allocations]
          .sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1))
          .map((a) => [a.invoiceId, a.amount.toString()]),
        input.paymentMethodId ?? null,
        input.methodToken ?? null,
        input.saveMethod ?? false,
        input.source,
        // Only when present, so fingerprints of invoice payments stay what they were.
        ...(input.order
          ? [
              [
                input.order.reference,
                input.order.amount.toString(),
                input.order.currency,
                input.payLinkId ?? null,
              ],
            ]
          : []),
      ]),
    )
    .digest('base64url');
}

/**
 * The first step of paying online, in one transaction, before the processor is asked: the key is
 * taken (an advisory lock, then a look-up: the identical request replays the payment it started,
 * any other under the key is refused), every rule of the quote checked with the invoices locked,
 * the payment stored as `initiated` with what it is meant for, and those amounts held as the
 * invoices' pending amounts — so a second attempt on the same invoices, at the same moment or
 * later, sees them and cannot over-collect.
 */
export function startOnlinePayment(deps: { db: Database }, input: OnlinePaymentRequest): Promise<Started> {
  return inTransaction(deps.db, async (trx) => {
    const fingerprint = onlinePaymentFingerprint(input);
    await lockIdempotencyKey(trx, { orgId: input.orgId, idempotencyKey: input.idempotencyKey });
    const existing = await findOnlinePaymentByKey(trx, input);
    if (existing) {
      if (existing.idempotencyFingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
      return { replayed: true, payment: existing };
    }
    if (input.kind === 'ach' && !input.achAuthorizationAccepted)
      throw new AppError('ach_authorization_required');
    const quote = await quoteOnlinePayment({ db: trx }, input);
    let saved: SavedMethod | null = null;
    let token: string;
    if (input.paymentMethodId) {
      saved =
        (await findSavedMethod(trx, {
          orgId: input.orgId,
          customerId: input.customerId,
          methodId: input.paymentMethodId,
        })) ?? null;
      if (!saved || saved.processor !== quote.settings.processor) throw new AppError('not_found');
      if (saved.kind !== input.kind) throw new AppError('method_not_accepted', { kind: input.kind });
      token = saved.token;
    } else if (input.methodToken) {
      token = input.methodToken;
    } else {
      throw new AppError('validation_failed', {}, [{ field: 'paymentMethodId', code: 'required' }]);
    }

    const id = newId();
    const number = await nextDocumentNumber(trx, input.orgId, 'payment', 'PAY-');
    const today = (await orgTodayOf(trx, input.orgId))!;
    await insertPayment(trx, {
      org_id: input.orgId,
      id,
      customer_id: input.customerId,
      number,
      currency: quote.currency,
      amount: quote.amount,
      unapplied_amount: quote.amount,
      received_on: today,
      method: input.kind,
      reference: null,
      status: 'initiated',
      source: input.source,
      processor: quote.settings.processor,
      payment_method_id: saved?.id ?? null,
      fee_amount: quote.fee,
      idempotency_key: input.idempotencyKey,
      idempotency_fingerprint: fingerprint,
      client_ip: input.client.ip ?? null,
      client_user_agent: input.client.userAgent?.slice(0, 1000) ?? null,
      created_by: input.actor.userId ?? null,
      order_reference: input.order?.reference ?? null,
      pay_link_id: input.payLinkId ?? null,
    });
    const allocations = quote.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount }));
    await insertIntendedAllocations(trx, { orgId: input.orgId, paymentId: id, allocations });
    for (const a of allocations)
      await changePendingAmount(trx, { orgId: input.orgId, invoiceId: a.invoiceId, delta: a.amount });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: id,
      from: null,
      to: 'initiated',
      detail: { source: input.source, kind: input.kind },
      actorUserId: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment.initiated',
      entityType: 'payment',
      entityId: id,
      after: {
        number,
        amount: quote.amount.toString(),
        fee: quote.fee.toString(),
        currency: quote.currency,
        kind: input.kind,
        source: input.source,
        invoices: allocations.length,
        ...(input.order ? { orderReference: input.order.reference } : {}),
      },
    });
    await input.onStarted?.(trx, { id });
    const payment = (await findOnlinePaymentByKey(trx, input))!;
    return { replayed: false, payment, quote, method: { token, saved } };
  });
}
