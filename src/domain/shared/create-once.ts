import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB, RequestKeysTable } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export interface RequestKey {
  orgId: string;
  scope: RequestKeysTable['scope'];
  /** The client's Idempotency-Key; null: no key, always create. */
  key: string | null;
  /** What decides the creation (bigints allowed): the same under a key replays, another is refused. */
  request: unknown;
}

/** SHA-256 of the request, base64url (a hex digest can hold digit runs a card-number scan flags). */
function fingerprintOf(request: unknown): string {
  const json = JSON.stringify(request, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * Runs `create` once per idempotency key, in the caller's transaction: the key is locked (a
 * concurrent duplicate waits for this one to commit), then looked up — the same request answers
 * the id it created (`replayed`), another request under the key is refused with
 * `idempotency_key_reused` — and otherwise the creation is recorded under it.
 */
export async function createOnce(
  trx: Transaction<DB>,
  key: RequestKey,
  create: () => Promise<{ id: string }>,
): Promise<{ id: string; replayed: boolean }> {
  if (key.key === null) return { id: (await create()).id, replayed: false };
  const lock = `request-key:${key.scope}:${key.orgId}:${key.key}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`.execute(trx);
  const fingerprint = fingerprintOf(key.request);
  const existing = await trx
    .selectFrom('request_keys')
    .select(['fingerprint', 'resource_id'])
    .where('org_id', '=', key.orgId)
    .where('scope', '=', key.scope)
    .where('key', '=', key.key)
    .executeTakeFirst();
  if (existing) {
    if (existing.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
    return { id: existing.resource_id, replayed: true };
  }
  const created = await create();
  await trx
    .insertInto('request_keys')
    .values({ org_id: key.orgId, scope: key.scope, key: key.key, fingerprint, resource_id: created.id })
    .execute();
  return { id: created.id, replayed: false };
}
