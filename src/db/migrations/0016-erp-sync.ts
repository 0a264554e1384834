import { type Kysely, sql } from 'kysely';

/**
 * Payment confirmations out to the ERP (issue 9), and each seller's sync settings.
 *
 * - erp_sync_settings: how often confirmations are exported (off, hourly, every 4 hours, daily at
 *   a local HH:MM), who marks invoices paid in the ERP (`automatic`: the ERP, from the file or the
 *   API; `manual`: the AR team, from the file mailed to `recipients`), the CSV's style, and the
 *   ERP's payment account ("forma de cobro") for the manual methods (card and ACH keep theirs in
 *   payment_settings). `last_slot` is the latest schedule slot an export was queued for: the sweep
 *   moves it forward with a conditional update, so a slot is exported once and a missed run
 *   catches up once. `last_error_*` is the last scheduled export's failure, cleared by a success.
 * - erp_confirmation_exports: one row per export that handed out something (numbered per seller,
 *   `seq`), with the file it produced kept for downloading again.
 * - erp_confirmation_items: the claim rows. One row per change (a payment received, an application,
 *   an unapplication, a refund, a refund that failed, a return, a reversal, a credit applied or
 *   unapplied), unique on (seller, subject, id, change): an export claims what has no row yet, so
 *   nothing goes twice and a change that commits late (after a later one was exported) is still
 *   claimed by the next export. No "created after the last export" cursor is involved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table erp_sync_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      frequency text not null default 'off' check (frequency in ('off', 'hourly', 'every_4_hours', 'daily')),
      daily_at text not null default '06:00' check (daily_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      marking text not null default 'manual' check (marking in ('automatic', 'manual')),
      csv_delimiter text not null default ',' check (csv_delimiter in (',', ';')),
      csv_decimal text not null default '.' check (csv_decimal in ('.', ',')),
      csv_dates text not null default 'iso' check (csv_dates in ('iso', 'dmy', 'mdy')),
      erp_account_check text check (length(erp_account_check) between 1 and 100),
      erp_account_cash text check (length(erp_account_cash) between 1 and 100),
      erp_account_bank_transfer text check (length(erp_account_bank_transfer) between 1 and 100),
      erp_account_card_terminal text check (length(erp_account_card_terminal) between 1 and 100),
      erp_account_other text check (length(erp_account_other) between 1 and 100),
      recipients text[] not null default '{}' check (cardinality(recipients) <= 20),
      last_slot timestamptz,
      last_error_code text,
      last_error_at timestamptz,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table erp_confirmation_exports (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      seq integer not null check (seq > 0),
      format text not null check (format in ('csv', 'json')),
      channel text not null check (channel in ('schedule', 'console', 'cli', 'api')),
      marking text not null check (marking in ('automatic', 'manual')),
      item_count integer not null default 0 check (item_count >= 0),
      created_by uuid references users (id) on delete set null,
      api_key_id uuid,
      file_name text not null default '' check (length(file_name) <= 200),
      content_type text not null default '' check (length(content_type) <= 100),
      content bytea not null default '',
      mailed_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, seq)
    );

    create table erp_confirmation_items (
      org_id uuid not null,
      subject text not null
        check (subject in ('payment', 'payment_application', 'refund', 'credit_application')),
      subject_id uuid not null,
      change text not null
        check (change in ('received', 'applied', 'unapplied', 'refunded', 'refund_failed', 'returned', 'reversed')),
      export_id uuid not null,
      occurred_at timestamptz not null,
      primary key (org_id, subject, subject_id, change),
      foreign key (org_id, export_id) references erp_confirmation_exports (org_id, id) on delete cascade
    );
    create index erp_confirmation_items_export_idx on erp_confirmation_items (org_id, export_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table erp_confirmation_items;
    drop table erp_confirmation_exports;
    drop table erp_sync_settings;
  `.execute(db);
}
