import { type InsertObject, type Kysely, sql, type Transaction } from 'kysely';
import type { Address, DB, InvoiceStatus, Locale, PaymentMethod, PaymentStatus } from '../../db/schema.ts';
import { orgToday } from '../customers/balances.ts';
import { isUuid } from '../shared/ids.ts';
import { containsPattern } from '../shared/search-pattern.ts';

/**
 * The invoice aggregate's data layer: every query of `invoices` and its lines, taxes and charges
 * (load, list, insert, lock, state changes), and the one mapper of an invoice row. Plain functions
 * over a pool or a transaction: the caller owns the transaction.
 */
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

export interface InvoiceLine {
  lineNo: number;
  sku: string | null;
  description: string;
  /** Exact decimal strings without trailing zeros ("12.5", "3"). */
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountAmount: bigint;
  netAmount: bigint;
  taxAmount: bigint;
  totalAmount: bigint;
  taxes: { name: string; rate: string | null; amount: bigint }[];
}

export interface InvoiceCharge {
  /** 'discount': a document discount (imported: a UBL allowance, an ERP's negative charge), amount < 0. */
  kind: 'fee' | 'tax' | 'discount';
  name: string;
  rate: string | null;
  amount: bigint;
}

/** A payment applied to the invoice; `unappliedAt` set once undone. */
export interface InvoicePaymentApplication {
  applicationId: string;
  paymentId: string;
  number: string;
  receivedOn: string;
  method: PaymentMethod;
  amount: bigint;
  appliedAt: Date;
  unappliedAt: Date | null;
}

/** A credit memo applied to the invoice; `unappliedAt` set once undone. */
export interface InvoiceCreditApplication {
  applicationId: string;
  creditMemoId: string;
  number: string;
  /** The credit memo's own date. */
  issueDate: string;
  amount: bigint;
  appliedAt: Date;
  unappliedAt: Date | null;
}

/** The customer as a document names it (JSON detail, PDF, UBL): the bill-to party and its language. */
export interface DocumentCustomer {
  id: string;
  name: string;
  accountNumber: string;
  taxId: string | null;
  /** The billing address as stored. */
  address: Address;
  /** The language the customer's documents are written in. */
  locale: Locale;
}

/**
 * One invoice with everything on it and everything applied to it: what every view of an invoice
 * (the JSON detail, the PDF, UBL, X12 810, statements, the ERP export) is built from.
 */
export interface Invoice extends Omit<InvoiceSummary, 'customer'> {
  customer: DocumentCustomer;
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  /** Held back by payments in flight (not yet available to apply). */
  pendingAmount: bigint;
  notes: string | null;
  createdAt: Date;
  /** When it was posted to the ledger; null for a draft (and a draft voided). */
  postedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  lines: InvoiceLine[];
  charges: InvoiceCharge[];
  /** Every payment application, live and undone, oldest first. */
  payments: InvoicePaymentApplication[];
  /** Every credit application, live and undone, oldest first. */
  credits: InvoiceCreditApplication[];
}

/** Trailing zeros of a numeric's scale dropped: "12.5000" → "12.5", "16.0000" → "16". */
export function plainDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
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
function selectInvoiceSummaries(db: Db, orgId: string) {
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

type InvoiceSummaryRow = Awaited<
  ReturnType<ReturnType<typeof selectInvoiceSummaries>['executeTakeFirstOrThrow']>
>;

/** The one mapper of an invoice row: the summary every list shows, and the head of the aggregate. */
function toInvoiceSummary(row: InvoiceSummaryRow): InvoiceSummary {
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
export async function findInvoices(
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

/**
 * The invoice aggregate: header, customer as the documents name it, lines with their taxes,
 * charges, and every payment and credit application (live and undone, oldest first). Null when
 * the seller has no such invoice, or — with `customerId` (the portal) — when it is another
 * account's; `excludeDrafts` hides drafts (the portal never shows them).
 */
export async function loadInvoice(
  db: Db,
  input: {
    orgId: string;
    invoiceId: string;
    customerId?: string | undefined;
    excludeDrafts?: boolean | undefined;
  },
): Promise<Invoice | null> {
  const { orgId, invoiceId } = input;
  if (!isUuid(invoiceId)) return null;
  let query = selectInvoiceSummaries(db, orgId)
    .select([
      'i.subtotal',
      'i.discount_total',
      'i.tax_total',
      'i.fee_total',
      'i.pending_amount',
      'i.notes',
      'i.created_at',
      'i.posted_at',
      'i.voided_at',
      'i.void_reason',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale as customer_locale',
    ])
    .where('i.id', '=', invoiceId);
  if (input.customerId) query = query.where('i.customer_id', '=', input.customerId);
  if (input.excludeDrafts) query = query.where('i.status', '<>', 'draft');
  const row = await query.executeTakeFirst();
  if (!row) return null;

  const [lines, taxes, charges, payments, credits] = await Promise.all([
    db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('line_no')
      .execute(),
    db
      .selectFrom('invoice_line_taxes')
      .select(['line_no', 'name', 'rate', 'amount'])
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('line_no')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('invoice_charges')
      .select(['kind', 'name', 'rate', 'amount'])
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('payment_applications as a')
      .innerJoin('payments as p', (join) =>
        join.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.payment_id'),
      )
      .select([
        'a.id as applicationId',
        'a.payment_id as paymentId',
        'p.number',
        'p.received_on as receivedOn',
        'p.method',
        'a.amount',
        'a.created_at as appliedAt',
        'a.unapplied_at as unappliedAt',
      ])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', '=', invoiceId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('credit_applications as a')
      .innerJoin('credit_memos as m', (join) =>
        join.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.credit_memo_id'),
      )
      .select([
        'a.id as applicationId',
        'a.credit_memo_id as creditMemoId',
        'm.number',
        'm.issue_date as issueDate',
        'a.amount',
        'a.created_at as appliedAt',
        'a.unapplied_at as unappliedAt',
      ])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', '=', invoiceId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
  ]);

  const summary = toInvoiceSummary(row);
  return {
    ...summary,
    customer: {
      ...summary.customer,
      taxId: row.customer_tax_id,
      address: row.billing_address as Address,
      locale: row.customer_locale,
    },
    subtotal: row.subtotal,
    discountTotal: row.discount_total,
    taxTotal: row.tax_total,
    feeTotal: row.fee_total,
    pendingAmount: row.pending_amount,
    notes: row.notes,
    createdAt: row.created_at,
    postedAt: row.posted_at as Date | null,
    voidedAt: row.voided_at as Date | null,
    voidReason: row.void_reason,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      description: l.description,
      quantity: plainDecimal(l.quantity),
      unit: l.unit,
      unitPrice: plainDecimal(l.unit_price),
      discountAmount: l.discount_amount,
      netAmount: l.net_amount,
      taxAmount: l.tax_amount,
      totalAmount: l.total_amount,
      taxes: taxes
        .filter((t) => t.line_no === l.line_no)
        .map((t) => ({
          name: t.name,
          rate: t.rate === null ? null : plainDecimal(t.rate),
          amount: t.amount,
        })),
    })),
    charges: charges.map((c) => ({ ...c, rate: c.rate === null ? null : plainDecimal(c.rate) })),
    payments: payments.map((p) => ({
      ...p,
      appliedAt: p.appliedAt as Date,
      unappliedAt: p.unappliedAt as Date | null,
    })),
    credits: credits.map((c) => ({
      ...c,
      appliedAt: c.appliedAt as Date,
      unappliedAt: c.unappliedAt as Date | null,
    })),
  };
}

/** What applying to, crediting or voiding an invoice checks (undefined: not the seller's). */
export interface InvoiceState {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  status: InvoiceStatus;
  total: bigint;
  openAmount: bigint;
  pendingAmount: bigint;
}

function selectInvoiceState(db: Db, orgId: string) {
  return db
    .selectFrom('invoices')
    .select([
      'id',
      'number',
      'customer_id as customerId',
      'currency',
      'status',
      'total',
      'open_amount as openAmount',
      'pending_amount as pendingAmount',
    ])
    .where('org_id', '=', orgId);
}

/** An invoice's state, unlocked. */
export function findInvoiceState(
  db: Db,
  input: { orgId: string; invoiceId: string },
): Promise<InvoiceState | undefined> {
  return selectInvoiceState(db, input.orgId).where('id', '=', input.invoiceId).executeTakeFirst();
}

/**
 * Locks invoices (SELECT … FOR UPDATE) in id order, so that two transactions locking overlapping
 * sets queue instead of deadlocking, and returns their state.
 */
export function lockInvoices(
  trx: Db,
  input: { orgId: string; invoiceIds: string[] },
): Promise<InvoiceState[]> {
  if (input.invoiceIds.length === 0) return Promise.resolve([]);
  return selectInvoiceState(trx, input.orgId)
    .where('id', 'in', input.invoiceIds)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Locks one invoice and returns its state. */
export async function lockInvoice(
  trx: Db,
  input: { orgId: string; invoiceId: string },
): Promise<InvoiceState | undefined> {
  const [invoice] = await lockInvoices(trx, { orgId: input.orgId, invoiceIds: [input.invoiceId] });
  return invoice;
}

/**
 * The open invoices of a customer in a currency that still have something to apply to, oldest due
 * first (then issue date, then number): the order of `'auto'` allocation. `available` is the open
 * amount less what is pending.
 */
export async function findOpenInvoicesOldestFirst(
  db: Db,
  input: { orgId: string; customerId: string; currency: string },
): Promise<{ id: string; number: string; dueDate: string; available: bigint }[]> {
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'due_date', 'open_amount', 'pending_amount'])
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('currency', '=', input.currency)
    .where('status', '=', 'open')
    .where('open_amount', '>', 0n)
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    dueDate: r.due_date,
    available: r.open_amount - r.pending_amount,
  }));
}

/** The invoice's header, lines, line taxes and charges as computed; false when the number is taken. */
export async function insertInvoice(
  trx: Db,
  invoice: {
    header: InsertObject<DB, 'invoices'>;
    lines: InsertObject<DB, 'invoice_lines'>[];
    lineTaxes: InsertObject<DB, 'invoice_line_taxes'>[];
    charges: InsertObject<DB, 'invoice_charges'>[];
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('invoices')
    .values(invoice.header)
    .onConflict((oc) => oc.columns(['org_id', 'number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (invoice.lines.length) await trx.insertInto('invoice_lines').values(invoice.lines).execute();
  if (invoice.lineTaxes.length)
    await trx.insertInto('invoice_line_taxes').values(invoice.lineTaxes).execute();
  if (invoice.charges.length) await trx.insertInto('invoice_charges').values(invoice.charges).execute();
  return true;
}

/** Marks an invoice void, with the reason and when. */
export async function markInvoiceVoid(
  trx: Db,
  input: { orgId: string; invoiceId: string; reason: string },
): Promise<void> {
  await trx
    .updateTable('invoices')
    .set({ status: 'void', voided_at: sql`now()`, void_reason: input.reason, updated_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.invoiceId)
    .execute();
}

/** Moves an invoice's open amount by `delta` (negative when applying, positive when undoing). */
export async function changeOpenAmount(
  trx: Db,
  input: { orgId: string; invoiceId: string; delta: bigint },
): Promise<void> {
  await trx
    .updateTable('invoices')
    .set({ open_amount: sql`open_amount + ${input.delta}`, updated_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.invoiceId)
    .execute();
}

/**
 * Moves an invoice's money in flight by `delta`: up when an online payment is started for it, down
 * when that payment arrives (and is applied), fails or comes back. The table's CHECKs keep
 * 0 ≤ pending ≤ open.
 */
export async function changePendingAmount(
  trx: Db,
  input: { orgId: string; invoiceId: string; delta: bigint },
): Promise<void> {
  if (input.delta === 0n) return;
  await trx
    .updateTable('invoices')
    .set({ pending_amount: sql`pending_amount + ${input.delta}`, updated_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.invoiceId)
    .execute();
}

/** Whether the seller has any invoice at all (the demo loads receivables into sellers without). */
export async function hasInvoices(db: Db, input: { orgId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('invoices')
    .select('id')
    .where('org_id', '=', input.orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
