import { loadConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { openDatabase } from './database.ts';
import { makeLogger } from './serve.ts';

/** For one-shot commands: open (or attach to) the database, migrated, run `fn`, close. */
export async function withDatabase<T>(fn: (db: Database, url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = makeLogger({ ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' });
  const database = await openDatabase(config, logger, { attach: true, poolSize: 2 });
  try {
    return await fn(database.db, database.url);
  } finally {
    await database.shutdown();
  }
}
