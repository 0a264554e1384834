import { type Kysely, sql } from 'kysely';

/**
 * Online payments (issue 8): a payment's life beyond completed/reversed, the processor behind it,
 * what was meant for each invoice while the money is in flight, the processor's events (each
 * taking effect once), saved methods, refunds, and each seller's online-payment settings.
 *
 * - payments.status: initiated (row and idempotency key stored, processor not yet asked) →
 *   processing (asked; card outcome unknown, e.g. after a timeout) → completed (card captured, ACH
 *   settled) | pending (ACH submitted, settling) | requires_action (3-D Secure) | failed; later
 *   returned (ACH R-code), refunded (whole), disputed. Manual payments are born completed.
 *   Only completed money counts anywhere (balances, aging, allocation): every read already asks
 *   for `status = 'completed'`; `reversed_at` is set on a return too, so the aging as of a past day
 *   keeps working from it.
 * - payment_allocations_intended: what the payer chose for each invoice; held as the invoices'
 *   pending_amount until the money arrives, then applied (or released on failure).
 * - processor_events: unique on (seller, processor, event id) — the row is inserted first, in the
 *   transaction that acts on it, so an event takes effect at most once however often it is sent.
 * - payment_timeline: one row per step (append-only), with the journal entry the step posted.
 * - New ledger accounts: processor_clearing (money at the processor, back to zero when its
 *   deposit is reconciled), convenience_fees (the card fee a payer paid), processor_fees, bank.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payments drop constraint payments_status_check;
    alter table payments add constraint payments_status_check check (status in
      ('initiated', 'processing', 'requires_action', 'pending', 'completed', 'failed', 'returned',
       'refunded', 'disputed', 'reversed'));
    alter table payments
      add column source text not null default 'manual'
        check (source in ('manual', 'portal', 'staff', 'autopay', 'pay_link', 'credit_check')),
      add column processor text check (processor in ('sandbox', 'stripe')),
      add column processor_payment_id text,
      add column payment_method_id uuid,
      add column fee_amount bigint not null default 0 check (fee_amount >= 0),
      add column refunded_amount bigint not null default 0 check (refunded_amount >= 0),
      add column failure_code text,
      add column failure_message text,
      add column return_code text,
      add column completed_at timestamptz,
      add column expected_settlement date,
      add column client_ip inet,
      add column client_user_agent text check (length(client_user_agent) <= 1000),
      add column updated_at timestamptz not null default now(),
      add constraint payments_refunded_check check (refunded_amount <= amount),
      add constraint payments_online_check check ((processor is null) = (source = 'manual'));
    create unique index payments_processor_id_key on payments (org_id, processor, processor_payment_id)
      where processor_payment_id is not null;
    create index payments_in_flight_idx on payments (org_id, status)
      where status in ('initiated', 'processing', 'requires_action', 'pending');

    alter table journal_lines drop constraint journal_lines_account_check;
    alter table journal_lines add constraint journal_lines_account_check check (account in
      ('accounts_receivable', 'sales', 'sales_returns', 'customer_credits', 'unapplied_cash', 'cash_clearing',
       'processor_clearing', 'convenience_fees', 'processor_fees', 'bank'));

    create table payment_allocations_intended (
      org_id uuid not null,
      payment_id uuid not null,
      invoice_id uuid not null,
      amount bigint not null check (amount > 0),
      primary key (org_id, payment_id, invoice_id),
      foreign key (org_id, payment_id) references payments (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id)
    );
    create index payment_allocations_intended_invoice_idx on payment_allocations_intended (org_id, invoice_id);

    create table payment_timeline (
      org_id uuid not null,
      id uuid not null,
      payment_id uuid not null,
      from_status text,
      to_status text not null,
      journal_entry_id uuid,
      processor_event_id text,
      detail jsonb not null default '{}',
      actor_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, payment_id) references payments (org_id, id),
      foreign key (org_id, journal_entry_id) references journal_entries (org_id, id)
    );
    create index payment_timeline_payment_idx on payment_timeline (org_id, payment_id, created_at);

    create table processor_events (
      org_id uuid not null references organizations (id) on delete cascade,
      processor text not null check (processor in ('sandbox', 'stripe')),
      event_id text not null check (length(event_id) between 1 and 255),
      type text not null,
      occurred_at timestamptz not null,
      payment_id uuid,
      outcome text not null check (outcome in ('applied', 'ignored', 'stale', 'unknown_payment')),
      received_at timestamptz not null default now(),
      primary key (org_id, processor, event_id)
    );

    create table payment_refunds (
      org_id uuid not null,
      id uuid not null,
      payment_id uuid not null,
      amount bigint not null check (amount > 0),
      status text not null check (status in ('initiated', 'pending', 'succeeded', 'failed')),
      reason text check (length(reason) <= 500),
      processor_refund_id text,
      idempotency_key text not null,
      journal_entry_id uuid,
      failure_code text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, idempotency_key),
      foreign key (org_id, payment_id) references payments (org_id, id)
    );

    create table payment_methods (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      processor text not null check (processor in ('sandbox', 'stripe')),
      token text not null check (length(token) between 1 and 255),
      kind text not null check (kind in ('card', 'ach')),
      brand text,
      last4 char(4) not null check (last4 ~ '^[0-9]{4}$'),
      exp_month integer check (exp_month between 1 and 12),
      exp_year integer check (exp_year between 2000 and 2200),
      bank_name text,
      account_type text check (account_type in ('checking', 'savings')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      removed_at timestamptz,
      primary key (org_id, id),
      unique (org_id, processor, token),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id)
    );
    create index payment_methods_customer_idx on payment_methods (org_id, customer_id) where removed_at is null;

    alter table payments add constraint payments_method_fk
      foreign key (org_id, payment_method_id) references payment_methods (org_id, id);

    create table processor_customers (
      org_id uuid not null,
      customer_id uuid not null,
      processor text not null check (processor in ('sandbox', 'stripe')),
      processor_customer_id text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, customer_id, processor),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id)
    );

    create table payment_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      processor text not null default 'sandbox' check (processor in ('sandbox', 'stripe')),
      online_invoices boolean not null default true,
      online_orders boolean not null default false,
      methods text[] not null default '{card,ach}' check (methods <@ array['card', 'ach']::text[]),
      erp_account_card text check (length(erp_account_card) <= 100),
      erp_account_ach text check (length(erp_account_ach) <= 100),
      partial_allowed boolean not null default true,
      partial_minimum bigint check (partial_minimum > 0),
      card_fee_bps integer not null default 0 check (card_fee_bps between 0 and 1000),
      card_fee_cap bigint check (card_fee_cap > 0),
      autopay_text_es text check (length(autopay_text_es) <= 5000),
      autopay_text_en text check (length(autopay_text_en) <= 5000),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table processor_credentials (
      org_id uuid not null references organizations (id) on delete cascade,
      processor text not null check (processor in ('stripe')),
      publishable_key text not null check (length(publishable_key) <= 255),
      secret_key_sealed text not null,
      secret_key_last4 char(4) not null,
      webhook_secret_sealed text,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (org_id, processor)
    );

    alter table customer_accounts add column online_payments boolean not null default true;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table customer_accounts drop column online_payments;
    drop table processor_credentials;
    drop table payment_settings;
    drop table processor_customers;
    alter table payments drop constraint payments_method_fk;
    drop table payment_methods;
    drop table payment_refunds;
    drop table processor_events;
    drop table payment_timeline;
    drop table payment_allocations_intended;
    delete from journal_lines where account in ('processor_clearing', 'convenience_fees', 'processor_fees', 'bank');
    alter table journal_lines drop constraint journal_lines_account_check;
    alter table journal_lines add constraint journal_lines_account_check check (account in
      ('accounts_receivable', 'sales', 'sales_returns', 'customer_credits', 'unapplied_cash', 'cash_clearing'));
    drop index payments_in_flight_idx;
    drop index payments_processor_id_key;
    delete from payments where status not in ('completed', 'reversed');
    alter table payments
      drop constraint payments_online_check,
      drop constraint payments_refunded_check,
      drop column updated_at, drop column client_user_agent, drop column client_ip,
      drop column expected_settlement, drop column completed_at, drop column return_code,
      drop column failure_message, drop column failure_code, drop column refunded_amount,
      drop column fee_amount, drop column payment_method_id, drop column processor_payment_id,
      drop column processor, drop column source;
    alter table payments drop constraint payments_status_check;
    alter table payments add constraint payments_status_check check (status in ('completed', 'reversed'));
  `.execute(db);
}
