import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';

/**
 * Voids an open invoice that nothing has been applied to (unapply payments and credits first),
 * with a reversing journal entry. A draft is voided without touching the ledger.
 */
export async function voidInvoice(
  db: Database,
  input: { orgId: string; invoiceId: string; reason: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invoice = await trx
      .selectFrom('invoices')
      .select(['id', 'number', 'status', 'customer_id', 'currency', 'total', 'open_amount'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.invoiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!invoice) throw new AppError('not_found');
    if (invoice.status === 'void')
      throw new AppError('invoice_not_open', {
        number: invoice.number,
        statusKey: `invoiceStatus.${invoice.status}`,
      });
    if (invoice.open_amount !== invoice.total)
      throw new AppError('invoice_has_applications', { number: invoice.number });
    if (invoice.status === 'open') {
      await postEntry(trx, {
        orgId: input.orgId,
        currency: invoice.currency,
        kind: 'invoice.voided',
        memo: input.reason,
        createdBy: actor.userId ?? null,
        lines: [
          { account: 'sales', customerId: invoice.customer_id, invoiceId: invoice.id, amount: invoice.total },
          {
            account: 'accounts_receivable',
            customerId: invoice.customer_id,
            invoiceId: invoice.id,
            amount: -invoice.total,
          },
        ],
      });
    }
    await trx
      .updateTable('invoices')
      .set({ status: 'void', voided_at: sql`now()`, void_reason: input.reason, updated_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.invoiceId)
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'invoice.voided',
      entityType: 'invoice',
      entityId: input.invoiceId,
      before: { status: invoice.status },
      after: { status: 'void', reason: input.reason },
    });
  });
}
