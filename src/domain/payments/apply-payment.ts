import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { allocateOldestFirst } from '../applications/allocate-oldest-first.ts';
import { type Allocation, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { lockPayment } from './payments.repository.ts';

/** Applies unapplied cash of a payment to invoices ('auto': oldest due first). */
export function applyPayment(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; allocations: 'auto' | Allocation[]; actor: Actor },
): Promise<{ applied: bigint }> {
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockPayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'completed') throw new AppError('payment_reversed');
    const allocations =
      input.allocations === 'auto'
        ? (
            await allocateOldestFirst(trx, {
              orgId: input.orgId,
              customerId: payment.customerId,
              currency: payment.currency,
              amount: payment.unappliedAmount,
            })
          ).allocations
        : input.allocations;
    const source = {
      kind: 'payment' as const,
      id: payment.id,
      customerId: payment.customerId,
      currency: payment.currency,
      available: payment.unappliedAmount,
    };
    const applied = await applyToInvoices(trx, input.orgId, source, allocations, input.actor.userId ?? null);
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment.applied',
      entityType: 'payment',
      entityId: payment.id,
      before: { unapplied: payment.unappliedAmount.toString() },
      after: {
        unapplied: (payment.unappliedAmount - applied).toString(),
        allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount.toString() })),
      },
    });
    return { applied };
  });
}
