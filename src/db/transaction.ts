import type { Transaction } from 'kysely';
import type { Database } from './client.ts';
import type { DB } from './schema.ts';

/**
 * Runs `work` in the caller's transaction when `db` is one, or opens (and commits or rolls back)
 * a transaction of its own when `db` is a pool. The one place outside tests where Saldo calls
 * Kysely's `.transaction()`: use cases never do (test/architecture.test.ts), so a webhook, an
 * import batch or a sweep can compose several of them into one unit.
 */
export function inTransaction<T>(db: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
