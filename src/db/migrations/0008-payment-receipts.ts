import { type Kysely, sql } from 'kysely';

/**
 * When a completed payment's receipt e-mail was written to the outbox. The receipt job claims the
 * payment by setting it (`… where receipt_sent_at is null`) in the transaction that queues the
 * messages, so a retried capture or a retried job never mails the receipt twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments add column receipt_sent_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop column receipt_sent_at`.execute(db);
}
