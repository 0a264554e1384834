import type { Database } from '../../db/client.ts';
import {
  type CollectionCustomer,
  type CollectionRecipient,
  collectionPage,
  loadCollectionSchedule,
  nextCollectionSlot,
  recipientsOf,
} from './collections.repository.ts';

export interface CollectionPreview {
  nextRunAt: Date | null;
  documents: 'all_open' | 'overdue';
  customers: (CollectionCustomer & { recipients: CollectionRecipient[]; totalDue: bigint })[];
  /** More customers would be mailed than the preview lists. */
  truncated: boolean;
}

/**
 * What the next run would send, writing nothing: the subscribed customers (first `limit`) with
 * their documents and who receives them, by the same selection the run uses.
 */
export async function previewCollectionRun(
  deps: { db: Database },
  input: { orgId: string; limit?: number; customerId?: string; now?: Date },
): Promise<CollectionPreview> {
  const limit = input.limit ?? 50;
  const schedule = await loadCollectionSchedule(deps.db, input.orgId);
  const [page, nextRunAt] = await Promise.all([
    collectionPage(deps.db, {
      orgId: input.orgId,
      documents: schedule.documents,
      after: null,
      limit: limit + 1,
      customerId: input.customerId,
    }),
    nextCollectionSlot(deps.db, input.orgId, input.now ?? new Date()),
  ]);
  const shown = page.slice(0, limit);
  const recipients = await recipientsOf(
    deps.db,
    input.orgId,
    shown.map((c) => c.customerId),
  );
  return {
    nextRunAt,
    documents: schedule.documents,
    truncated: page.length > limit,
    customers: shown.map((c) => ({
      ...c,
      recipients: recipients.get(c.customerId) ?? [],
      totalDue: c.documents.reduce((sum, d) => sum + d.amountDue, 0n),
    })),
  };
}
