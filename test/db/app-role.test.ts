import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { recordAudit } from '../../src/domain/audit/record-audit.ts';
import { useTestDb } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';

/** Saldo connects as a least-privilege role: data in and out, no schema changes, history append-only. */
const { db } = useTestDb();

describe('the application role', () => {
  test('is not the owner and cannot change the schema or wipe tables', async () => {
    const { rows } = await sql<{ role: string; superuser: boolean }>`
      select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`.execute(
      db,
    );
    expect(rows[0]).toEqual({ role: 'saldo_app', superuser: false });
    await expect(sql`drop table users`.execute(db)).rejects.toThrow(/must be owner|permission denied/);
    await expect(sql`truncate sessions`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`create table sneaky (id int)`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`alter table users add column x int`.execute(db)).rejects.toThrow(
      /must be owner|permission denied/,
    );
    await expect(sql`delete from saldo_migrations`.execute(db)).rejects.toThrow(/permission denied/);
  });

  test('may append to the audit log but never edit or delete it', async () => {
    const org = await createOrg(db);
    await recordAudit(db, {
      orgId: org.id,
      actor: {},
      action: 'test.done',
      entityType: 'test',
      entityId: '1',
      after: { ok: true },
    });
    await expect(sql`update audit_log set action = 'forged'`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from security_events`.execute(db)).rejects.toThrow(/permission denied/);
    const rows = await db.selectFrom('audit_log').select('action').where('org_id', '=', org.id).execute();
    expect(rows.map((r) => r.action)).toContain('test.done');
  });
});
