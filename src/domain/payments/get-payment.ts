import type { Kysely, Transaction } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { DB } from '../../db/schema.ts';
import {
  type PaymentSummary,
  paymentSummaryColumns,
  paymentsWithCustomer,
  toPaymentSummary,
} from './list-payments.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** One application of a payment or a credit memo to an invoice; `unappliedAt` set once undone. */
export interface ApplicationView {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  amount: bigint;
  createdAt: Date;
  unappliedAt: Date | null;
  unapplyReason: string | null;
}

/** docs/api.md `PaymentDetail`: the summary, every application (live and undone), the reversal. */
export interface PaymentDetail extends PaymentSummary {
  applications: ApplicationView[];
  reversedAt: Date | null;
  reverseReason: string | null;
}

/**
 * One payment of the org with its applications, or undefined when the org has no such payment
 * (or, with `customerId`, when it belongs to another customer account).
 */
export async function getPayment(
  db: Db,
  input: { orgId: string; id: string; customerId?: string },
): Promise<PaymentDetail | undefined> {
  if (!isUuid(input.id)) return undefined;
  let query = paymentsWithCustomer(db, input.orgId).where('p.id', '=', input.id);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  const row = await query
    .select([...paymentSummaryColumns, 'p.reversed_at', 'p.reverse_reason'])
    .executeTakeFirst();
  if (!row) return undefined;
  const applications = await db
    .selectFrom('payment_applications as a')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .select([
      'a.id',
      'a.invoice_id',
      'i.number',
      'a.amount',
      'a.created_at',
      'a.unapplied_at',
      'a.unapply_reason',
    ])
    .where('a.org_id', '=', input.orgId)
    .where('a.payment_id', '=', row.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return {
    ...toPaymentSummary(row),
    applications: applications.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number,
      amount: a.amount,
      createdAt: a.created_at,
      unappliedAt: a.unapplied_at,
      unapplyReason: a.unapply_reason,
    })),
    reversedAt: row.reversed_at,
    reverseReason: row.reverse_reason,
  };
}
