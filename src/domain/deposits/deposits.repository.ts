import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, DepositLinesTable, DepositsTable, MethodKind, ProcessorName } from '../../db/schema.ts';

/**
 * The deposit aggregate's SQL: a deposit (one processor payout) with its lines, the matching of
 * lines to Saldo's payments and refunds, the seller's report recipients, and the claim of the
 * report e-mail. Plain functions over a pool or the caller's transaction.
 */

type Db = Kysely<DB> | Transaction<DB>;
export type DepositRow = Selectable<DepositsTable>;
export type DepositLineRow = Selectable<DepositLinesTable>;
export type DepositLineType = DepositLinesTable['type'];

export interface Deposit {
  id: string;
  processor: ProcessorName;
  payoutId: string;
  kind: MethodKind;
  currency: string;
  arrivalDate: string;
  coversFrom: string;
  coversTo: string;
  /** Signed sums of the lines' gross amounts by what they are; gross is their total. */
  charges: bigint;
  refunds: bigint;
  returns: bigint;
  adjustments: bigint;
  gross: bigint;
  fees: bigint;
  /** What reached the bank: gross − fees. */
  net: bigint;
  status: 'reconciled' | 'unmatched';
  processorStatus: DepositRow['processor_status'];
  journalEntryId: string | null;
  reportSentAt: Date | null;
  createdAt: Date;
}

export function depositOf(row: DepositRow): Deposit {
  return {
    id: row.id,
    processor: row.processor,
    payoutId: row.payout_id,
    kind: row.method_kind,
    currency: row.currency,
    arrivalDate: row.arrival_date,
    coversFrom: row.covers_from,
    coversTo: row.covers_to,
    charges: row.charges,
    refunds: row.refunds,
    returns: row.returns,
    adjustments: row.adjustments,
    gross: row.gross,
    fees: row.fees,
    net: row.net,
    status: row.status,
    processorStatus: row.processor_status,
    journalEntryId: row.journal_entry_id,
    reportSentAt: row.report_sent_at,
    createdAt: row.created_at,
  };
}

/** Stores a deposit once: null when its payout is already stored (a re-sync, or a racing one). */
export async function insertDeposit(
  db: Db,
  row: Omit<DepositRow, 'created_at' | 'report_sent_at' | 'journal_entry_id'>,
): Promise<{ id: string } | null> {
  const inserted = await db
    .insertInto('deposits')
    .values({ ...row, journal_entry_id: null, report_sent_at: null })
    .onConflict((oc) => oc.columns(['org_id', 'processor', 'payout_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ?? null;
}

export async function insertDepositLines(db: Db, lines: DepositLineRow[]): Promise<void> {
  if (lines.length > 0) await db.insertInto('deposit_lines').values(lines).execute();
}

export async function setDepositEntry(
  db: Db,
  input: { orgId: string; depositId: string; journalEntryId: string },
): Promise<void> {
  await db
    .updateTable('deposits')
    .set({ journal_entry_id: input.journalEntryId })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.depositId)
    .execute();
}

/** The payout ids of the seller's deposits from this processor among `payoutIds`. */
export async function storedPayoutIds(
  db: Db,
  input: { orgId: string; processor: ProcessorName; payoutIds: string[] },
): Promise<Set<string>> {
  if (input.payoutIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('deposits')
    .select('payout_id')
    .where('org_id', '=', input.orgId)
    .where('processor', '=', input.processor)
    .where('payout_id', 'in', input.payoutIds)
    .execute();
  return new Set(rows.map((r) => r.payout_id));
}

/** The latest arrival day stored for the seller and processor, or null before the first sync. */
export async function lastArrivalDate(
  db: Db,
  input: { orgId: string; processor: ProcessorName },
): Promise<string | null> {
  const row = await db
    .selectFrom('deposits')
    .select(sql<string | null>`max(arrival_date)::text`.as('day'))
    .where('org_id', '=', input.orgId)
    .where('processor', '=', input.processor)
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The seller's first online payment with this processor, as a calendar day in its time zone. */
export async function firstOnlinePaymentDay(
  db: Db,
  input: { orgId: string; processor: ProcessorName },
): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`
    select (min(p.created_at) at time zone o.time_zone)::date::text as day
      from payments p join organizations o on o.id = p.org_id
     where p.org_id = ${input.orgId} and p.processor = ${input.processor}
     group by o.time_zone`.execute(db);
  return rows[0]?.day ?? null;
}

/** Sellers that have taken online payments: those the deposit sweep syncs. */
export async function sellersWithOnlinePayments(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations as o')
    .select('o.id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('payments as p')
          .select(sql`1`.as('one'))
          .whereRef('p.org_id', '=', 'o.id')
          .where('p.processor', 'is not', null),
      ),
    )
    .orderBy('o.id')
    .execute();
  return rows.map((r) => r.id);
}

export interface PaymentMatch {
  id: string;
  customerId: string;
  currency: string;
  kind: MethodKind | null;
}

/** Saldo's payments behind the processor's ids (the seller's, that processor's). */
export async function paymentsByProcessorId(
  db: Db,
  input: { orgId: string; processor: ProcessorName; processorPaymentIds: string[] },
): Promise<Map<string, PaymentMatch>> {
  if (input.processorPaymentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'customer_id', 'currency', 'method', 'processor_payment_id'])
    .where('org_id', '=', input.orgId)
    .where('processor', '=', input.processor)
    .where('processor_payment_id', 'in', input.processorPaymentIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.processor_payment_id!,
      {
        id: r.id,
        customerId: r.customer_id,
        currency: r.currency,
        kind: r.method === 'card' || r.method === 'ach' ? r.method : null,
      },
    ]),
  );
}

/** Refunds of these payments that went through and no deposit line carries yet, oldest first. */
export async function undepositedRefunds(
  db: Db,
  input: { orgId: string; paymentIds: string[] },
): Promise<{ id: string; paymentId: string; amount: bigint }[]> {
  if (input.paymentIds.length === 0) return [];
  const rows = await db
    .selectFrom('payment_refunds as r')
    .select(['r.id', 'r.payment_id', 'r.amount'])
    .where('r.org_id', '=', input.orgId)
    .where('r.payment_id', 'in', input.paymentIds)
    .where('r.status', 'in', ['succeeded', 'pending'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deposit_lines as l')
            .select(sql`1`.as('one'))
            .whereRef('l.org_id', '=', 'r.org_id')
            .whereRef('l.refund_id', '=', 'r.id'),
        ),
      ),
    )
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, paymentId: r.payment_id, amount: r.amount }));
}

export interface DepositFilter {
  orgId: string;
  kind?: MethodKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, filter: DepositFilter) {
  return db
    .selectFrom('deposits')
    .where('org_id', '=', filter.orgId)
    .$if(filter.kind !== undefined, (q) => q.where('method_kind', '=', filter.kind!))
    .$if(filter.from !== undefined, (q) => q.where('arrival_date', '>=', filter.from!))
    .$if(filter.to !== undefined, (q) => q.where('arrival_date', '<=', filter.to!));
}

export async function countDeposits(db: Db, filter: DepositFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select(sql<string>`count(*)::text`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest arrival first; card before ACH on a day. */
export async function findDeposits(
  db: Db,
  filter: DepositFilter & { limit?: number; offset?: number; oldestFirst?: boolean },
): Promise<Deposit[]> {
  const direction = filter.oldestFirst ? 'asc' : 'desc';
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('arrival_date', direction)
    .orderBy('method_kind', 'desc')
    .orderBy('currency')
    .orderBy('id')
    .$if(filter.limit !== undefined, (q) => q.limit(filter.limit!))
    .$if(filter.offset !== undefined, (q) => q.offset(filter.offset!))
    .execute();
  return rows.map(depositOf);
}

export async function findDeposit(
  db: Db,
  input: { orgId: string; depositId: string },
): Promise<Deposit | null> {
  const row = await db
    .selectFrom('deposits')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.depositId)
    .executeTakeFirst();
  return row ? depositOf(row) : null;
}

export interface DepositLineView {
  lineNo: number;
  type: DepositLineType;
  processorPaymentId: string | null;
  amount: bigint;
  fee: bigint;
  net: bigint;
  paymentId: string | null;
  refundId: string | null;
  paymentNumber: string | null;
  customerId: string | null;
  customerName: string | null;
  accountNumber: string | null;
  source: string | null;
}

/** The lines of these deposits with the payment and customer each names, in line order. */
export async function findDepositLines(
  db: Db,
  input: { orgId: string; depositIds: string[] },
): Promise<(DepositLineView & { depositId: string })[]> {
  if (input.depositIds.length === 0) return [];
  const rows = await db
    .selectFrom('deposit_lines as l')
    .leftJoin('payments as p', (j) => j.onRef('p.org_id', '=', 'l.org_id').onRef('p.id', '=', 'l.payment_id'))
    .leftJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'p.org_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .select([
      'l.deposit_id',
      'l.line_no',
      'l.type',
      'l.processor_payment_id',
      'l.amount',
      'l.fee',
      'l.payment_id',
      'l.refund_id',
      'p.number',
      'p.source',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.account_number',
    ])
    .where('l.org_id', '=', input.orgId)
    .where('l.deposit_id', 'in', input.depositIds)
    .orderBy('l.deposit_id')
    .orderBy('l.line_no')
    .execute();
  return rows.map((r) => ({
    depositId: r.deposit_id,
    lineNo: r.line_no,
    type: r.type,
    processorPaymentId: r.processor_payment_id,
    amount: r.amount,
    fee: r.fee,
    net: r.amount - r.fee,
    paymentId: r.payment_id,
    refundId: r.refund_id,
    paymentNumber: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    accountNumber: r.account_number,
    source: r.source,
  }));
}

export interface JournalLineView {
  account: string;
  amount: bigint;
}

/** The deposit's journal entry summed per account (its lines are per payment). */
export async function findEntryByAccount(
  db: Db,
  input: { orgId: string; entryId: string },
): Promise<{ kind: string; createdAt: Date; accounts: JournalLineView[] } | null> {
  const entry = await db
    .selectFrom('journal_entries')
    .select(['kind', 'created_at'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.entryId)
    .executeTakeFirst();
  if (!entry) return null;
  const rows = await db
    .selectFrom('journal_lines')
    .select(['account', sql<string>`sum(amount)::text`.as('amount')])
    .where('org_id', '=', input.orgId)
    .where('entry_id', '=', input.entryId)
    .groupBy('account')
    .orderBy('account')
    .execute();
  return {
    kind: entry.kind,
    createdAt: entry.created_at,
    accounts: rows.map((r) => ({ account: r.account, amount: BigInt(r.amount) })),
  };
}

export interface InitiatedPaymentRow {
  paymentId: string;
  number: string;
  initiatedAt: Date;
  /** The calendar day it was initiated, in the seller's time zone. */
  initiatedOn: string;
  customerId: string;
  customerName: string;
  accountNumber: string;
  source: string;
  kind: MethodKind;
  currency: string;
  amount: bigint;
  fee: bigint;
  status: string;
  brand: string | null;
  bankName: string | null;
  last4: string | null;
}

/**
 * The seller's online payments by card or ACH initiated on the seller's calendar days
 * `from`..`to` (whatever became of them), by source, then in the order they were started.
 */
export async function findInitiatedPayments(
  db: Db,
  input: {
    orgId: string;
    kind: MethodKind;
    currency?: string;
    processor?: ProcessorName;
    from: string;
    to: string;
  },
): Promise<InitiatedPaymentRow[]> {
  const { rows } = await sql<{
    id: string;
    number: string;
    created_at: Date;
    day: string;
    customer_id: string;
    name: string;
    account_number: string;
    source: string;
    method: MethodKind;
    currency: string;
    amount: bigint;
    fee_amount: bigint;
    status: string;
    brand: string | null;
    bank_name: string | null;
    last4: string | null;
  }>`
    select p.id, p.number, p.created_at, (p.created_at at time zone o.time_zone)::date::text as day,
           c.id as customer_id, c.name, c.account_number, p.source, p.method, p.currency, p.amount,
           p.fee_amount, p.status, coalesce(m.brand, p.method_brand) as brand,
           coalesce(m.bank_name, p.method_bank_name) as bank_name, coalesce(m.last4, p.method_last4) as last4
      from payments p
      join organizations o on o.id = p.org_id
      join customer_accounts c on c.org_id = p.org_id and c.id = p.customer_id
      left join payment_methods m on m.org_id = p.org_id and m.id = p.payment_method_id
     where p.org_id = ${input.orgId}
       and p.processor is not null
       and p.method = ${input.kind}
       ${input.currency ? sql`and p.currency = ${input.currency}` : sql``}
       ${input.processor ? sql`and p.processor = ${input.processor}` : sql``}
       and p.created_at >= (${input.from}::date::timestamp at time zone o.time_zone)
       and p.created_at < ((${input.to}::date + 1)::timestamp at time zone o.time_zone)
     order by p.source, p.created_at, p.id`.execute(db);
  return rows.map((r) => ({
    paymentId: r.id,
    number: r.number,
    initiatedAt: r.created_at,
    initiatedOn: r.day,
    customerId: r.customer_id,
    customerName: r.name,
    accountNumber: r.account_number,
    source: r.source,
    kind: r.method,
    currency: r.currency,
    amount: r.amount,
    fee: r.fee_amount,
    status: r.status,
    brand: r.brand,
    bankName: r.bank_name,
    last4: r.last4,
  }));
}

export async function findRecipients(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deposit_report_recipients')
    .select('email')
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.email);
}

/** Replaces the seller's recipients with `emails`, in that order. */
export async function replaceRecipients(
  db: Db,
  input: { orgId: string; emails: string[]; updatedBy: string | null },
): Promise<void> {
  await db.deleteFrom('deposit_report_recipients').where('org_id', '=', input.orgId).execute();
  if (input.emails.length > 0)
    await db
      .insertInto('deposit_report_recipients')
      .values(
        input.emails.map((email, position) => ({
          org_id: input.orgId,
          email,
          position,
          updated_by: input.updatedBy,
        })),
      )
      .execute();
}

/** Claims the deposit's report e-mail: true once, for the first caller (in its transaction). */
export async function claimReport(db: Db, input: { orgId: string; depositId: string }): Promise<boolean> {
  const row = await db
    .updateTable('deposits')
    .set({ report_sent_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.depositId)
    .where('report_sent_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertMailAttachments(
  db: Db,
  input: { messageId: string; files: { filename: string; contentType: string; content: Buffer }[] },
): Promise<void> {
  if (input.files.length === 0) return;
  await db
    .insertInto('mail_attachments')
    .values(
      input.files.map((f, position) => ({
        message_id: input.messageId,
        position,
        filename: f.filename,
        content_type: f.contentType,
        content: f.content,
      })),
    )
    .execute();
}
