import { afterAll } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/client.ts';

/** The test file's own database (see worker-setup.ts). */
export function testDatabaseUrl(): string {
  const url = process.env.SALDO_TEST_DATABASE_URL;
  if (!url) throw new Error('SALDO_TEST_DATABASE_URL is not set: run tests through vitest');
  return url;
}

/** A Kysely handle to the test file's database, closed after the file's tests. */
export function useTestDb(): DbHandle {
  const handle = createDb(testDatabaseUrl(), { max: 5 });
  afterAll(() => handle.close());
  return handle;
}
