import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';
import { appRoleUrl, ensureAppRole } from '../../src/db/roles.ts';
import { sweepAbandonedClusters } from './sweep-clusters.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL without a database name; tests clone `saldo_template` into their own database. */
    testServerUrl: string;
    /** The same server, signed in as the least-privilege application role. */
    testAppServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server named by TEST_DATABASE_URL),
 * migrates a template database once, and hands its address to every test file, which clones
 * its own database from it (see worker-setup.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl: URL;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = new URL(process.env.TEST_DATABASE_URL);
  } else {
    // Runs killed before their teardown leave their cluster behind (gigabytes each): clear them.
    sweepAbandonedClusters(tmpdir());
    dataDir = mkdtempSync(path.join(tmpdir(), 'saldo-test-'));
    embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    serverUrl = new URL(embedded.url);
  }
  const template = `saldo_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(serverUrl, template);
  const handle = createDb(templateUrl, { max: 2 });
  await migrate(handle.db as never, templateUrl);
  // Tests connect as the application's least-privilege role, as Saldo itself does.
  const appPassword = randomBytes(18).toString('base64url');
  await ensureAppRole(handle.db as never, appPassword);
  await handle.close();
  await admin.query(`alter database ${template} with is_template true`);

  project.provide('testServerUrl', withDatabase(serverUrl, 'postgres'));
  project.provide('testAppServerUrl', appRoleUrl(withDatabase(serverUrl, 'postgres'), appPassword));
  project.provide('templateDatabase', template);

  return async () => {
    if (embedded) {
      await admin.end();
      await embedded.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    } else {
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname like 'saldo_t_%' and pid <> pg_backend_pid()`,
      );
      const dbs = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'saldo_t\\_%' or datname = $1`,
        [template],
      );
      await admin.query(`alter database ${template} with is_template false`);
      for (const { datname } of dbs.rows) await admin.query(`drop database if exists "${datname}"`);
      await admin.end();
    }
  };
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}
