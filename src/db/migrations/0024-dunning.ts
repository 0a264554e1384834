import { type Kysely, sql } from 'kysely';

/**
 * Dunning steps and automatic holds (issue 10).
 *
 * - dunning_settings: one per seller — on or off, the local hour of the daily run (the seller's
 *   time zone), the optional hold rules (overdue more than N days; over the credit limit).
 *   `last_run_on` is the latest local day a run was queued for: the sweep moves it forward with a
 *   conditional update, so a day runs once and a missed day catches up once, never twice.
 * - dunning_steps: the sequence of reminders relative to the due date (−3, 0, +7…), each with its
 *   template. `customer_id` null is the seller's sequence; set, it is that customer's own.
 * - dunning_customer_policies: a customer that follows its own steps ('custom') or gets no
 *   reminders ('off'); no row means the seller's steps.
 * - dunning_runs: one per daily run (unique per day) or "run now", with what it did.
 * - reminder_sends: each invoice a reminder chased — by a step (at most once per invoice and
 *   step: the unique index is what makes a retried run send nothing twice) or by "send reminder
 *   now" — with the amount chased and the messages that carried it. The "paid within 7/14/30
 *   days" figures compare `sent_at` with the invoice's `paid_at`.
 * - invoices.paid_at: when the open amount last reached zero (null while something is open), set
 *   by a trigger on every path that changes it (payments, credits, imports, voids aside).
 * - customer_accounts.hold_rule: which automatic rule placed the current hold (null for a hold
 *   staff placed): the rules release only holds they placed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dunning_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      enabled boolean not null default false,
      hour smallint not null default 9 check (hour between 0 and 23),
      hold_overdue_days integer check (hold_overdue_days between 1 and 3650),
      hold_over_limit boolean not null default false,
      last_run_on date,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table dunning_steps (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      customer_id uuid,
      offset_days integer not null check (offset_days between -90 and 365),
      template text not null check (template in ('reminder_upcoming', 'reminder', 'reminder_final')),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade
    );
    create unique index dunning_steps_seller_key on dunning_steps (org_id, offset_days) where customer_id is null;
    create unique index dunning_steps_customer_key on dunning_steps (org_id, customer_id, offset_days)
      where customer_id is not null;

    create table dunning_customer_policies (
      org_id uuid not null,
      customer_id uuid not null,
      mode text not null check (mode in ('custom', 'off')),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (org_id, customer_id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade
    );

    create table dunning_runs (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      run_on date not null,
      trigger text not null check (trigger in ('schedule', 'manual')),
      status text not null default 'queued' check (status in ('queued', 'running', 'done')),
      reminders integer not null default 0 check (reminders >= 0),
      messages integer not null default 0 check (messages >= 0),
      holds_placed integer not null default 0 check (holds_placed >= 0),
      holds_released integer not null default 0 check (holds_released >= 0),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      primary key (org_id, id)
    );
    create unique index dunning_runs_day_key on dunning_runs (org_id, run_on) where trigger = 'schedule';
    create index dunning_runs_latest_idx on dunning_runs (org_id, created_at desc);

    create table reminder_sends (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      invoice_id uuid not null,
      kind text not null check (kind in ('step', 'manual')),
      offset_days integer,
      template text not null check (template in ('reminder_upcoming', 'reminder', 'reminder_final')),
      days_from_due integer not null,
      currency char(3) not null,
      amount bigint not null check (amount > 0),
      run_id uuid,
      mail_message_ids uuid[] not null default '{}',
      sent_by uuid references users (id) on delete set null,
      sent_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      foreign key (org_id, invoice_id) references invoices (org_id, id) on delete cascade,
      check ((kind = 'step') = (offset_days is not null))
    );
    create unique index reminder_sends_step_key on reminder_sends (org_id, invoice_id, offset_days)
      where kind = 'step';
    create index reminder_sends_customer_idx on reminder_sends (org_id, customer_id, sent_at desc);
    create index reminder_sends_stats_idx on reminder_sends (org_id, template, offset_days);

    alter table invoices add column paid_at timestamptz;
    update invoices set paid_at = updated_at where status = 'open' and open_amount = 0;
    create function invoices_paid_at() returns trigger language plpgsql as $$
    begin
      new.paid_at := case when new.open_amount = 0 then coalesce(old.paid_at, now()) end;
      return new;
    end $$;
    create trigger invoices_paid_at before update of open_amount on invoices
      for each row when (old.open_amount is distinct from new.open_amount)
      execute function invoices_paid_at();

    alter table customer_accounts add column hold_rule text
      check (hold_rule in ('overdue', 'over_limit'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table customer_accounts drop column hold_rule;
    drop trigger invoices_paid_at on invoices;
    drop function invoices_paid_at();
    alter table invoices drop column paid_at;
    drop table reminder_sends;
    drop table dunning_runs;
    drop table dunning_customer_policies;
    drop table dunning_steps;
    drop table dunning_settings;
  `.execute(db);
}
