import pg from 'pg';
import type { Logger as PinoLogger } from 'pino';

/**
 * A pg pool for graphile-worker with pg's default type parsing (graphile expects int8 job ids as
 * text) and the error handlers it requires: a lost connection must not crash the process.
 */
export function createWorkerPgPool(connectionString: string, max: number, logger: PinoLogger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'saldo-worker',
  });
  const onError = (err: Error) =>
    logger.error({ err: { message: err.message } }, 'job worker database connection error');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}
