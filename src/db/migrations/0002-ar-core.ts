import { type Kysely, sql } from 'kysely';

/**
 * The AR core: customer accounts in full, contacts, invoices (lines, line taxes, document fees
 * and taxes), credit memos, payments, their applications, and the journal every money movement
 * is written to. Amounts are bigint minor units beside an ISO 4217 code.
 *
 * Documents keep their current state (open amount, unapplied amount) beside the journal for fast
 * lists; tests hold the two in agreement. The journal itself is append-only: the application role
 * cannot update or delete it (db/roles.ts), and a deferred trigger refuses any entry whose lines
 * do not net to zero.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table customer_accounts
      add column billing_address jsonb not null default '{}',
      add column shipping_address jsonb not null default '{}',
      add column payment_terms_days integer not null default 30 check (payment_terms_days between 0 and 3650),
      add column credit_limit bigint check (credit_limit >= 0),
      add column hold_status text not null default 'active' check (hold_status in ('active', 'on_hold')),
      add column hold_reason text,
      add column hold_by uuid references users (id) on delete set null,
      add column hold_at timestamptz,
      add column collector_user_id uuid references users (id) on delete set null,
      add column tags text[] not null default '{}',
      add column erp_id text,
      add constraint customer_accounts_hold_check check (hold_status = 'active' or hold_reason is not null);
    create unique index customer_accounts_erp_id_key on customer_accounts (org_id, erp_id) where erp_id is not null;
    create index customer_accounts_name_idx on customer_accounts (org_id, lower(name));

    create table customer_contacts (
      org_id uuid not null,
      id uuid not null,
      account_id uuid not null,
      name text not null,
      email text check (email = lower(email)),
      phone text,
      role text,
      locale text not null default 'es' check (locale in ('es', 'en')),
      receives text[] not null default '{invoices,statements,reminders,receipts}',
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, account_id) references customer_accounts (org_id, id) on delete cascade
    );
    create index customer_contacts_account_idx on customer_contacts (org_id, account_id);

    create table invoices (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      number text not null,
      erp_id text,
      issue_date date not null,
      due_date date not null,
      currency char(3) not null,
      po_number text,
      status text not null check (status in ('draft', 'open', 'void')),
      subtotal bigint not null,
      discount_total bigint not null default 0,
      tax_total bigint not null default 0,
      fee_total bigint not null default 0,
      total bigint not null check (total > 0),
      open_amount bigint not null,
      pending_amount bigint not null default 0 check (pending_amount >= 0),
      payment_status text generated always as (
        case when open_amount = 0 then 'paid'
             when pending_amount > 0 then 'payment_pending'
             when open_amount < total then 'partially_paid'
             else 'unpaid' end) stored,
      notes text,
      posted_at timestamptz,
      voided_at timestamptz,
      void_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      unique (org_id, number),
      check (due_date >= issue_date),
      check (open_amount >= 0 and open_amount <= total),
      check (pending_amount <= open_amount),
      check (total = subtotal + tax_total + fee_total),
      check (status <> 'void' or open_amount = total)
    );
    create unique index invoices_erp_id_key on invoices (org_id, erp_id) where erp_id is not null;
    create index invoices_customer_idx on invoices (org_id, customer_id, due_date);
    create index invoices_open_idx on invoices (org_id, customer_id, due_date) include (open_amount, currency)
      where status = 'open' and open_amount > 0;
    create index invoices_org_due_idx on invoices (org_id, due_date) where status = 'open' and open_amount > 0;

    create table invoice_lines (
      org_id uuid not null,
      invoice_id uuid not null,
      line_no integer not null,
      sku text,
      description text not null,
      quantity numeric(18, 4) not null,
      unit text,
      unit_price numeric(24, 6) not null,
      discount_amount bigint not null default 0,
      net_amount bigint not null,
      tax_amount bigint not null default 0,
      total_amount bigint not null,
      primary key (org_id, invoice_id, line_no),
      foreign key (org_id, invoice_id) references invoices (org_id, id) on delete cascade,
      check (total_amount = net_amount + tax_amount)
    );

    create table invoice_line_taxes (
      org_id uuid not null,
      invoice_id uuid not null,
      line_no integer not null,
      seq integer not null,
      name text not null,
      rate numeric(9, 4),
      amount bigint not null,
      primary key (org_id, invoice_id, line_no, seq),
      foreign key (org_id, invoice_id, line_no) references invoice_lines (org_id, invoice_id, line_no) on delete cascade
    );

    create table invoice_charges (
      org_id uuid not null,
      invoice_id uuid not null,
      seq integer not null,
      kind text not null check (kind in ('fee', 'tax')),
      name text not null,
      rate numeric(9, 4),
      amount bigint not null,
      primary key (org_id, invoice_id, seq),
      foreign key (org_id, invoice_id) references invoices (org_id, id) on delete cascade
    );

    create table credit_memos (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      number text not null,
      erp_id text,
      invoice_id uuid,
      issue_date date not null,
      currency char(3) not null,
      amount bigint not null check (amount > 0),
      unapplied_amount bigint not null,
      reason text,
      status text not null default 'open' check (status in ('open', 'void')),
      voided_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id),
      unique (org_id, number),
      check (unapplied_amount >= 0 and unapplied_amount <= amount)
    );
    create unique index credit_memos_erp_id_key on credit_memos (org_id, erp_id) where erp_id is not null;
    create index credit_memos_customer_idx on credit_memos (org_id, customer_id, issue_date);

    create table payments (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      number text not null,
      currency char(3) not null,
      amount bigint not null check (amount > 0),
      unapplied_amount bigint not null,
      received_on date not null,
      method text not null check (method in ('check', 'cash', 'bank_transfer', 'card_terminal', 'other', 'card', 'ach')),
      reference text,
      status text not null default 'completed' check (status in ('completed', 'reversed')),
      reversed_at timestamptz,
      reverse_reason text,
      idempotency_key text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      unique (org_id, number),
      check (unapplied_amount >= 0 and unapplied_amount <= amount),
      check (status <> 'reversed' or unapplied_amount = amount)
    );
    create unique index payments_idempotency_key on payments (org_id, idempotency_key) where idempotency_key is not null;
    create index payments_customer_idx on payments (org_id, customer_id, received_on);

    create table journal_entries (
      org_id uuid not null,
      id uuid not null,
      currency char(3) not null,
      kind text not null,
      memo text,
      reverses_entry_id uuid,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, reverses_entry_id) references journal_entries (org_id, id)
    );

    create table journal_lines (
      org_id uuid not null,
      entry_id uuid not null,
      line_no integer not null,
      account text not null check (account in ('accounts_receivable', 'sales', 'sales_returns', 'customer_credits', 'unapplied_cash', 'cash_clearing')),
      customer_id uuid not null,
      invoice_id uuid,
      credit_memo_id uuid,
      payment_id uuid,
      amount bigint not null check (amount <> 0),
      primary key (org_id, entry_id, line_no),
      foreign key (org_id, entry_id) references journal_entries (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id)
    );
    create index journal_lines_customer_idx on journal_lines (org_id, customer_id, account);
    create index journal_lines_invoice_idx on journal_lines (org_id, invoice_id) where invoice_id is not null;
    create index journal_lines_payment_idx on journal_lines (org_id, payment_id) where payment_id is not null;
    create index journal_lines_credit_idx on journal_lines (org_id, credit_memo_id) where credit_memo_id is not null;

    create function journal_entry_balanced() returns trigger language plpgsql as $$
    declare imbalance bigint;
    begin
      select coalesce(sum(amount), 0) into imbalance from journal_lines
       where org_id = new.org_id and entry_id = new.entry_id;
      if imbalance <> 0 then
        raise exception 'journal entry % does not balance (off by %)', new.entry_id, imbalance
          using errcode = 'check_violation';
      end if;
      return null;
    end $$;
    create constraint trigger journal_lines_balanced after insert on journal_lines
      deferrable initially deferred for each row execute function journal_entry_balanced();

    create table payment_applications (
      org_id uuid not null,
      id uuid not null,
      payment_id uuid not null,
      invoice_id uuid not null,
      amount bigint not null check (amount > 0),
      journal_entry_id uuid not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unapplied_at timestamptz,
      unapplied_by uuid references users (id) on delete set null,
      unapply_reason text,
      reversal_entry_id uuid,
      primary key (org_id, id),
      foreign key (org_id, payment_id) references payments (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id),
      foreign key (org_id, journal_entry_id) references journal_entries (org_id, id),
      foreign key (org_id, reversal_entry_id) references journal_entries (org_id, id),
      check ((unapplied_at is null) = (reversal_entry_id is null))
    );
    create index payment_applications_payment_idx on payment_applications (org_id, payment_id);
    create index payment_applications_invoice_idx on payment_applications (org_id, invoice_id);

    create table credit_applications (
      org_id uuid not null,
      id uuid not null,
      credit_memo_id uuid not null,
      invoice_id uuid not null,
      amount bigint not null check (amount > 0),
      journal_entry_id uuid not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unapplied_at timestamptz,
      unapplied_by uuid references users (id) on delete set null,
      reversal_entry_id uuid,
      primary key (org_id, id),
      foreign key (org_id, credit_memo_id) references credit_memos (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id),
      foreign key (org_id, journal_entry_id) references journal_entries (org_id, id),
      check ((unapplied_at is null) = (reversal_entry_id is null))
    );
    create index credit_applications_credit_idx on credit_applications (org_id, credit_memo_id);
    create index credit_applications_invoice_idx on credit_applications (org_id, invoice_id);

    create table document_sequences (
      org_id uuid not null references organizations (id) on delete cascade,
      kind text not null,
      next_value bigint not null,
      primary key (org_id, kind)
    );

    create table document_templates (
      org_id uuid not null references organizations (id) on delete cascade primary key,
      logo bytea,
      logo_type text check (logo_type in ('image/png', 'image/jpeg')),
      accent_color text not null default '#0f766e' check (accent_color ~ '^#[0-9a-fA-F]{6}$'),
      footer_text text not null default '',
      show_sku boolean not null default true,
      show_unit boolean not null default true,
      show_discount boolean not null default true,
      show_tax_detail boolean not null default true,
      show_po_number boolean not null default true,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table document_templates, document_sequences, credit_applications, payment_applications;
    drop trigger journal_lines_balanced on journal_lines;
    drop function journal_entry_balanced();
    drop table journal_lines, journal_entries, payments, credit_memos, invoice_charges, invoice_line_taxes,
      invoice_lines, invoices, customer_contacts;
    alter table customer_accounts drop constraint customer_accounts_hold_check,
      drop column billing_address, drop column shipping_address, drop column payment_terms_days,
      drop column credit_limit, drop column hold_status, drop column hold_reason, drop column hold_by,
      drop column hold_at, drop column collector_user_id, drop column tags, drop column erp_id;
  `.execute(db);
}
