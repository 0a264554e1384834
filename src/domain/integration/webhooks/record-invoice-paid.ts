import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { recordIntegrationEvent } from './record-integration-event.ts';

/**
 * `invoice.paid` when an application leaves an invoice owing nothing with nothing pending: called
 * where every application lands (applications/apply-to-invoices.ts), with the invoice as locked there
 * before this application, so it fires once, on the application that closed it — a payment, a credit
 * memo, a prepayment arriving — and again only if it is reopened and paid anew.
 */
export async function recordInvoicePaid(
  trx: Kysely<DB> | Transaction<DB>,
  input: {
    orgId: string;
    invoice: {
      id: string;
      number: string;
      customerId: string;
      currency: string;
      total: bigint;
      openAmount: bigint;
      pendingAmount: bigint;
    };
    applied: bigint;
    source: { kind: 'payment' | 'credit'; id: string };
  },
): Promise<void> {
  const { invoice, source } = input;
  if (invoice.openAmount - input.applied !== 0n || invoice.pendingAmount !== 0n) return;
  await recordIntegrationEvent(trx, {
    orgId: input.orgId,
    type: 'invoice.paid',
    data: {
      invoiceId: invoice.id,
      number: invoice.number,
      customerId: invoice.customerId,
      total: invoice.total,
      currency: invoice.currency,
      paidBy:
        source.kind === 'payment'
          ? { kind: 'payment', paymentId: source.id }
          : { kind: 'credit', creditMemoId: source.id },
    },
  });
}
