import { type Kysely, sql } from 'kysely';

/**
 * Deposits (issue 8): what each processor paid into the seller's bank, per business day, card and
 * ACH apart, as its payouts (`PaymentGateway.listPayouts`) report them.
 *
 * - deposits: one row per payout, unique on (seller, processor, payout id), so a sync that sees a
 *   payout again stores nothing. Totals are kept beside the lines (gross = Σ line amounts =
 *   charges + refunds + returns + adjustments, the last three signed; net = gross − fees = what
 *   reached the bank) and the journal entry that moved the money out of
 *   processor_clearing: bank Dr net, processor_fees Dr fees, processor_clearing Cr gross.
 *   `covers_from`..`covers_to` are the seller's calendar days whose payments the deposit's
 *   "payments initiated" report lists (the business day before arrival, and the days without
 *   banks before it). `report_sent_at` is claimed by the report e-mail's job, so it goes once.
 * - deposit_lines: each payout line, matched to Saldo's payment (and refund) when the processor's
 *   id names one; `payment_id` null is an unmatched line (a fee of the account, an adjustment).
 * - deposit_report_recipients: the seller's chosen addresses for the reports.
 * - mail_attachments: files a message in the outbox carries (the reports: CSV and XLSX), in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deposits (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      processor text not null check (processor in ('sandbox', 'stripe')),
      payout_id text not null check (length(payout_id) between 1 and 255),
      method_kind text not null check (method_kind in ('card', 'ach')),
      currency char(3) not null,
      arrival_date date not null,
      covers_from date not null,
      covers_to date not null,
      charges bigint not null check (charges >= 0),
      refunds bigint not null check (refunds <= 0),
      returns bigint not null check (returns <= 0),
      adjustments bigint not null,
      gross bigint not null,
      fees bigint not null check (fees >= 0),
      net bigint not null,
      status text not null check (status in ('reconciled', 'unmatched')),
      processor_status text not null check (processor_status in ('pending', 'in_transit', 'paid', 'failed')),
      journal_entry_id uuid,
      report_sent_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, processor, payout_id),
      foreign key (org_id, journal_entry_id) references journal_entries (org_id, id),
      check (gross = charges + refunds + returns + adjustments and net = gross - fees),
      check (covers_from <= covers_to and covers_to < arrival_date)
    );
    create index deposits_arrival_idx on deposits (org_id, arrival_date desc, method_kind);

    create table deposit_lines (
      org_id uuid not null,
      deposit_id uuid not null,
      line_no integer not null check (line_no > 0),
      type text not null check (type in ('charge', 'refund', 'return', 'dispute', 'fee', 'adjustment')),
      processor_payment_id text,
      amount bigint not null,
      fee bigint not null check (fee >= 0),
      payment_id uuid,
      refund_id uuid,
      primary key (org_id, deposit_id, line_no),
      foreign key (org_id, deposit_id) references deposits (org_id, id),
      foreign key (org_id, payment_id) references payments (org_id, id),
      foreign key (org_id, refund_id) references payment_refunds (org_id, id)
    );
    create index deposit_lines_payment_idx on deposit_lines (org_id, payment_id) where payment_id is not null;

    create table deposit_report_recipients (
      org_id uuid not null references organizations (id) on delete cascade,
      email text not null check (length(email) between 3 and 254),
      position integer not null,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (org_id, email)
    );

    create table mail_attachments (
      message_id uuid not null references mail_messages (id) on delete cascade,
      position integer not null,
      filename text not null check (length(filename) between 1 and 200),
      content_type text not null check (length(content_type) <= 200),
      content bytea not null,
      primary key (message_id, position)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table mail_attachments;
    drop table deposit_report_recipients;
    drop table deposit_lines;
    drop table deposits;
  `.execute(db);
}
