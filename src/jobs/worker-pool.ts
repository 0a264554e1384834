import pg from 'pg';
import type { Logger as PinoLogger } from 'pino';

/**
 * src/db/client.ts makes node-postgres return int8 as `bigint` process-wide. graphile-worker's
 * own queries expect int8 job ids as strings (it JSON-encodes them when failing jobs), so its
 * pool keeps pg's default: int8 as text.
 */
const graphileTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pg pool for graphile-worker, with the error handlers it requires (a lost connection must not crash us). */
export function createWorkerPgPool(connectionString: string, max: number, logger: PinoLogger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'saldo-worker',
    types: graphileTypes,
  });
  const onError = (err: Error) => logger.error({ err: { message: err.message } }, 'job worker database connection error');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}
