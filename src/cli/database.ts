import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { createDb, type DbHandle } from '../db/client.ts';
import { findRunningEmbedded, startEmbeddedPostgres } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';

export interface OpenDatabase extends DbHandle {
  url: string;
  /** Closes the pool and, when this process started it, stops the embedded PostgreSQL. */
  shutdown(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data directory. Commands
 * other than `start` attach to the embedded cluster of a running Saldo instead of failing on its
 * lock (`attach: true`). Migrations are applied before anything else touches the database.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { attach?: boolean; migrate?: boolean; poolSize?: number } = {},
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url && options.attach) url = findRunningEmbedded(config.dataDir) ?? undefined;
  if (!url) {
    const started = Date.now();
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: (m) => logger.debug({ postgres: m }),
    });
    logger.info({ ms: Date.now() - started, dataDir: config.dataDir }, 'embedded PostgreSQL started');
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const handle = createDb(url, { max: options.poolSize ?? 10 });
  try {
    if (options.migrate !== false) {
      const applied = await migrate(handle.db as never, url);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
  } catch (err) {
    await handle.close();
    await stopEmbedded?.();
    throw err;
  }
  return {
    ...handle,
    url,
    async shutdown() {
      await handle.close();
      await stopEmbedded?.();
    },
  };
}
