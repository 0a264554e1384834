import type { Database } from '../../db/client.ts';

/** The seller's staff, for the console's team page. */
export async function listStaff(deps: { db: Database }, input: { orgId: string }) {
  return deps.db
    .selectFrom('staff_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.org_id', '=', input.orgId)
    .orderBy('u.name')
    .execute();
}
