import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { CustomerRole, Locale, StaffRole } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { normalizeEmail } from '../shared/email.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';

export const INVITATION_TTL_DAYS = 7;

export type InvitationTarget =
  | { kind: 'staff'; role: StaffRole }
  | { kind: 'customer'; role: CustomerRole; accountId: string };

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
  return deps.db.transaction().execute(async (trx) => {
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

function findByToken(db: Database, token: string) {
  return db
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
}

function checkUsable(row: InvitationRow | undefined): asserts row is InvitationRow {
  if (!row || row.revoked_at) throw new AppError('token_invalid');
  if (row.accepted_at) throw new AppError('token_used');
  if (row.expires_at <= new Date()) throw new AppError('token_expired');
}

/** What the invitation page shows: who invited the address, to what, and whether it already has a login. */
export async function inspectInvitation(db: Database, token: string) {
  const row = (await findByToken(db, token).executeTakeFirst()) as InvitationRow | undefined;
  checkUsable(row);
  const user = await db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
  return {
    email: row.email,
    kind: row.kind,
    role: row.role,
    orgName: row.org_name,
    accountName: row.account_name,
    userExists: user !== undefined,
  };
}

/**
 * Accepts an invitation: a new person sets their name and password; an existing login proves
 * itself with its password or by already being signed in as that e-mail. Adds the membership,
 * spends the invitation, and returns the login and the context to open.
 */
export async function acceptInvitation(
  db: Database,
  input: {
    token: string;
    signedInUserId: string | null;
    name?: string;
    password?: string;
    client: ClientInfo;
  },
): Promise<{ userId: string; context: { orgId: string; accountId: string | null } }> {
  return db.transaction().execute(async (trx) => {
    const row = (await findByToken(trx, input.token).forUpdate('i').executeTakeFirst()) as
      | InvitationRow
      | undefined;
    checkUsable(row);
    let user = await trx
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', row.email)
      .executeTakeFirst();

    if (input.signedInUserId && input.signedInUserId !== user?.id) {
      throw new AppError('invitation_email_mismatch', { email: row.email });
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
      assertPasswordAcceptable(input.password, row.email);
      // The language the invitation was written in: the customer account's, else the seller's.
      const place = row.account_id
        ? await trx
            .selectFrom('customer_accounts')
            .select('locale')
            .where('org_id', '=', row.org_id)
            .where('id', '=', row.account_id)
            .executeTakeFirstOrThrow()
        : await trx
            .selectFrom('organizations')
            .select('locale')
            .where('id', '=', row.org_id)
            .executeTakeFirstOrThrow();
      user = await trx
        .insertInto('users')
        .values({
          id: newId(),
          email: row.email,
          name,
          password_hash: await hashPassword(input.password),
          locale: place.locale,
        })
        .returning(['id', 'password_hash'])
        .executeTakeFirstOrThrow();
    }

    if (row.kind === 'staff') {
      await trx
        .insertInto('staff_memberships')
        .values({ org_id: row.org_id, user_id: user.id, role: row.role as StaffRole })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: row.role as StaffRole }))
        .execute();
    } else {
      await trx
        .insertInto('customer_memberships')
        .values({
          org_id: row.org_id,
          account_id: row.account_id!,
          user_id: user.id,
          role: row.role as CustomerRole,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'account_id', 'user_id']).doUpdateSet({ role: row.role as CustomerRole }),
        )
        .execute();
    }
    await trx
      .updateTable('invitations')
      .set({ accepted_at: sql`now()`, accepted_by: user.id })
      .where('org_id', '=', row.org_id)
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      orgId: row.org_id,
      actor: { userId: user.id, ip: input.client.ip ?? null },
      action: row.kind === 'staff' ? 'staff_membership.created' : 'customer_membership.created',
      entityType: row.kind === 'staff' ? 'staff_membership' : 'customer_membership',
      entityId: row.kind === 'staff' ? user.id : `${row.account_id}:${user.id}`,
      after: { email: row.email, role: row.role, invitationId: row.id },
    });
    await recordSecurityEvent(trx, {
      type: 'invitation_accepted',
      userId: user.id,
      email: row.email,
      client: input.client,
      detail: { orgId: row.org_id, invitationId: row.id },
    });
    return { userId: user.id, context: { orgId: row.org_id, accountId: row.account_id } };
  });
}

/** Open invitations of one place (the console's team page, an account's users page). */
export async function listOpenInvitations(
  db: Database,
  where: { orgId: string; kind: 'staff' } | { orgId: string; kind: 'customer'; accountId: string },
) {
  let query = db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at', 'created_at'])
    .where('org_id', '=', where.orgId)
    .where('kind', '=', where.kind)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc');
  if (where.kind === 'customer') query = query.where('account_id', '=', where.accountId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at as Date,
    createdAt: r.created_at,
  }));
}
