import type { Database } from '../../db/client.ts';

/** One customer account with its users, as its own users see it. */
export async function getCustomerAccountWithUsers(
  deps: { db: Database },
  input: { orgId: string; accountId: string },
) {
  const { db } = deps;
  const account = await db
    .selectFrom('customer_accounts as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.account_number as accountNumber', 'a.name', 'o.name as orgName'])
    .where('a.org_id', '=', input.orgId)
    .where('a.id', '=', input.accountId)
    .executeTakeFirst();
  if (!account) return undefined;
  const users = await db
    .selectFrom('customer_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.org_id', '=', input.orgId)
    .where('m.account_id', '=', input.accountId)
    .orderBy('u.name')
    .execute();
  return { ...account, users };
}
