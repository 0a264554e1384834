import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Address, CreditMemosTable, DB, Locale } from '../../db/schema.ts';
import type { DocumentApplication } from '../payments/payments.repository.ts';
import { isUuid } from '../shared/ids.ts';
import { pageWindow } from '../shared/page-window.ts';
import { containsPattern } from '../shared/search-pattern.ts';

/**
 * The credit memo aggregate's data layer: every query of `credit_memos` (load, list, insert, lock,
 * state changes) and the one mapper of a credit memo row. Plain functions over a pool or a
 * transaction: the caller owns the transaction.
 */
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

/** The customer as a document names it (the party credited), and its language. */
export interface CreditMemoCustomer {
  id: string;
  name: string;
  accountNumber: string;
  taxId: string | null;
  /** The billing address as stored. */
  address: Address;
  locale: Locale;
}

/**
 * One credit memo with every application (live and undone, oldest first): what the JSON detail
 * and the credit memo PDF are built from. A credit application keeps no reason column of its
 * own: the reason given when it was undone is the memo of its reversing journal entry.
 */
export interface CreditMemo extends Omit<CreditSummary, 'customer'> {
  customer: CreditMemoCustomer;
  createdAt: Date;
  voidedAt: Date | null;
  applications: DocumentApplication[];
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
function creditMemosWithCustomer(db: Db, orgId: string) {
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

const creditSummaryColumns = [
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

interface CreditSummaryRow {
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

/** The one mapper of a credit memo row. */
function toCreditSummary(row: CreditSummaryRow): CreditSummary {
  return {
    id: row.id,
    number: row.number,
    customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.customer_account_number },
    issueDate: row.issue_date,
    currency: row.currency.trim(),
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
export async function findCreditMemos(
  db: Db,
  input: ListCreditMemosInput,
): Promise<{ items: CreditSummary[]; total: number }> {
  const { limit, offset } = pageWindow(input, 100);
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
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCreditSummary), total: count.n };
}

/**
 * The credit memo aggregate: the memo, its customer as documents name it, the invoice it was
 * issued against, every application with the invoice it went to. Null when the seller has no
 * such memo, or — with `customerId` (the portal) — when it is another account's.
 */
export async function loadCreditMemo(
  db: Db,
  input: { orgId: string; creditMemoId: string; customerId?: string | undefined },
): Promise<CreditMemo | null> {
  if (!isUuid(input.creditMemoId)) return null;
  let query = creditMemosWithCustomer(db, input.orgId).where('m.id', '=', input.creditMemoId);
  if (input.customerId) query = query.where('m.customer_id', '=', input.customerId);
  const row = await query
    .select([
      ...creditSummaryColumns,
      'm.created_at',
      'm.voided_at',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale as customer_locale',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const applications = await db
    .selectFrom('credit_applications as a')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .leftJoin('journal_entries as r', (join) =>
      join.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.reversal_entry_id'),
    )
    .select([
      'a.id',
      'a.invoice_id',
      'i.number',
      'i.issue_date',
      'i.due_date',
      'i.total',
      'i.open_amount',
      'a.amount',
      'a.created_at',
      'a.unapplied_at',
      'r.memo',
    ])
    .where('a.org_id', '=', input.orgId)
    .where('a.credit_memo_id', '=', row.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const summary = toCreditSummary(row);
  return {
    ...summary,
    customer: {
      ...summary.customer,
      taxId: row.customer_tax_id,
      address: row.billing_address as Address,
      locale: row.customer_locale,
    },
    createdAt: row.created_at,
    voidedAt: row.voided_at,
    applications: applications.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number,
      amount: a.amount,
      createdAt: a.created_at,
      unappliedAt: a.unapplied_at,
      unapplyReason: a.unapplied_at ? a.memo : null,
      invoice: { issueDate: a.issue_date, dueDate: a.due_date, total: a.total, openAmount: a.open_amount },
    })),
  };
}

/** What applying from a credit memo checks, as locked. */
export interface CreditMemoState {
  id: string;
  customerId: string;
  currency: string;
  unappliedAmount: bigint;
  status: CreditStatus;
}

/** Locks a credit memo (SELECT … FOR UPDATE) before anything is applied from it or undone. */
export function lockCreditMemo(
  trx: Db,
  input: { orgId: string; creditMemoId: string },
): Promise<CreditMemoState | undefined> {
  return trx
    .selectFrom('credit_memos')
    .select(['id', 'customer_id as customerId', 'currency', 'unapplied_amount as unappliedAmount', 'status'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.creditMemoId)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a credit memo; false when its number is already taken. */
export async function insertCreditMemo(trx: Db, values: Insertable<CreditMemosTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('credit_memos')
    .values(values)
    .onConflict((oc) => oc.columns(['org_id', 'number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Moves a credit memo's unapplied amount by `delta`, with its applications, in the same transaction. */
export async function changeCreditUnapplied(
  trx: Db,
  input: { orgId: string; creditMemoId: string; delta: bigint },
): Promise<void> {
  if (input.delta === 0n) return;
  await trx
    .updateTable('credit_memos')
    .set({ unapplied_amount: sql`unapplied_amount + ${input.delta}` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.creditMemoId)
    .execute();
}
