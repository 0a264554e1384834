import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { useTestDb } from './db.ts';

const { db } = useTestDb();

test('each test file has its own migrated database', async () => {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  expect(rows[0]?.name).toMatch(/^saldo_t_/);
  const tables = await db.introspection.getTables();
  expect(tables.map((t) => t.name)).toContain('organizations');
});
