import { sql } from 'kysely';
import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { applyToInvoices } from '../../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { orgTodayOf } from '../../customers/balances.ts';
import { AppError } from '../../errors.ts';
import { lockInvoice } from '../../invoices/invoices.repository.ts';
import { postEntry } from '../../ledger/post-entry.ts';
import { insertPayment } from '../../payments/payments.repository.ts';
import { nextDocumentNumber } from '../../shared/document-numbers.ts';
import { newId } from '../../shared/ids.ts';
import { recordIntegrationEvent } from '../webhooks/record-integration-event.ts';

/**
 * Corrects one difference an aging import found (aging-importer.ts) where the ERP shows less open
 * on an invoice than Saldo — it was paid in the ERP: records the difference as a payment recorded
 * in the ERP (source 'erp', method 'other', dated the seller's today, numbered as manual payments
 * are) applied to that invoice exactly as record-payment.ts applies one, and resolves the review.
 * The difference is taken from the invoice as it is now (open less what is in flight), so a
 * payment recorded since the import is not counted twice; an invoice that matches the ERP now is
 * resolved without a payment. Any other difference is corrected by importing the right document,
 * and the answer says which: `aging_import_document` (missing, another customer's, another
 * currency), `aging_erp_higher` (the ERP has more open), `aging_not_invoice` (a credit memo or
 * payment); a review already closed is a `conflict` (as resolve-import-review.ts answers).
 */
export function correctAgingDifference(
  deps: { db: Database },
  input: { orgId: string; reviewId: string; actor: Actor },
): Promise<{ payment: { id: string; number: string; amount: bigint } | null }> {
  const { orgId, actor } = input;
  return inTransaction(deps.db, async (trx) => {
    const review = await trx
      .selectFrom('import_reviews')
      .select(['id', 'document_id', 'reason', 'params', 'status'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.reviewId)
      .where('kind', '=', 'aging')
      .forUpdate()
      .executeTakeFirst();
    if (!review) throw new AppError('not_found');
    const params = review.params as unknown as Record<string, string>;
    const number = params.number ?? '';
    if (review.status !== 'open') throw new AppError('conflict');
    if (review.reason !== 'open_amount_differs' && review.reason !== 'open_in_saldo_only')
      throw new AppError('aging_import_document', { number });
    if (params.type !== 'invoice' || !review.document_id) throw new AppError('aging_not_invoice', { number });

    const invoice = await lockInvoice(trx, { orgId, invoiceId: review.document_id });
    if (!invoice) throw new AppError('aging_import_document', { number });
    if (invoice.status !== 'open')
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    const erpOpen = BigInt(params.erpOpen ?? '0');
    const difference = invoice.openAmount - erpOpen;
    if (difference < 0n) throw new AppError('aging_erp_higher', { number });
    if (difference > invoice.openAmount - invoice.pendingAmount)
      throw new AppError('payment_in_progress', { number: invoice.number });

    let payment: { id: string; number: string; amount: bigint } | null = null;
    if (difference > 0n) {
      const id = newId();
      const paymentNumber = await nextDocumentNumber(trx, orgId, 'payment', 'PAY-');
      const today = (await orgTodayOf(trx, orgId))!;
      await insertPayment(trx, {
        org_id: orgId,
        id,
        customer_id: invoice.customerId,
        number: paymentNumber,
        currency: invoice.currency,
        amount: difference,
        unapplied_amount: difference,
        received_on: today,
        method: 'other',
        reference: null,
        source: 'erp',
        erp_id: `aging:${review.id}`,
        created_by: actor.userId ?? null,
      });
      await postEntry(trx, {
        orgId,
        currency: invoice.currency,
        kind: 'payment.received',
        memo: paymentNumber,
        createdBy: actor.userId ?? null,
        lines: [
          { account: 'cash_clearing', customerId: invoice.customerId, paymentId: id, amount: difference },
          { account: 'unapplied_cash', customerId: invoice.customerId, paymentId: id, amount: -difference },
        ],
      });
      const source = {
        kind: 'payment' as const,
        id,
        customerId: invoice.customerId,
        currency: invoice.currency,
        available: difference,
      };
      await applyToInvoices(
        trx,
        orgId,
        source,
        [{ invoiceId: invoice.id, amount: difference }],
        actor.userId ?? null,
      );
      await recordAudit(trx, {
        orgId,
        actor,
        action: 'payment.recorded',
        entityType: 'payment',
        entityId: id,
        after: {
          number: paymentNumber,
          amount: difference.toString(),
          currency: invoice.currency,
          method: 'other',
          reference: null,
          applied: difference.toString(),
          source: 'erp',
          agingReviewId: review.id,
        },
      });
      await recordIntegrationEvent(trx, {
        orgId,
        type: 'payment.succeeded',
        data: {
          paymentId: id,
          number: paymentNumber,
          customerId: invoice.customerId,
          amount: difference,
          currency: invoice.currency,
          method: 'other',
          source: 'erp',
          fee: 0n,
          applied: difference,
        },
      });
      payment = { id, number: paymentNumber, amount: difference };
    }
    await trx
      .updateTable('import_reviews')
      .set({ status: 'resolved', resolved_at: sql`now()`, resolved_by: actor.userId ?? null })
      .where('org_id', '=', orgId)
      .where('id', '=', review.id)
      .execute();
    await recordAudit(trx, {
      orgId,
      actor,
      action: 'import_review.resolved',
      entityType: 'import_review',
      entityId: review.id,
      before: { status: 'open' },
      after: {
        status: 'resolved',
        reason: review.reason,
        documentId: review.document_id,
        paymentId: payment?.id ?? null,
      },
    });
    return { payment };
  });
}
