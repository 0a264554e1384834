import { type Kysely, sql } from 'kysely';

/**
 * Documents by e-mail and new documents delivered on their own (issue 10: delivery).
 *
 * - delivery_preferences.ubl_via: a UBL customer gets its e-invoice posted to its AP endpoint
 *   ('endpoint', which then is required) or attached to the invoice e-mail beside the PDF ('email').
 * - delivery_settings.deliver_new / deliver_new_since: the seller has Saldo deliver each new invoice
 *   and credit memo its customer's way (off by default: many ERPs send their own). Only documents
 *   posted since it was turned on: switching it on never mails the back catalogue.
 * - invoices.delivered_at, credit_memos.delivered_at: when Saldo first delivered the document (or
 *   tried to and reported why not). The automatic delivery takes documents where it is null, and sets
 *   it in the delivery's own transaction, so a retried sweep never sends one twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table delivery_preferences
      add column ubl_via text not null default 'endpoint' check (ubl_via in ('endpoint', 'email'));
    do $$
    declare c text;
    begin
      select conname into c from pg_constraint
       where conrelid = 'delivery_preferences'::regclass and contype = 'c'
         and pg_get_constraintdef(oid) like '%''ubl''%ap_endpoint_url IS NOT NULL%';
      execute format('alter table delivery_preferences drop constraint %I', c);
    end $$;
    alter table delivery_preferences add constraint delivery_preferences_ubl_endpoint
      check (channel <> 'ubl' or ubl_via = 'email' or ap_endpoint_url is not null);

    alter table delivery_settings
      add column deliver_new boolean not null default false,
      add column deliver_new_since timestamptz,
      add constraint delivery_settings_deliver_new_since check (not deliver_new or deliver_new_since is not null);

    alter table invoices add column delivered_at timestamptz;
    alter table credit_memos add column delivered_at timestamptz;
    create index invoices_undelivered_idx on invoices (org_id, posted_at)
      where delivered_at is null and status = 'open';
    create index credit_memos_undelivered_idx on credit_memos (org_id, created_at)
      where delivered_at is null and status = 'open';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index credit_memos_undelivered_idx;
    drop index invoices_undelivered_idx;
    alter table credit_memos drop column delivered_at;
    alter table invoices drop column delivered_at;
    alter table delivery_settings drop constraint delivery_settings_deliver_new_since,
      drop column deliver_new_since, drop column deliver_new;
    alter table delivery_preferences drop constraint delivery_preferences_ubl_endpoint;
    alter table delivery_preferences add check (channel <> 'ubl' or ap_endpoint_url is not null);
    alter table delivery_preferences drop column ubl_via;
  `.execute(db);
}
