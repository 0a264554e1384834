import type { Database } from '../../db/client.ts';
import { type CreditSummary, findCreditMemos, type ListCreditMemosInput } from './credit-memos.repository.ts';

/** The org's credit memos, newest issued first, one page at a time (findCreditMemos). */
export function listCreditMemos(
  deps: { db: Database },
  input: ListCreditMemosInput,
): Promise<{ items: CreditSummary[]; total: number }> {
  return findCreditMemos(deps.db, input);
}
