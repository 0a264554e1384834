import type { Kysely, Transaction } from 'kysely';
import { addJob } from '../../../db/jobs.ts';
import type { DB } from '../../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { erpIdKeys, type WebhookEventData, type WebhookEventType } from './webhook-events.ts';
import { findErpIds, findSubscribedEndpoints, insertDeliveries, insertEvent } from './webhooks.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The job that sends one delivery; keyed by the delivery, so a retry replaces its own scheduled job. */
export const WEBHOOK_DELIVER_TASK = 'webhook.deliver';
export interface WebhookDeliverPayload {
  orgId: string;
  deliveryId: string;
  /** A redelivery asked for from the console. */
  manual?: boolean;
}
export const webhookDeliveryJobKey = (deliveryId: string) => `webhook-delivery:${deliveryId}`;

/** JSON with every bigint as a decimal string: minor units never become JavaScript numbers on the wire. */
export function eventJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}

type ErpTable = (typeof erpIdKeys)[keyof typeof erpIdKeys]['table'];

/** Every Saldo document id named in `data`, by table (idKey → table in erpIdKeys). */
function collectIds(value: unknown, into: Map<ErpTable, Set<string>>): void {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      const ref = erpIdKeys[key as keyof typeof erpIdKeys];
      if (ref && typeof v === 'string') {
        const ids = into.get(ref.table) ?? new Set<string>();
        ids.add(v);
        into.set(ref.table, ids);
      } else collectIds(v, into);
    }
}

/** `data` with the ERP's id written after each Saldo id it names (`invoiceId` → `invoiceErpId`). */
function withErpIds(value: unknown, erp: Map<ErpTable, Map<string, string | null>>): unknown {
  if (Array.isArray(value)) return value.map((v) => withErpIds(v, erp));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const ref = erpIdKeys[key as keyof typeof erpIdKeys];
    out[key] = ref ? v : withErpIds(v, erp);
    if (ref && typeof v === 'string') out[ref.erpKey] = erp.get(ref.table)?.get(v) ?? null;
  }
  return out;
}

/**
 * Records that something the ERP listens to happened — in the caller's transaction, so the event
 * exists exactly when its cause committed, and a step that is retried and finds itself already done
 * (`stale`) records nothing again. The body every delivery will send is fixed now: `{ id, type,
 * created, orgId, data }`, amounts as decimal strings of minor units beside their currency, and the
 * ERP's ids next to Saldo's. One delivery per enabled endpoint that listens to the type, each with its
 * job queued (key: the delivery). With no endpoint listening nothing is stored: a seller without
 * webhooks pays one indexed look-up per event.
 */
export async function recordIntegrationEvent<T extends WebhookEventType>(
  trx: Db,
  input: { orgId: string; type: T; data: WebhookEventData[T] },
): Promise<{ eventId: string; deliveries: number } | null> {
  const endpoints = await findSubscribedEndpoints(trx, { orgId: input.orgId, type: input.type });
  if (endpoints.length === 0) return null;
  const refs = new Map<ErpTable, Set<string>>();
  collectIds(input.data, refs);
  const erp = new Map<ErpTable, Map<string, string | null>>();
  for (const [table, ids] of refs)
    erp.set(table, await findErpIds(trx, { orgId: input.orgId, table, ids: [...ids] }));
  return storeEvent(trx, {
    orgId: input.orgId,
    type: input.type,
    data: withErpIds(input.data, erp),
    endpointIds: endpoints,
  });
}

/** Stores one event and queues its delivery to each endpoint given (also the console's test event). */
export async function storeEvent(
  trx: Db,
  input: { orgId: string; type: string; data: unknown; endpointIds: string[] },
): Promise<{ eventId: string; deliveries: number }> {
  const eventId = newId();
  const created = new Date();
  const body = eventJson({
    id: eventId,
    type: input.type,
    created: created.toISOString(),
    orgId: input.orgId,
    data: input.data,
  });
  await insertEvent(trx, { orgId: input.orgId, id: eventId, type: input.type, body, createdAt: created });
  const rows = input.endpointIds.map((endpointId) => ({
    orgId: input.orgId,
    id: newId(),
    endpointId,
    eventId,
    eventType: input.type,
    at: created,
  }));
  await insertDeliveries(trx, rows);
  for (const row of rows) {
    const payload: WebhookDeliverPayload = { orgId: input.orgId, deliveryId: row.id };
    await addJob(trx, WEBHOOK_DELIVER_TASK, payload, { jobKey: webhookDeliveryJobKey(row.id) });
  }
  return { eventId, deliveries: rows.length };
}
