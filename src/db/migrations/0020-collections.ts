import { type Kysely, sql } from 'kysely';

/**
 * The weekly automatic collection and statements of account (issue 10).
 *
 * - collection_schedules: one per seller — a weekday (ISO: 1 Monday … 7 Sunday) and an hour in
 *   the seller's time zone, the template key, which documents (all open, or only overdue), on or
 *   off. `last_slot` is the latest weekly slot a run was queued for: the sweep moves it forward
 *   with a conditional update (as erp_sync_settings does), so a slot runs once and a missed run
 *   catches up once.
 * - collection_subscriptions: which customer accounts receive the weekly e-mail (a row per
 *   account ever subscribed; `subscribed` false once turned off), who and when.
 * - collection_runs: one per run (a slot, or "run now" from the console), unique per slot, with
 *   what it sent; `last_customer_id` is how far it got (each page of customers commits with it),
 *   so a retried run resumes after the customers already mailed.
 * - statement_settings: the monthly statement (day of the month 1–28, on or off); `last_period`
 *   is the latest month ('YYYY-MM') queued, moved forward by a conditional update.
 * - statements: each statement sent or generated (period, balances, the message that carried it);
 *   the PDF itself is rebuilt from history on demand, so nothing large is stored. A monthly one is
 *   unique per customer and period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table collection_schedules (
      org_id uuid primary key references organizations (id) on delete cascade,
      enabled boolean not null default false,
      weekday smallint not null default 1 check (weekday between 1 and 7),
      hour smallint not null default 9 check (hour between 0 and 23),
      template text not null default 'weekly_collection' check (template in ('weekly_collection')),
      documents text not null default 'all_open' check (documents in ('all_open', 'overdue')),
      last_slot timestamptz,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table collection_subscriptions (
      org_id uuid not null,
      customer_id uuid not null,
      subscribed boolean not null default true,
      subscribed_at timestamptz,
      subscribed_by uuid references users (id) on delete set null,
      unsubscribed_at timestamptz,
      unsubscribed_by uuid references users (id) on delete set null,
      primary key (org_id, customer_id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade
    );
    create index collection_subscriptions_on_idx on collection_subscriptions (org_id, customer_id)
      where subscribed;

    create table collection_runs (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      slot timestamptz,
      trigger text not null check (trigger in ('schedule', 'manual')),
      status text not null default 'queued' check (status in ('queued', 'running', 'done')),
      customers integer not null default 0 check (customers >= 0),
      messages integer not null default 0 check (messages >= 0),
      last_customer_id uuid,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      primary key (org_id, id)
    );
    create unique index collection_runs_slot_key on collection_runs (org_id, slot) where slot is not null;

    create table statement_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      enabled boolean not null default false,
      day_of_month smallint not null default 1 check (day_of_month between 1 and 28),
      last_period text check (last_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table statements (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      period_start date not null,
      period_end date not null,
      currency char(3) not null,
      opening_balance bigint not null,
      closing_balance bigint not null,
      channel text not null check (channel in ('monthly', 'on_demand')),
      mail_message_ids uuid[] not null default '{}',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      check (period_end >= period_start)
    );
    create index statements_customer_idx on statements (org_id, customer_id, created_at desc);
    create unique index statements_monthly_key on statements (org_id, customer_id, period_start)
      where channel = 'monthly';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table statements;
    drop table statement_settings;
    drop table collection_runs;
    drop table collection_subscriptions;
    drop table collection_schedules;
  `.execute(db);
}
