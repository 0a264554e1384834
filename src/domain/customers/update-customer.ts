import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';
import { assertCollector, type CustomerFields, cleanTags } from './create-customer.ts';
import {
  accountNumberTaken,
  customerHasDocuments,
  jsonb,
  lockCustomer,
  updateCustomerRow,
} from './customers.repository.ts';

const columns = {
  accountNumber: 'account_number',
  name: 'name',
  taxId: 'tax_id',
  currency: 'currency',
  locale: 'locale',
  paymentTermsDays: 'payment_terms_days',
  creditLimit: 'credit_limit',
  billingAddress: 'billing_address',
  shippingAddress: 'shipping_address',
  collectorUserId: 'collector_user_id',
  tags: 'tags',
} as const satisfies Record<keyof CustomerFields, string>;

/**
 * Changes the fields given (any of the create fields), audited with before → after of exactly
 * those fields. The currency can change only while no document names the customer: after that
 * its balances, aging and statements follow its documents' currencies (`currency_locked`, a
 * field error on `currency`).
 */
export async function updateCustomer(
  deps: { db: Database },
  input: { orgId: string; customerId: string; changes: Partial<CustomerFields>; actor: Actor },
): Promise<void> {
  const { changes } = input;
  if (changes.currency !== undefined) currencyExponent(changes.currency);
  if (changes.creditLimit != null) assertSafeAmount(changes.creditLimit, 'creditLimit');
  await inTransaction(deps.db, async (trx) => {
    const current = await lockCustomer(trx, input);
    if (!current) throw new AppError('not_found');
    if (changes.collectorUserId !== undefined)
      await assertCollector(trx, input.orgId, changes.collectorUserId);

    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columns) as [keyof CustomerFields, string][]) {
      let value: unknown = changes[field];
      if (value === undefined) continue;
      if (field === 'accountNumber' || field === 'name') value = (value as string).trim();
      if (field === 'taxId') value = (value as string | null)?.trim() || null;
      if (field === 'tags') value = cleanTags(value as string[]);
      const old = (current as Record<string, unknown>)[column];
      if (JSON.stringify(old, jsonSafe) === JSON.stringify(value, jsonSafe)) continue;
      set[column] =
        field === 'billingAddress' || field === 'shippingAddress' ? jsonb(value as object) : value;
      before[field] = old;
      after[field] = value;
    }
    if (Object.keys(set).length === 0) return;

    if (set.currency !== undefined && (await customerHasDocuments(trx, input)))
      throw new AppError('validation_failed', {}, [
        { field: 'currency', code: 'currency_locked', params: { currency: current.currency.trim() } },
      ]);
    if (set.account_number !== undefined) {
      const taken = await accountNumberTaken(trx, {
        orgId: input.orgId,
        accountNumber: set.account_number as string,
        exceptCustomerId: input.customerId,
      });
      if (taken) throw new AppError('duplicate_number', { number: set.account_number as string });
    }
    await updateCustomerRow(trx, { orgId: input.orgId, customerId: input.customerId, set });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.updated',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: JSON.parse(JSON.stringify(before, jsonSafe)),
      after: JSON.parse(JSON.stringify(after, jsonSafe)),
    });
  });
}

/** bigint (credit limit) as its decimal string in JSON. */
function jsonSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}
