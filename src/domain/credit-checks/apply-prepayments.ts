import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { applyToInvoices } from '../applications/apply-to-invoices.ts';
import { lockInvoice } from '../invoices/invoices.repository.ts';

/**
 * When the invoice for an order arrives, what was prepaid for that order is applied to it, in the
 * invoice's own transaction (createInvoice calls this; so will the ERP import): the order's
 * completed payments with cash left, oldest first, each giving what still fits the invoice. An
 * invoice smaller than the prepayment leaves the rest unapplied on the account; a larger one stays
 * open for the difference. Payments still in flight are left alone (they apply nothing until the
 * money arrives; staff apply them afterwards). Locks the payments before the invoice, the order
 * every application in Saldo takes. Answers what was applied.
 */
export async function applyPrepayments(
  trx: Transaction<DB>,
  input: {
    orgId: string;
    customerId: string;
    invoiceId: string;
    orderReference: string;
    currency: string;
    createdBy: string | null;
  },
): Promise<bigint> {
  const { rows: payments } = await sql<{ id: string; unapplied_amount: bigint }>`
    select id, unapplied_amount from payments
     where org_id = ${input.orgId} and customer_id = ${input.customerId}
       and order_reference = ${input.orderReference} and currency = ${input.currency}
       and status = 'completed' and unapplied_amount > 0
     order by created_at, id
       for update`.execute(trx);
  let applied = 0n;
  for (const payment of payments) {
    const invoice = await lockInvoice(trx, { orgId: input.orgId, invoiceId: input.invoiceId });
    if (invoice?.status !== 'open') break;
    const owed = invoice.openAmount - invoice.pendingAmount;
    if (owed <= 0n) break;
    const amount = payment.unapplied_amount < owed ? payment.unapplied_amount : owed;
    applied += await applyToInvoices(
      trx,
      input.orgId,
      {
        kind: 'payment',
        id: payment.id,
        customerId: input.customerId,
        currency: input.currency,
        available: payment.unapplied_amount,
      },
      [{ invoiceId: input.invoiceId, amount }],
      input.createdBy,
    );
  }
  return applied;
}
