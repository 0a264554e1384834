import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DB, PayLinksTable, PaymentLifecycleStatus } from '../../db/schema.ts';
import { isUuid } from '../shared/ids.ts';

/**
 * The pay link aggregate's data layer: every query of `pay_links` and `pay_link_invoices`, and
 * the one mapper of a link row. A link's state is read from its row and its payment, never
 * stored: cancelled, paid (its payment completed), processing (in flight), expired, or open.
 */
type Db = Kysely<DB> | Transaction<DB>;

export type PayLinkState = 'open' | 'processing' | 'paid' | 'expired' | 'cancelled';
export type PayLinkPurpose = 'order' | 'invoices';

export interface PayLink {
  id: string;
  orgId: string;
  sellerName: string;
  customer: { id: string; name: string; accountNumber: string; locale: 'es' | 'en' };
  purpose: PayLinkPurpose;
  orderReference: string | null;
  amount: bigint;
  currency: string;
  expiresAt: Date;
  createdAt: Date;
  state: PayLinkState;
  cancelReason: 'superseded' | 'staff' | null;
  /** The latest payment made through it (a failed one leaves the link open for another try). */
  payment: { id: string; number: string; status: PaymentLifecycleStatus } | null;
  invoices: { id: string; number: string; amount: bigint }[];
  /** Made for a pay-now e-mail (0018). */
  sentByMail: boolean;
}

/** Payment statuses that mean the link's money arrived, or is on its way. */
const paidStatuses = ['completed', 'refunded', 'disputed'] as const;
const inFlight = ['initiated', 'processing', 'requires_action', 'pending'] as const;

/** The link's state as of now (see the file's comment). */
export function payLinkState(row: {
  cancelled_at: Date | null;
  expires_at: Date;
  payment_status: PaymentLifecycleStatus | null;
  now?: Date;
}): PayLinkState {
  if (row.cancelled_at) return 'cancelled';
  const status = row.payment_status;
  if (status && (paidStatuses as readonly string[]).includes(status)) return 'paid';
  if (status && (inFlight as readonly string[]).includes(status)) return 'processing';
  if (row.expires_at.getTime() <= (row.now ?? new Date()).getTime()) return 'expired';
  return 'open';
}

function linksWithParties(db: Db) {
  return db
    .selectFrom('pay_links as l')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'l.org_id').onRef('c.id', '=', 'l.customer_id'),
    )
    .innerJoin('organizations as o', 'o.id', 'l.org_id')
    .leftJoin('payments as p', (j) => j.onRef('p.org_id', '=', 'l.org_id').onRef('p.id', '=', 'l.payment_id'))
    .select([
      'l.org_id',
      'l.id',
      'l.purpose',
      'l.order_reference',
      'l.amount',
      'l.currency',
      'l.expires_at',
      'l.created_at',
      'l.cancelled_at',
      'l.cancel_reason',
      'l.payment_id',
      'l.sent_by_mail',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.account_number',
      'c.locale as customer_locale',
      'o.name as seller_name',
      'p.number as payment_number',
      'p.status as payment_status',
      sql<Date>`now()`.as('now'),
    ]);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linksWithParties>['executeTakeFirstOrThrow']>>;

/** The one mapper of a link row. */
function toPayLink(row: LinkRow, invoices: PayLink['invoices']): PayLink {
  return {
    id: row.id,
    orgId: row.org_id,
    sellerName: row.seller_name,
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      accountNumber: row.account_number,
      locale: row.customer_locale,
    },
    purpose: row.purpose,
    orderReference: row.order_reference,
    amount: row.amount,
    currency: row.currency.trim(),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    state: payLinkState({
      cancelled_at: row.cancelled_at,
      expires_at: row.expires_at,
      payment_status: row.payment_status,
      now: row.now,
    }),
    cancelReason: row.cancel_reason,
    payment:
      row.payment_id && row.payment_number && row.payment_status
        ? { id: row.payment_id, number: row.payment_number, status: row.payment_status }
        : null,
    invoices,
    sentByMail: row.sent_by_mail,
  };
}

async function invoicesOf(db: Db, orgId: string, linkIds: string[]) {
  const byLink = new Map<string, PayLink['invoices']>();
  if (linkIds.length === 0) return byLink;
  const rows = await db
    .selectFrom('pay_link_invoices as li')
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'li.org_id').onRef('i.id', '=', 'li.invoice_id'),
    )
    .select(['li.pay_link_id', 'i.id', 'i.number', 'li.amount'])
    .where('li.org_id', '=', orgId)
    .where('li.pay_link_id', 'in', linkIds)
    .orderBy('i.due_date')
    .orderBy('i.number')
    .execute();
  for (const r of rows) {
    const list = byLink.get(r.pay_link_id) ?? [];
    list.push({ id: r.id, number: r.number, amount: r.amount });
    byLink.set(r.pay_link_id, list);
  }
  return byLink;
}

/** A link by its token's hash (any seller: the token is the authority), or by id within a seller. */
export async function findPayLink(
  db: Db,
  by: { tokenHash: Buffer } | { orgId: string; id: string },
): Promise<PayLink | undefined> {
  let query = linksWithParties(db);
  if ('tokenHash' in by) query = query.where('l.token_hash', '=', by.tokenHash);
  else {
    if (!isUuid(by.id)) return undefined;
    query = query.where('l.org_id', '=', by.orgId).where('l.id', '=', by.id);
  }
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const invoices = await invoicesOf(db, row.org_id, [row.id]);
  return toPayLink(row, invoices.get(row.id) ?? []);
}

/** A customer's links, newest first (the console panel). */
export async function listPayLinks(
  db: Db,
  input: { orgId: string; customerId: string; limit: number },
): Promise<PayLink[]> {
  const rows = await linksWithParties(db)
    .where('l.org_id', '=', input.orgId)
    .where('l.customer_id', '=', input.customerId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(input.limit)
    .execute();
  const invoices = await invoicesOf(
    db,
    input.orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPayLink(r, invoices.get(r.id) ?? []));
}

/**
 * Takes the link's row lock and answers its state under it: concurrent payers of one link queue
 * here, and each sees what the one before it committed.
 */
export async function lockPayLink(
  trx: Transaction<DB>,
  input: { orgId: string; id: string },
): Promise<{ state: PayLinkState; paymentId: string | null } | undefined> {
  const row = await trx
    .selectFrom('pay_links')
    .select(['cancelled_at', 'expires_at', 'payment_id', sql<Date>`now()`.as('now')])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const payment = row.payment_id
    ? await trx
        .selectFrom('payments')
        .select('status')
        .where('org_id', '=', input.orgId)
        .where('id', '=', row.payment_id)
        .executeTakeFirst()
    : undefined;
  return {
    state: payLinkState({
      cancelled_at: row.cancelled_at,
      expires_at: row.expires_at,
      payment_status: payment?.status ?? null,
      now: row.now,
    }),
    paymentId: row.payment_id,
  };
}

export async function insertPayLink(
  trx: Db,
  row: Insertable<PayLinksTable>,
  invoices: { invoiceId: string; amount: bigint }[],
): Promise<void> {
  await trx.insertInto('pay_links').values(row).execute();
  if (invoices.length > 0)
    await trx
      .insertInto('pay_link_invoices')
      .values(
        invoices.map((i) => ({
          org_id: row.org_id,
          pay_link_id: row.id,
          invoice_id: i.invoiceId,
          amount: i.amount,
        })),
      )
      .execute();
}

export async function setPayLinkPayment(
  trx: Db,
  input: { orgId: string; id: string; paymentId: string },
): Promise<void> {
  await trx
    .updateTable('pay_links')
    .set({ payment_id: input.paymentId })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .execute();
}

export async function markPayLinkCancelled(
  trx: Db,
  input: { orgId: string; id: string; reason: 'superseded' | 'staff' },
): Promise<void> {
  await trx
    .updateTable('pay_links')
    .set({ cancelled_at: sql`now()`, cancel_reason: input.reason })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .where('cancelled_at', 'is', null)
    .execute();
}

/** Whether a payment was made through this link (any attempt, failed ones included). */
export async function isLinkPayment(
  db: Db,
  input: { orgId: string; payLinkId: string; paymentId: string },
): Promise<boolean> {
  if (!isUuid(input.paymentId)) return false;
  const row = await db
    .selectFrom('payments')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .where('pay_link_id', '=', input.payLinkId)
    .executeTakeFirst();
  return row !== undefined;
}
