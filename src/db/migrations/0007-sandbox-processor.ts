import { type Kysely, sql } from 'kysely';

/**
 * The sandbox processor's own state (src/gateways/sandbox; types in sandbox-tables.ts): one
 * sandbox "account" per seller, so `org_id` leads every key. It keeps what a processor keeps of a
 * method (a token, brand, last four, expiry, bank name, account type) and the test behaviour the
 * number stood for; there is no column a card or bank number could go in.
 *
 * Pages and the 3-D Secure step find a session or charge by its random id alone (the URL carries
 * no seller), hence the plain indexes on `id` beside the primary keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sandbox_customers (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null,
      name text not null,
      email text,
      saldo_customer_id text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, id)
    );

    create table sandbox_entry_sessions (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null,
      kind text not null check (kind in ('card', 'ach')),
      locale text not null check (locale in ('es', 'en')),
      return_url text not null,
      cancel_url text not null,
      reference text not null,
      saldo_customer_id text not null,
      expires_at timestamptz not null,
      completed_at timestamptz,
      method_token text,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      check ((completed_at is null) = (method_token is null))
    );
    create index sandbox_entry_sessions_id_idx on sandbox_entry_sessions (id);

    create table sandbox_methods (
      org_id uuid not null references organizations (id) on delete cascade,
      token text not null check (token like 'pm_sb_%'),
      kind text not null check (kind in ('card', 'ach')),
      brand text,
      last4 text not null check (last4 ~ '^[0-9]{4}$'),
      exp_month smallint check (exp_month between 1 and 12),
      exp_year smallint check (exp_year between 2000 and 2199),
      bank_name text,
      account_type text check (account_type in ('checking', 'savings')),
      behaviour text not null check (behaviour in (
        'success', 'card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc',
        'requires_authentication', 'processing_error', 'settles', 'R01', 'R02', 'R03', 'R10', 'R29')),
      customer_id text,
      used_at timestamptz,
      detached_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (org_id, token),
      foreign key (org_id, customer_id) references sandbox_customers (org_id, id),
      check (kind = 'ach' or (brand is not null and exp_month is not null and exp_year is not null
                              and bank_name is null and account_type is null)),
      check (kind = 'card' or (brand is null and exp_month is null and exp_year is null
                               and bank_name is not null and account_type is not null))
    );

    create table sandbox_method_saves (
      org_id uuid not null references organizations (id) on delete cascade,
      idempotency_key text not null,
      request_hash text not null,
      method_token text not null,
      customer_id text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, idempotency_key),
      foreign key (org_id, method_token) references sandbox_methods (org_id, token),
      foreign key (org_id, customer_id) references sandbox_customers (org_id, id)
    );

    create table sandbox_charges (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null check (id like 'ch_sb_%'),
      idempotency_key text not null,
      request_hash text not null,
      kind text not null check (kind in ('card', 'ach')),
      method_token text not null,
      customer_id text,
      amount bigint not null check (amount > 0),
      currency char(3) not null,
      off_session boolean not null,
      description text not null,
      metadata jsonb not null,
      return_url text,
      status text not null check (status in
        ('requires_action', 'succeeded', 'processing', 'settled', 'returned', 'failed')),
      -- What the charge call answered first: an idempotent replay answers it again.
      initial_status text not null check (initial_status in
        ('requires_action', 'succeeded', 'processing', 'failed')),
      fee_amount bigint not null default 0 check (fee_amount >= 0),
      refunded_amount bigint not null default 0,
      return_code text,
      settles_on date,
      failure_code text,
      failure_retryable boolean,
      failure_processor_code text,
      failure_message text,
      completed_at timestamptz,
      created_at timestamptz not null,
      primary key (org_id, id),
      unique (org_id, idempotency_key),
      foreign key (org_id, method_token) references sandbox_methods (org_id, token),
      check (refunded_amount >= 0 and refunded_amount <= amount),
      check ((status = 'failed') = (failure_code is not null) or status = 'returned'),
      check (kind = 'card' or settles_on is not null)
    );
    create index sandbox_charges_id_idx on sandbox_charges (id);
    create index sandbox_charges_due_idx on sandbox_charges (settles_on) where status = 'processing';

    create table sandbox_refunds (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null check (id like 're_sb_%'),
      idempotency_key text not null,
      request_hash text not null,
      charge_id text not null,
      method_kind text not null check (method_kind in ('card', 'ach')),
      amount bigint not null check (amount > 0),
      currency char(3) not null,
      reason text,
      metadata jsonb not null,
      status text not null check (status in ('pending', 'succeeded')),
      created_at timestamptz not null,
      succeeded_at timestamptz,
      primary key (org_id, id),
      unique (org_id, idempotency_key),
      foreign key (org_id, charge_id) references sandbox_charges (org_id, id)
    );
    create index sandbox_refunds_pending_idx on sandbox_refunds (created_at) where status = 'pending';

    create table sandbox_payouts (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null check (id like 'po_sb_%'),
      method_kind text not null check (method_kind in ('card', 'ach')),
      currency char(3) not null,
      payout_day date not null,
      arrival_date date not null check (arrival_date > payout_day),
      amount bigint not null,
      status text not null check (status in ('in_transit', 'paid')),
      created_at timestamptz not null,
      paid_at timestamptz,
      primary key (org_id, id),
      unique (org_id, method_kind, currency, payout_day)
    );
    create index sandbox_payouts_arrival_idx on sandbox_payouts (org_id, arrival_date);

    create table sandbox_balance_entries (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null,
      seq bigint generated always as identity,
      method_kind text not null check (method_kind in ('card', 'ach')),
      currency char(3) not null,
      type text not null check (type in ('charge', 'refund')),
      charge_id text not null,
      refund_id text,
      amount bigint not null,
      fee bigint not null check (fee >= 0),
      payout_day date not null,
      payout_id text,
      created_at timestamptz not null,
      primary key (org_id, id),
      foreign key (org_id, charge_id) references sandbox_charges (org_id, id),
      foreign key (org_id, refund_id) references sandbox_refunds (org_id, id),
      foreign key (org_id, payout_id) references sandbox_payouts (org_id, id),
      check ((type = 'charge') = (amount > 0)),
      check ((type = 'refund') = (refund_id is not null))
    );
    create index sandbox_balance_entries_unpaid_idx on sandbox_balance_entries (org_id, payout_day)
      where payout_id is null;
    create index sandbox_balance_entries_payout_idx on sandbox_balance_entries (org_id, payout_id);

    create table sandbox_events (
      org_id uuid not null references organizations (id) on delete cascade,
      id text not null check (id like 'evt_sb_%'),
      -- Insertion order: events recorded in one instant are delivered in the order they happened.
      seq bigint generated always as identity,
      type text not null,
      created_at timestamptz not null,
      data jsonb not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      delivered_at timestamptz,
      last_status integer,
      gave_up_at timestamptz,
      primary key (org_id, id)
    );
    create index sandbox_events_due_idx on sandbox_events (next_attempt_at)
      where delivered_at is null and gave_up_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists sandbox_events;
    drop table if exists sandbox_balance_entries;
    drop table if exists sandbox_payouts;
    drop table if exists sandbox_refunds;
    drop table if exists sandbox_charges;
    drop table if exists sandbox_method_saves;
    drop table if exists sandbox_methods;
    drop table if exists sandbox_entry_sessions;
    drop table if exists sandbox_customers;
  `.execute(db);
}
