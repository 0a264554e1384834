import type { Database } from '../../db/client.ts';
import { hashToken } from '../shared/tokens.ts';
import type { Invitation } from './invitation.ts';

interface InvitationRow {
  org_id: string;
  id: string;
  email: string;
  kind: 'staff' | 'customer';
  role: string;
  account_id: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  org_name: string;
  account_name: string | null;
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    orgId: row.org_id,
    id: row.id,
    email: row.email,
    kind: row.kind,
    role: row.role,
    accountId: row.account_id,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    orgName: row.org_name,
    accountName: row.account_name,
  };
}

/** The invitation a link's token opens, whatever its state; `forUpdate` locks it until commit. */
export async function findInvitationByToken(
  db: Database,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<Invitation | undefined> {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .leftJoin('customer_accounts as a', (join) =>
      join.onRef('a.org_id', '=', 'i.org_id').onRef('a.id', '=', 'i.account_id'),
    )
    .select([
      'i.org_id',
      'i.id',
      'i.email',
      'i.kind',
      'i.role',
      'i.account_id',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.name as org_name',
      'a.name as account_name',
    ])
    .where('i.token_hash', '=', hashToken(token));
  if (options.forUpdate) query = query.forUpdate('i');
  const row = (await query.executeTakeFirst()) as InvitationRow | undefined;
  return row ? toInvitation(row) : undefined;
}
