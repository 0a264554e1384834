import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  DB,
  ErpConfirmationChange,
  ErpConfirmationSubject,
  ErpExportChannel,
  ErpExportFormat,
  ErpMarking,
  PaymentMethod,
  PaymentSource,
} from '../../../db/schema.ts';
import type { ClaimedItem, ConfirmationCustomer, RenderedExport } from './confirmation-document.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * One seller's exports run one at a time (a transaction-scoped advisory lock), so their numbers
 * follow the order they commit in and the ERP reads file n+1 after file n. The claim rows alone
 * already keep a change from going out twice; the lock keeps the files in order.
 */
export async function lockSellerExports(trx: Transaction<DB>, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`erp-export:${orgId}`}, 0))`.execute(trx);
}

export async function insertExport(
  trx: Transaction<DB>,
  input: {
    orgId: string;
    id: string;
    format: ErpExportFormat;
    channel: ErpExportChannel;
    marking: ErpMarking;
    createdBy: string | null;
    apiKeyId: string | null;
  },
): Promise<{ seq: number; createdAt: Date }> {
  const { rows } = await sql<{ seq: number; created_at: Date }>`
    insert into erp_confirmation_exports (org_id, id, seq, format, channel, marking, created_by, api_key_id)
    values (${input.orgId}, ${input.id},
            (select coalesce(max(seq), 0) + 1 from erp_confirmation_exports where org_id = ${input.orgId}),
            ${input.format}, ${input.channel}, ${input.marking}, ${input.createdBy}, ${input.apiKeyId})
    returning seq, created_at
  `.execute(trx);
  return { seq: rows[0]!.seq, createdAt: rows[0]!.created_at };
}

/**
 * Claims, for `exportId`, every change of the seller that no export has claimed: INSERT … SELECT …
 * ON CONFLICT DO NOTHING RETURNING. The SELECT reads what has committed when the statement starts,
 * whatever order it committed in; a change still uncommitted is claimed by a later export; two
 * exports racing for one change both try to insert its row and the unique key lets one win.
 *
 * The changes (payments whose source is 'erp' came from the ERP and never go back):
 * - payment received: a manual payment when recorded; an online one once completed (captured,
 *   settled), never while pending or when it failed;
 * - payment returned (ACH return, lost dispute) after it had completed; payment reversed (manual);
 * - each payment application made, and each undone;
 * - each refund that moved money (it has a journal entry), and such a refund that failed later;
 * - each credit memo application made in Saldo, and each undone. A credit memo that came from the
 *   ERP and was applied in the same transaction that created it (the import applying it to the
 *   invoice the ERP named) is the ERP's own application: not sent back.
 */
export async function claimChanges(
  trx: Transaction<DB>,
  input: { orgId: string; exportId: string },
): Promise<ClaimedItem[]> {
  const org = input.orgId;
  const { rows } = await sql<{
    subject: ErpConfirmationSubject;
    subject_id: string;
    change: ErpConfirmationChange;
    occurred_at: Date;
  }>`
    with took_effect as (
      select p.id, p.status, p.completed_at, p.created_at, p.reversed_at, p.updated_at
        from payments p
       where p.org_id = ${org} and p.source <> 'erp'
         and (p.processor is null or p.completed_at is not null)
    ),
    changes as (
      select 'payment' as subject, t.id as subject_id, 'received' as change,
             coalesce(t.completed_at, t.created_at) as occurred_at
        from took_effect t
      union all
      select 'payment', t.id, 'returned', coalesce(t.reversed_at, t.updated_at)
        from took_effect t where t.status = 'returned'
      union all
      select 'payment', t.id, 'reversed', coalesce(t.reversed_at, t.updated_at)
        from took_effect t where t.status = 'reversed'
      union all
      select 'payment_application', a.id, 'applied', a.created_at
        from payment_applications a join took_effect t on t.id = a.payment_id
       where a.org_id = ${org}
      union all
      select 'payment_application', a.id, 'unapplied', a.unapplied_at
        from payment_applications a join took_effect t on t.id = a.payment_id
       where a.org_id = ${org} and a.unapplied_at is not null
      union all
      select 'refund', r.id, 'refunded', e.created_at
        from payment_refunds r
        join took_effect t on t.id = r.payment_id
        join journal_entries e on e.org_id = r.org_id and e.id = r.journal_entry_id
       where r.org_id = ${org}
      union all
      select 'refund', r.id, 'refund_failed', r.updated_at
        from payment_refunds r join took_effect t on t.id = r.payment_id
       where r.org_id = ${org} and r.status = 'failed' and r.journal_entry_id is not null
      union all
      select 'credit_application', ca.id, 'applied', ca.created_at
        from credit_applications ca
        join credit_memos m on m.org_id = ca.org_id and m.id = ca.credit_memo_id
       where ca.org_id = ${org} and not (m.erp_id is not null and ca.created_at = m.created_at)
      union all
      select 'credit_application', ca.id, 'unapplied', ca.unapplied_at
        from credit_applications ca
        join credit_memos m on m.org_id = ca.org_id and m.id = ca.credit_memo_id
       where ca.org_id = ${org} and ca.unapplied_at is not null
         and not (m.erp_id is not null and ca.created_at = m.created_at)
    )
    insert into erp_confirmation_items (org_id, subject, subject_id, change, export_id, occurred_at)
    select ${org}, c.subject, c.subject_id, c.change, ${input.exportId}, c.occurred_at
      from changes c
     where not exists (
       select 1 from erp_confirmation_items i
        where i.org_id = ${org} and i.subject = c.subject and i.subject_id = c.subject_id
          and i.change = c.change)
    on conflict do nothing
    returning subject, subject_id, change, occurred_at
  `.execute(trx);
  return rows.map((r) => ({
    subject: r.subject,
    subjectId: r.subject_id,
    change: r.change,
    occurredAt: r.occurred_at,
  }));
}

export interface PaymentDetail {
  id: string;
  number: string;
  customer: ConfirmationCustomer;
  currency: string;
  amount: bigint;
  fee: bigint;
  method: PaymentMethod;
  source: PaymentSource;
  reference: string | null;
  receivedOn: string;
  refunded: bigint;
  returnCode: string | null;
  reverseReason: string | null;
}

export async function findPaymentDetails(db: Db, orgId: string, ids: string[]): Promise<PaymentDetail[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'p.org_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .select([
      'p.id',
      'p.number',
      'p.currency',
      'p.amount',
      'p.fee_amount',
      'p.method',
      'p.source',
      'p.reference',
      'p.received_on',
      'p.refunded_amount',
      'p.return_code',
      'p.reverse_reason',
      'c.id as customer_id',
      'c.erp_id as customer_erp_id',
      'c.account_number',
      'c.name as customer_name',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customer: {
      id: r.customer_id,
      erpId: r.customer_erp_id,
      accountNumber: r.account_number,
      name: r.customer_name,
    },
    currency: r.currency,
    amount: r.amount,
    fee: r.fee_amount,
    method: r.method,
    source: r.source,
    reference: r.reference,
    receivedOn: r.received_on,
    refunded: r.refunded_amount,
    returnCode: r.return_code,
    reverseReason: r.reverse_reason,
  }));
}

export interface ApplicationDetail {
  id: string;
  sourceId: string;
  amount: bigint;
  createdAt: Date;
  invoice: { id: string; number: string; erpId: string | null };
}

export async function findApplicationDetails(
  db: Db,
  orgId: string,
  kind: 'payment' | 'credit',
  ids: string[],
): Promise<ApplicationDetail[]> {
  if (ids.length === 0) return [];
  // Payment and credit applications have the same shape: one query, the table and its source named.
  const [table, source] =
    kind === 'payment' ? ['payment_applications', 'payment_id'] : ['credit_applications', 'credit_memo_id'];
  const { rows } = await sql<{
    id: string;
    source_id: string;
    amount: bigint;
    created_at: Date;
    invoice_id: string;
    number: string;
    erp_id: string | null;
  }>`
    select a.id, a.${sql.ref(source)} as source_id, a.amount, a.created_at, i.id as invoice_id, i.number, i.erp_id
      from ${sql.table(table)} a
      join invoices i on i.org_id = a.org_id and i.id = a.invoice_id
     where a.org_id = ${orgId} and a.id = any(${ids}::uuid[])`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    amount: r.amount,
    createdAt: r.created_at,
    invoice: { id: r.invoice_id, number: r.number, erpId: r.erp_id },
  }));
}

export interface RefundDetail {
  id: string;
  paymentId: string;
  amount: bigint;
}

export async function findRefundDetails(db: Db, orgId: string, ids: string[]): Promise<RefundDetail[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('payment_refunds')
    .select(['id', 'payment_id', 'amount'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({ id: r.id, paymentId: r.payment_id, amount: r.amount }));
}

export interface CreditMemoDetail {
  id: string;
  number: string;
  erpId: string | null;
  currency: string;
  customer: ConfirmationCustomer;
}

export async function findCreditMemoDetails(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<CreditMemoDetail[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('credit_memos as m')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.customer_id'),
    )
    .select([
      'm.id',
      'm.number',
      'm.erp_id',
      'm.currency',
      'c.id as customer_id',
      'c.erp_id as customer_erp_id',
      'c.account_number',
      'c.name as customer_name',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    erpId: r.erp_id,
    currency: r.currency,
    customer: {
      id: r.customer_id,
      erpId: r.customer_erp_id,
      accountNumber: r.account_number,
      name: r.customer_name,
    },
  }));
}

export async function storeExportFile(
  trx: Transaction<DB>,
  input: { orgId: string; exportId: string; itemCount: number; file: RenderedExport },
): Promise<void> {
  await trx
    .updateTable('erp_confirmation_exports')
    .set({
      item_count: input.itemCount,
      file_name: input.file.fileName,
      content_type: input.file.contentType,
      content: input.file.content,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.exportId)
    .execute();
}

/** An export that claimed nothing leaves no row (nor a gap in the numbers). */
export async function deleteEmptyExport(trx: Transaction<DB>, input: { orgId: string; exportId: string }) {
  await trx
    .deleteFrom('erp_confirmation_exports')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.exportId)
    .execute();
}

export interface ExportSummary {
  id: string;
  sequence: number;
  format: ErpExportFormat;
  channel: ErpExportChannel;
  marking: ErpMarking;
  itemCount: number;
  fileName: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  mailedAt: Date | null;
}

const summaryColumns = [
  'e.id',
  'e.seq',
  'e.format',
  'e.channel',
  'e.marking',
  'e.item_count',
  'e.file_name',
  'e.created_at',
  'e.created_by',
  'e.mailed_at',
  'u.name as created_by_name',
] as const;

function summaryOf(r: {
  id: string;
  seq: number;
  format: ErpExportFormat;
  channel: ErpExportChannel;
  marking: ErpMarking;
  item_count: number;
  file_name: string;
  created_at: Date;
  created_by: string | null;
  mailed_at: Date | null;
  created_by_name: string | null;
}): ExportSummary {
  return {
    id: r.id,
    sequence: r.seq,
    format: r.format,
    channel: r.channel,
    marking: r.marking,
    itemCount: r.item_count,
    fileName: r.file_name,
    createdAt: r.created_at,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    mailedAt: r.mailed_at,
  };
}

export async function listExports(
  db: Db,
  input: { orgId: string; afterSequence?: number | undefined; page: number; pageSize: number },
): Promise<{ exports: ExportSummary[]; total: number }> {
  const base = db
    .selectFrom('erp_confirmation_exports as e')
    .where('e.org_id', '=', input.orgId)
    .$if(input.afterSequence !== undefined, (q) => q.where('e.seq', '>', input.afterSequence!));
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'e.created_by')
      .select(summaryColumns)
      // Newest first for people; oldest first after a sequence (the ERP reads on from its last).
      .orderBy('e.seq', input.afterSequence !== undefined ? 'asc' : 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base.select(sql<string>`count(*)::text`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { exports: rows.map(summaryOf), total: Number(count.n) };
}

export async function findExport(
  db: Db,
  input: { orgId: string; exportId: string },
): Promise<(ExportSummary & { file: RenderedExport }) | null> {
  const row = await db
    .selectFrom('erp_confirmation_exports as e')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .select([...summaryColumns, 'e.content', 'e.content_type'])
    .where('e.org_id', '=', input.orgId)
    .where('e.id', '=', input.exportId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...summaryOf(row),
    file: { fileName: row.file_name, contentType: row.content_type, content: row.content },
  };
}

export async function lastExportSequence(db: Db, orgId: string): Promise<number | null> {
  const row = await db
    .selectFrom('erp_confirmation_exports')
    .select(sql<number | null>`max(seq)`.as('seq'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/** The export's e-mail is claimed once: a retried job sends nothing more. */
export async function claimExportMail(trx: Transaction<DB>, input: { orgId: string; exportId: string }) {
  const row = await trx
    .updateTable('erp_confirmation_exports')
    .set({ mailed_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.exportId)
    .where('mailed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
