import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { reverseApplication, sourceOfApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { lockPayment } from './payments.repository.ts';

/** Takes one application off its invoice; the cash returns to the payment's unapplied amount. */
export function unapplyPayment(
  deps: { db: Database },
  input: { orgId: string; applicationId: string; reason: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const paymentId = await sourceOfApplication(trx, { ...input, kind: 'payment' });
    if (!paymentId) throw new AppError('not_found');
    const payment = (await lockPayment(trx, { orgId: input.orgId, paymentId }))!;
    const { amount, invoiceId } = await reverseApplication(trx, input.orgId, 'payment', input.applicationId, {
      by: input.actor.userId ?? null,
      reason: input.reason,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment.unapplied',
      entityType: 'payment',
      entityId: paymentId,
      before: { unapplied: payment.unappliedAmount.toString() },
      after: {
        unapplied: (payment.unappliedAmount + amount).toString(),
        invoiceId,
        amount: amount.toString(),
        reason: input.reason,
      },
    });
  });
}
