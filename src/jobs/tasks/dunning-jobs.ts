import type { TaskList } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import type { BatchMailer } from '../../domain/collections/collection-mail-port.ts';
import { queueDueDunning } from '../../domain/dunning/queue-due-dunning.ts';
import { DUNNING_RUN_TASK, runDunning } from '../../domain/dunning/run-dunning.ts';

/** Every few minutes: each seller whose daily reminder hour came gets today's run, once. */
export const DUNNING_SWEEP_TASK = 'dunning.sweep';

export function dunningTasks(deps: {
  db: Database;
  batchMailer?: BatchMailer | undefined;
  publicUrl?: string | undefined;
}): TaskList {
  const tasks: TaskList = {
    [DUNNING_SWEEP_TASK]: async (_payload, helpers) => {
      const { queued } = await queueDueDunning(deps, { now: new Date() });
      if (queued) helpers.logger.info(`reminders queued for ${queued} seller(s)`);
    },
  };
  const { batchMailer, publicUrl } = deps;
  if (batchMailer && publicUrl)
    tasks[DUNNING_RUN_TASK] = async (payload, helpers) => {
      const p = payload as { orgId?: unknown; runId?: unknown } | null;
      if (
        typeof p?.orgId !== 'string' ||
        !isUuid(p.orgId) ||
        typeof p.runId !== 'string' ||
        !isUuid(p.runId)
      ) {
        helpers.logger.error(`${DUNNING_RUN_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
        return;
      }
      const result = await runDunning(
        { db: deps.db, enqueueMany: (db, mails) => batchMailer.enqueueMany(db, mails), publicUrl },
        { orgId: p.orgId, runId: p.runId },
      );
      if (result)
        helpers.logger.info(
          `dunning run ${p.runId}: ${result.reminders} reminder(s), ${result.messages} message(s), ` +
            `${result.holdsPlaced} hold(s) placed, ${result.holdsReleased} released`,
        );
    };
  return tasks;
}
