import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { CustomerRole, DB, Locale, StaffRole } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { newId } from '../shared/ids.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Creates a login (operators and the demo; people otherwise arrive through invitations). */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; locale: Locale },
): Promise<{ id: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new AppError('validation_failed', {}, [{ field: 'email', code: 'format' }]);
  assertPasswordAcceptable(input.password, email);
  const inserted = await db
    .insertInto('users')
    .values({
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: await hashPassword(input.password),
      locale: input.locale,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('email_taken');
  return inserted;
}

export async function addStaffMember(
  db: Db,
  input: { orgId: string; userId: string; role: StaffRole; actor: Actor },
): Promise<void> {
  await db
    .insertInto('staff_memberships')
    .values({ org_id: input.orgId, user_id: input.userId, role: input.role })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: input.role }))
    .execute();
  await recordAudit(db, {
    orgId: input.orgId,
    actor: input.actor,
    action: 'staff_membership.created',
    entityType: 'staff_membership',
    entityId: input.userId,
    after: { role: input.role },
  });
}

export async function addCustomerUser(
  db: Db,
  input: { orgId: string; accountId: string; userId: string; role: CustomerRole; actor: Actor },
): Promise<void> {
  await db
    .insertInto('customer_memberships')
    .values({ org_id: input.orgId, account_id: input.accountId, user_id: input.userId, role: input.role })
    .onConflict((oc) => oc.columns(['org_id', 'account_id', 'user_id']).doUpdateSet({ role: input.role }))
    .execute();
  await recordAudit(db, {
    orgId: input.orgId,
    actor: input.actor,
    action: 'customer_membership.created',
    entityType: 'customer_membership',
    entityId: `${input.accountId}:${input.userId}`,
    after: { role: input.role },
  });
}

/** Keeps the person's language; every page and e-mail for them follows it. */
export async function setUserLocale(
  db: Db,
  input: { userId: string; locale: Locale; client: ClientInfo },
): Promise<void> {
  const before = await db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  if (before.locale === input.locale) return;
  await db
    .updateTable('users')
    .set({ locale: input.locale, updated_at: sql`now()` })
    .where('id', '=', input.userId)
    .execute();
  await recordSecurityEvent(db, {
    type: 'locale_changed',
    userId: input.userId,
    client: input.client,
    detail: { from: before.locale, to: input.locale },
  });
}

/** The seller's staff, for the console's team page. */
export async function listStaff(db: Db, orgId: string) {
  return db
    .selectFrom('staff_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.org_id', '=', orgId)
    .orderBy('u.name')
    .execute();
}

/** One customer account with its users, as its own users see it. */
export async function getCustomerAccountWithUsers(db: Db, orgId: string, accountId: string) {
  const account = await db
    .selectFrom('customer_accounts as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.account_number as accountNumber', 'a.name', 'o.name as orgName'])
    .where('a.org_id', '=', orgId)
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  if (!account) return undefined;
  const users = await db
    .selectFrom('customer_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.org_id', '=', orgId)
    .where('m.account_id', '=', accountId)
    .orderBy('u.name')
    .execute();
  return { ...account, users };
}
