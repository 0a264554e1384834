import type { Database } from '../../db/client.ts';
import { findOpenInvoicesOldestFirst } from '../invoices/invoices.repository.ts';
import type { Allocation } from './apply-to-invoices.ts';

/** An invoice as the oldest-first rule sees it: `available` = open amount − pending. */
export interface OpenInvoice {
  id: string;
  number: string;
  dueDate: string;
  available: bigint;
}

/** What 'auto' applies: each invoice it fills (with what it had available) and what is left unapplied. */
export interface OldestFirstPlan {
  allocations: (Allocation & { number: string; dueDate: string; available: bigint })[];
  unapplied: bigint;
}

/**
 * Oldest due first: fills the invoices in the order given (due date, issue date, number) up to
 * `amount`, each with no more than it has available; amounts pending elsewhere are never taken.
 */
export function planOldestFirst(open: OpenInvoice[], amount: bigint): OldestFirstPlan {
  const allocations: OldestFirstPlan['allocations'] = [];
  let left = amount;
  for (const invoice of open) {
    if (left <= 0n) break;
    const take = invoice.available < left ? invoice.available : left;
    if (take > 0n)
      allocations.push({
        invoiceId: invoice.id,
        number: invoice.number,
        dueDate: invoice.dueDate,
        available: invoice.available,
        amount: take,
      });
    left -= take;
  }
  return { allocations, unapplied: left };
}

/**
 * The rule of `allocations: 'auto'` (recording or applying a payment, and its preview): the
 * customer's open invoices in the currency, oldest due first, filled up to `amount`.
 */
export async function allocateOldestFirst(
  db: Database,
  input: { orgId: string; customerId: string; currency: string; amount: bigint },
): Promise<OldestFirstPlan> {
  const open = await findOpenInvoicesOldestFirst(db, input);
  return planOldestFirst(open, input.amount);
}
