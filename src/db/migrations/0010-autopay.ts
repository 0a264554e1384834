import { type Kysely, sql } from 'kysely';

/**
 * Autopay (issue 8): a customer account's standing order to charge a saved method for its invoices.
 *
 * - autopay_settings: per seller, how many days before a charge the notice goes out (default 3).
 * - autopay_enrollments: one live (active or paused) enrollment per account; cancelled ones stay.
 * - autopay_authorizations: every consent, kept forever (append-only, enforced by a trigger): the
 *   exact text shown, its language, who (customer user or staff), when, from which address and
 *   browser, and the rules it agreed to. Enrolling again or changing the rules adds one.
 * - autopay_attempts: one row per charge attempt, unique on (enrollment, charge day, attempt):
 *   the job that charges claims it by inserting it, so a re-run sweep or a retried job charges
 *   once; its payment carries the idempotency key autopay:<enrollment>:<day>:<attempt>.
 * - autopay_attempt_items: the invoices an attempt meant to pay. Autopay takes one turn per
 *   invoice and authorization: an invoice already tried (paid, declined, left over the maximum)
 *   is not charged again automatically unless the customer authorizes anew.
 * - autopay_notices: the notice e-mail sent before a charge day, once per enrollment,
 *   authorization and day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table autopay_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      notice_days integer not null default 3 check (notice_days between 0 and 30),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    );

    create table autopay_enrollments (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      status text not null default 'active' check (status in ('active', 'paused', 'cancelled')),
      payment_method_id uuid not null,
      timing text not null check (timing in ('due_date', 'days_before')),
      days_before integer check (days_before between 1 and 30),
      scope text not null check (scope in ('all_due', 'overdue_only')),
      max_per_charge bigint check (max_per_charge > 0 and max_per_charge <= 1000000000000000),
      currency char(3) not null,
      authorization_id uuid not null,
      paused_at timestamptz,
      pause_reason text check (pause_reason in ('customer', 'staff', 'method_unusable')),
      cancelled_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id),
      foreign key (org_id, payment_method_id) references payment_methods (org_id, id),
      check ((timing = 'days_before') = (days_before is not null)),
      check ((status = 'cancelled') = (cancelled_at is not null)),
      check ((status = 'paused') = (paused_at is not null))
    );
    create unique index autopay_enrollments_live_idx on autopay_enrollments (org_id, customer_id)
      where status <> 'cancelled';
    create index autopay_enrollments_active_idx on autopay_enrollments (org_id, customer_id)
      include (id) where status = 'active';
    create index autopay_enrollments_method_idx on autopay_enrollments (org_id, payment_method_id)
      where status <> 'cancelled';

    create table autopay_authorizations (
      org_id uuid not null,
      id uuid not null,
      enrollment_id uuid not null,
      text text not null check (length(text) between 1 and 10000),
      locale text not null check (locale in ('es', 'en')),
      accepted_at timestamptz not null default now(),
      accepted_by_kind text not null check (accepted_by_kind in ('customer', 'staff')),
      accepted_by_user_id uuid references users (id) on delete set null,
      accepted_by_name text not null check (length(accepted_by_name) <= 300),
      accepted_by_email text not null check (length(accepted_by_email) <= 320),
      ip text check (length(ip) <= 100),
      user_agent text check (length(user_agent) <= 1000),
      terms jsonb not null,
      primary key (org_id, id),
      foreign key (org_id, enrollment_id) references autopay_enrollments (org_id, id)
    );
    create index autopay_authorizations_enrollment_idx on autopay_authorizations (org_id, enrollment_id);
    alter table autopay_enrollments add constraint autopay_enrollments_authorization_fk
      foreign key (org_id, authorization_id) references autopay_authorizations (org_id, id)
      deferrable initially deferred;

    -- Consent is evidence: it is never edited or removed, whatever role connects.
    create function autopay_authorizations_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'autopay_authorizations is append-only';
    end $$;
    create trigger autopay_authorizations_append_only before update or delete on autopay_authorizations
      for each row execute function autopay_authorizations_append_only();

    create table autopay_attempts (
      org_id uuid not null,
      id uuid not null,
      enrollment_id uuid not null,
      authorization_id uuid not null,
      customer_id uuid not null,
      charge_on date not null,
      attempt integer not null check (attempt between 1 and 10),
      run_on date not null,
      status text not null check (status in ('processing', 'succeeded', 'pending', 'failed', 'skipped')),
      payment_id uuid,
      amount bigint not null default 0 check (amount >= 0),
      currency char(3) not null,
      failure_code text check (length(failure_code) <= 100),
      failure_retryable boolean,
      next_retry_on date,
      stopped boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, enrollment_id, charge_on, attempt),
      foreign key (org_id, enrollment_id) references autopay_enrollments (org_id, id),
      foreign key (org_id, payment_id) references payments (org_id, id)
    );
    create index autopay_attempts_enrollment_idx on autopay_attempts (org_id, enrollment_id, created_at desc);
    create index autopay_attempts_retry_idx on autopay_attempts (next_retry_on)
      where next_retry_on is not null;

    create table autopay_attempt_items (
      org_id uuid not null,
      attempt_id uuid not null,
      invoice_id uuid not null,
      authorization_id uuid not null,
      amount bigint not null check (amount >= 0),
      primary key (org_id, attempt_id, invoice_id),
      foreign key (org_id, attempt_id) references autopay_attempts (org_id, id),
      foreign key (org_id, invoice_id) references invoices (org_id, id)
    );
    create index autopay_attempt_items_invoice_idx on autopay_attempt_items (org_id, invoice_id, authorization_id);

    create table autopay_notices (
      org_id uuid not null,
      enrollment_id uuid not null,
      authorization_id uuid not null,
      charge_on date not null,
      amount bigint not null check (amount >= 0),
      invoice_count integer not null,
      sent_at timestamptz not null default now(),
      primary key (org_id, enrollment_id, authorization_id, charge_on),
      foreign key (org_id, enrollment_id) references autopay_enrollments (org_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table autopay_notices;
    drop table autopay_attempt_items;
    drop table autopay_attempts;
    alter table autopay_enrollments drop constraint autopay_enrollments_authorization_fk;
    drop table autopay_authorizations;
    drop function autopay_authorizations_append_only();
    drop table autopay_enrollments;
    drop table autopay_settings;
  `.execute(db);
}
