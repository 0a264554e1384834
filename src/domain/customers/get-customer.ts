import type { Database } from '../../db/client.ts';
import { type Aging, agingFor, type Balance, balancesFor } from './balances.ts';
import {
  type Customer,
  type CustomerRecord,
  customerHasDocuments,
  loadCustomer,
} from './customers.repository.ts';

export interface CustomerSummary extends CustomerRecord {
  balances: Balance[];
}

export interface CustomerDetail extends Customer {
  balances: Balance[];
  aging: Aging[];
  /** A document names it: its currency can no longer change (update-customer.ts). */
  hasDocuments: boolean;
}

/** One customer of the seller with contacts, balances and aging; null when it is not the seller's. */
export async function getCustomer(
  deps: { db: Database },
  input: { orgId: string; customerId: string },
): Promise<CustomerDetail | null> {
  const customer = await loadCustomer(deps.db, input);
  if (!customer) return null;
  const [balances, aging, hasDocuments] = await Promise.all([
    balancesFor(deps.db, input.orgId, [{ id: customer.id, currency: customer.currency }]),
    agingFor(deps.db, input.orgId, customer.id),
    customerHasDocuments(deps.db, input),
  ]);
  return { ...customer, balances: balances.get(customer.id) ?? [], aging, hasDocuments };
}
