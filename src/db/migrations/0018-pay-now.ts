import { type Kysely, sql } from 'kysely';

/**
 * Pay-now e-mails (issue 10): staff send a customer's contacts some open invoices, their PDFs and
 * a pay link (pay_links, purpose 'invoices') that opens exactly those invoices, without sign-in.
 *
 * - pay_links.sent_by_mail: the link was made for a pay-now e-mail. Its token is 256 fresh random
 *   bits (never derived, never stored: only its SHA-256 in token_hash), unlike an order's link.
 * - pay_links.idempotency_key / idempotency_fingerprint: the console's Idempotency-Key of the
 *   request that sent it; the same key and request answer the same link, another is refused.
 * - payment_settings.pay_link_days: how long a pay-now link stays payable (1–90 days, default 14).
 * - mail_messages.pay_link_id: the link a message carries (the pay-now e-mail and its fallback
 *   copies), so a customer's activity and an invoice show which message sent which link.
 * Revoked = cancelled_at (reason 'staff'); used = its payment completed: both already read from
 * the row (0012), never stored twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table pay_links
      add column sent_by_mail boolean not null default false,
      add column idempotency_key text check (length(idempotency_key) between 1 and 255),
      add column idempotency_fingerprint text,
      add constraint pay_links_idempotency_key_unique unique (org_id, idempotency_key),
      add constraint pay_links_idempotency_pair check ((idempotency_key is null) = (idempotency_fingerprint is null));

    alter table payment_settings
      add column pay_link_days integer not null default 14 check (pay_link_days between 1 and 90);

    alter table mail_messages
      add column pay_link_id uuid,
      add constraint mail_messages_pay_link_fk foreign key (org_id, pay_link_id)
        references pay_links (org_id, id) on delete cascade;
    create index mail_messages_pay_link_idx on mail_messages (org_id, pay_link_id)
      where pay_link_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index mail_messages_pay_link_idx;
    alter table mail_messages drop constraint mail_messages_pay_link_fk, drop column pay_link_id;
    alter table payment_settings drop column pay_link_days;
    alter table pay_links
      drop constraint pay_links_idempotency_pair,
      drop constraint pay_links_idempotency_key_unique,
      drop column idempotency_fingerprint,
      drop column idempotency_key,
      drop column sent_by_mail;
  `.execute(db);
}
