import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { IMPORT_FILE_TASK, importFileJobKey, tryLockRun } from './import-run-jobs.ts';
import { hasChunks, markInterrupted, runningRuns } from './import-runs.repository.ts';

/**
 * Finds runs left `running` by a process that died (a kill -9, a lost machine): their lock is
 * free (import-run-jobs.ts), and since the engine works in one transaction nothing of them landed.
 * Each is marked `interrupted`; an upload (its file still stored) is queued again at once. A CLI
 * run is run again by running the command again; a drop-folder file is taken again by the
 * drop-folder sweep, which finds it in processing/.
 */
export async function recoverImportRuns(deps: {
  db: Database;
}): Promise<{ interrupted: number; requeued: number }> {
  let interrupted = 0;
  let requeued = 0;
  for (const run of await runningRuns(deps.db)) {
    await inTransaction(deps.db, async (trx) => {
      if (!(await tryLockRun(trx, run.importId))) return;
      if (!(await markInterrupted(trx, run))) return;
      interrupted += 1;
      if ((run.channel === 'console' || run.channel === 'api') && (await hasChunks(trx, run))) {
        await addJob(trx, IMPORT_FILE_TASK, run, { jobKey: importFileJobKey(run.importId), maxAttempts: 3 });
        requeued += 1;
      }
    });
  }
  return { interrupted, requeued };
}
