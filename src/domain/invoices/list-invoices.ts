import type { Database } from '../../db/client.ts';
import { findInvoices, type InvoiceListQuery, type InvoiceSummary } from './invoices.repository.ts';

/** A page of the seller's invoices (or one customer's), filtered and sorted in the database (findInvoices). */
export function listInvoices(
  deps: { db: Database },
  input: InvoiceListQuery,
): Promise<{ items: InvoiceSummary[]; total: number }> {
  return findInvoices(deps.db, input);
}
