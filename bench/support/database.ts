import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { appRoleUrl, ensureAppRole } from '../../src/db/roles.ts';
import { tempDir } from './temp.ts';
import type { BenchContext } from './types.ts';

export interface BenchDatabase {
  /** What the servers connect with: the least-privilege app role, as `saldo start` does (embedded). */
  url: string;
  /** The migrations' owner, for seeding. */
  ownerUrl: string;
  /** Where it runs, for the report. */
  where: string;
}

/**
 * A throwaway, migrated Saldo database: a new database on the server named by BENCH_DATABASE_URL
 * (dropped afterwards; everything connects with that URL, as Saldo does with DATABASE_URL and no
 * DATABASE_OWNER_URL), or else an embedded PostgreSQL in a temporary directory (stopped and
 * removed afterwards), migrated as the owner and used through the `saldo_app` role, as
 * `saldo start` does.
 */
export async function startBenchDatabase(ctx: BenchContext): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  let ownerUrl: string;
  let appPassword: string | undefined;
  let where: string;
  if (external) {
    const name = `saldo_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    ctx.cleanup.add(`drop database ${name}`, async () => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
          name,
        ]);
        await client.query(`drop database if exists ${name}`);
      } finally {
        await client.end();
      }
    });
    const u = new URL(external);
    u.pathname = `/${name}`;
    ownerUrl = u.toString();
    where = `database ${name} on ${u.host} (BENCH_DATABASE_URL)`;
  } else {
    const dataDir = tempDir(ctx.cleanup, 'pg');
    ctx.log(`starting a throwaway embedded PostgreSQL in ${dataDir}`);
    // Loaded only on this path (BENCH_DATABASE_URL runs need no PostgreSQL binaries).
    const { startEmbeddedPostgres } = await import('../../src/db/embedded.ts');
    const embedded = await startEmbeddedPostgres({ dataDir });
    ctx.cleanup.add('stop the embedded PostgreSQL', () => embedded.stop());
    ownerUrl = embedded.url;
    appPassword = embedded.appPassword;
    where = `embedded PostgreSQL in ${dataDir}, servers connect as saldo_app`;
  }
  const handle = createDb(ownerUrl, { max: 1, applicationName: 'saldo-bench-setup' });
  try {
    await migrate(handle.db as never, ownerUrl);
    if (appPassword) await ensureAppRole(handle.db as never, appPassword);
  } finally {
    await handle.close();
  }
  return { url: appPassword ? appRoleUrl(ownerUrl, appPassword) : ownerUrl, ownerUrl, where };
}
