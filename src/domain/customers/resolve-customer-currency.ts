import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';
import { balancesFor } from './balances.ts';
import { findCustomerDefaults } from './customers.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The amount of a new payment or credit memo: positive and within the safe range. */
export function assertDocumentAmount(amount: bigint): void {
  if (amount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(amount);
}

/**
 * The currency of a new payment or credit memo: the one given, else the customer's. Throws
 * not_found when the customer is not the organisation's, and validation_failed for an unknown
 * currency — or, with `offeredOnly`, for a currency the customer does not deal in (see
 * customerCurrencies).
 */
export async function resolveCustomerCurrency(
  db: Db,
  input: { orgId: string; customerId: string; currency?: string | null },
  options: { offeredOnly?: boolean } = {},
): Promise<string> {
  const customer = await findCustomerDefaults(db, input);
  if (!customer) throw new AppError('not_found');
  const currency = input.currency ?? customer.currency;
  currencyExponent(currency);
  if (options.offeredOnly && currency !== customer.currency) {
    const offered = await customerCurrencies(db, input.orgId, {
      id: input.customerId,
      currency: customer.currency,
    });
    if (!offered.includes(currency))
      throw new AppError('validation_failed', {}, [
        { field: 'currency', code: 'enum', params: { values: offered.join(', ') } },
      ]);
  }
  return currency;
}

/**
 * The currencies money from a customer may be recorded in: the account's own currency, and every
 * currency it has a balance in — open invoices, unapplied cash or unapplied credits. These are
 * exactly the currencies the customer page shows balances for, and the ones the record-payment
 * form offers (web: useCustomerCurrencies). Money in any other currency could be applied to
 * nothing the customer owes; record it after invoicing in that currency.
 */
export async function customerCurrencies(
  db: Db,
  orgId: string,
  customer: { id: string; currency: string },
): Promise<string[]> {
  const balances = (await balancesFor(db, orgId, [customer])).get(customer.id) ?? [];
  return [...new Set([customer.currency, ...balances.map((b) => b.currency)])];
}
