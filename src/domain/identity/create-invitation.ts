import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { normalizeEmail } from '../shared/email.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import { INVITATION_TTL_DAYS, type InvitationTarget } from './invitation.ts';

/**
 * Creates a single-use invitation and e-mails its link. Inviting the same address to the same
 * place again replaces the earlier, still-open invitation. Inviting oneself (cannot_invite_self)
 * or someone who already belongs to the place (already_member: the org's staff for a staff
 * invitation, the account's users for a customer one) is refused, and nothing is mailed.
 */
export async function createInvitation(
  deps: { db: Database; mailer: Mailer; publicUrl: string },
  input: {
    orgId: string;
    email: string;
    target: InvitationTarget;
    inviter: { userId: string; name: string };
    actor: Actor;
  },
): Promise<{ id: string; email: string; role: string; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const { target } = input;
  const accountId = target.kind === 'customer' ? target.accountId : null;
  return inTransaction(deps.db, async (trx) => {
    const org = await trx
      .selectFrom('organizations')
      .select(['name', 'locale'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow();
    let accountName = '';
    let locale: Locale = org.locale;
    if (accountId) {
      const account = await trx
        .selectFrom('customer_accounts')
        .select(['name', 'locale'])
        .where('org_id', '=', input.orgId)
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account) throw new AppError('not_found');
      accountName = account.name;
      locale = account.locale;
    }
    const inviter = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', input.inviter.userId)
      .executeTakeFirst();
    if (inviter?.email === email) throw new AppError('cannot_invite_self', { email });
    const existingUser = await trx
      .selectFrom('users')
      .select(['id', 'locale'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (existingUser) {
      locale = existingUser.locale;
      const member = accountId
        ? await trx
            .selectFrom('customer_memberships')
            .select('user_id')
            .where('org_id', '=', input.orgId)
            .where('account_id', '=', accountId)
            .where('user_id', '=', existingUser.id)
            .executeTakeFirst()
        : await trx
            .selectFrom('staff_memberships')
            .select('user_id')
            .where('org_id', '=', input.orgId)
            .where('user_id', '=', existingUser.id)
            .executeTakeFirst();
      if (member) throw new AppError('already_member', { email, place: accountId ? accountName : org.name });
    }

    let replaced = trx
      .updateTable('invitations')
      .set({ revoked_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('email', '=', email)
      .where('kind', '=', target.kind)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null);
    replaced = accountId ? replaced.where('account_id', '=', accountId) : replaced;
    await replaced.execute();

    const token = newToken();
    const id = newId();
    const row = await trx
      .insertInto('invitations')
      .values({
        org_id: input.orgId,
        id,
        email,
        kind: target.kind,
        role: target.role,
        account_id: accountId,
        token_hash: hashToken(token),
        invited_by: input.inviter.userId,
        expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_TTL_DAYS})`,
      })
      .returning(['expires_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: id,
      after: { email, kind: target.kind, role: target.role, accountId },
    });
    const url = `${deps.publicUrl}/invitations/${token}`;
    const common = {
      inviterName: input.inviter.name,
      orgName: org.name,
      role: target.role,
      url,
      expiresInDays: INVITATION_TTL_DAYS,
    };
    await deps.mailer.enqueue(
      trx,
      target.kind === 'staff'
        ? { orgId: input.orgId, to: email, locale, template: 'invitation_staff', data: common }
        : {
            orgId: input.orgId,
            to: email,
            locale,
            template: 'invitation_customer',
            data: { ...common, accountName },
          },
    );
    return { id, email, role: target.role, expiresAt: row.expires_at as Date };
  });
}
