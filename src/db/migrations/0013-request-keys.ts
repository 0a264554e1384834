import { type Kysely, sql } from 'kysely';

/**
 * Idempotency keys of the console's creations other than payments (payments keep theirs on the row,
 * migration 0003): a credit memo or invoice created under a key is answered again, not created twice,
 * when the same request is retried (a double click, a timeout); another request under the key is
 * refused. `fingerprint` is SHA-256 of the request; `resource_id` what it created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table request_keys (
      org_id uuid not null references organizations (id) on delete cascade,
      scope text not null check (scope in ('credit_memo', 'invoice')),
      key text not null check (length(key) between 1 and 200),
      fingerprint text not null,
      resource_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (org_id, scope, key)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table request_keys`.execute(db);
}
