import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { loadInvoice } from '../invoices/invoices.repository.ts';
import { dateInTimeZone } from '../money/format.ts';
import { loadDocumentTemplate } from './document-templates.repository.ts';
import { type InvoiceDocumentView, partyOf } from './document-views.ts';
import { loadSeller, printedSeller } from './seller.ts';

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * An invoice of the seller as its documents print it, from the invoice aggregate (the loader the
 * JSON detail reads): its lines, taxes, fees and live payment and credit applications, in its
 * customer's language, with the seller's template. With `customerId` (the portal) only that
 * account's invoices, and never drafts; anything else is `not_found`.
 */
export async function buildInvoiceDocument(
  deps: { db: Database },
  input: { orgId: string; invoiceId: string; customerId?: string | undefined; now?: Date },
): Promise<InvoiceDocumentView> {
  const [invoice, seller, template] = await Promise.all([
    loadInvoice(deps.db, {
      orgId: input.orgId,
      invoiceId: input.invoiceId,
      customerId: input.customerId,
      excludeDrafts: input.customerId !== undefined,
    }),
    loadSeller(deps.db, input.orgId),
    loadDocumentTemplate(deps.db, input.orgId),
  ]);
  if (!invoice) throw new AppError('not_found');
  // Oldest first by the document's own date; the loader's order (when applied) breaks ties.
  const payments = invoice.payments
    .filter((p) => p.unappliedAt === null)
    .sort(byKey((p) => p.receivedOn))
    .map((p) => ({ number: p.number, receivedOn: p.receivedOn, method: p.method, amount: p.amount }));
  const credits = invoice.credits
    .filter((c) => c.unappliedAt === null)
    .sort(byKey((c) => c.issueDate))
    .map((c) => ({ number: c.number, issueDate: c.issueDate, amount: c.amount }));
  return {
    seller: printedSeller(seller),
    template,
    locale: invoice.customer.locale,
    today: dateInTimeZone(input.now ?? new Date(), seller.timeZone),
    sample: false,
    invoice: {
      number: invoice.number,
      status: invoice.status,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      poNumber: invoice.poNumber,
      notes: invoice.notes,
      voidReason: invoice.voidReason,
      subtotal: invoice.subtotal,
      taxTotal: invoice.taxTotal,
      feeTotal: invoice.feeTotal,
      total: invoice.total,
      openAmount: invoice.openAmount,
      createdAt: invoice.postedAt ?? invoice.createdAt,
      customer: partyOf(invoice.customer),
      lines: invoice.lines.map((l) => ({
        sku: l.sku,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice,
        discountAmount: l.discountAmount,
        netAmount: l.netAmount,
        taxAmount: l.taxAmount,
        taxes: l.taxes,
      })),
      charges: invoice.charges.map((c) => ({ kind: c.kind, name: c.name, rate: c.rate, amount: c.amount })),
      payments,
      credits,
    },
  };
}
