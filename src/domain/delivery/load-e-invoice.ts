import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { loadCreditMemo } from '../credits/credit-memos.repository.ts';
import { loadSeller } from '../documents/seller.ts';
import { AppError } from '../errors.ts';
import { loadInvoice } from '../invoices/invoices.repository.ts';
import { isUuid } from '../shared/ids.ts';
import { loadDeliveryPreference, loadDeliverySettings } from './delivery.repository.ts';
import { creditNoteEDocument, type EInvoiceDocument, invoiceEDocument } from './e-invoice-document.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type DeliverableType = 'invoice' | 'credit_memo';

/**
 * An invoice or credit memo of the seller as an e-invoice (UBL, X12 810), by id or by number;
 * drafts are not documents yet. With `customerId`, only that account's. `not_found` otherwise.
 */
export async function loadEInvoice(
  deps: { db: Db },
  input: { orgId: string; type: DeliverableType; id?: string; number?: string; customerId?: string },
): Promise<{ doc: EInvoiceDocument; customerId: string }> {
  const { db } = deps;
  const table = input.type === 'invoice' ? 'invoices' : 'credit_memos';
  let id = input.id;
  if (!id && input.number !== undefined) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('number', '=', input.number)
      .executeTakeFirst();
    id = row?.id;
  }
  if (!id || !isUuid(id)) throw new AppError('not_found');
  const [seller, settings] = await Promise.all([
    loadSeller(db, input.orgId),
    loadDeliverySettings(db, input.orgId),
  ]);
  const sellerView = {
    name: seller.name,
    legalName: seller.legalName,
    taxId: seller.taxId,
    country: seller.country,
    address: settings.sellerAddress,
    endpoint: settings.peppol,
  };
  if (input.type === 'invoice') {
    const invoice = await loadInvoice(db, {
      orgId: input.orgId,
      invoiceId: id,
      customerId: input.customerId,
      excludeDrafts: true,
    });
    if (!invoice) throw new AppError('not_found');
    const pref = await loadDeliveryPreference(db, { orgId: input.orgId, customerId: invoice.customer.id });
    return { doc: invoiceEDocument(invoice, sellerView, pref.peppol), customerId: invoice.customer.id };
  }
  const memo = await loadCreditMemo(db, {
    orgId: input.orgId,
    creditMemoId: id,
    customerId: input.customerId,
  });
  if (!memo) throw new AppError('not_found');
  const pref = await loadDeliveryPreference(db, { orgId: input.orgId, customerId: memo.customer.id });
  return { doc: creditNoteEDocument(memo, sellerView, pref.peppol), customerId: memo.customer.id };
}
