import { type Kysely, sql } from 'kysely';

/**
 * Messages about a customer account (issue 10: collections and delivery).
 *
 * - mail_messages.customer_id: the customer account a message was sent to or about (a pay-now
 *   e-mail, a reminder, the weekly collection, a statement, a receipt); null for messages about a
 *   login (invitations, password resets) or to the seller's own staff. The customer's activity
 *   lists its messages with their delivery status from here.
 * - mail_messages.fallback_addresses: the customer's next contacts for the same message, in
 *   order. When delivery to `to_address` fails for good, the outbox queues a copy to the first of
 *   them (with the rest as its fallbacks) and records why.
 * - mail_messages.fallback_of: the message a fallback copy replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_messages
      add column customer_id uuid,
      add column fallback_addresses text[] not null default '{}',
      add column fallback_of uuid references mail_messages (id) on delete set null,
      add constraint mail_messages_customer_fk foreign key (org_id, customer_id)
        references customer_accounts (org_id, id) on delete cascade,
      add constraint mail_messages_customer_has_org check (customer_id is null or org_id is not null);

    create index mail_messages_customer_idx on mail_messages (org_id, customer_id, created_at desc)
      where customer_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index mail_messages_customer_idx;
    alter table mail_messages
      drop constraint mail_messages_customer_has_org,
      drop constraint mail_messages_customer_fk,
      drop column fallback_of,
      drop column fallback_addresses,
      drop column customer_id;
  `.execute(db);
}
