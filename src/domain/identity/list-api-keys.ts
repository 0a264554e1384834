import type { Database } from '../../db/client.ts';

/** The seller's API keys, newest first, revoked ones included (the console shows them struck out). */
export async function listApiKeys(deps: { db: Database }, input: { orgId: string }) {
  const rows = await deps.db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', input.orgId)
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
