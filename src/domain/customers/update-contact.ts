import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { type ContactFields, cleanContact } from './contact-fields.ts';
import { type Contact, lockContact, updateContactRow } from './customers.repository.ts';

/** Changes the fields given of a customer's contact, audited on the customer account (before → after). */
export function updateContact(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    contactId: string;
    changes: Partial<ContactFields>;
    actor: Actor;
  },
): Promise<Contact> {
  return inTransaction(deps.db, async (trx) => {
    const before = await lockContact(trx, input);
    if (!before) throw new AppError('not_found');
    const changes = cleanContact(input.changes);
    if (Object.keys(changes).length === 0) return before;
    const after = await updateContactRow(trx, {
      orgId: input.orgId,
      contactId: input.contactId,
      set: changes,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_contact.updated',
      entityType: 'customer_account',
      entityId: input.customerId,
      before,
      after,
    });
    return after;
  });
}
