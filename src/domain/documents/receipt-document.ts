import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { loadPayment } from '../payments/payments.repository.ts';
import { loadDocumentTemplate } from './document-templates.repository.ts';
import { partyOf, type ReceiptDocumentView } from './document-views.ts';
import { loadSeller, printedSeller } from './seller.ts';

/**
 * A payment's receipt as its document prints it, from the payment aggregate (the loader the JSON
 * detail reads): number, date, method, reference, amount and the invoices it is applied to (live
 * applications), in the customer's language. A reversed payment holds nothing (its unapplied
 * amount is the journal's 0). With `customerId` (the portal) only that account's payments;
 * anything else is `not_found`.
 */
export async function buildReceiptDocument(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; customerId?: string | undefined },
): Promise<ReceiptDocumentView> {
  const [payment, seller, template] = await Promise.all([
    loadPayment(deps.db, input),
    loadSeller(deps.db, input.orgId),
    loadDocumentTemplate(deps.db, input.orgId),
  ]);
  if (!payment) throw new AppError('not_found');
  const applications = payment.applications
    .filter((a) => a.unappliedAt === null)
    .map((a) => ({
      invoiceNumber: a.invoiceNumber,
      issueDate: a.invoice.issueDate,
      dueDate: a.invoice.dueDate,
      total: a.invoice.total,
      openAmount: a.invoice.openAmount,
      amount: a.amount,
    }));
  return {
    seller: printedSeller(seller),
    template,
    locale: payment.customer.locale,
    payment: {
      number: payment.number,
      status: payment.status,
      receivedOn: payment.receivedOn,
      method: payment.method,
      reference: payment.reference,
      currency: payment.currency,
      amount: payment.amount,
      unappliedAmount: payment.unappliedAmount,
      reverseReason: payment.reverseReason,
      createdAt: payment.createdAt,
      customer: partyOf(payment.customer),
    },
    applications,
    applied: applications.reduce((sum, a) => sum + a.amount, 0n),
  };
}
