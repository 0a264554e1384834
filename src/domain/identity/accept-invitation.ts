import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { CustomerRole, StaffRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import { assertInvitationUsable } from './invitation.ts';
import { findInvitationByToken } from './invitations.repository.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';

/**
 * Accepts an invitation: a new person sets their name and password; an existing login proves
 * itself with its password or by already being signed in as that e-mail. Adds the membership,
 * spends the invitation, and returns the login and the context to open.
 */
export async function acceptInvitation(
  deps: { db: Database },
  input: {
    token: string;
    signedInUserId: string | null;
    name?: string;
    password?: string;
    client: ClientInfo;
  },
): Promise<{ userId: string; context: { orgId: string; accountId: string | null } }> {
  return inTransaction(deps.db, async (trx) => {
    const invitation = await findInvitationByToken(trx, input.token, { forUpdate: true });
    assertInvitationUsable(invitation);
    let user = await trx
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', invitation.email)
      .executeTakeFirst();

    if (input.signedInUserId && input.signedInUserId !== user?.id) {
      throw new AppError('invitation_email_mismatch', { email: invitation.email });
    }
    if (user && !input.signedInUserId) {
      if (
        !input.password ||
        !user.password_hash ||
        !(await verifyPassword(user.password_hash, input.password))
      ) {
        throw new AppError('invalid_credentials');
      }
    }
    if (!user) {
      const name = input.name?.trim() ?? '';
      if (!name) throw new AppError('validation_failed', {}, [{ field: 'name', code: 'required' }]);
      if (!input.password)
        throw new AppError('validation_failed', {}, [{ field: 'password', code: 'required' }]);
      assertPasswordAcceptable(input.password, invitation.email);
      // The language the invitation was written in: the customer account's, else the seller's.
      const place = invitation.accountId
        ? await trx
            .selectFrom('customer_accounts')
            .select('locale')
            .where('org_id', '=', invitation.orgId)
            .where('id', '=', invitation.accountId)
            .executeTakeFirstOrThrow()
        : await trx
            .selectFrom('organizations')
            .select('locale')
            .where('id', '=', invitation.orgId)
            .executeTakeFirstOrThrow();
      user = await trx
        .insertInto('users')
        .values({
          id: newId(),
          email: invitation.email,
          name,
          password_hash: await hashPassword(input.password),
          locale: place.locale,
        })
        .returning(['id', 'password_hash'])
        .executeTakeFirstOrThrow();
    }

    if (invitation.kind === 'staff') {
      await trx
        .insertInto('staff_memberships')
        .values({ org_id: invitation.orgId, user_id: user.id, role: invitation.role as StaffRole })
        .onConflict((oc) =>
          oc.columns(['org_id', 'user_id']).doUpdateSet({ role: invitation.role as StaffRole }),
        )
        .execute();
    } else {
      await trx
        .insertInto('customer_memberships')
        .values({
          org_id: invitation.orgId,
          account_id: invitation.accountId!,
          user_id: user.id,
          role: invitation.role as CustomerRole,
        })
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'account_id', 'user_id'])
            .doUpdateSet({ role: invitation.role as CustomerRole }),
        )
        .execute();
    }
    await trx
      .updateTable('invitations')
      .set({ accepted_at: sql`now()`, accepted_by: user.id })
      .where('org_id', '=', invitation.orgId)
      .where('id', '=', invitation.id)
      .execute();
    await recordAudit(trx, {
      orgId: invitation.orgId,
      actor: { userId: user.id, ip: input.client.ip ?? null },
      action: invitation.kind === 'staff' ? 'staff_membership.created' : 'customer_membership.created',
      entityType: invitation.kind === 'staff' ? 'staff_membership' : 'customer_membership',
      entityId: invitation.kind === 'staff' ? user.id : `${invitation.accountId}:${user.id}`,
      after: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    });
    await recordSecurityEvent(trx, {
      type: 'invitation_accepted',
      userId: user.id,
      email: invitation.email,
      client: input.client,
      detail: { orgId: invitation.orgId, invitationId: invitation.id },
    });
    return { userId: user.id, context: { orgId: invitation.orgId, accountId: invitation.accountId } };
  });
}
