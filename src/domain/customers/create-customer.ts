import type { Database } from '../../db/client.ts';
import type { Address, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';
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

/** Creates a customer from the console, with its AR terms. */
export async function createCustomer(
  deps: { db: Database },
  input: CustomerFields & { orgId: string; actor: Actor },
): Promise<{ id: string }> {
  currencyExponent(input.currency);
  if (input.creditLimit != null) assertSafeAmount(input.creditLimit, 'creditLimit');
  return inTransaction(deps.db, async (trx) => {
    await assertCollector(trx, input.orgId, input.collectorUserId);
    return createCustomerAccount(
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
  });
}
