import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { createDb, type DbHandle } from '../db/client.ts';
import { findRunningEmbedded, startEmbeddedPostgres } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { appRoleUrl, ensureAppRole } from '../db/roles.ts';

export interface OpenDatabase extends DbHandle {
  /** The address the application (web, worker) uses: the least-privilege role on the embedded database. */
  url: string;
  /** Closes the pool and, when this process started it, stops the embedded PostgreSQL. */
  shutdown(): Promise<void>;
  /** How long opening took, in ms: starting PostgreSQL (embedded), migrating, granting the app role. */
  timings: { postgresMs?: number; migrateMs?: number; appRoleMs?: number };
}

/**
 * DATABASE_URL when set (migrations through DATABASE_OWNER_URL when given); otherwise the
 * embedded PostgreSQL under the data directory, where migrations run as the cluster's owner and
 * the application connects as the least-privilege `saldo_app` role. Commands other than `start`
 * attach to the embedded cluster of a running Saldo instead of failing on its lock.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { attach?: boolean; migrate?: boolean; poolSize?: number } = {},
): Promise<OpenDatabase> {
  let ownerUrl: string;
  let appUrl: string;
  let appPassword: string | undefined;
  let stopEmbedded: (() => Promise<void>) | undefined;
  const timings: OpenDatabase['timings'] = {};
  if (config.databaseUrl) {
    ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
    appUrl = config.databaseUrl;
  } else {
    const running = options.attach ? findRunningEmbedded(config.dataDir) : null;
    if (running) {
      ownerUrl = running.url;
      appPassword = running.appPassword;
    } else {
      const started = Date.now();
      const embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        log: (m) => logger.debug({ postgres: m }),
      });
      timings.postgresMs = Date.now() - started;
      logger.info({ ms: timings.postgresMs, dataDir: config.dataDir }, 'embedded PostgreSQL started');
      ownerUrl = embedded.url;
      appPassword = embedded.appPassword;
      stopEmbedded = () => embedded.stop();
    }
    appUrl = appRoleUrl(ownerUrl, appPassword);
  }
  try {
    if (options.migrate !== false) {
      const owner = createDb(ownerUrl, { max: 1, applicationName: 'saldo-migrate' });
      try {
        let started = Date.now();
        const applied = await migrate(owner.db as never, ownerUrl);
        timings.migrateMs = Date.now() - started;
        if (applied.length) logger.info({ applied }, 'migrations applied');
        started = Date.now();
        if (appPassword) await ensureAppRole(owner.db as never, appPassword);
        timings.appRoleMs = Date.now() - started;
      } finally {
        await owner.close();
      }
    }
  } catch (err) {
    await stopEmbedded?.();
    throw err;
  }
  const handle = createDb(appUrl, { max: options.poolSize ?? 10 });
  return {
    ...handle,
    url: appUrl,
    timings,
    async shutdown() {
      await handle.close();
      await stopEmbedded?.();
    },
  };
}
