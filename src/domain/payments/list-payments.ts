import type { Database } from '../../db/client.ts';
import { findPayments, type ListPaymentsInput, type PaymentSummary } from './payments.repository.ts';

/** The org's payments, newest received first, one page at a time (findPayments). */
export function listPayments(
  deps: { db: Database },
  input: ListPaymentsInput,
): Promise<{ items: PaymentSummary[]; total: number }> {
  return findPayments(deps.db, input);
}
