import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken, safeEqual } from '../shared/tokens.ts';

/** What an ERP integration may do with a key. Later issues add scopes as they add endpoints. */
export const apiKeyScopes = ['integration:read', 'integration:write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/**
 * Keys look like `saldo_k7x2m9qa_<secret>`. The part before the secret is the visible prefix people
 * recognise their key by; only the SHA-256 of the whole key is stored, and it is shown once.
 */
export async function createApiKey(
  db: Database,
  input: { orgId: string; name: string; scopes: ApiKeyScope[]; createdBy: string | null; actor: Actor },
): Promise<{ id: string; key: string; prefix: string; name: string; scopes: string[]; createdAt: Date }> {
  const prefix = `saldo_${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`;
  const key = `${prefix}_${newToken()}`;
  const id = newId();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        org_id: input.orgId,
        id,
        name: input.name,
        prefix,
        key_hash: hashToken(key),
        scopes: input.scopes,
        created_by: input.createdBy,
      })
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      after: { name: input.name, prefix, scopes: input.scopes },
    });
    return { id, key, prefix, name: input.name, scopes: input.scopes, createdAt: row.created_at };
  });
}

export async function listApiKeys(db: Database, orgId: string) {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at as Date | null,
    revokedAt: r.revoked_at as Date | null,
  }));
}

export async function revokeApiKey(
  db: Database,
  input: { orgId: string; id: string; actor: Actor },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_keys')
      .set({ revoked_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.id)
      .where('revoked_at', 'is', null)
      .returning(['name', 'prefix'])
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: input.id,
      before: row,
    });
  });
}

/** The org and scopes of a live key, or null. Marks the key used (at most once a minute). */
export async function authenticateApiKey(
  db: Database,
  key: string,
): Promise<{ orgId: string; id: string; scopes: string[] } | null> {
  const prefix = /^(saldo_[a-z0-9]{8})_[A-Za-z0-9_-]{20,}$/.exec(key)?.[1];
  if (!prefix) return null;
  const row = await db
    .selectFrom('api_keys')
    .select(['org_id', 'id', 'scopes', 'key_hash', 'last_used_at'])
    .where('prefix', '=', prefix)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !safeEqual(row.key_hash.toString('hex'), hashToken(key).toString('hex'))) return null;
  const lastUsed = row.last_used_at as Date | null;
  if (!lastUsed || Date.now() - lastUsed.getTime() > 60_000) {
    await db
      .updateTable('api_keys')
      .set({ last_used_at: sql`now()` })
      .where('org_id', '=', row.org_id)
      .where('id', '=', row.id)
      .execute();
  }
  return { orgId: row.org_id, id: row.id, scopes: row.scopes };
}
