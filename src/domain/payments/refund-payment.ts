import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { reverseApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { newId } from '../shared/ids.ts';
import { GatewayRequestError, type Gateways, GatewayUnavailableError } from './payment-gateway.ts';
import {
  findLiveApplicationsNewestFirst,
  findRefundByIdempotencyKey,
  findRefundStatus,
  insertRefund,
  sumRefundsInFlight,
  updateRefund,
} from './payment-refunds.repository.ts';
import {
  appendTimeline,
  lockIdempotencyKey,
  lockOnlinePayment,
  updateOnlinePayment,
} from './payments.repository.ts';

export interface RefundResultView {
  refundId: string;
  status: 'succeeded' | 'pending' | 'failed' | 'initiated';
  amount: bigint;
  replayed: boolean;
}

/**
 * Refunds all or part of a completed online payment through its processor. Refunds never exceed
 * what was paid less what was refunded or is being refunded (invariant 5). The refund is stored
 * (`initiated`, with its idempotency key) before the processor is asked; when the processor
 * accepts it, the money leaves in one transaction: first from what is still unapplied, then by
 * undoing applications newest first (those invoices reopen), then `payment.refunded` moves the
 * cash back to the processor's clearing account. A refund of everything makes the payment
 * `refunded`. A retried request with the same key answers the refund it started.
 */
export async function refundPayment(
  deps: { db: Database; gateways: Gateways },
  input: {
    orgId: string;
    paymentId: string;
    amount: bigint;
    reason: string | null;
    idempotencyKey: string;
    actor: Actor;
  },
): Promise<RefundResultView> {
  if (input.amount <= 0n) throw new AppError('amount_not_positive');
  const started = await inTransaction(deps.db, async (trx) => {
    // Concurrent retries under one key queue here, and the later ones find the first's row.
    await lockIdempotencyKey(trx, { orgId: input.orgId, idempotencyKey: `refund:${input.idempotencyKey}` });
    const existing = await findRefundByIdempotencyKey(trx, input);
    if (existing) {
      if (existing.payment_id !== input.paymentId || existing.amount !== input.amount)
        throw new AppError('idempotency_key_reused');
      // Stored but never answered (a timeout): ask the processor again under the same key.
      if (existing.status === 'initiated') {
        const payment = (await lockOnlinePayment(trx, input))!;
        return { kind: 'new' as const, id: existing.id, payment };
      }
      return { kind: 'replay' as const, refund: existing };
    }
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'completed' || payment.processor === null || payment.processorPaymentId === null)
      throw new AppError('payment_not_refundable', { status: payment.status });
    // Only refunds the processor has not answered yet: a pending one already moved the money
    // (refunded_amount counts it).
    const inFlight = await sumRefundsInFlight(trx, { orgId: input.orgId, paymentId: payment.id });
    const refundable = payment.amount - payment.refundedAmount - inFlight;
    if (input.amount > refundable)
      throw new AppError('refund_exceeds_payment', {
        available: { amount: refundable > 0n ? refundable : 0n, currency: payment.currency },
      });
    const id = newId();
    await insertRefund(trx, {
      orgId: input.orgId,
      id,
      paymentId: payment.id,
      amount: input.amount,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      createdBy: input.actor.userId ?? null,
    });
    return { kind: 'new' as const, id, payment };
  });
  if (started.kind === 'replay') {
    const { refund } = started;
    return { refundId: refund.id, status: refund.status, amount: refund.amount, replayed: true };
  }
  const { id, payment } = started;
  const gateway = await deps.gateways.forSeller(input.orgId);
  let answer: Awaited<ReturnType<typeof gateway.refund>>;
  try {
    answer = await gateway.refund({
      idempotencyKey: `saldo-refund-${id}`,
      processorPaymentId: payment.processorPaymentId!,
      amount: input.amount,
      currency: payment.currency,
      reason: 'requested_by_customer',
      metadata: { paymentId: payment.id, orgId: input.orgId, refundId: id },
    });
  } catch (error) {
    if (error instanceof GatewayUnavailableError) throw new AppError('processor_unavailable');
    if (error instanceof GatewayRequestError) {
      await updateRefund(deps.db, {
        orgId: input.orgId,
        refundId: id,
        status: 'failed',
        failureCode: error.processorCode,
      });
      throw new AppError('processor_refused', { detail: error.processorCode });
    }
    throw error;
  }
  if (answer.status === 'failed') {
    await updateRefund(deps.db, {
      orgId: input.orgId,
      refundId: id,
      status: 'failed',
      processorRefundId: answer.processorRefundId,
      failureCode: answer.failure.code,
    });
    return { refundId: id, status: 'failed', amount: input.amount, replayed: false };
  }
  const moved = await inTransaction(deps.db, async (trx) => {
    const locked = (await lockOnlinePayment(trx, { orgId: input.orgId, paymentId: payment.id }))!;
    // Two retries of one timed-out refund may both get the processor's answer: the money moves once.
    const current = await findRefundStatus(trx, { orgId: input.orgId, refundId: id });
    if (current !== 'initiated') return current;
    const by = input.actor.userId ?? null;
    if (locked.status !== 'completed' && locked.status !== 'disputed') {
      // The payment came back (an ACH return) while the refund was at the processor: the return
      // already took the money out of the ledger, so this refund moves nothing here. It is kept as
      // the processor answered and flagged on the timeline for staff, never reviving the payment.
      await updateRefund(trx, {
        orgId: input.orgId,
        refundId: id,
        status: answer.status,
        processorRefundId: answer.processorRefundId,
      });
      await appendTimeline(trx, {
        orgId: input.orgId,
        paymentId: locked.id,
        from: locked.status,
        to: locked.status,
        detail: { refundAfter: locked.status, refundId: id, refunded: input.amount.toString() },
        actorUserId: by,
      });
      return 'after_return';
    }
    let unapplied = locked.unappliedAmount;
    if (unapplied < input.amount) {
      const applications = await findLiveApplicationsNewestFirst(trx, {
        orgId: input.orgId,
        paymentId: payment.id,
      });
      for (const application of applications) {
        if (unapplied >= input.amount) break;
        const { amount } = await reverseApplication(trx, input.orgId, 'payment', application.id, {
          by,
          reason: input.reason ?? 'refund',
        });
        unapplied += amount;
      }
    }
    const entryId = await postEntry(trx, {
      orgId: input.orgId,
      currency: locked.currency,
      kind: 'payment.refunded',
      memo: locked.number,
      createdBy: by,
      lines: [
        {
          account: 'unapplied_cash',
          customerId: locked.customerId,
          paymentId: locked.id,
          amount: input.amount,
        },
        {
          account: 'processor_clearing',
          customerId: locked.customerId,
          paymentId: locked.id,
          amount: -input.amount,
        },
      ],
    });
    const whole = locked.refundedAmount + input.amount === locked.amount;
    await updateOnlinePayment(trx, {
      orgId: input.orgId,
      paymentId: locked.id,
      // A partial refund leaves the payment where it stands (a resumed refund may find it moved on).
      status: whole ? 'refunded' : locked.status,
      unappliedAmount: unapplied - input.amount,
      refundedDelta: input.amount,
    });
    await updateRefund(trx, {
      orgId: input.orgId,
      refundId: id,
      status: answer.status,
      processorRefundId: answer.processorRefundId,
      journalEntryId: entryId,
    });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: locked.id,
      from: locked.status,
      to: whole ? 'refunded' : locked.status,
      journalEntryId: entryId,
      detail: { refunded: input.amount.toString(), refundId: id },
      actorUserId: by,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment.refunded',
      entityType: 'payment',
      entityId: locked.id,
      before: { refunded: locked.refundedAmount.toString() },
      after: { refunded: (locked.refundedAmount + input.amount).toString(), reason: input.reason },
    });
    return null;
  });
  if (moved === 'after_return')
    return { refundId: id, status: answer.status, amount: input.amount, replayed: false };
  if (moved) return { refundId: id, status: moved, amount: input.amount, replayed: true };
  return { refundId: id, status: answer.status, amount: input.amount, replayed: false };
}
