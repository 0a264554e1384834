import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, WebhookDeliveryStatus } from '../../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** An endpoint as staff see it: never its secret, only the secret's last four characters. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  /** Null: every event type. */
  eventTypes: string[] | null;
  enabled: boolean;
  secretLast4: string;
  /** While a roll lasts, the previous secret still signs (until then). */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function selectEndpoint(db: Db, orgId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select([
      'id',
      'url',
      'description',
      'event_types as eventTypes',
      'enabled',
      'secret_last4 as secretLast4',
      'previous_secret_expires_at as previousSecretExpiresAt',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
    .where('org_id', '=', orgId);
}

export function listEndpoints(db: Db, input: { orgId: string }): Promise<WebhookEndpoint[]> {
  return selectEndpoint(db, input.orgId).orderBy('created_at').orderBy('id').execute() as Promise<
    WebhookEndpoint[]
  >;
}

export async function findEndpoint(
  db: Db,
  input: { orgId: string; endpointId: string },
): Promise<WebhookEndpoint | undefined> {
  return (await selectEndpoint(db, input.orgId).where('id', '=', input.endpointId).executeTakeFirst()) as
    | WebhookEndpoint
    | undefined;
}

export async function lockEndpoint(
  trx: Db,
  input: { orgId: string; endpointId: string },
): Promise<(WebhookEndpoint & { secretSealed: string }) | undefined> {
  return (await selectEndpoint(trx, input.orgId)
    .select('secret_sealed as secretSealed')
    .where('id', '=', input.endpointId)
    .forUpdate()
    .executeTakeFirst()) as (WebhookEndpoint & { secretSealed: string }) | undefined;
}

export async function insertEndpoint(
  db: Db,
  input: {
    orgId: string;
    id: string;
    url: string;
    description: string;
    eventTypes: string[] | null;
    enabled: boolean;
    secretSealed: string;
    secretLast4: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      org_id: input.orgId,
      id: input.id,
      url: input.url,
      description: input.description,
      event_types: input.eventTypes,
      enabled: input.enabled,
      secret_sealed: input.secretSealed,
      secret_last4: input.secretLast4,
      created_by: input.createdBy,
    })
    .execute();
}

export async function updateEndpointRow(
  db: Db,
  input: {
    orgId: string;
    endpointId: string;
    set: Partial<{
      url: string;
      description: string;
      eventTypes: string[] | null;
      enabled: boolean;
      secretSealed: string;
      secretLast4: string;
      previousSecretSealed: string | null;
      previousSecretExpiresAt: Date | null;
    }>;
  },
): Promise<void> {
  const s = input.set;
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(s.url !== undefined ? { url: s.url } : {}),
      ...(s.description !== undefined ? { description: s.description } : {}),
      ...(s.eventTypes !== undefined ? { event_types: s.eventTypes } : {}),
      ...(s.enabled !== undefined ? { enabled: s.enabled } : {}),
      ...(s.secretSealed !== undefined ? { secret_sealed: s.secretSealed } : {}),
      ...(s.secretLast4 !== undefined ? { secret_last4: s.secretLast4 } : {}),
      ...(s.previousSecretSealed !== undefined ? { previous_secret_sealed: s.previousSecretSealed } : {}),
      ...(s.previousSecretExpiresAt !== undefined
        ? { previous_secret_expires_at: s.previousSecretExpiresAt }
        : {}),
      updated_at: sql`now()`,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.endpointId)
    .execute();
}

export async function deleteEndpointRow(
  db: Db,
  input: { orgId: string; endpointId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.endpointId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The enabled endpoints that listen to an event type (null event_types: all of them). */
export async function findSubscribedEndpoints(
  db: Db,
  input: { orgId: string; type: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('event_types', 'is', null), sql<boolean>`${input.type} = any(event_types)`]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The ERP ids of documents by Saldo id, for one table (ids that are not the seller's are left out). */
export async function findErpIds(
  db: Db,
  input: {
    orgId: string;
    table: 'customer_accounts' | 'invoices' | 'payments' | 'credit_memos';
    ids: string[];
  },
): Promise<Map<string, string | null>> {
  if (input.ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(input.table)
    .select(['id', 'erp_id'])
    .where('org_id', '=', input.orgId)
    .where('id', 'in', input.ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.erp_id]));
}

export async function insertEvent(
  db: Db,
  input: { orgId: string; id: string; type: string; body: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('integration_events')
    .values({
      org_id: input.orgId,
      id: input.id,
      type: input.type,
      body: input.body,
      created_at: input.createdAt,
    })
    .execute();
}

export async function insertDeliveries(
  db: Db,
  rows: { orgId: string; id: string; endpointId: string; eventId: string; eventType: string; at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        id: r.id,
        endpoint_id: r.endpointId,
        event_id: r.eventId,
        event_type: r.eventType,
        next_attempt_at: r.at,
      })),
    )
    .execute();
}

/** What a worker needs to send one delivery, once it holds the claim. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  attempts: number;
  claimedUntil: Date;
  body: string;
  url: string;
  enabled: boolean;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

/**
 * Claims a pending delivery for `leaseSeconds` (UPDATE … WHERE still pending and not claimed, RETURNING):
 * of two workers that run it at once, one sends and the other finds nothing. A claim left by a worker
 * that died runs out and the delivery can be claimed again.
 */
export async function claimDelivery(
  db: Db,
  input: { orgId: string; deliveryId: string; leaseSeconds: number },
): Promise<ClaimedDelivery | undefined> {
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({
      claimed_until: sql`date_trunc('milliseconds', now() + make_interval(secs => ${input.leaseSeconds}))`,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
    .returning(['id', 'claimed_until'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('integration_events as e', (j) =>
      j.onRef('e.org_id', '=', 'd.org_id').onRef('e.id', '=', 'd.event_id'),
    )
    .innerJoin('webhook_endpoints as w', (j) =>
      j.onRef('w.org_id', '=', 'd.org_id').onRef('w.id', '=', 'd.endpoint_id'),
    )
    .select([
      'd.id',
      'd.endpoint_id as endpointId',
      'd.event_id as eventId',
      'd.event_type as eventType',
      'd.attempts',
      'd.claimed_until as claimedUntil',
      'e.body',
      'w.url',
      'w.enabled',
      'w.secret_sealed as secretSealed',
      'w.previous_secret_sealed as previousSecretSealed',
      'w.previous_secret_expires_at as previousSecretExpiresAt',
    ])
    .where('d.org_id', '=', input.orgId)
    .where('d.id', '=', input.deliveryId)
    .executeTakeFirst();
  return row as ClaimedDelivery | undefined;
}

/** Whether a delivery exists, is pending and another worker holds it now (its job should come back later). */
export async function isDeliveryClaimed(
  db: Db,
  input: { orgId: string; deliveryId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(sql<boolean>`status = 'pending' and claimed_until > now()`.as('busy'))
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .executeTakeFirst();
  return row?.busy === true;
}

export async function insertAttempt(
  db: Db,
  input: {
    orgId: string;
    deliveryId: string;
    attempt: number;
    manual: boolean;
    startedAt: Date;
    durationMs: number;
    statusCode: number | null;
    requestHeaders: Record<string, string>;
    responseBody: string | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .insertInto('webhook_delivery_attempts')
    .values({
      org_id: input.orgId,
      delivery_id: input.deliveryId,
      attempt: input.attempt,
      manual: input.manual,
      started_at: input.startedAt,
      duration_ms: input.durationMs,
      status_code: input.statusCode,
      request_headers: JSON.stringify(input.requestHeaders),
      response_body: input.responseBody,
      error: input.error,
    })
    .execute();
}

/** Records an attempt's outcome and lets the claim go; false when the claim was lost meanwhile. */
export async function settleDelivery(
  db: Db,
  input: {
    orgId: string;
    deliveryId: string;
    claimedUntil: Date;
    attempts: number;
    status: WebhookDeliveryStatus;
    attemptedAt: Date;
    statusCode: number | null;
    nextAttemptAt: Date | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: input.attempts,
      status: input.status,
      last_attempt_at: input.attemptedAt,
      last_status_code: input.statusCode,
      next_attempt_at: input.nextAttemptAt,
      ...(input.status === 'delivered' ? { delivered_at: input.attemptedAt } : {}),
      claimed_until: null,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .where('claimed_until', '=', input.claimedUntil)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A delivery whose endpoint was disabled or deleted meanwhile: it stops, claim released. */
export async function stopDelivery(db: Db, input: { orgId: string; deliveryId: string }): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, claimed_until: null })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .execute();
}

/** Puts a delivery back in line for one more attempt now; undefined when it is not the seller's. */
export async function requeueDelivery(
  db: Db,
  input: { orgId: string; deliveryId: string; at: Date },
): Promise<{ id: string; status: WebhookDeliveryStatus } | undefined> {
  const before = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'status'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: input.at })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .execute();
  return before;
}

export interface DeliverySummary {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

function selectDeliveries(db: Db, orgId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as w', (j) =>
      j.onRef('w.org_id', '=', 'd.org_id').onRef('w.id', '=', 'd.endpoint_id'),
    )
    .select([
      'd.id',
      'd.endpoint_id as endpointId',
      'w.url as endpointUrl',
      'd.event_id as eventId',
      'd.event_type as eventType',
      'd.status',
      'd.attempts',
      'd.next_attempt_at as nextAttemptAt',
      'd.last_attempt_at as lastAttemptAt',
      'd.last_status_code as lastStatusCode',
      'd.delivered_at as deliveredAt',
      'd.created_at as createdAt',
    ])
    .where('d.org_id', '=', orgId);
}

export async function findDeliveries(
  db: Db,
  input: {
    orgId: string;
    endpointId?: string | undefined;
    status?: WebhookDeliveryStatus | undefined;
    eventType?: string | undefined;
    eventId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: DeliverySummary[]; total: number }> {
  let query = selectDeliveries(db, input.orgId);
  if (input.endpointId) query = query.where('d.endpoint_id', '=', input.endpointId);
  if (input.status) query = query.where('d.status', '=', input.status);
  if (input.eventType) query = query.where('d.event_type', '=', input.eventType);
  if (input.eventId) query = query.where('d.event_id', '=', input.eventId);
  const [items, count] = await Promise.all([
    query
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as DeliverySummary[], total: count.n };
}

export interface DeliveryAttempt {
  attempt: number;
  manual: boolean;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  requestHeaders: Record<string, string>;
  responseBody: string | null;
  error: string | null;
}

export async function findDelivery(
  db: Db,
  input: { orgId: string; deliveryId: string },
): Promise<(DeliverySummary & { body: string; attemptsLog: DeliveryAttempt[] }) | undefined> {
  const row = await selectDeliveries(db, input.orgId)
    .innerJoin('integration_events as e', (j) =>
      j.onRef('e.org_id', '=', 'd.org_id').onRef('e.id', '=', 'd.event_id'),
    )
    .select('e.body')
    .where('d.id', '=', input.deliveryId)
    .executeTakeFirst();
  if (!row) return undefined;
  const attempts = await db
    .selectFrom('webhook_delivery_attempts')
    .select([
      'attempt',
      'manual',
      'started_at as startedAt',
      'duration_ms as durationMs',
      'status_code as statusCode',
      'request_headers as requestHeaders',
      'response_body as responseBody',
      'error',
    ])
    .where('org_id', '=', input.orgId)
    .where('delivery_id', '=', input.deliveryId)
    .orderBy('attempt', 'desc')
    .execute();
  return { ...(row as DeliverySummary & { body: string }), attemptsLog: attempts as DeliveryAttempt[] };
}
