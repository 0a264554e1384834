import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { applyToInvoices } from '../applications/apply-to-invoices.ts';
import { lockInvoices } from '../invoices/invoices.repository.ts';
import { openOrderInvoiceIds } from './credit-checks.repository.ts';

/**
 * A prepayment whose money arrives after the ERP already sent the order's invoice (an ACH debit
 * still pending when the order was invoiced: `applyPrepayments` at the invoice left it alone).
 * Capture calls this in its transaction, with the payment locked, so what the payment still holds
 * goes to that invoice when the money arrives, instead of waiting for staff to find it: the
 * order's open invoices oldest due first, each as far as it still owes. Answers what was applied.
 */
export async function applyArrivedPrepayment(
  trx: Transaction<DB>,
  input: {
    orgId: string;
    paymentId: string;
    customerId: string;
    currency: string;
    orderReference: string;
    /** What the payment still holds unapplied. */
    available: bigint;
    createdBy: string | null;
  },
): Promise<bigint> {
  if (input.available <= 0n) return 0n;
  const ids = await openOrderInvoiceIds(trx, input);
  if (ids.length === 0) return 0n;
  const locked = new Map(
    (await lockInvoices(trx, { orgId: input.orgId, invoiceIds: ids })).map((i) => [i.id, i]),
  );
  let left = input.available;
  const allocations: { invoiceId: string; amount: bigint }[] = [];
  for (const id of ids) {
    const invoice = locked.get(id);
    if (left === 0n || invoice?.status !== 'open') continue;
    const owed = invoice.openAmount - invoice.pendingAmount;
    const amount = owed < left ? owed : left;
    if (amount <= 0n) continue;
    allocations.push({ invoiceId: id, amount });
    left -= amount;
  }
  if (allocations.length === 0) return 0n;
  return applyToInvoices(
    trx,
    input.orgId,
    {
      kind: 'payment',
      id: input.paymentId,
      customerId: input.customerId,
      currency: input.currency,
      available: input.available,
    },
    allocations,
    input.createdBy,
  );
}
