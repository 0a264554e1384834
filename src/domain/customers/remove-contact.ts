import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { deleteContact } from './customers.repository.ts';

/** Removes a customer's contact, audited on the customer account with what it was. */
export function removeContact(
  deps: { db: Database },
  input: { orgId: string; customerId: string; contactId: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const removed = await deleteContact(trx, input);
    if (!removed) throw new AppError('not_found');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_contact.removed',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: removed,
    });
  });
}
