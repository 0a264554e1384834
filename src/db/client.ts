import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

/**
 * How Saldo's pools read two types (set per pool, not process-wide, so libraries with their own
 * pools such as graphile-worker keep pg's defaults):
 * - int8 (bigint) reaches JavaScript as `bigint`, never as a lossy number or an unchecked string:
 *   money is integer minor units and must stay exact. Counts wanted as numbers are cast to int4 in SQL.
 * - `date` is a calendar date: kept as 'YYYY-MM-DD', never shifted by a time zone.
 */
const parseInt8 = (value: string) => BigInt(value);
const parseDate = (value: string) => value;
export const saldoTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === pg.types.builtins.INT8) return parseInt8;
    if (format !== 'binary' && oid === pg.types.builtins.DATE) return parseDate;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export type Database = Kysely<DB>;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

const pools = new WeakMap<Kysely<DB>, pg.Pool>();

/**
 * Runs a hot query as a named (prepared) statement when `db` is a pool made by createDb: planned
 * once per connection instead of on every call. Inside a transaction it runs as a plain query.
 */
export async function preparedQuery<R>(
  db: Kysely<DB>,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = pools.get(db);
  if (pool) return (await pool.query({ name, text, values, types: saldoTypes })).rows as R[];
  return (await db.executeQuery(CompiledQuery.raw(text, values) as CompiledQuery<R>)).rows as R[];
}

export function createDb(
  connectionString: string,
  options: { max?: number; applicationName?: string } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'saldo',
    types: saldoTypes,
  });
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
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
