import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import { type ContactFields, cleanContact } from './contact-fields.ts';
import { type Contact, customerExists, insertContact } from './customers.repository.ts';

/**
 * A contact of a customer: who gets invoices, statements, reminders, receipts. Contact changes are
 * audited on the customer account (so they appear in its activity), naming the contact.
 */
export function addContact(
  deps: { db: Database },
  input: { orgId: string; customerId: string; contact: ContactFields; actor: Actor },
): Promise<Contact> {
  return inTransaction(deps.db, async (trx) => {
    if (!(await customerExists(trx, input))) throw new AppError('not_found');
    const values = cleanContact(input.contact) as Pick<ContactFields, 'name'> & Record<string, unknown>;
    const row = await insertContact(trx, {
      ...values,
      name: values.name,
      org_id: input.orgId,
      id: newId(),
      account_id: input.customerId,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_contact.added',
      entityType: 'customer_account',
      entityId: input.customerId,
      after: row,
    });
    return row;
  });
}
