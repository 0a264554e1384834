import { type Kysely, sql } from 'kysely';

/**
 * Imports from the seller's ERP (issue 9): saved mapping profiles, one row per import run (its file,
 * settings, progress and summary), every rejected row with its line, column and reason, and the
 * documents an import flagged for review (a new total below what is already paid; an aging report's
 * differences). Uploaded files are kept in the database in chunks until their run finishes, so a web
 * process and a worker on another machine read the same bytes.
 *
 * Payments recorded in the ERP arrive with the ERP's id (unique per org) and the source 'erp'; like a
 * manual payment they have no processor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_profiles (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      kind text not null
        check (kind in ('customers', 'contacts', 'invoices', 'credit_memos', 'payments', 'holds', 'aging')),
      name text not null check (length(name) between 1 and 100),
      settings jsonb not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, kind, name)
    );

    create table import_runs (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      kind text not null
        check (kind in ('customers', 'contacts', 'invoices', 'credit_memos', 'payments', 'holds', 'aging')),
      channel text not null check (channel in ('console', 'cli', 'drop_folder', 'api')),
      profile_id uuid,
      file_name text not null check (length(file_name) between 1 and 255),
      file_size bigint not null check (file_size >= 0),
      file_sha256 text not null,
      settings jsonb not null,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'completed', 'rejected', 'failed', 'interrupted')),
      rows_done integer not null default 0,
      bytes_done bigint not null default 0,
      summary jsonb,
      error_count integer not null default 0,
      failure_code text,
      duplicate_of uuid,
      started_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      primary key (org_id, id),
      foreign key (org_id, profile_id) references import_profiles (org_id, id) on delete set null (profile_id)
    );
    create index import_runs_org_created_idx on import_runs (org_id, created_at desc);
    create index import_runs_org_sha_idx on import_runs (org_id, kind, file_sha256) where status = 'completed';

    create table import_file_chunks (
      org_id uuid not null,
      import_id uuid not null,
      seq integer not null check (seq >= 0),
      data bytea not null,
      primary key (org_id, import_id, seq),
      foreign key (org_id, import_id) references import_runs (org_id, id) on delete cascade
    );

    create table import_errors (
      org_id uuid not null,
      import_id uuid not null,
      seq integer not null,
      line integer,
      column_name text,
      code text not null,
      params jsonb not null default '{}',
      primary key (org_id, import_id, seq),
      foreign key (org_id, import_id) references import_runs (org_id, id) on delete cascade
    );

    create table import_reviews (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      import_id uuid not null,
      kind text not null check (kind in ('invoice', 'credit_memo', 'payment', 'aging')),
      document_id uuid,
      erp_id text,
      reason text not null,
      params jsonb not null default '{}',
      status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid references users (id) on delete set null,
      primary key (org_id, id),
      foreign key (org_id, import_id) references import_runs (org_id, id) on delete cascade
    );
    create index import_reviews_org_open_idx on import_reviews (org_id, created_at desc) where status = 'open';

    alter table payments add column erp_id text check (length(erp_id) between 1 and 100);
    create unique index payments_erp_id_key on payments (org_id, erp_id) where erp_id is not null;
    alter table payments drop constraint payments_source_check;
    alter table payments add constraint payments_source_check
      check (source in ('manual', 'portal', 'staff', 'autopay', 'pay_link', 'credit_check', 'erp'));
    alter table payments drop constraint payments_online_check;
    alter table payments add constraint payments_online_check
      check ((processor is null) = (source in ('manual', 'erp')));

    alter table request_keys drop constraint request_keys_scope_check;
    alter table request_keys add constraint request_keys_scope_check
      check (scope in ('credit_memo', 'invoice', 'import'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table request_keys drop constraint request_keys_scope_check;
    alter table request_keys add constraint request_keys_scope_check check (scope in ('credit_memo', 'invoice'));
    alter table payments drop constraint payments_online_check;
    alter table payments add constraint payments_online_check check ((processor is null) = (source = 'manual'));
    alter table payments drop constraint payments_source_check;
    alter table payments add constraint payments_source_check
      check (source in ('manual', 'portal', 'staff', 'autopay', 'pay_link', 'credit_check'));
    drop index payments_erp_id_key;
    alter table payments drop column erp_id;
    drop table import_reviews;
    drop table import_errors;
    drop table import_file_chunks;
    drop table import_runs;
    drop table import_profiles;
  `.execute(db);
}
