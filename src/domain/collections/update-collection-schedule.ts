import type { Database } from '../../db/client.ts';
import type { CollectionDocuments } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { loadCollectionSchedule, saveCollectionSchedule } from './collections.repository.ts';

export interface CollectionScheduleInput {
  enabled: boolean;
  weekday: number;
  hour: number;
  documents: CollectionDocuments;
}

/** Saves the seller's weekly schedule (audited); the next run is the next slot, never an immediate one. */
export function updateCollectionSchedule(
  deps: { db: Database },
  input: CollectionScheduleInput & { orgId: string; actor: Actor },
): Promise<void> {
  const fields = [];
  if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 7)
    fields.push({ field: 'weekday', code: 'invalid' });
  if (!Number.isInteger(input.hour) || input.hour < 0 || input.hour > 23)
    fields.push({ field: 'hour', code: 'invalid' });
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  return inTransaction(deps.db, async (trx) => {
    const before = await loadCollectionSchedule(trx, input.orgId);
    await saveCollectionSchedule(trx, {
      orgId: input.orgId,
      enabled: input.enabled,
      weekday: input.weekday,
      hour: input.hour,
      documents: input.documents,
      userId: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'collection.schedule_updated',
      entityType: 'collection_schedule',
      entityId: input.orgId,
      before: {
        enabled: before.enabled,
        weekday: before.weekday,
        hour: before.hour,
        documents: before.documents,
      },
      after: { enabled: input.enabled, weekday: input.weekday, hour: input.hour, documents: input.documents },
    });
  });
}
