import type { Database } from '../../db/client.ts';
import type { Address, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';
import { addContact } from './add-contact.ts';
import type { ContactFields } from './contact-fields.ts';
import { createCustomerAccount } from './create-customer-account.ts';
import { isStaffOf } from './customers.repository.ts';

export interface CustomerFields {
  accountNumber: string;
  name: string;
  taxId?: string | null | undefined;
  currency: string;
  locale: Locale;
  paymentTermsDays?: number | undefined;
  creditLimit?: bigint | null | undefined;
  billingAddress?: Address | undefined;
  shippingAddress?: Address | undefined;
  collectorUserId?: string | null | undefined;
  tags?: string[] | undefined;
}

/** A collector is one of the seller's staff; anything else is a field error, never a foreign key into another seller. */
export async function assertCollector(db: Database, orgId: string, userId: string | null | undefined) {
  if (!userId) return;
  if (!(await isStaffOf(db, { orgId, userId })))
    throw new AppError('validation_failed', {}, [{ field: 'collectorUserId', code: 'invalid' }]);
}

/** Normalises tags: trimmed, no empties, no duplicates, in the order given. */
export function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Creates a customer from the console, with its AR terms and, in the same transaction, its contacts. */
export async function createCustomer(
  deps: { db: Database },
  input: CustomerFields & { orgId: string; actor: Actor; contacts?: ContactFields[] | undefined },
): Promise<{ id: string }> {
  currencyExponent(input.currency);
  if (input.creditLimit != null) assertSafeAmount(input.creditLimit, 'creditLimit');
  return inTransaction(deps.db, async (trx) => {
    await assertCollector(trx, input.orgId, input.collectorUserId);
    const created = await createCustomerAccount(
      { db: trx },
      {
        orgId: input.orgId,
        accountNumber: input.accountNumber.trim(),
        name: input.name.trim(),
        taxId: input.taxId?.trim() || null,
        currency: input.currency,
        locale: input.locale,
        actor: input.actor,
        paymentTermsDays: input.paymentTermsDays,
        creditLimit: input.creditLimit,
        billingAddress: input.billingAddress,
        shippingAddress: input.shippingAddress,
        collectorUserId: input.collectorUserId,
        tags: input.tags === undefined ? undefined : cleanTags(input.tags),
      },
    );
    for (const contact of input.contacts ?? [])
      await addContact(
        { db: trx },
        {
          orgId: input.orgId,
          customerId: created.id,
          // A contact speaks the customer's language unless told otherwise.
          contact: { ...contact, locale: contact.locale ?? input.locale },
          actor: input.actor,
        },
      );
    return created;
  });
}
