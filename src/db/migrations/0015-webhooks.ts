import { type Kysely, sql } from 'kysely';

/**
 * Outbound webhooks to the seller's ERP (issue 9). An endpoint is a URL with the event types it
 * listens to (null: all) and a signing secret Saldo generated, sealed at rest (the previous one kept,
 * sealed, while a roll lasts, so deliveries carry both signatures). An event is stored once, with the
 * exact body every delivery of it sends (a redelivery sends the same bytes and event id); a delivery is
 * one event for one endpoint, with its schedule of attempts; every attempt is logged with what the
 * receiver answered (the first 2 KB). `claimed_until` is the lease a worker holds while it sends, so an
 * event never goes to an endpoint twice at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      url text not null check (length(url) between 1 and 2000),
      description text not null default '' check (length(description) <= 500),
      event_types text[],
      enabled boolean not null default true,
      secret_sealed text not null,
      secret_last4 text not null,
      previous_secret_sealed text,
      previous_secret_expires_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, id)
    );

    create table integration_events (
      org_id uuid not null references organizations (id) on delete cascade,
      id uuid not null,
      type text not null check (length(type) between 1 and 100),
      body text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, id)
    );

    create table webhook_deliveries (
      org_id uuid not null,
      id uuid not null,
      endpoint_id uuid not null,
      event_id uuid not null,
      event_type text not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status_code integer,
      delivered_at timestamptz,
      claimed_until timestamptz,
      created_at timestamptz not null default now(),
      primary key (org_id, id),
      unique (org_id, endpoint_id, event_id),
      foreign key (org_id, endpoint_id) references webhook_endpoints (org_id, id) on delete cascade,
      foreign key (org_id, event_id) references integration_events (org_id, id) on delete cascade
    );
    create index webhook_deliveries_org_created_idx on webhook_deliveries (org_id, created_at desc);

    create table webhook_delivery_attempts (
      org_id uuid not null,
      delivery_id uuid not null,
      attempt integer not null check (attempt >= 1),
      manual boolean not null default false,
      started_at timestamptz not null,
      duration_ms integer not null check (duration_ms >= 0),
      status_code integer,
      request_headers jsonb not null default '{}',
      response_body text,
      error text,
      primary key (org_id, delivery_id, attempt),
      foreign key (org_id, delivery_id) references webhook_deliveries (org_id, id) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table webhook_delivery_attempts;
    drop table webhook_deliveries;
    drop table integration_events;
    drop table webhook_endpoints;
  `.execute(db);
}
