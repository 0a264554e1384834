import { type Kysely, sql } from 'kysely';

/**
 * Identity and tenancy. Every business table leads its key with org_id and its foreign keys
 * include it, so no row can point into another seller. Users, sessions and password resets are
 * global: one e-mail identity belongs to many sellers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organizations (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      legal_name text,
      tax_id text,
      country char(2) not null check (country ~ '^[A-Z]{2}$'),
      time_zone text not null,
      default_currency char(3) not null check (default_currency ~ '^[A-Z]{3}$'),
      locale text not null check (locale in ('es', 'en')),
      branding jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key,
      email text not null check (email = lower(email) and position('@' in email) > 1),
      name text not null default '',
      password_hash text,
      locale text not null default 'es' check (locale in ('es', 'en')),
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (email);

    create table staff_memberships (
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'ar_agent', 'viewer')),
      created_at timestamptz not null default now(),
      primary key (org_id, user_id)
    );
    create index staff_memberships_user_idx on staff_memberships (user_id);

    create table customer_accounts (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      account_number text not null,
      name text not null check (length(name) between 1 and 200),
      tax_id text,
      currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
      locale text not null check (locale in ('es', 'en')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, account_number)
    );

    create table customer_memberships (
      org_id uuid not null,
      account_id uuid not null,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('account_admin', 'payer', 'accountant')),
      created_at timestamptz not null default now(),
      primary key (org_id, account_id, user_id),
      foreign key (org_id, account_id) references customer_accounts (org_id, id) on delete cascade
    );
    create index customer_memberships_user_idx on customer_memberships (user_id);

    create table invitations (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      email text not null check (email = lower(email)),
      kind text not null check (kind in ('staff', 'customer')),
      role text not null,
      account_id uuid,
      token_hash bytea not null unique,
      invited_by uuid references users (id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      foreign key (org_id, account_id) references customer_accounts (org_id, id) on delete cascade,
      check ((kind = 'staff' and account_id is null and role in ('owner', 'admin', 'ar_agent', 'viewer'))
          or (kind = 'customer' and account_id is not null and role in ('account_admin', 'payer', 'accountant')))
    );

    create table sessions (
      token_hash bytea primary key,
      user_id uuid not null references users (id) on delete cascade,
      org_id uuid references organizations (id) on delete set null,
      account_id uuid,
      csrf_token text not null,
      ip inet,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table password_resets (
      token_hash bytea primary key,
      user_id uuid not null references users (id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index password_resets_user_idx on password_resets (user_id);

    create table api_keys (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      name text not null,
      prefix text not null unique,
      key_hash bytea not null,
      scopes text[] not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      primary key (org_id, id)
    );

    create table audit_log (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      at timestamptz not null default now(),
      actor_user_id uuid references users (id) on delete set null,
      actor_api_key_id uuid,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before jsonb,
      after jsonb,
      request_id text,
      ip inet,
      primary key (org_id, id)
    );
    create index audit_log_entity_idx on audit_log (org_id, entity_type, entity_id, at);

    create table security_events (
      id uuid primary key,
      user_id uuid references users (id) on delete cascade,
      email text,
      type text not null,
      at timestamptz not null default now(),
      ip inet,
      user_agent text,
      detail jsonb not null default '{}'
    );
    create index security_events_user_idx on security_events (user_id, at);

    create table rate_limits (
      key text primary key,
      window_started_at timestamptz not null,
      hits integer not null
    );

    create table mail_messages (
      id uuid primary key,
      org_id uuid references organizations (id) on delete cascade,
      template text not null,
      locale text not null,
      to_address text not null,
      from_address text not null,
      subject text not null,
      text_body text,
      html_body text,
      sensitive boolean not null default false,
      transport text,
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      smtp_message_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index mail_messages_org_idx on mail_messages (org_id, created_at desc);
    create index mail_messages_to_idx on mail_messages (to_address, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table mail_messages, rate_limits, security_events, audit_log, api_keys, password_resets,
      sessions, invitations, customer_memberships, customer_accounts, staff_memberships, users, organizations;
  `.execute(db);
}
