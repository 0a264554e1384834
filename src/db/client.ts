import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

/**
 * int8 (bigint) columns reach JavaScript as `bigint`, never as a lossy number or an unchecked
 * string: money is integer minor units and must stay exact. Counts that are int8 in SQL are cast
 * to int4 in the query when a number is wanted.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => BigInt(value));
/** `date` columns are calendar dates: keep them as 'YYYY-MM-DD' strings, never shifted by a time zone. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type Database = Kysely<DB>;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDb(connectionString: string, options: { max?: number; applicationName?: string } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'saldo',
  });
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
