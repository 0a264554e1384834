import type { Database } from '../../db/client.ts';
import {
  type CollectionRun,
  type CollectionSchedule,
  countSubscribed,
  listCollectionRuns,
  loadCollectionSchedule,
  nextCollectionSlot,
} from './collections.repository.ts';

export interface CollectionOverview {
  schedule: CollectionSchedule;
  timeZone: string;
  subscribed: number;
  nextRunAt: Date | null;
  runs: CollectionRun[];
}

/** What the receivables header and the settings show: the schedule, its next run, who is subscribed. */
export async function getCollectionOverview(
  deps: { db: Database },
  input: { orgId: string; now?: Date },
): Promise<CollectionOverview> {
  const now = input.now ?? new Date();
  const [schedule, subscribed, nextRunAt, runs, org] = await Promise.all([
    loadCollectionSchedule(deps.db, input.orgId),
    countSubscribed(deps.db, input.orgId),
    nextCollectionSlot(deps.db, input.orgId, now),
    listCollectionRuns(deps.db, input.orgId, 5),
    deps.db
      .selectFrom('organizations')
      .select('time_zone')
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { schedule, timeZone: org.time_zone, subscribed, nextRunAt, runs };
}
