import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Allocation, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { lockCreditMemo } from './credit-memos.repository.ts';

/** Applies a credit memo's unapplied credit to one or more invoices. */
export function applyCredit(
  deps: { db: Database },
  input: { orgId: string; creditMemoId: string; allocations: Allocation[]; actor: Actor },
): Promise<{ applied: bigint }> {
  return inTransaction(deps.db, async (trx) => {
    const memo = await lockCreditMemo(trx, input);
    if (!memo) throw new AppError('not_found');
    if (memo.status !== 'open') throw new AppError('credit_memo_void');
    const source = {
      kind: 'credit' as const,
      id: memo.id,
      customerId: memo.customerId,
      currency: memo.currency,
      available: memo.unappliedAmount,
    };
    const applied = await applyToInvoices(
      trx,
      input.orgId,
      source,
      input.allocations,
      input.actor.userId ?? null,
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'credit_memo.applied',
      entityType: 'credit_memo',
      entityId: memo.id,
      before: { unapplied: memo.unappliedAmount.toString() },
      after: {
        unapplied: (memo.unappliedAmount - applied).toString(),
        allocations: input.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount.toString() })),
      },
    });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'credit.applied',
      data: {
        creditMemoId: memo.id,
        customerId: memo.customerId,
        currency: memo.currency,
        applied,
        allocations: input.allocations,
      },
    });
    return { applied };
  });
}
