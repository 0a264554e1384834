import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';

/** The amount of a new payment or credit memo: positive and within the safe range. */
export function assertDocumentAmount(amount: bigint): void {
  if (amount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(amount);
}

/**
 * The currency of a new payment or credit memo: the one given, else the customer's. Throws
 * not_found when the customer is not the organisation's, and validation_failed for an unknown
 * currency.
 */
export async function resolveCustomerCurrency(
  db: Kysely<DB> | Transaction<DB>,
  input: { orgId: string; customerId: string; currency?: string | null },
): Promise<string> {
  const customer = await db
    .selectFrom('customer_accounts')
    .select(['currency'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('not_found');
  const currency = input.currency ?? customer.currency;
  currencyExponent(currency);
  return currency;
}
