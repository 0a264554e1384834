import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';

/**
 * The customer account as far as sign-in needs it. The AR core (customers, contacts, terms,
 * holds) extends this table.
 */
export async function createCustomerAccount(
  db: Kysely<DB> | Transaction<DB>,
  input: {
    orgId: string;
    accountNumber: string;
    name: string;
    taxId?: string | null;
    currency: string;
    locale: Locale;
    actor: Actor;
  },
): Promise<{ id: string }> {
  const id = newId();
  const values = {
    org_id: input.orgId,
    id,
    account_number: input.accountNumber,
    name: input.name,
    tax_id: input.taxId ?? null,
    currency: input.currency,
    locale: input.locale,
  };
  const inserted = await db
    .insertInto('customer_accounts')
    .values(values)
    .onConflict((oc) => oc.columns(['org_id', 'account_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('conflict');
  await recordAudit(db, {
    orgId: input.orgId,
    actor: input.actor,
    action: 'customer_account.created',
    entityType: 'customer_account',
    entityId: id,
    after: values,
  });
  return { id };
}
