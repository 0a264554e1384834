import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../shared/ids.ts';
import { claimDueCollectionSlots, insertCollectionRun } from './collections.repository.ts';
import { COLLECTION_RUN_TASK, type CollectionRunPayload, collectionRunJobKey } from './run-collection.ts';

/**
 * The weekly collection's sweep (every few minutes): each seller whose weekly slot came gets one
 * run, queued in the transaction that marks the slot taken. A sweep after downtime finds only the
 * latest slot, so a missed week is caught up once, never twice.
 */
export function queueDueCollections(
  deps: { db: Database },
  input: { now: Date },
): Promise<{ queued: number }> {
  return inTransaction(deps.db, async (trx) => {
    const due = await claimDueCollectionSlots(trx, input.now);
    let queued = 0;
    for (const { orgId, slot } of due) {
      const runId = newId();
      if (!(await insertCollectionRun(trx, { orgId, id: runId, slot, trigger: 'schedule', userId: null })))
        continue;
      const payload: CollectionRunPayload = { orgId, runId };
      await addJob(trx, COLLECTION_RUN_TASK, payload, {
        jobKey: collectionRunJobKey(runId),
        maxAttempts: 10,
      });
      queued += 1;
    }
    return { queued };
  });
}
