import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changePendingAmount, lockInvoices } from '../invoices/invoices.repository.ts';
import { findIntendedAllocations, type IntendedAllocation } from './payments.repository.ts';

/**
 * Takes an online payment's money out of its invoices' pending amounts (it arrived, failed or came
 * back) and answers what was meant for each. The invoices are locked in id order first, as every
 * writer of them does. Never below zero: a pending amount another step already released stays 0.
 */
export async function releaseIntended(
  trx: Transaction<DB>,
  input: { orgId: string; paymentId: string },
): Promise<(IntendedAllocation & { number: string })[]> {
  const intended = await findIntendedAllocations(trx, input);
  const invoices = await lockInvoices(trx, {
    orgId: input.orgId,
    invoiceIds: intended.map((a) => a.invoiceId),
  });
  const pending = new Map(invoices.map((i) => [i.id, i.pendingAmount]));
  for (const a of intended) {
    const held = pending.get(a.invoiceId) ?? 0n;
    const release = a.amount < held ? a.amount : held;
    await changePendingAmount(trx, { orgId: input.orgId, invoiceId: a.invoiceId, delta: -release });
  }
  return intended;
}
