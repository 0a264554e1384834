import type { Database } from '../../db/client.ts';
import { assertInvitationUsable } from './invitation.ts';
import { findInvitationByToken } from './invitations.repository.ts';

/** What the invitation page shows: who invited the address, to what, and whether it already has a login. */
export async function inspectInvitation(deps: { db: Database }, input: { token: string }) {
  const invitation = await findInvitationByToken(deps.db, input.token);
  assertInvitationUsable(invitation);
  const user = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  return {
    email: invitation.email,
    kind: invitation.kind,
    role: invitation.role,
    orgName: invitation.orgName,
    accountName: invitation.accountName,
    userExists: user !== undefined,
  };
}
