import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { newId } from '../shared/ids.ts';
import { insertCollectionRun } from './collections.repository.ts';
import { COLLECTION_RUN_TASK, type CollectionRunPayload, collectionRunJobKey } from './run-collection.ts';

/** "Run now" from the console: a run outside the schedule (it does not move the weekly slot). */
export function runCollectionNow(
  deps: { db: Database },
  input: { orgId: string; actor: Actor },
): Promise<{ runId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const runId = newId();
    await insertCollectionRun(trx, {
      orgId: input.orgId,
      id: runId,
      slot: null,
      trigger: 'manual',
      userId: input.actor.userId ?? null,
    });
    const payload: CollectionRunPayload = { orgId: input.orgId, runId };
    await addJob(trx, COLLECTION_RUN_TASK, payload, { jobKey: collectionRunJobKey(runId), maxAttempts: 10 });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'collection.run_requested',
      entityType: 'collection_run',
      entityId: runId,
    });
    return { runId };
  });
}
