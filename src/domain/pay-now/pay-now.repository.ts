import { type Kysely, sql, type Transaction } from 'kysely';
import type { ContactMessage, DB } from '../../db/schema.ts';
import { isUuid } from '../shared/ids.ts';

/**
 * Pay-now e-mails' data layer: the invoices a send names (locked), the customer's contacts who get
 * it, the seller's link lifetime, and the links sent with the messages that carried them.
 */
type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_PAY_LINK_DAYS = 14;

export interface PayNowInvoice {
  id: string;
  customerId: string;
  number: string;
  status: 'draft' | 'open' | 'void';
  issueDate: string;
  dueDate: string;
  currency: string;
  total: bigint;
  openAmount: bigint;
  pendingAmount: bigint;
}

/** The invoices by id within the seller, locked against a payment starting meanwhile. */
export async function lockPayNowInvoices(
  trx: Transaction<DB>,
  input: { orgId: string; invoiceIds: string[] },
): Promise<PayNowInvoice[]> {
  const ids = input.invoiceIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('invoices')
    .select([
      'id',
      'customer_id',
      'number',
      'status',
      'issue_date',
      'due_date',
      'currency',
      'total',
      'open_amount',
      'pending_amount',
    ])
    .where('org_id', '=', input.orgId)
    .where('id', 'in', ids)
    .orderBy('due_date')
    .orderBy('number')
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    status: r.status,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    currency: r.currency.trim(),
    total: r.total,
    openAmount: r.open_amount,
    pendingAmount: r.pending_amount,
  }));
}

export interface PayNowContact {
  id: string;
  name: string;
  email: string;
  locale: 'es' | 'en';
  receives: ContactMessage[];
}

/** The customer's contacts with an e-mail, in the order they were added. */
export async function listContactsWithEmail(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<PayNowContact[]> {
  const rows = await db
    .selectFrom('customer_contacts')
    .select(['id', 'name', 'email', 'locale', 'receives'])
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', input.customerId)
    .where('email', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email!.trim().toLowerCase(),
    locale: r.locale,
    receives: r.receives,
  }));
}

/** How long the seller's pay-now links stay payable (payment_settings.pay_link_days). */
export async function loadPayLinkDays(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('payment_settings')
    .select('pay_link_days')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.pay_link_days ?? DEFAULT_PAY_LINK_DAYS;
}

export async function savePayLinkDays(db: Db, input: { orgId: string; days: number; userId: string | null }) {
  await db
    .insertInto('payment_settings')
    .values({ org_id: input.orgId, pay_link_days: input.days, updated_by: input.userId })
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ pay_link_days: input.days, updated_by: input.userId, updated_at: sql`now()` }),
    )
    .execute();
}

/** The link a console request under this key sent, with the request's fingerprint. */
export async function findPayNowByKey(
  db: Db,
  input: { orgId: string; key: string },
): Promise<{ id: string; fingerprint: string; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('pay_links')
    .select(['id', 'idempotency_fingerprint', 'expires_at'])
    .where('org_id', '=', input.orgId)
    .where('idempotency_key', '=', input.key)
    .executeTakeFirst();
  return row
    ? { id: row.id, fingerprint: row.idempotency_fingerprint ?? '', expiresAt: row.expires_at }
    : undefined;
}

export async function markSentByMail(
  db: Db,
  input: { orgId: string; id: string; key: string | null; fingerprint: string | null },
): Promise<void> {
  await db
    .updateTable('pay_links')
    .set({ sent_by_mail: true, idempotency_key: input.key, idempotency_fingerprint: input.fingerprint })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .execute();
}

export interface PayNowMessage {
  id: string;
  payLinkId: string;
  to: string;
  status: 'queued' | 'sent' | 'failed';
  fallbackOf: string | null;
  createdAt: Date;
}

/** The messages that carried these links (the e-mails and their fallback copies), oldest first. */
export async function messagesOfLinks(
  db: Db,
  input: { orgId: string; linkIds: string[] },
): Promise<Map<string, PayNowMessage[]>> {
  const byLink = new Map<string, PayNowMessage[]>();
  if (input.linkIds.length === 0) return byLink;
  const rows = await db
    .selectFrom('mail_messages')
    .select(['id', 'pay_link_id', 'to_address', 'status', 'fallback_of', 'created_at'])
    .where('org_id', '=', input.orgId)
    .where('pay_link_id', 'in', input.linkIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byLink.get(r.pay_link_id!) ?? [];
    list.push({
      id: r.id,
      payLinkId: r.pay_link_id!,
      to: r.to_address,
      status: r.status,
      fallbackOf: r.fallback_of,
      createdAt: r.created_at,
    });
    byLink.set(r.pay_link_id!, list);
  }
  return byLink;
}

/** Ids of pay-now links of a customer or naming an invoice, newest first. */
export async function listPayNowLinkIds(
  db: Db,
  input: { orgId: string; customerId?: string; invoiceId?: string; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom('pay_links as l')
    .select(['l.id'])
    .where('l.org_id', '=', input.orgId)
    .where('l.sent_by_mail', '=', true);
  if (input.customerId) query = query.where('l.customer_id', '=', input.customerId);
  if (input.invoiceId) {
    const invoiceId = input.invoiceId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('pay_link_invoices as li')
          .select('li.invoice_id')
          .whereRef('li.org_id', '=', 'l.org_id')
          .whereRef('li.pay_link_id', '=', 'l.id')
          .where('li.invoice_id', '=', invoiceId),
      ),
    );
  }
  const rows = await query
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Who got a link's e-mail and it reached (sent): the people its payment's receipt also goes to. */
export async function deliveredRecipientsOfLink(
  db: Db,
  input: { orgId: string; payLinkId: string },
): Promise<{ email: string; locale: 'es' | 'en' }[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .select(['to_address', 'locale'])
    .where('org_id', '=', input.orgId)
    .where('pay_link_id', '=', input.payLinkId)
    .where('status', '=', 'sent')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ email: r.to_address, locale: r.locale }));
}
