import type { Database } from '../../db/client.ts';
import { allocateOldestFirst, type OldestFirstPlan } from '../applications/allocate-oldest-first.ts';
import { assertDocumentAmount, resolveCustomerCurrency } from '../customers/resolve-customer-currency.ts';

export interface AllocationPreview extends OldestFirstPlan {
  currency: string;
}

/**
 * What recording a payment with `allocations: 'auto'` would apply, without writing anything: the
 * same checks of amount and currency as recordPayment (the customer's own currency or one it has
 * a balance in; not_found for another seller's customer), then the same oldest-first rule
 * (allocateOldestFirst) over every open invoice, pending amounts held back.
 */
export async function previewAllocation(
  deps: { db: Database },
  input: { orgId: string; customerId: string; amount: bigint; currency?: string | null | undefined },
): Promise<AllocationPreview> {
  assertDocumentAmount(input.amount);
  const currency = await resolveCustomerCurrency(deps.db, input, { offeredOnly: true });
  const plan = await allocateOldestFirst(deps.db, {
    orgId: input.orgId,
    customerId: input.customerId,
    currency,
    amount: input.amount,
  });
  return { currency, ...plan };
}
