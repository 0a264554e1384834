import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError, notFound } from '../../errors.ts';
import { closeReview, findReview, type ImportReview } from './import-reviews.repository.ts';

/**
 * Closes an open review: `resolved` (a person dealt with the document, e.g. corrected it in the ERP
 * and imported again) or `dismissed` (nothing to do). Audited; a review already closed is a
 * `conflict`, another seller's `not_found`.
 */
export async function resolveImportReview(
  deps: { db: Database },
  input: { orgId: string; reviewId: string; resolution: 'resolved' | 'dismissed'; actor: Actor },
): Promise<ImportReview> {
  return inTransaction(deps.db, async (trx) => {
    const review = await findReview(trx, input);
    if (!review) throw notFound();
    const closed = await closeReview(trx, input, {
      status: input.resolution,
      by: input.actor.userId ?? null,
    });
    if (!closed) throw new AppError('conflict');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: input.resolution === 'resolved' ? 'import_review.resolved' : 'import_review.dismissed',
      entityType: 'import_review',
      entityId: review.id,
      before: { status: review.status },
      after: { status: input.resolution, reason: review.reason, documentId: review.documentId },
    });
    return (await findReview(trx, input))!;
  });
}
