import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * Every test file gets its own database, cloned from the migrated template in a few
 * milliseconds; tests in a file share it and make their own organizations, so they never
 * see another file's rows.
 */
const serverUrl = inject('testServerUrl');
const template = inject('templateDatabase');
const name = `saldo_t_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name} template ${template}`);
await admin.end();
const url = new URL(inject('testAppServerUrl'));
url.pathname = `/${name}`;
process.env.SALDO_TEST_DATABASE_URL = url.toString();
const ownerUrl = new URL(serverUrl);
ownerUrl.pathname = `/${name}`;
process.env.SALDO_TEST_OWNER_DATABASE_URL = ownerUrl.toString();
