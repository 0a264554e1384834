import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { reverseApplication, sourceOfApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { lockCreditMemo } from './credit-memos.repository.ts';

/** Takes a credit application off its invoice; the credit becomes unapplied again. */
export function unapplyCredit(
  deps: { db: Database },
  input: { orgId: string; applicationId: string; reason?: string | undefined; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const creditMemoId = await sourceOfApplication(trx, { ...input, kind: 'credit' });
    if (!creditMemoId) throw new AppError('not_found');
    await lockCreditMemo(trx, { orgId: input.orgId, creditMemoId });
    const { amount, invoiceId } = await reverseApplication(trx, input.orgId, 'credit', input.applicationId, {
      by: input.actor.userId ?? null,
      reason: input.reason ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'credit_memo.unapplied',
      entityType: 'credit_memo',
      entityId: creditMemoId,
      after: { invoiceId, amount: amount.toString(), reason: input.reason ?? null },
    });
  });
}
