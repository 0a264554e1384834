import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { STATEMENT_RUN_TASK } from './run-monthly-statements.ts';
import { claimDueStatementPeriods } from './statements.repository.ts';

/** The statements' sweep: each seller whose day came gets last month's run, queued once. */
export function queueDueStatements(
  deps: { db: Database },
  input: { now: Date },
): Promise<{ queued: number }> {
  return inTransaction(deps.db, async (trx) => {
    const due = await claimDueStatementPeriods(trx, input.now);
    for (const { orgId, period } of due)
      await addJob(trx, STATEMENT_RUN_TASK, { orgId, period }, { jobKey: `statements:${orgId}:${period}` });
    return { queued: due.length };
  });
}
