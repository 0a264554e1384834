import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import type { StepOutcome } from './capture-payment.ts';
import { assertTransition, type paymentStatuses } from './payment-lifecycle.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';

/**
 * The processor took the payment but the money is still on its way (an ACH debit submitted, or a
 * 3-D Secure challenge the payer must answer): the payment moves to `pending` (or
 * `requires_action`); its invoices keep the amount as pending — "payment pending", not paid — and
 * nothing is posted until the money arrives (capturePayment) or does not (failPayment,
 * returnPayment). Idempotent (`stale` when already there).
 */
export function submitPayment(
  deps: { db: Database },
  input: {
    orgId: string;
    paymentId: string;
    to: Extract<(typeof paymentStatuses)[number], 'pending' | 'requires_action'>;
    processorPaymentId: string;
    expectedSettlement?: string | null;
    eventId?: string | null;
  },
): Promise<StepOutcome> {
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status === input.to) return 'stale';
    assertTransition(payment.status, input.to);
    await updateOnlinePayment(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      status: input.to,
      processorPaymentId: input.processorPaymentId,
      ...(input.expectedSettlement !== undefined ? { expectedSettlement: input.expectedSettlement } : {}),
    });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: payment.status,
      to: input.to,
      processorEventId: input.eventId ?? null,
      detail: input.expectedSettlement ? { expectedSettlement: input.expectedSettlement } : {},
    });
    return 'applied';
  });
}
