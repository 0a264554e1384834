import type { Database } from '../../db/client.ts';
import type { Address, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import { insertCustomer, jsonb } from './customers.repository.ts';

/**
 * Creates a customer account. The first fields are what sign-in needs (operators, the demo);
 * the optional ones are the AR terms the console sets (domain/customers/create-customer.ts).
 * A taken account number is `duplicate_number`.
 */
export async function createCustomerAccount(
  deps: { db: Database },
  input: {
    orgId: string;
    accountNumber: string;
    name: string;
    taxId?: string | null;
    currency: string;
    locale: Locale;
    actor: Actor;
    paymentTermsDays?: number | undefined;
    creditLimit?: bigint | null | undefined;
    billingAddress?: Address | undefined;
    shippingAddress?: Address | undefined;
    collectorUserId?: string | null | undefined;
    tags?: string[] | undefined;
    erpId?: string | null | undefined;
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
    ...(input.paymentTermsDays !== undefined ? { payment_terms_days: input.paymentTermsDays } : {}),
    ...(input.creditLimit !== undefined ? { credit_limit: input.creditLimit } : {}),
    ...(input.billingAddress !== undefined ? { billing_address: jsonb(input.billingAddress) } : {}),
    ...(input.shippingAddress !== undefined ? { shipping_address: jsonb(input.shippingAddress) } : {}),
    ...(input.collectorUserId !== undefined ? { collector_user_id: input.collectorUserId } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.erpId !== undefined ? { erp_id: input.erpId } : {}),
  };
  return inTransaction(deps.db, async (db) => {
    if (!(await insertCustomer(db, values)))
      throw new AppError('duplicate_number', { number: input.accountNumber });
    await recordAudit(db, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.created',
      entityType: 'customer_account',
      entityId: id,
      after: {
        ...values,
        credit_limit: input.creditLimit?.toString(),
        billing_address: input.billingAddress,
        shipping_address: input.shippingAddress,
      },
    });
    return { id };
  });
}
