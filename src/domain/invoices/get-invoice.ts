import type { Database } from '../../db/client.ts';
import {
  type InvoiceCharge,
  type InvoiceCreditApplication,
  type InvoiceLine,
  type InvoicePaymentApplication,
  type InvoiceSummary,
  loadInvoice,
} from './invoices.repository.ts';

/** docs/api.md `InvoiceDetail`: the summary, lines, charges, every application (live and undone), the void. */
export interface InvoiceDetail extends InvoiceSummary {
  /** Money on its way from an online payment (ACH settling): held, not yet applied. */
  pendingAmount: bigint;
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  notes: string | null;
  lines: InvoiceLine[];
  charges: InvoiceCharge[];
  payments: InvoicePaymentApplication[];
  credits: Omit<InvoiceCreditApplication, 'issueDate'>[];
  voidedAt: Date | null;
  voidReason: string | null;
}

/**
 * One invoice with everything on it and everything applied to it (live and undone applications,
 * oldest first), read from the invoice aggregate (loadInvoice). `customerId` scopes it to one
 * account (the portal): another account's invoice, like another seller's, is simply not found.
 * Drafts are hidden where `excludeDrafts` is set.
 */
export async function getInvoice(
  deps: { db: Database },
  input: {
    orgId: string;
    invoiceId: string;
    customerId?: string | undefined;
    excludeDrafts?: boolean | undefined;
  },
): Promise<InvoiceDetail | null> {
  const invoice = await loadInvoice(deps.db, input);
  if (!invoice) return null;
  return {
    id: invoice.id,
    number: invoice.number,
    erpId: invoice.erpId,
    customer: {
      id: invoice.customer.id,
      name: invoice.customer.name,
      accountNumber: invoice.customer.accountNumber,
    },
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    poNumber: invoice.poNumber,
    status: invoice.status,
    paymentStatus: invoice.paymentStatus,
    overdue: invoice.overdue,
    daysOverdue: invoice.daysOverdue,
    total: invoice.total,
    pendingAmount: invoice.pendingAmount,
    openAmount: invoice.openAmount,
    subtotal: invoice.subtotal,
    discountTotal: invoice.discountTotal,
    taxTotal: invoice.taxTotal,
    feeTotal: invoice.feeTotal,
    notes: invoice.notes,
    lines: invoice.lines,
    charges: invoice.charges,
    payments: invoice.payments,
    credits: invoice.credits.map(({ issueDate: _date, ...c }) => c),
    voidedAt: invoice.voidedAt,
    voidReason: invoice.voidReason,
  };
}
