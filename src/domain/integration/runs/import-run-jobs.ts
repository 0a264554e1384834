import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The job that executes one queued run (jobs/tasks/import-jobs.ts); its job key is the run's. */
export const IMPORT_FILE_TASK = 'import-file';
export const importFileJobKey = (importId: string) => `import-file:${importId}`;

/**
 * Takes the run's lock for the caller's transaction, or answers false when a live process holds
 * it. The lock lives exactly as long as the transaction that executes the run (the engine's one
 * transaction): a process that dies loses its connection and with it the lock, so a run marked
 * `running` whose lock is free was left by a dead process — nothing of it landed, and it can be
 * run again (recover-import-runs.ts). Session poolers that share connections across clients
 * (PgBouncer in transaction mode) keep transaction-level locks intact.
 */
export async function tryLockRun(trx: Transaction<DB>, importId: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${`saldo.import-run:${importId}`}, 0)) as locked`.execute(
    trx,
  );
  return rows[0]?.locked === true;
}
