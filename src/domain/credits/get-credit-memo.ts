import type { Database } from '../../db/client.ts';
import type { ApplicationView } from '../payments/payments.repository.ts';
import { type CreditSummary, loadCreditMemo } from './credit-memos.repository.ts';

/** docs/api.md `CreditDetail`: the summary and every application, live and undone. */
export interface CreditDetail extends CreditSummary {
  applications: ApplicationView[];
}

/**
 * One credit memo of the org with its applications, read from the credit memo aggregate
 * (loadCreditMemo), or undefined when the org has no such memo (or, with `customerId`, when it
 * belongs to another customer account).
 */
export async function getCreditMemo(
  deps: { db: Database },
  input: { orgId: string; creditMemoId: string; customerId?: string | undefined },
): Promise<CreditDetail | undefined> {
  const memo = await loadCreditMemo(deps.db, input);
  if (!memo) return undefined;
  return {
    id: memo.id,
    number: memo.number,
    customer: { id: memo.customer.id, name: memo.customer.name, accountNumber: memo.customer.accountNumber },
    issueDate: memo.issueDate,
    currency: memo.currency,
    amount: memo.amount,
    unappliedAmount: memo.unappliedAmount,
    status: memo.status,
    invoice: memo.invoice,
    reason: memo.reason,
    applications: memo.applications.map(({ invoice: _invoice, ...a }) => a),
  };
}
