import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { lockInvoice, markInvoiceVoid } from './invoices.repository.ts';

/**
 * Voids an open invoice that nothing has been applied to (unapply payments and credits first)
 * and no online payment is on its way to, with a reversing journal entry. A draft is voided without touching the ledger.
 */
export function voidInvoice(
  deps: { db: Database },
  input: { orgId: string; invoiceId: string; reason: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const invoice = await lockInvoice(trx, input);
    if (!invoice) throw new AppError('not_found');
    if (invoice.status === 'void')
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    if (invoice.openAmount !== invoice.total)
      throw new AppError('invoice_has_applications', { number: invoice.number });
    // An online payment is on its way to it (ACH settling): void it once that ends.
    if (invoice.pendingAmount > 0n) throw new AppError('payment_in_progress', { number: invoice.number });
    if (invoice.status === 'open') {
      await postEntry(trx, {
        orgId: input.orgId,
        currency: invoice.currency,
        kind: 'invoice.voided',
        memo: input.reason,
        createdBy: input.actor.userId ?? null,
        lines: [
          { account: 'sales', customerId: invoice.customerId, invoiceId: invoice.id, amount: invoice.total },
          {
            account: 'accounts_receivable',
            customerId: invoice.customerId,
            invoiceId: invoice.id,
            amount: -invoice.total,
          },
        ],
      });
    }
    await markInvoiceVoid(trx, input);
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'invoice.voided',
      entityType: 'invoice',
      entityId: input.invoiceId,
      before: { status: invoice.status },
      after: { status: 'void', reason: input.reason },
    });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'invoice.voided',
      data: {
        invoiceId: invoice.id,
        number: invoice.number,
        customerId: invoice.customerId,
        total: invoice.total,
        currency: invoice.currency,
        reason: input.reason,
      },
    });
  });
}
