import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, PaymentMethod } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type PaymentStatusFilter = 'completed' | 'reversed';

/** A payment as lists show it (docs/api.md `PaymentSummary`); amounts in minor units. */
export interface PaymentSummary {
  id: string;
  number: string;
  customer: { id: string; name: string; accountNumber: string };
  receivedOn: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: bigint;
  /** What is left to apply: 0 once reversed (the money went back). */
  unappliedAmount: bigint;
  status: PaymentStatusFilter;
}

export interface ListPaymentsInput {
  orgId: string;
  /** One customer's payments only (the portal always passes its own account). */
  customerId?: string | undefined;
  status?: PaymentStatusFilter | undefined;
  /** Matches the payment number, the reference, or the customer's name or account number. */
  q?: string | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The base query of payments with their customer, for lists and for one payment. */
export function paymentsWithCustomer(db: Db, orgId: string) {
  return db
    .selectFrom('payments as p')
    .innerJoin('customer_accounts as c', (join) =>
      join.onRef('c.org_id', '=', 'p.org_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .where('p.org_id', '=', orgId);
}

export const paymentSummaryColumns = [
  'p.id',
  'p.number',
  'p.customer_id',
  'c.name as customer_name',
  'c.account_number as customer_account_number',
  'p.received_on',
  'p.method',
  'p.reference',
  'p.currency',
  'p.amount',
  'p.unapplied_amount',
  'p.status',
] as const;

export interface PaymentSummaryRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  customer_account_number: string;
  received_on: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: bigint;
  unapplied_amount: bigint;
  status: PaymentStatusFilter;
}

export function toPaymentSummary(row: PaymentSummaryRow): PaymentSummary {
  return {
    id: row.id,
    number: row.number,
    customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.customer_account_number },
    receivedOn: row.received_on,
    method: row.method,
    reference: row.reference,
    currency: row.currency,
    amount: row.amount,
    unappliedAmount: unappliedOf(row),
    status: row.status,
  };
}

/**
 * What a payment still has to apply, as the journal says: a reversed payment holds no cash (its
 * unapplied_cash lines net to 0), although its stored unapplied_amount stays = amount (the
 * table's CHECK ties the two for a reversed payment). Every read of a payment goes through here.
 */
export function unappliedOf(row: { status: PaymentStatusFilter; unapplied_amount: bigint }): bigint {
  return row.status === 'reversed' ? 0n : row.unapplied_amount;
}

/** The org's payments, newest received first, one page at a time. */
export async function listPayments(
  db: Db,
  input: ListPaymentsInput,
): Promise<{ items: PaymentSummary[]; total: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize) || 1, 1), 100);
  const page = Math.max(Math.trunc(input.page) || 1, 1);
  let query = paymentsWithCustomer(db, input.orgId);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  if (input.status) query = query.where('p.status', '=', input.status);
  const q = input.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('p.number', 'ilike', pattern),
        eb('p.reference', 'ilike', pattern),
        eb('c.name', 'ilike', pattern),
        eb('c.account_number', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(paymentSummaryColumns)
      .orderBy('p.received_on', 'desc')
      .orderBy('p.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPaymentSummary), total: count.n };
}
