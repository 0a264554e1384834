import { type Kysely, sql } from 'kysely';

/**
 * Orders over the credit limit (issue 8): the ERP asks whether an order fits the customer's
 * credit (credit_checks, one row per answer); an order that does not fit gets a pay link
 * (pay_links) for the part over the limit or the whole order (payment_settings.order_payment);
 * what is paid is a prepayment — a payment tied to the order (payments.order_reference) that
 * waits as unapplied cash until the invoice with that order reference (invoices.order_reference)
 * is created, and is applied to it in the same transaction.
 *
 * - pay_links.token_hash: SHA-256 of the link's token; the token itself is never stored (it is
 *   derived from the instance key and the link's id, so the same order checked again can answer
 *   the same address).
 * - A link's state is read, not stored: cancelled (cancelled_at), paid or processing (its
 *   payment's status), expired (expires_at) or open. One source of truth: the payment.
 * - customer_accounts.credit_limit exists since 0002: null = no limit, 0 = no credit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payment_settings
      add column order_payment text not null default 'excess' check (order_payment in ('excess', 'whole'));

    alter table payments
      add column order_reference text check (length(order_reference) between 1 and 100);
    create index payments_order_reference_idx on payments (org_id, customer_id, order_reference)
      where order_reference is not null;

    alter table invoices
      add column order_reference text check (length(order_reference) between 1 and 100);
    create index invoices_order_reference_idx on invoices (org_id, customer_id, order_reference)
      where order_reference is not null;

    create table pay_links (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      token_hash bytea not null unique,
      customer_id uuid not null,
      purpose text not null check (purpose in ('order', 'invoices')),
      order_reference text check (length(order_reference) between 1 and 100),
      amount bigint not null check (amount > 0),
      currency char(3) not null,
      expires_at timestamptz not null,
      payment_id uuid,
      cancelled_at timestamptz,
      cancel_reason text check (cancel_reason in ('superseded', 'staff')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      foreign key (org_id, payment_id) references payments (org_id, id),
      check ((purpose = 'order') = (order_reference is not null)),
      check ((cancelled_at is null) = (cancel_reason is null))
    );
    create index pay_links_customer_idx on pay_links (org_id, customer_id, created_at desc);

    create table pay_link_invoices (
      org_id uuid not null,
      pay_link_id uuid not null,
      invoice_id uuid not null,
      amount bigint not null check (amount > 0),
      primary key (org_id, pay_link_id, invoice_id),
      foreign key (org_id, pay_link_id) references pay_links (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id)
    );

    alter table payments add column pay_link_id uuid;
    alter table payments add constraint payments_pay_link_fk
      foreign key (org_id, pay_link_id) references pay_links (org_id, id);

    create table credit_checks (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      customer_id uuid not null,
      order_reference text not null check (length(order_reference) between 1 and 100),
      order_amount bigint not null check (order_amount > 0),
      currency char(3) not null,
      credit_limit bigint,
      balance bigint not null,
      pending_orders bigint not null check (pending_orders >= 0),
      prepaid bigint not null check (prepaid >= 0),
      available_credit bigint,
      decision text not null check (decision in ('approved', 'payment_required')),
      amount_to_pay bigint not null check (amount_to_pay >= 0),
      pay_link_id uuid,
      pay_link_unavailable text check (pay_link_unavailable in ('seller_off', 'customer_off', 'no_methods')),
      api_key_id uuid,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      foreign key (org_id, pay_link_id) references pay_links (org_id, id),
      check ((decision = 'approved') = (amount_to_pay = 0))
    );
    create index credit_checks_order_idx on credit_checks (org_id, customer_id, order_reference, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table credit_checks;
    alter table payments drop constraint payments_pay_link_fk, drop column pay_link_id;
    drop table pay_link_invoices;
    drop table pay_links;
    alter table invoices drop column order_reference;
    alter table payments drop column order_reference;
    alter table payment_settings drop column order_payment;
  `.execute(db);
}
