import type { Database } from '../../db/client.ts';
import { numbersAfter } from '../invoices/suggest-invoice-number.ts';
import { findLatestAccountNumber, takenAccountNumbers } from './customers.repository.ts';

/**
 * The account number a new customer would most likely get next: the series of the customer
 * created last, one further, skipping numbers taken ("C-1003" → "C-1004"). A suggestion the form
 * fills in; null when the seller has no numbered customer to follow.
 */
export async function suggestAccountNumber(
  deps: { db: Database },
  input: { orgId: string },
): Promise<string | null> {
  const latest = await findLatestAccountNumber(deps.db, input);
  if (latest === null) return null;
  const candidates = numbersAfter(latest);
  const taken = await takenAccountNumbers(deps.db, { orgId: input.orgId, accountNumbers: candidates });
  return candidates.find((c) => !taken.has(c)) ?? null;
}
