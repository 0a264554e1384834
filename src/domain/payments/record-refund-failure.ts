import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { reverseEntry } from '../ledger/post-entry.ts';
import type { StepOutcome } from './capture-payment.ts';
import { assertTransition } from './payment-lifecycle.ts';
import { lockRefundByProcessorId, updateRefund } from './payment-refunds.repository.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';

/**
 * The processor's later word that a refund it had accepted failed (an ACH credit the payer's bank
 * sent back: Stripe's `refund.failed` / `charge.refund.updated` with status failed), in the
 * caller's transaction (a webhook's). The refund's money comes back:
 * - its `payment.refunded` entry is reversed (`payment.refund_failed`: processor clearing debited,
 *   unapplied cash credited), `refunded_amount` goes down by it and a wholly refunded payment is
 *   `completed` again;
 * - the money stays **unapplied** on the payment, as the customer's credit: it is not re-applied
 *   to the invoices the refund had reopened. The refund was a decision to give it back; since
 *   then those invoices may have been paid another way, credited or disputed, and applying it
 *   silently could settle an invoice the customer contests. Staff see "refund failed" on the
 *   payment and either apply the credit or refund again (it is refundable again);
 * - the timeline says so (`refundFailed`, with the refund's id), and the audit log.
 * A refund that had moved nothing (not yet answered, or answered after the payment came back)
 * is only marked failed. A payment returned or reversed since keeps its money as the return left
 * it: only the refund and `refunded_amount` change, and the timeline flags it for staff.
 * Idempotent: a refund already failed is `stale`; one Saldo does not know is `ignored`.
 */
export async function recordRefundFailure(
  deps: { db: Database },
  input: {
    orgId: string;
    paymentId: string;
    processorRefundId: string;
    failureCode?: string | null;
    eventId?: string | null;
  },
): Promise<StepOutcome | 'ignored'> {
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    const refund = await lockRefundByProcessorId(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      processorRefundId: input.processorRefundId,
    });
    if (!refund) return 'ignored';
    if (refund.status === 'failed') return 'stale';
    const failure = input.failureCode ?? 'refund_failed';
    const holdsMoney = ['completed', 'refunded', 'disputed'].includes(payment.status);
    const moved = refund.journal_entry_id !== null;
    let entryId: string | null = null;
    let to = payment.status;
    if (moved) {
      if (holdsMoney) {
        // The lifecycle's one step back: a refund of everything that did not go through.
        if (payment.status === 'refunded') {
          to = 'completed';
          assertTransition(payment.status, to, 'payment.refund_failed');
        }
        entryId = await reverseEntry(trx, {
          orgId: input.orgId,
          entryId: refund.journal_entry_id!,
          kind: 'payment.refund_failed',
          memo: payment.number,
          createdBy: null,
        });
      }
      await updateOnlinePayment(trx, {
        orgId: input.orgId,
        paymentId: payment.id,
        status: to,
        ...(holdsMoney ? { unappliedAmount: payment.unappliedAmount + refund.amount } : {}),
        refundedDelta: -refund.amount,
      });
    }
    await updateRefund(trx, {
      orgId: input.orgId,
      refundId: refund.id,
      status: 'failed',
      processorRefundId: input.processorRefundId,
      failureCode: failure,
    });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: payment.status,
      to,
      journalEntryId: entryId,
      processorEventId: input.eventId ?? null,
      detail: {
        refundId: refund.id,
        refundFailed: refund.amount.toString(),
        ...(moved && !holdsMoney ? { refundFailedAfter: payment.status } : {}),
      },
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: systemActor,
      action: 'payment.refund_failed',
      entityType: 'payment',
      entityId: payment.id,
      before: { refunded: payment.refundedAmount.toString(), status: payment.status },
      after: {
        refunded: (moved ? payment.refundedAmount - refund.amount : payment.refundedAmount).toString(),
        status: to,
        refundId: refund.id,
        failure,
      },
    });
    return 'applied';
  });
}
