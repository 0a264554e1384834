import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, InvoiceStatus, PaymentStatus } from '../../db/schema.ts';
import { orgToday } from '../customers/balances.ts';
import { containsPattern } from '../shared/search-pattern.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const invoiceStatusFilters = [
  'open',
  'overdue',
  'paid',
  'partially_paid',
  'unpaid',
  'void',
  'draft',
] as const;
export type InvoiceStatusFilter = (typeof invoiceStatusFilters)[number];

export const invoiceSorts = [
  'dueDate',
  '-dueDate',
  'issueDate',
  '-issueDate',
  'number',
  '-number',
  'total',
  '-total',
  'openAmount',
  '-openAmount',
  'customer',
  '-customer',
] as const;
export type InvoiceSort = (typeof invoiceSorts)[number];

export interface InvoiceListQuery {
  orgId: string;
  customerId?: string | undefined;
  /** The portal: drafts are the seller's work in progress and never shown to the customer. */
  excludeDrafts?: boolean | undefined;
  status?: InvoiceStatusFilter | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  /** Minor units, on the total. */
  minAmount?: bigint | undefined;
  maxAmount?: bigint | undefined;
  /** Part of the number or the PO number. */
  q?: string | undefined;
  sort?: InvoiceSort | undefined;
  page: number;
  pageSize: number;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  erpId: string | null;
  customer: { id: string; name: string; accountNumber: string };
  issueDate: string;
  dueDate: string;
  currency: string;
  poNumber: string | null;
  status: InvoiceStatus;
  paymentStatus: PaymentStatus;
  /** Open, something left to pay, and due before the seller's today (its own time zone). */
  overdue: boolean;
  daysOverdue: number;
  total: bigint;
  openAmount: bigint;
}

const sortColumns = {
  dueDate: 'i.due_date',
  issueDate: 'i.issue_date',
  number: 'i.number',
  total: 'i.total',
  openAmount: 'i.open_amount',
  customer: 'c.name',
} as const;

/** The invoice columns of a summary, with the customer and the overdue judgement (one join, one today). */
export function selectInvoiceSummaries(db: Db, orgId: string) {
  return db
    .selectFrom('invoices as i')
    .innerJoin('customer_accounts as c', (join) =>
      join.onRef('c.org_id', '=', 'i.org_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .where('i.org_id', '=', orgId)
    .select([
      'i.id',
      'i.number',
      'i.erp_id',
      'i.customer_id',
      'c.name as customer_name',
      'c.account_number',
      'i.issue_date',
      'i.due_date',
      'i.currency',
      'i.po_number',
      'i.status',
      'i.payment_status',
      'i.total',
      'i.open_amount',
      sql<number>`case when i.status = 'open' and i.open_amount > 0
        then greatest(${orgToday(orgId)} - i.due_date, 0) else 0 end`.as('days_overdue'),
    ]);
}

export type InvoiceSummaryRow = Awaited<
  ReturnType<ReturnType<typeof selectInvoiceSummaries>['executeTakeFirstOrThrow']>
>;

export function toInvoiceSummary(row: InvoiceSummaryRow): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    erpId: row.erp_id,
    customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.account_number },
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency.trim(),
    poNumber: row.po_number,
    status: row.status,
    paymentStatus: row.payment_status,
    overdue: row.days_overdue > 0,
    daysOverdue: row.days_overdue,
    total: row.total,
    openAmount: row.open_amount,
  };
}

/**
 * A page of the seller's invoices (or one customer's), filtered and sorted in the database.
 * Status filters: the document status (`open`, `void`, `draft`) or, for open invoices, what is
 * left to pay (`paid`, `partially_paid`, `unpaid`) or `overdue` (open amount > 0 and due before
 * the seller's today).
 */
export async function listInvoices(
  db: Db,
  query: InvoiceListQuery,
): Promise<{ items: InvoiceSummary[]; total: number }> {
  const { orgId } = query;
  let q = selectInvoiceSummaries(db, orgId);
  if (query.customerId) q = q.where('i.customer_id', '=', query.customerId);
  if (query.excludeDrafts) q = q.where('i.status', '<>', 'draft');
  switch (query.status) {
    case undefined:
      break;
    case 'open':
      // "Open" as people mean it: posted and still owing something.
      q = q.where('i.status', '=', 'open').where('i.open_amount', '>', 0n);
      break;
    case 'void':
    case 'draft':
      q = q.where('i.status', '=', query.status);
      break;
    case 'overdue':
      q = q
        .where('i.status', '=', 'open')
        .where('i.open_amount', '>', 0n)
        .where('i.due_date', '<', orgToday(orgId));
      break;
    case 'paid':
    case 'partially_paid':
    case 'unpaid':
      q = q.where('i.status', '=', 'open').where('i.payment_status', '=', query.status);
      break;
  }
  if (query.issuedFrom) q = q.where('i.issue_date', '>=', query.issuedFrom);
  if (query.issuedTo) q = q.where('i.issue_date', '<=', query.issuedTo);
  if (query.dueFrom) q = q.where('i.due_date', '>=', query.dueFrom);
  if (query.dueTo) q = q.where('i.due_date', '<=', query.dueTo);
  if (query.minAmount !== undefined) q = q.where('i.total', '>=', query.minAmount);
  if (query.maxAmount !== undefined) q = q.where('i.total', '<=', query.maxAmount);
  if (query.q?.trim()) {
    const pattern = containsPattern(query.q.trim());
    q = q.where((eb) => eb.or([eb('i.number', 'ilike', pattern), eb('i.po_number', 'ilike', pattern)]));
  }

  const sort = query.sort ?? '-dueDate';
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof typeof sortColumns;
  let page = q.orderBy(sortColumns[key], desc ? 'desc' : 'asc');
  if (key !== 'number') page = page.orderBy('i.number', desc ? 'desc' : 'asc');
  page = page.orderBy('i.id', 'asc');

  const [rows, count] = await Promise.all([
    page
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toInvoiceSummary), total: count.n };
}
