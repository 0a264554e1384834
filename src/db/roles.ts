import { type Kysely, sql } from 'kysely';

export const APP_ROLE = 'saldo_app';

/** Tables the application may only append to: history is never edited in place. */
const appendOnly = ['audit_log', 'security_events', 'journal_entries', 'journal_lines', 'mail_templates'];
/** Tables the application may only read. */
const readOnly = ['saldo_migrations', 'saldo_migrations_lock'];

/**
 * The least-privilege role Saldo's web and worker processes connect as: rows in, rows out, no DDL,
 * no TRUNCATE, no DROP; the audit log, security events, the journal and mail template versions
 * append-only. Migrations run as the owner. Idempotent: run after every migration so new tables
 * are covered.
 */
export async function ensureAppRole(db: Kysely<unknown>, password: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(password))
    throw new Error('app role password must be 16+ URL-safe characters');
  const role = sql.id(APP_ROLE);
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${role} login;
      end if;
    end $$`.execute(db);
  await sql`alter role ${role} with login nosuperuser nocreatedb nocreaterole noinherit password ${sql.lit(password)}`.execute(
    db,
  );
  await sql`grant usage on schema public to ${role}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(db);
  for (const table of appendOnly)
    await sql`revoke update, delete on ${sql.id(table)} from ${role}`.execute(db);
  for (const table of readOnly)
    await sql`revoke insert, update, delete on ${sql.id(table)} from ${role}`.execute(db);
  // graphile-worker's queue: its functions run as the caller, so the role needs its tables.
  await sql`grant usage on schema graphile_worker to ${role}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema graphile_worker to ${role}`.execute(
    db,
  );
  await sql`grant usage, select, update on all sequences in schema graphile_worker to ${role}`.execute(db);
  await sql`grant execute on all functions in schema graphile_worker to ${role}`.execute(db);
  // graphile-worker turns row-level security on for its private tables (to keep them from roles
  // that are not the worker); the app role is the worker, so it gets a policy on each.
  await sql`
    do $$ declare t record; begin
      for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'graphile_worker' and c.relkind = 'r' and c.relrowsecurity
                 and not exists (select from pg_policies p where p.schemaname = 'graphile_worker'
                                   and p.tablename = c.relname and p.policyname = 'saldo_app_all')
      loop
        execute format('create policy saldo_app_all on graphile_worker.%I for all to ${sql.raw(APP_ROLE)} using (true) with check (true)', t.relname);
      end loop;
    end $$`.execute(db);
}

/** The same server address, signed in as the app role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
