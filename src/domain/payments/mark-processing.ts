import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';

/**
 * The processor has been (or is being) asked: `initiated` → `processing`. From here an unknown
 * outcome (a timeout) leaves the payment in a known state that reconciliation settles by asking
 * the processor under the same idempotency key. A payment already past `initiated` is left as it is.
 * Answers whether this call moved it: of two requests racing to charge one payment, only the one
 * that moved it may call the processor.
 */
export function markProcessing(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; detail?: Record<string, string> },
): Promise<boolean> {
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'initiated') return false;
    await updateOnlinePayment(trx, { orgId: input.orgId, paymentId: payment.id, status: 'processing' });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: 'initiated',
      to: 'processing',
      detail: input.detail ?? {},
    });
    return true;
  });
}
