import { type Kysely, sql } from 'kysely';

/**
 * Delivery preferences, e-invoicing and the print batch (issue 10: delivery).
 *
 * - delivery_preferences: how one customer account gets its documents — `email` (PDF attached or
 *   link only), `postal` (printed in a batch), `ubl` (a Peppol BIS 3.0 UBL document posted to the
 *   customer's AP endpoint; the bearer secret sealed like the other secrets, AES-256-GCM with the
 *   seller as AAD) or `edi` (an X12 810 per trading partner: the ISA/GS ids and qualifiers, the
 *   test/production indicator). No row: e-mail with the PDF attached.
 * - delivery_settings: the seller's side of e-invoicing (its postal address for documents, its Peppol
 *   endpoint id) and its X12 control-number counters (ISA13, GS06, ST02): taken by one
 *   `update … returning` inside the delivery's transaction: the row stays locked until it commits,
 *   so two deliveries never get the same number; a rolled-back delivery undoes its increment (it
 *   sent nothing), so numbers stay consecutive.
 * - print_batches: one merged PDF per "print batch", kept for downloading again.
 * - document_deliveries: each delivery of a document through a channel other than e-mail (UBL, EDI,
 *   postal): the file as sent (so a failed e-invoice is never lost and can be sent again), its status,
 *   attempts and last error; for postal, when and in which batch it was printed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table delivery_preferences (
      org_id uuid not null,
      customer_id uuid not null,
      channel text not null default 'email' check (channel in ('email', 'postal', 'ubl', 'edi')),
      email_attach_pdf boolean not null default true,
      ap_endpoint_url text check (length(ap_endpoint_url) between 1 and 2000),
      ap_auth_sealed text,
      ap_auth_last4 text,
      peppol_scheme text check (peppol_scheme ~ '^[0-9]{4}$'),
      peppol_id text check (length(peppol_id) between 1 and 100),
      edi_isa_sender_qualifier text check (edi_isa_sender_qualifier ~ '^[0-9A-Z]{2}$'),
      edi_isa_sender_id text check (length(edi_isa_sender_id) between 1 and 15),
      edi_isa_receiver_qualifier text check (edi_isa_receiver_qualifier ~ '^[0-9A-Z]{2}$'),
      edi_isa_receiver_id text check (length(edi_isa_receiver_id) between 1 and 15),
      edi_gs_sender_id text check (length(edi_gs_sender_id) between 2 and 15),
      edi_gs_receiver_id text check (length(edi_gs_receiver_id) between 2 and 15),
      edi_usage text not null default 'T' check (edi_usage in ('T', 'P')),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (org_id, customer_id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      check (channel <> 'ubl' or ap_endpoint_url is not null),
      check (channel <> 'edi' or (edi_isa_sender_id is not null and edi_isa_receiver_id is not null
        and edi_gs_sender_id is not null and edi_gs_receiver_id is not null))
    );

    create table delivery_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      seller_address jsonb not null default '{}',
      peppol_scheme text check (peppol_scheme ~ '^[0-9]{4}$'),
      peppol_id text check (length(peppol_id) between 1 and 100),
      edi_interchange_control bigint not null default 0 check (edi_interchange_control between 0 and 999999999),
      edi_group_control bigint not null default 0 check (edi_group_control between 0 and 999999999),
      edi_transaction_control bigint not null default 0 check (edi_transaction_control between 0 and 999999999),
      updated_at timestamptz not null default now()
    );

    create table print_batches (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      number integer not null check (number >= 1),
      document_count integer not null check (document_count >= 1),
      customer_count integer not null check (customer_count >= 1),
      page_count integer not null check (page_count >= 1),
      pdf bytea not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, number)
    );

    create table document_deliveries (
      org_id uuid not null,
      id uuid not null,
      customer_id uuid not null,
      document_type text not null check (document_type in ('invoice', 'credit_memo')),
      document_id uuid not null,
      document_number text not null,
      channel text not null check (channel in ('postal', 'ubl', 'edi')),
      status text not null check (status in ('pending', 'delivered', 'failed', 'printed')),
      attempts integer not null default 0 check (attempts >= 0),
      last_error text check (length(last_error) <= 2000),
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      file_name text,
      content_type text,
      content bytea,
      control_number bigint,
      print_batch_id uuid,
      printed_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, customer_id) references customer_accounts (org_id, id) on delete cascade,
      foreign key (org_id, print_batch_id) references print_batches (org_id, id),
      check ((status = 'printed') = (print_batch_id is not null))
    );
    create index document_deliveries_customer_idx on document_deliveries (org_id, customer_id, created_at desc);
    create index document_deliveries_due_print_idx on document_deliveries (org_id, created_at)
      where channel = 'postal' and status = 'pending';
    create index document_deliveries_document_idx on document_deliveries (org_id, document_type, document_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table document_deliveries;
    drop table print_batches;
    drop table delivery_settings;
    drop table delivery_preferences;
  `.execute(db);
}
