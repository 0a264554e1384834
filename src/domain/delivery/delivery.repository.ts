import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type {
  Address,
  DB,
  DeliveryChannel,
  DocumentDeliveriesTable,
  DocumentDeliveryStatus,
} from '../../db/schema.ts';

/**
 * Delivery's data layer: the customers' delivery preferences, the seller's delivery settings and
 * X12 control numbers, document deliveries (UBL, EDI, postal) and print batches. Plain functions
 * over a pool or a transaction; every query filters by the seller.
 */
type Db = Kysely<DB> | Transaction<DB>;

export interface DeliveryPreference {
  channel: DeliveryChannel;
  emailAttachPdf: boolean;
  apEndpointUrl: string | null;
  /** The AP endpoint's bearer secret, sealed (never sent back); its last four for screens. */
  apAuthSealed: string | null;
  apAuthLast4: string | null;
  peppol: { scheme: string; id: string } | null;
  /** UBL: posted to `apEndpointUrl`, or attached to the e-mail beside the PDF. */
  ublVia: 'endpoint' | 'email';
  edi: {
    isaSenderQualifier: string;
    isaSenderId: string;
    isaReceiverQualifier: string;
    isaReceiverId: string;
    gsSenderId: string;
    gsReceiverId: string;
    usage: 'T' | 'P';
  } | null;
  updatedAt: Date | null;
}

export const defaultPreference: DeliveryPreference = {
  channel: 'email',
  emailAttachPdf: true,
  apEndpointUrl: null,
  apAuthSealed: null,
  apAuthLast4: null,
  peppol: null,
  ublVia: 'endpoint',
  edi: null,
  updatedAt: null,
};

export async function loadDeliveryPreference(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<DeliveryPreference> {
  const row = await db
    .selectFrom('delivery_preferences')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .executeTakeFirst();
  if (!row) return defaultPreference;
  return {
    channel: row.channel,
    emailAttachPdf: row.email_attach_pdf,
    apEndpointUrl: row.ap_endpoint_url,
    apAuthSealed: row.ap_auth_sealed,
    apAuthLast4: row.ap_auth_last4,
    peppol: row.peppol_scheme && row.peppol_id ? { scheme: row.peppol_scheme, id: row.peppol_id } : null,
    ublVia: row.ubl_via,
    edi:
      row.edi_isa_sender_id && row.edi_isa_receiver_id && row.edi_gs_sender_id && row.edi_gs_receiver_id
        ? {
            isaSenderQualifier: row.edi_isa_sender_qualifier ?? 'ZZ',
            isaSenderId: row.edi_isa_sender_id,
            isaReceiverQualifier: row.edi_isa_receiver_qualifier ?? 'ZZ',
            isaReceiverId: row.edi_isa_receiver_id,
            gsSenderId: row.edi_gs_sender_id,
            gsReceiverId: row.edi_gs_receiver_id,
            usage: row.edi_usage,
          }
        : null,
    updatedAt: row.updated_at,
  };
}

export async function saveDeliveryPreference(
  db: Db,
  input: { orgId: string; customerId: string; updatedBy: string | null; preference: DeliveryPreference },
): Promise<void> {
  const p = input.preference;
  const values = {
    channel: p.channel,
    email_attach_pdf: p.emailAttachPdf,
    ap_endpoint_url: p.apEndpointUrl,
    ap_auth_sealed: p.apAuthSealed,
    ap_auth_last4: p.apAuthLast4,
    peppol_scheme: p.peppol?.scheme ?? null,
    peppol_id: p.peppol?.id ?? null,
    edi_isa_sender_qualifier: p.edi?.isaSenderQualifier ?? null,
    edi_isa_sender_id: p.edi?.isaSenderId ?? null,
    edi_isa_receiver_qualifier: p.edi?.isaReceiverQualifier ?? null,
    edi_isa_receiver_id: p.edi?.isaReceiverId ?? null,
    edi_gs_sender_id: p.edi?.gsSenderId ?? null,
    edi_gs_receiver_id: p.edi?.gsReceiverId ?? null,
    edi_usage: p.edi?.usage ?? 'T',
    ubl_via: p.ublVia,
    updated_by: input.updatedBy,
    updated_at: new Date(),
  };
  await db
    .insertInto('delivery_preferences')
    .values({ org_id: input.orgId, customer_id: input.customerId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id']).doUpdateSet(values))
    .execute();
}

export interface DeliverySettings {
  sellerAddress: Address;
  peppol: { scheme: string; id: string } | null;
  /** Each new invoice and credit memo goes to its customer on its own (deliver-new-documents.ts). */
  deliverNew: boolean;
}

export async function loadDeliverySettings(
  db: Db,
  orgId: string,
): Promise<DeliverySettings & { deliverNewSince: Date | null }> {
  const row = await db
    .selectFrom('delivery_settings')
    .select(['seller_address', 'peppol_scheme', 'peppol_id', 'deliver_new', 'deliver_new_since'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return {
    sellerAddress: (row?.seller_address ?? {}) as Address,
    peppol: row?.peppol_scheme && row.peppol_id ? { scheme: row.peppol_scheme, id: row.peppol_id } : null,
    deliverNew: row?.deliver_new ?? false,
    deliverNewSince: row?.deliver_new ? row.deliver_new_since : null,
  };
}

/**
 * Saves them (`deliverNew` left out: unchanged). Turning "deliver new documents" on starts from now:
 * the documents posted before are never mailed.
 */
export async function saveDeliverySettings(
  db: Db,
  orgId: string,
  settings: Omit<DeliverySettings, 'deliverNew'> & { deliverNew?: boolean },
): Promise<void> {
  const on = settings.deliverNew;
  const values = {
    seller_address: JSON.stringify(settings.sellerAddress) as never,
    peppol_scheme: settings.peppol?.scheme ?? null,
    peppol_id: settings.peppol?.id ?? null,
    updated_at: new Date(),
    ...(on === undefined
      ? {}
      : {
          deliver_new: on,
          deliver_new_since: on
            ? sql<Date>`case when delivery_settings.deliver_new then delivery_settings.deliver_new_since else now() end`
            : null,
        }),
  };
  await db
    .insertInto('delivery_settings')
    .values({
      org_id: orgId,
      ...values,
      deliver_new: on ?? false,
      deliver_new_since: on ? sql<Date>`now()` : null,
    })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/**
 * The seller's next X12 control numbers (ISA13, GS06, ST02), each one more than the last handed
 * out. One statement: the row stays locked until the caller's transaction ends, so two deliveries
 * never get the same number; a rolled-back delivery sent nothing and its increment is undone with it.
 * After 999999999 a counter wraps to 1 (the ISA13 width).
 */
export async function takeControlNumbers(
  db: Db,
  orgId: string,
): Promise<{ interchange: number; group: number; transaction: number }> {
  const next = (column: string) =>
    sql<bigint>`case when delivery_settings.${sql.ref(column)} >= 999999999 then 1 else delivery_settings.${sql.ref(column)} + 1 end`;
  const row = await db
    .insertInto('delivery_settings')
    .values({
      org_id: orgId,
      edi_interchange_control: 1n,
      edi_group_control: 1n,
      edi_transaction_control: 1n,
    })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        edi_interchange_control: next('edi_interchange_control'),
        edi_group_control: next('edi_group_control'),
        edi_transaction_control: next('edi_transaction_control'),
      }),
    )
    .returning(['edi_interchange_control', 'edi_group_control', 'edi_transaction_control'])
    .executeTakeFirstOrThrow();
  return {
    interchange: Number(row.edi_interchange_control),
    group: Number(row.edi_group_control),
    transaction: Number(row.edi_transaction_control),
  };
}

export interface DocumentDelivery {
  id: string;
  customerId: string;
  customerName: string;
  documentType: 'invoice' | 'credit_memo';
  documentId: string;
  documentNumber: string;
  channel: 'postal' | 'ubl' | 'edi';
  status: DocumentDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  fileName: string | null;
  controlNumber: number | null;
  printBatchId: string | null;
  printedAt: Date | null;
  createdAt: Date;
}

function selectDeliveries(db: Db, orgId: string) {
  return db
    .selectFrom('document_deliveries as d')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'd.org_id').onRef('c.id', '=', 'd.customer_id'),
    )
    .where('d.org_id', '=', orgId)
    .select([
      'd.id',
      'd.customer_id',
      'c.name as customer_name',
      'd.document_type',
      'd.document_id',
      'd.document_number',
      'd.channel',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.last_attempt_at',
      'd.delivered_at',
      'd.file_name',
      'd.control_number',
      'd.print_batch_id',
      'd.printed_at',
      'd.created_at',
    ]);
}

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof selectDeliveries>['executeTakeFirstOrThrow']>>;

function toDelivery(row: DeliveryRow): DocumentDelivery {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    documentType: row.document_type,
    documentId: row.document_id,
    documentNumber: row.document_number,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    fileName: row.file_name,
    controlNumber: row.control_number === null ? null : Number(row.control_number),
    printBatchId: row.print_batch_id,
    printedAt: row.printed_at,
    createdAt: row.created_at,
  };
}

export async function insertDelivery(db: Db, values: Insertable<DocumentDeliveriesTable>): Promise<void> {
  await db.insertInto('document_deliveries').values(values).execute();
}

export async function findDelivery(
  db: Db,
  input: { orgId: string; id: string; customerId?: string | undefined },
): Promise<DocumentDelivery | null> {
  let q = selectDeliveries(db, input.orgId).where('d.id', '=', input.id);
  if (input.customerId) q = q.where('d.customer_id', '=', input.customerId);
  const row = await q.executeTakeFirst();
  return row ? toDelivery(row) : null;
}

export async function findDeliveryFile(
  db: Db,
  input: { orgId: string; id: string },
): Promise<{ fileName: string; contentType: string; content: Buffer } | null> {
  const row = await db
    .selectFrom('document_deliveries')
    .select(['file_name', 'content_type', 'content'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row?.content || !row.file_name || !row.content_type) return null;
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}

export async function listDeliveries(
  db: Db,
  input: {
    orgId: string;
    customerId?: string | undefined;
    status?: DocumentDeliveryStatus | undefined;
    channel?: string | undefined;
    limit: number;
  },
): Promise<DocumentDelivery[]> {
  let q = selectDeliveries(db, input.orgId);
  if (input.customerId) q = q.where('d.customer_id', '=', input.customerId);
  if (input.status) q = q.where('d.status', '=', input.status);
  if (input.channel === 'postal' || input.channel === 'ubl' || input.channel === 'edi')
    q = q.where('d.channel', '=', input.channel);
  const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(input.limit).execute();
  return rows.map(toDelivery);
}

/** Postal deliveries not printed yet, oldest first, grouped by customer by the caller. */
export async function listDueToPrint(
  db: Db,
  orgId: string,
): Promise<(DocumentDelivery & { address: Address })[]> {
  const rows = await selectDeliveries(db, orgId)
    .select('c.billing_address')
    .where('d.channel', '=', 'postal')
    .where('d.status', '=', 'pending')
    .orderBy('c.name')
    .orderBy('d.customer_id')
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...toDelivery(r), address: r.billing_address as Address }));
}

/** Claims the due postal deliveries for a batch (FOR UPDATE SKIP LOCKED: two batches never print the same). */
export async function claimDueToPrint(db: Db, orgId: string, ids?: string[]): Promise<string[]> {
  let q = db
    .selectFrom('document_deliveries')
    .select('id')
    .where('org_id', '=', orgId)
    .where('channel', '=', 'postal')
    .where('status', '=', 'pending');
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.forUpdate().skipLocked().execute();
  return rows.map((r) => r.id);
}

export async function markPrinted(
  db: Db,
  input: { orgId: string; ids: string[]; batchId: string; at: Date },
) {
  if (input.ids.length === 0) return;
  await db
    .updateTable('document_deliveries')
    .set({ status: 'printed', print_batch_id: input.batchId, printed_at: input.at, delivered_at: input.at })
    .where('org_id', '=', input.orgId)
    .where('id', 'in', input.ids)
    .execute();
}

export async function nextPrintBatchNumber(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('print_batches')
    .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface PrintBatchSummary {
  id: string;
  number: number;
  documentCount: number;
  customerCount: number;
  pageCount: number;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

export async function listPrintBatches(db: Db, orgId: string, limit: number): Promise<PrintBatchSummary[]> {
  const rows = await db
    .selectFrom('print_batches as b')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.number',
      'b.document_count',
      'b.customer_count',
      'b.page_count',
      'b.created_at',
      'u.id as user_id',
      'u.name as user_name',
    ])
    .where('b.org_id', '=', orgId)
    .orderBy('b.number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    documentCount: r.document_count,
    customerCount: r.customer_count,
    pageCount: r.page_count,
    createdAt: r.created_at,
    createdBy: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
  }));
}

export async function findPrintBatchPdf(
  db: Db,
  input: { orgId: string; id: string },
): Promise<{ number: number; pdf: Buffer } | null> {
  const row = await db
    .selectFrom('print_batches')
    .select(['number', 'pdf'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  return row ?? null;
}
