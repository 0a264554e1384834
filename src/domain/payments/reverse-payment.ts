import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { livePaymentApplications, reverseApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { lockPayment, markPaymentReversed } from './payments.repository.ts';

/**
 * Reverses a payment (a bounced check, a mistake): every application undone, then the payment
 * itself reversed in the ledger. Nothing is deleted.
 */
export function reversePayment(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; reason: string; actor: Actor },
): Promise<void> {
  const by = input.actor.userId ?? null;
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockPayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'completed') throw new AppError('payment_reversed');
    // Money taken online goes back through its processor (a refund), never by a reversal here.
    if (payment.processor !== null) throw new AppError('payment_not_refundable', { status: 'online' });
    const live = await livePaymentApplications(trx, { orgId: input.orgId, paymentId: payment.id });
    for (const applicationId of live) {
      await reverseApplication(trx, input.orgId, 'payment', applicationId, { by, reason: input.reason });
    }
    await postEntry(trx, {
      orgId: input.orgId,
      currency: payment.currency,
      kind: 'payment.reversed',
      memo: input.reason,
      createdBy: by,
      lines: [
        {
          account: 'unapplied_cash',
          customerId: payment.customerId,
          paymentId: payment.id,
          amount: payment.amount,
        },
        {
          account: 'cash_clearing',
          customerId: payment.customerId,
          paymentId: payment.id,
          amount: -payment.amount,
        },
      ],
    });
    await markPaymentReversed(trx, { orgId: input.orgId, paymentId: payment.id, reason: input.reason });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment.reversed',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: 'completed', unapplied: payment.unappliedAmount.toString() },
      after: { status: 'reversed', reason: input.reason },
    });
  });
}
