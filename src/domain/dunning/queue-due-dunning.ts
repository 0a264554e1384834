import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { newId } from '../shared/ids.ts';
import { claimDueDunningDays, insertDunningRun } from './dunning.repository.ts';
import { DUNNING_RUN_TASK, type DunningRunPayload, dunningRunJobKey } from './run-dunning.ts';

/**
 * Dunning's sweep (every few minutes): each seller whose run hour has come today gets one run,
 * queued in the transaction that marks the day taken. After downtime only today is found, so a
 * missed day is caught up once, never twice (and the run itself sends each step once).
 */
export function queueDueDunning(deps: { db: Database }, input: { now: Date }): Promise<{ queued: number }> {
  return inTransaction(deps.db, async (trx) => {
    const due = await claimDueDunningDays(trx, input.now);
    let queued = 0;
    for (const { orgId, runOn } of due) {
      const runId = newId();
      if (!(await insertDunningRun(trx, { orgId, id: runId, runOn, trigger: 'schedule', userId: null })))
        continue;
      const payload: DunningRunPayload = { orgId, runId };
      await addJob(trx, DUNNING_RUN_TASK, payload, { jobKey: dunningRunJobKey(runId), maxAttempts: 10 });
      queued += 1;
    }
    return { queued };
  });
}

/** "Run now" from the console: today's reminders and hold rules outside the hour (steps still go once). */
export function runDunningNow(
  deps: { db: Database },
  input: { orgId: string; actor: Actor },
): Promise<{ runId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const runId = newId();
    const today = (await orgTodayOf(trx, input.orgId))!;
    await insertDunningRun(trx, {
      orgId: input.orgId,
      id: runId,
      runOn: today,
      trigger: 'manual',
      userId: input.actor.userId ?? null,
    });
    const payload: DunningRunPayload = { orgId: input.orgId, runId };
    await addJob(trx, DUNNING_RUN_TASK, payload, { jobKey: dunningRunJobKey(runId), maxAttempts: 10 });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'dunning.run_requested',
      entityType: 'dunning_run',
      entityId: runId,
    });
    return { runId };
  });
}
