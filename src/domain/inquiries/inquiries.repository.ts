import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DisputeReason, InquiryKind, InquiryResolution } from '../../db/schema.ts';

/** The data layer of questions and disputes: every query of invoice_inquiries and their threads. */
export interface InquiryMessage {
  position: number;
  author: 'customer' | 'staff';
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface InquiryRecord {
  id: string;
  customer: { id: string; name: string; accountNumber: string };
  invoice: { id: string; number: string; openAmount: bigint; total: bigint; dueDate: string };
  kind: InquiryKind;
  reason: DisputeReason | null;
  /** Null for a question, and for a dispute of the whole open amount. */
  disputedAmount: bigint | null;
  currency: string;
  status: 'open' | 'resolved';
  resolution: InquiryResolution | null;
  openedBy: 'customer' | 'staff';
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** How many messages the thread holds; the last one's author (who is waiting for whom). */
  messageCount: number;
  lastAuthor: 'customer' | 'staff';
}

export interface InquiryFilter {
  orgId: string;
  /** One inquiry (a detail page). */
  id?: string | undefined;
  customerId?: string | undefined;
  invoiceId?: string | undefined;
  status?: 'open' | 'resolved' | undefined;
  kind?: InquiryKind | undefined;
}

function base(db: Database, filter: InquiryFilter) {
  let query = db
    .selectFrom('invoice_inquiries as q')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'q.org_id').onRef('c.id', '=', 'q.customer_id'),
    )
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'q.org_id').onRef('i.id', '=', 'q.invoice_id'),
    )
    .where('q.org_id', '=', filter.orgId);
  if (filter.id) query = query.where('q.id', '=', filter.id);
  if (filter.customerId) query = query.where('q.customer_id', '=', filter.customerId);
  if (filter.invoiceId) query = query.where('q.invoice_id', '=', filter.invoiceId);
  if (filter.status) query = query.where('q.status', '=', filter.status);
  if (filter.kind) query = query.where('q.kind', '=', filter.kind);
  return query;
}

export async function findInquiries(
  db: Database,
  filter: InquiryFilter & { limit: number; offset: number },
): Promise<{ items: InquiryRecord[]; total: number }> {
  const [rows, counted] = await Promise.all([
    base(db, filter)
      .select([
        'q.id',
        'q.kind',
        'q.reason',
        'q.disputed_amount',
        'q.currency',
        'q.status',
        'q.resolution',
        'q.opened_by',
        'q.created_at',
        'q.updated_at',
        'q.resolved_at',
        'c.id as customer_id',
        'c.name as customer_name',
        'c.account_number',
        'i.id as invoice_id',
        'i.number as invoice_number',
        'i.open_amount',
        'i.total',
        'i.due_date',
        sql<number>`(select count(*)::int from invoice_inquiry_messages m
                      where m.org_id = q.org_id and m.inquiry_id = q.id)`.as('message_count'),
        sql<'customer' | 'staff'>`(select m.author from invoice_inquiry_messages m
                      where m.org_id = q.org_id and m.inquiry_id = q.id order by m.position desc limit 1)`.as(
          'last_author',
        ),
      ])
      // Open first (the queue), then the most recently active.
      .orderBy(sql`q.status = 'open'`, 'desc')
      .orderBy('q.updated_at', 'desc')
      .orderBy('q.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base(db, filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: counted.n,
    items: rows.map((row) => ({
      id: row.id,
      customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.account_number },
      invoice: {
        id: row.invoice_id,
        number: row.invoice_number,
        openAmount: row.open_amount,
        total: row.total,
        dueDate: row.due_date,
      },
      kind: row.kind,
      reason: row.reason,
      disputedAmount: row.disputed_amount,
      currency: row.currency,
      status: row.status,
      resolution: row.resolution,
      openedBy: row.opened_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
      messageCount: row.message_count,
      lastAuthor: row.last_author,
    })),
  };
}

export async function findInquiryMessages(
  db: Database,
  input: { orgId: string; inquiryId: string },
): Promise<InquiryMessage[]> {
  const rows = await db
    .selectFrom('invoice_inquiry_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .where('m.org_id', '=', input.orgId)
    .where('m.inquiry_id', '=', input.inquiryId)
    .select(['m.position', 'm.author', 'm.body', 'm.created_at', 'u.name as author_name'])
    .orderBy('m.position')
    .execute();
  return rows.map((row) => ({
    position: row.position,
    author: row.author,
    authorName: row.author_name?.trim() || null,
    body: row.body,
    createdAt: row.created_at,
  }));
}

/** The inquiry, locked for a change; null when it is not this seller's (or this customer's). */
export async function lockInquiry(
  db: Database,
  input: { orgId: string; inquiryId: string; customerId?: string },
) {
  let query = db
    .selectFrom('invoice_inquiries')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.inquiryId);
  if (input.customerId) query = query.where('customer_id', '=', input.customerId);
  return (await query.selectAll().forUpdate().executeTakeFirst()) ?? null;
}

/** Appends a message at the end of the thread (the caller holds the inquiry's lock). */
export async function appendInquiryMessage(
  db: Database,
  input: {
    orgId: string;
    inquiryId: string;
    author: 'customer' | 'staff';
    authorUserId: string | null;
    body: string;
  },
): Promise<number> {
  const { position } = await db
    .selectFrom('invoice_inquiry_messages')
    .where('org_id', '=', input.orgId)
    .where('inquiry_id', '=', input.inquiryId)
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('position'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('invoice_inquiry_messages')
    .values({
      org_id: input.orgId,
      inquiry_id: input.inquiryId,
      position,
      author: input.author,
      author_user_id: input.authorUserId,
      body: input.body,
    })
    .execute();
  await db
    .updateTable('invoice_inquiries')
    .set({ updated_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.inquiryId)
    .execute();
  return position;
}
