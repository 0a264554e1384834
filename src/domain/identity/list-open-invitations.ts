import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';

/** Open invitations of one place (the console's team page, an account's users page). */
export async function listOpenInvitations(
  deps: { db: Database },
  input: { orgId: string; kind: 'staff' } | { orgId: string; kind: 'customer'; accountId: string },
) {
  let query = deps.db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at', 'created_at'])
    .where('org_id', '=', input.orgId)
    .where('kind', '=', input.kind)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc');
  if (input.kind === 'customer') query = query.where('account_id', '=', input.accountId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at as Date,
    createdAt: r.created_at,
  }));
}
