import type { Database } from '../../db/client.ts';
import type { CustomerRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';

/** Makes a login a user of a customer account, or changes its role there. */
export async function addCustomerUser(
  deps: { db: Database },
  input: { orgId: string; accountId: string; userId: string; role: CustomerRole; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('customer_memberships')
      .values({ org_id: input.orgId, account_id: input.accountId, user_id: input.userId, role: input.role })
      .onConflict((oc) => oc.columns(['org_id', 'account_id', 'user_id']).doUpdateSet({ role: input.role }))
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_membership.created',
      entityType: 'customer_membership',
      entityId: `${input.accountId}:${input.userId}`,
      after: { role: input.role },
    });
  });
}
