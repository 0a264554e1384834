import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { ContactMessage, DB, Locale } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { newId } from '../shared/ids.ts';
import type { Contact } from './get-customer.ts';

export interface ContactFields {
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  role?: string | null | undefined;
  locale?: Locale | undefined;
  receives?: ContactMessage[] | undefined;
}

const contactColumns = ['id', 'name', 'email', 'phone', 'role', 'locale', 'receives'] as const;

async function assertCustomer(db: Kysely<DB> | Transaction<DB>, orgId: string, customerId: string) {
  const found = await db
    .selectFrom('customer_accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!found) throw new AppError('not_found');
}

function clean(fields: Partial<ContactFields>) {
  const out: Record<string, unknown> = {};
  if (fields.name !== undefined) out.name = fields.name.trim();
  if (fields.email !== undefined) out.email = fields.email ? normalizeEmail(fields.email) : null;
  if (fields.phone !== undefined) out.phone = fields.phone?.trim() || null;
  if (fields.role !== undefined) out.role = fields.role?.trim() || null;
  if (fields.locale !== undefined) out.locale = fields.locale;
  if (fields.receives !== undefined) out.receives = [...new Set(fields.receives)];
  return out;
}

/**
 * A contact of a customer: who gets invoices, statements, reminders, receipts. Contact changes are
 * audited on the customer account (so they appear in its activity), naming the contact.
 */
export async function addContact(
  db: Database,
  input: { orgId: string; customerId: string; contact: ContactFields },
  actor: Actor,
): Promise<Contact> {
  return db.transaction().execute(async (trx) => {
    await assertCustomer(trx, input.orgId, input.customerId);
    const values = clean(input.contact) as Pick<ContactFields, 'name'> & Record<string, unknown>;
    const row = await trx
      .insertInto('customer_contacts')
      .values({
        ...values,
        name: values.name,
        org_id: input.orgId,
        id: newId(),
        account_id: input.customerId,
      })
      .returning(contactColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'customer_contact.added',
      entityType: 'customer_account',
      entityId: input.customerId,
      after: row,
    });
    return row;
  });
}

export async function updateContact(
  db: Database,
  input: { orgId: string; customerId: string; contactId: string; changes: Partial<ContactFields> },
  actor: Actor,
): Promise<Contact> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('customer_contacts')
      .select(contactColumns)
      .where('org_id', '=', input.orgId)
      .where('account_id', '=', input.customerId)
      .where('id', '=', input.contactId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const changes = clean(input.changes);
    if (Object.keys(changes).length === 0) return before;
    const after = await trx
      .updateTable('customer_contacts')
      .set(changes)
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.contactId)
      .returning(contactColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'customer_contact.updated',
      entityType: 'customer_account',
      entityId: input.customerId,
      before,
      after,
    });
    return after;
  });
}

export async function removeContact(
  db: Database,
  input: { orgId: string; customerId: string; contactId: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('customer_contacts')
      .where('org_id', '=', input.orgId)
      .where('account_id', '=', input.customerId)
      .where('id', '=', input.contactId)
      .returning(contactColumns)
      .executeTakeFirst();
    if (!removed) throw new AppError('not_found');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'customer_contact.removed',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: removed,
    });
  });
}
