import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';

/** Withdraws a promise (staff, or the customer its own): reminders for what it covered resume. */
export function cancelPromise(
  deps: { db: Database },
  input: { orgId: string; customerId: string; promiseId: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const cancelled = await trx
      .updateTable('payment_promises')
      .set({ status: 'cancelled', cancelled_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('customer_id', '=', input.customerId)
      .where('id', '=', input.promiseId)
      .where('status', '=', 'open')
      .returning(['promised_on', 'amount', 'currency'])
      .executeTakeFirst();
    if (!cancelled) {
      const exists = await trx
        .selectFrom('payment_promises')
        .where('org_id', '=', input.orgId)
        .where('customer_id', '=', input.customerId)
        .where('id', '=', input.promiseId)
        .select('id')
        .executeTakeFirst();
      if (!exists) throw new AppError('not_found');
      return;
    }
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.promise_cancelled',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: {
        promiseId: input.promiseId,
        amount: cancelled.amount.toString(),
        currency: cancelled.currency,
      },
    });
  });
}
