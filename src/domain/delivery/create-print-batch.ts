import type { Database } from '../../db/client.ts';
import type { Address, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { buildCreditMemoDocument } from '../documents/credit-memo-document.ts';
import type { CreditMemoDocumentView, InvoiceDocumentView } from '../documents/document-views.ts';
import { buildInvoiceDocument } from '../documents/invoice-document.ts';
import { loadSeller } from '../documents/seller.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import { deliveryAction } from './deliver-document.ts';
import {
  claimDueToPrint,
  listDueToPrint,
  loadDeliverySettings,
  markPrinted,
  nextPrintBatchNumber,
  type PrintBatchSummary,
} from './delivery.repository.ts';

/** One customer's part of a batch: its address page, then its documents. */
export interface PrintBatchPart {
  addressPage: {
    seller: { name: string; address: Address };
    customer: { name: string; accountNumber: string; address: Address };
    documents: { type: 'invoice' | 'credit_memo'; number: string }[];
    locale: Locale;
    date: string;
  };
  documents: Buffer[];
}

/** The PDF writers a batch needs (formats/pdf), passed in by the caller. */
export interface PrintBatchWriters {
  invoicePdf(view: InvoiceDocumentView): Promise<Buffer>;
  creditMemoPdf(view: CreditMemoDocumentView): Promise<Buffer>;
  /** Address pages and documents merged in order; answers the PDF and its page count. */
  batchPdf(parts: PrintBatchPart[]): Promise<{ pdf: Buffer; pageCount: number }>;
}

/**
 * "Print batch": every postal delivery due (or the ones chosen) becomes one merged PDF — per
 * customer, an address page (for a window envelope) and then its documents, customers by name —
 * kept as a print batch for downloading again, and the deliveries marked printed in the same
 * transaction. Deliveries are claimed FOR UPDATE SKIP LOCKED, so two people pressing the button at
 * once never print a document twice. Nothing due: `nothing_to_print`.
 */
export async function createPrintBatch(
  deps: { db: Database; writers: PrintBatchWriters; now?: () => Date },
  input: { orgId: string; deliveryIds?: string[]; actor: Actor },
): Promise<PrintBatchSummary> {
  const now = deps.now?.() ?? new Date();
  return inTransaction(deps.db, async (trx) => {
    const claimed = new Set(await claimDueToPrint(trx, input.orgId, input.deliveryIds));
    const due = (await listDueToPrint(trx, input.orgId)).filter((d) => claimed.has(d.id));
    if (due.length === 0) throw new AppError('nothing_to_print');
    const [seller, settings] = await Promise.all([
      loadSeller(trx, input.orgId),
      loadDeliverySettings(trx, input.orgId),
    ]);
    const accounts = await trx
      .selectFrom('customer_accounts')
      .select(['id', 'account_number', 'locale'])
      .where('org_id', '=', input.orgId)
      .where('id', 'in', [...new Set(due.map((d) => d.customerId))])
      .execute();
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const parts: PrintBatchPart[] = [];
    let current: (PrintBatchPart & { customerId: string }) | undefined;
    for (const d of due) {
      if (!current || current.customerId !== d.customerId) {
        const account = byId.get(d.customerId);
        current = {
          customerId: d.customerId,
          addressPage: {
            seller: { name: seller.legalName ?? seller.name, address: settings.sellerAddress },
            customer: {
              name: d.customerName,
              accountNumber: account?.account_number ?? '',
              address: d.address,
            },
            documents: [],
            locale: account?.locale ?? seller.locale,
            date: now.toISOString().slice(0, 10),
          },
          documents: [],
        };
        parts.push(current);
      }
      current.addressPage.documents.push({ type: d.documentType, number: d.documentNumber });
      current.documents.push(
        d.documentType === 'invoice'
          ? await deps.writers.invoicePdf(
              await buildInvoiceDocument({ db: trx }, { orgId: input.orgId, invoiceId: d.documentId, now }),
            )
          : await deps.writers.creditMemoPdf(
              await buildCreditMemoDocument({ db: trx }, { orgId: input.orgId, creditMemoId: d.documentId }),
            ),
      );
    }
    const { pdf, pageCount } = await deps.writers.batchPdf(parts);
    const id = newId();
    const number = await nextPrintBatchNumber(trx, input.orgId);
    await trx
      .insertInto('print_batches')
      .values({
        org_id: input.orgId,
        id,
        number,
        document_count: due.length,
        customer_count: parts.length,
        page_count: pageCount,
        pdf,
        created_by: input.actor.userId ?? null,
      })
      .execute();
    await markPrinted(trx, { orgId: input.orgId, ids: due.map((d) => d.id), batchId: id, at: now });
    for (const d of due)
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: input.actor,
        action: deliveryAction(d.documentType, 'printed'),
        entityType: d.documentType,
        entityId: d.documentId,
        after: { deliveryId: d.id, channel: 'postal', status: 'printed', batch: number },
      });
    return {
      id,
      number,
      documentCount: due.length,
      customerCount: parts.length,
      pageCount,
      createdAt: now,
      createdBy: null,
    };
  });
}
