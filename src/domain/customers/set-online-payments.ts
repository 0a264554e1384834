import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';

/** Lets one customer account pay online or not (the seller's switch per customer), audited. */
export function setOnlinePayments(
  deps: { db: Database },
  input: { orgId: string; customerId: string; enabled: boolean; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const before = await trx
      .selectFrom('customer_accounts')
      .select('online_payments')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found');
    if (before.online_payments === input.enabled) return;
    await trx
      .updateTable('customer_accounts')
      .set({ online_payments: input.enabled })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: input.enabled ? 'customer.online_payments_on' : 'customer.online_payments_off',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: { onlinePayments: before.online_payments },
      after: { onlinePayments: input.enabled },
    });
  });
}
