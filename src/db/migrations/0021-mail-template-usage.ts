import { type Kysely, sql } from 'kysely';

/**
 * The templates editor (issue 10): how often each template was used and when last.
 *
 * - mail_messages.is_test: a test send from the editor (to the staff member's own address); it
 *   goes through the outbox like any message but does not count as a use of the template.
 * - mail_messages_template_usage_idx: the usage of a seller's templates (count and last use per
 *   key and language) read from the outbox without a scan of every message.
 * - Autopay's notice is now the `autopay_upcoming` template; its earlier messages are renamed so
 *   the count includes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_messages add column is_test boolean not null default false;

    update mail_messages set template = 'autopay_upcoming' where template = 'autopay_notice';

    create index mail_messages_template_usage_idx
      on mail_messages (org_id, template, locale, created_at)
      where not is_test and fallback_of is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index mail_messages_template_usage_idx;
    update mail_messages set template = 'autopay_notice' where template = 'autopay_upcoming';
    alter table mail_messages drop column is_test;
  `.execute(db);
}
