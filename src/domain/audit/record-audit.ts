import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../shared/ids.ts';

/** Who did something: a person, an API key, or Saldo itself (CLI, jobs). */
export interface Actor {
  userId?: string | null;
  apiKeyId?: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export const systemActor: Actor = {};

/** Appends one change to the seller's audit log, in the caller's transaction: who, when, what, before → after. */
export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  entry: {
    orgId: string;
    actor: Actor;
    action: string;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      id: newId(),
      actor_user_id: entry.actor.userId ?? null,
      actor_api_key_id: entry.actor.apiKeyId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.actor.requestId ?? null,
      ip: entry.actor.ip ?? null,
    })
    .execute();
}
