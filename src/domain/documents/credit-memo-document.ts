import type { Database } from '../../db/client.ts';
import { loadCreditMemo } from '../credits/credit-memos.repository.ts';
import { AppError } from '../errors.ts';
import { dateInTimeZone } from '../money/format.ts';
import { loadDocumentTemplate } from './document-templates.repository.ts';
import { type CreditMemoDocumentView, partyOf } from './document-views.ts';
import { loadSeller, printedSeller } from './seller.ts';

/**
 * A credit memo as its document prints it, from the credit memo aggregate (the loader the JSON
 * detail reads): amount, reason, the invoice it was issued against, and the invoices it is
 * applied to (live applications), in the customer's language. With `customerId` (the portal)
 * only that account's credit memos; anything else is `not_found`.
 */
export async function buildCreditMemoDocument(
  deps: { db: Database },
  input: { orgId: string; creditMemoId: string; customerId?: string | undefined },
): Promise<CreditMemoDocumentView> {
  const [memo, seller, template] = await Promise.all([
    loadCreditMemo(deps.db, input),
    loadSeller(deps.db, input.orgId),
    loadDocumentTemplate(deps.db, input.orgId),
  ]);
  if (!memo) throw new AppError('not_found');
  const applications = memo.applications
    .filter((a) => a.unappliedAt === null)
    .map((a) => ({
      invoiceNumber: a.invoiceNumber,
      issueDate: a.invoice.issueDate,
      appliedOn: dateInTimeZone(a.createdAt, seller.timeZone),
      total: a.invoice.total,
      amount: a.amount,
    }));
  return {
    seller: printedSeller(seller),
    template,
    locale: memo.customer.locale,
    creditMemo: {
      number: memo.number,
      status: memo.status,
      issueDate: memo.issueDate,
      currency: memo.currency,
      amount: memo.amount,
      unappliedAmount: memo.unappliedAmount,
      reason: memo.reason,
      invoiceNumber: memo.invoice?.number ?? null,
      createdAt: memo.createdAt,
      customer: partyOf(memo.customer),
    },
    applications,
    applied: applications.reduce((sum, a) => sum + a.amount, 0n),
  };
}
