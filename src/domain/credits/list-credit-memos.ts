import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type CreditStatus = 'open' | 'void';

/** A credit memo as lists show it (docs/api.md `CreditSummary`); amounts in minor units. */
export interface CreditSummary {
  id: string;
  number: string;
  customer: { id: string; name: string; accountNumber: string };
  issueDate: string;
  currency: string;
  amount: bigint;
  unappliedAmount: bigint;
  status: CreditStatus;
  /** The invoice it was issued against, if any. */
  invoice: { id: string; number: string } | null;
  reason: string | null;
}

export interface ListCreditMemosInput {
  orgId: string;
  /** One customer's credits only (the portal always passes its own account). */
  customerId?: string | undefined;
  status?: CreditStatus | undefined;
  /** Matches the credit memo number, the reason, or the customer's name or account number. */
  q?: string | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The base query of credit memos with their customer and the invoice they were issued against. */
export function creditMemosWithCustomer(db: Db, orgId: string) {
  return db
    .selectFrom('credit_memos as m')
    .innerJoin('customer_accounts as c', (join) =>
      join.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.customer_id'),
    )
    .leftJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'm.org_id').onRef('i.id', '=', 'm.invoice_id'),
    )
    .where('m.org_id', '=', orgId);
}

export const creditSummaryColumns = [
  'm.id',
  'm.number',
  'm.customer_id',
  'c.name as customer_name',
  'c.account_number as customer_account_number',
  'm.issue_date',
  'm.currency',
  'm.amount',
  'm.unapplied_amount',
  'm.status',
  'm.invoice_id',
  'i.number as invoice_number',
  'm.reason',
] as const;

export interface CreditSummaryRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  customer_account_number: string;
  issue_date: string;
  currency: string;
  amount: bigint;
  unapplied_amount: bigint;
  status: CreditStatus;
  invoice_id: string | null;
  invoice_number: string | null;
  reason: string | null;
}

export function toCreditSummary(row: CreditSummaryRow): CreditSummary {
  return {
    id: row.id,
    number: row.number,
    customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.customer_account_number },
    issueDate: row.issue_date,
    currency: row.currency,
    amount: row.amount,
    unappliedAmount: row.unapplied_amount,
    status: row.status,
    invoice:
      row.invoice_id && row.invoice_number !== null
        ? { id: row.invoice_id, number: row.invoice_number }
        : null,
    reason: row.reason,
  };
}

/** The org's credit memos, newest issued first, one page at a time. */
export async function listCreditMemos(
  db: Db,
  input: ListCreditMemosInput,
): Promise<{ items: CreditSummary[]; total: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize) || 1, 1), 100);
  const page = Math.max(Math.trunc(input.page) || 1, 1);
  let query = creditMemosWithCustomer(db, input.orgId);
  if (input.customerId) query = query.where('m.customer_id', '=', input.customerId);
  if (input.status) query = query.where('m.status', '=', input.status);
  const q = input.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('m.number', 'ilike', pattern),
        eb('m.reason', 'ilike', pattern),
        eb('c.name', 'ilike', pattern),
        eb('c.account_number', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(creditSummaryColumns)
      .orderBy('m.issue_date', 'desc')
      .orderBy('m.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCreditSummary), total: count.n };
}
