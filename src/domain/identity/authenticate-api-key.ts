import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { hashToken, safeEqual } from '../shared/tokens.ts';

/** The org and scopes of a live key, or null. Marks the key used (at most once a minute). */
export async function authenticateApiKey(
  deps: { db: Database },
  input: { key: string },
): Promise<{ orgId: string; id: string; scopes: string[] } | null> {
  const { db } = deps;
  const { key } = input;
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
