import type { Database } from '../../db/client.ts';
import type { StaffRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';

/** Makes a login staff of a seller, or changes its role there. */
export async function addStaffMember(
  deps: { db: Database },
  input: { orgId: string; userId: string; role: StaffRole; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('staff_memberships')
      .values({ org_id: input.orgId, user_id: input.userId, role: input.role })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: input.role }))
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'staff_membership.created',
      entityType: 'staff_membership',
      entityId: input.userId,
      after: { role: input.role },
    });
  });
}
