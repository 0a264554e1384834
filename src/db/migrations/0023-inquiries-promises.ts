import { type Kysely, sql } from 'kysely';

/**
 * Questions, disputes and promises to pay (issue 10).
 *
 * - invoice_inquiries: a customer's question about an invoice or a dispute of all or part of it,
 *   opened from the portal (or by staff on the customer's behalf), with its reason; answered and
 *   resolved by staff from the console's queue. An open dispute keeps its amount (the whole open
 *   amount when `disputed_amount` is null) out of reminders and collection e-mails. `resolution`
 *   and `resolved_at` are set together when it is resolved.
 * - invoice_inquiry_messages: the thread, in order: the opening message, then each reply.
 * - payment_promises: a promise to pay an amount by a date, recorded by staff or the customer, for
 *   one invoice or (invoice_id null) the account. While it is open and its date has not passed,
 *   reminders for what it covers pause; once the date passes unpaid it is missed and they resume.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table invoice_inquiries (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      customer_id uuid not null,
      invoice_id uuid not null,
      kind text not null check (kind in ('question', 'dispute')),
      reason text check (reason in ('price', 'quantity', 'damaged_goods', 'not_received', 'already_paid', 'other')),
      disputed_amount bigint check (disputed_amount > 0),
      currency char(3) not null,
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolution text check (resolution in ('answered', 'credit_issued', 'adjusted', 'rejected', 'withdrawn')),
      opened_by text not null check (opened_by in ('customer', 'staff')),
      opened_by_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by_user_id uuid references users (id) on delete set null,
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      foreign key (org_id, invoice_id) references invoices (org_id, id) on delete cascade,
      check ((kind = 'dispute') = (reason is not null)),
      check (kind = 'dispute' or disputed_amount is null),
      check ((status = 'resolved') = (resolution is not null)),
      check ((status = 'resolved') = (resolved_at is not null))
    );
    create index invoice_inquiries_queue_idx on invoice_inquiries (org_id, status, updated_at desc);
    create index invoice_inquiries_invoice_idx on invoice_inquiries (org_id, invoice_id);
    create index invoice_inquiries_customer_idx on invoice_inquiries (org_id, customer_id, created_at desc);

    create table invoice_inquiry_messages (
      org_id uuid not null,
      inquiry_id uuid not null,
      position integer not null check (position >= 1),
      author text not null check (author in ('customer', 'staff')),
      author_user_id uuid references users (id) on delete set null,
      body text not null check (length(body) between 1 and 5000),
      created_at timestamptz not null default now(),
      primary key (org_id, inquiry_id, position),
      foreign key (org_id, inquiry_id) references invoice_inquiries (org_id, id) on delete cascade
    );

    create table payment_promises (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      customer_id uuid not null,
      invoice_id uuid,
      promised_on date not null,
      amount bigint not null check (amount > 0),
      currency char(3) not null,
      note text check (length(note) <= 1000),
      status text not null default 'open' check (status in ('open', 'cancelled')),
      recorded_by text not null check (recorded_by in ('customer', 'staff')),
      recorded_by_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      cancelled_at timestamptz,
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      foreign key (org_id, invoice_id) references invoices (org_id, id) on delete cascade,
      check ((status = 'cancelled') = (cancelled_at is not null))
    );
    create index payment_promises_customer_idx on payment_promises (org_id, customer_id, promised_on desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table payment_promises, invoice_inquiry_messages, invoice_inquiries`.execute(db);
}
