import type { Database } from '../../db/client.ts';
import { balancesFor } from './balances.ts';
import { type CustomerListQuery, findCustomers } from './customers.repository.ts';
import type { CustomerSummary } from './get-customer.ts';

/**
 * A page of the seller's customers with their balances: the page sorted and cut in the database
 * (findCustomers), then the page's full balances (with unapplied cash and credits) in one query
 * over those ids only.
 */
export async function listCustomers(
  deps: { db: Database },
  input: CustomerListQuery,
): Promise<{ items: CustomerSummary[]; total: number }> {
  const page = await findCustomers(deps.db, input);
  const balances = await balancesFor(
    deps.db,
    input.orgId,
    page.items.map((c) => ({ id: c.id, currency: c.currency })),
  );
  return {
    items: page.items.map((c) => ({ ...c, balances: balances.get(c.id) ?? [] })),
    total: page.total,
  };
}
