import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { pdfAttachmentName } from '../delivery/email-document.ts';
import type { InvoiceDocumentView } from '../documents/document-views.ts';
import { buildInvoiceDocument } from '../documents/invoice-document.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { insertPayLink } from '../pay-links/pay-links.repository.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import {
  findPayNowByKey,
  listContactsWithEmail,
  loadPayLinkDays,
  lockPayNowInvoices,
  markSentByMail,
  type PayNowContact,
} from './pay-now.repository.ts';

export interface SendPayNowInput {
  orgId: string;
  /** One or several open invoices of one customer (at most 50). */
  invoiceIds: string[];
  /** The customer's contacts to send to; none given: those who receive invoices. */
  contactIds?: string[] | null;
  /** The console's Idempotency-Key: the same key and request answer the link it sent. */
  idempotencyKey?: string | null;
  actor: Actor;
}

export interface SentPayNow {
  payLinkId: string;
  customerId: string;
  expiresAt: Date;
  recipients: string[];
  invoices: { id: string; number: string; amount: bigint }[];
  amount: bigint;
  currency: string;
  replayed: boolean;
}

export interface SendPayNowDeps {
  db: Transaction<DB>;
  mailer: Mailer;
  /** Saldo's public address: the link is `<publicUrl>/pay/<token>`. */
  publicUrl: string;
  /** Writes an invoice's PDF (src/formats/pdf): the domain builds the view, the format writes it. */
  invoicePdf: (view: InvoiceDocumentView) => Promise<Buffer>;
}

export const MAX_PAY_NOW_INVOICES = 50;
const DAY_MS = 86_400_000;

function fingerprintOf(input: SendPayNowInput): string {
  const json = JSON.stringify([
    [...new Set(input.invoiceIds)].sort(),
    input.contactIds ? [...new Set(input.contactIds)].sort() : null,
  ]);
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * Sends a pay-now e-mail, in the caller's transaction: the invoices (one customer's, open, with
 * something left to pay and no payment in flight) are locked and checked; a pay link is made for
 * what they owe — a fresh 256-bit random token, only its SHA-256 stored, expiring after the
 * seller's link lifetime — and each chosen contact (or every contact who receives invoices) gets
 * the message with each invoice's PDF attached, the customer's other contacts as fallbacks should
 * delivery fail for good. The messages are the customer's (its activity lists them) and carry the
 * link (mail_messages.pay_link_id). The token exists only in the messages: staff never see it.
 */
export async function sendPayNowEmail(deps: SendPayNowDeps, input: SendPayNowInput): Promise<SentPayNow> {
  const { db } = deps;
  const invoiceIds = [...new Set(input.invoiceIds)];
  if (invoiceIds.length === 0 || invoiceIds.length > MAX_PAY_NOW_INVOICES)
    throw new AppError('validation_failed', {}, [{ field: 'invoiceIds', code: 'count' }]);
  const key = input.idempotencyKey ?? null;
  const fingerprint = fingerprintOf(input);
  if (key) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`pay-now:${input.orgId}:${key}`}, 0))`.execute(
      db,
    );
    const existing = await findPayNowByKey(db, { orgId: input.orgId, key });
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
      return replay(db, input.orgId, existing.id);
    }
  }

  const invoices = await lockPayNowInvoices(db, { orgId: input.orgId, invoiceIds });
  if (invoices.length !== invoiceIds.length) throw new AppError('not_found');
  const first = invoices[0]!;
  for (const invoice of invoices) {
    if (invoice.customerId !== first.customerId)
      throw new AppError('customer_mismatch', { number: invoice.number });
    if (invoice.status !== 'open')
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    if (invoice.currency !== first.currency)
      throw new AppError('currency_mismatch', { number: invoice.number, currency: invoice.currency });
    if (invoice.pendingAmount > 0n) throw new AppError('payment_in_progress', { number: invoice.number });
    if (invoice.openAmount <= 0n) throw new AppError('invoice_already_paid', { number: invoice.number });
  }
  const customerId = first.customerId;

  const contacts = await listContactsWithEmail(db, { orgId: input.orgId, customerId });
  let recipients: PayNowContact[];
  if (input.contactIds && input.contactIds.length > 0) {
    const wanted = new Set(input.contactIds);
    recipients = contacts.filter((c) => wanted.has(c.id));
    if (recipients.length !== wanted.size) throw new AppError('not_found');
  } else {
    recipients = contacts.filter((c) => c.receives.includes('invoices'));
  }
  const seen = new Set<string>();
  recipients = recipients.filter((c) => !seen.has(c.email) && seen.add(c.email));
  if (recipients.length === 0) throw new AppError('pay_now_no_recipients');
  const fallbacks = [...new Set(contacts.map((c) => c.email))].filter((e) => !seen.has(e));

  const org = await db
    .selectFrom('organizations')
    .select(['name', 'country', 'time_zone', sql<Date>`now()`.as('now')])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
  const customer = await db
    .selectFrom('customer_accounts')
    .select(['name'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  const days = await loadPayLinkDays(db, input.orgId);
  const expiresAt = new Date(org.now.getTime() + days * DAY_MS);
  const expiresOn = new Intl.DateTimeFormat('en-CA', { timeZone: org.time_zone }).format(expiresAt);
  const amount = invoices.reduce((sum, i) => sum + i.openAmount, 0n);

  const id = newId();
  const token = newToken(32);
  await insertPayLink(
    db,
    {
      org_id: input.orgId,
      id,
      token_hash: hashToken(token),
      customer_id: customerId,
      purpose: 'invoices',
      order_reference: null,
      amount,
      currency: first.currency,
      expires_at: expiresAt,
      created_by: input.actor.userId ?? null,
    },
    invoices.map((i) => ({ invoiceId: i.id, amount: i.openAmount })),
  );
  await markSentByMail(db, { orgId: input.orgId, id, key, fingerprint: key ? fingerprint : null });

  const attachments = [];
  for (const invoice of invoices) {
    const view = await buildInvoiceDocument({ db }, { orgId: input.orgId, invoiceId: invoice.id });
    attachments.push({
      filename: pdfAttachmentName(invoice.number),
      contentType: 'application/pdf',
      content: await deps.invoicePdf(view),
    });
  }
  const url = `${deps.publicUrl.replace(/\/+$/, '')}/pay/${token}`;
  for (const recipient of recipients) {
    await deps.mailer.enqueue(db, {
      orgId: input.orgId,
      to: recipient.email,
      locale: recipient.locale,
      template: 'pay_now',
      data: {
        name: recipient.name,
        orgName: org.name,
        accountName: customer.name,
        country: org.country,
        currency: first.currency,
        invoices: invoices.map((i) => ({
          number: i.number,
          issuedOn: i.issueDate,
          dueOn: i.dueDate,
          total: i.total,
          amount: i.openAmount,
        })),
        amountDue: amount,
        expiresOn,
        expiresInDays: days,
        url,
      },
      customerId,
      fallbackAddresses: fallbacks,
      attachments,
      payLinkId: id,
    });
  }
  await recordAudit(db, {
    orgId: input.orgId,
    actor: input.actor,
    action: 'pay_now.sent',
    entityType: 'pay_link',
    entityId: id,
    after: {
      customerId,
      invoices: invoices.map((i) => i.number),
      amount: amount.toString(),
      currency: first.currency,
      recipients: recipients.map((r) => r.email),
      expiresAt: expiresAt.toISOString(),
    },
  });
  return {
    payLinkId: id,
    customerId,
    expiresAt,
    recipients: recipients.map((r) => r.email),
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, amount: i.openAmount })),
    amount,
    currency: first.currency,
    replayed: false,
  };
}

async function replay(db: Transaction<DB>, orgId: string, payLinkId: string): Promise<SentPayNow> {
  const link = await db
    .selectFrom('pay_links')
    .select(['id', 'customer_id', 'expires_at', 'amount', 'currency'])
    .where('org_id', '=', orgId)
    .where('id', '=', payLinkId)
    .executeTakeFirstOrThrow();
  const invoices = await db
    .selectFrom('pay_link_invoices as li')
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'li.org_id').onRef('i.id', '=', 'li.invoice_id'),
    )
    .select(['i.id', 'i.number', 'li.amount'])
    .where('li.org_id', '=', orgId)
    .where('li.pay_link_id', '=', payLinkId)
    .orderBy('i.due_date')
    .orderBy('i.number')
    .execute();
  const messages = await db
    .selectFrom('mail_messages')
    .select('to_address')
    .where('org_id', '=', orgId)
    .where('pay_link_id', '=', payLinkId)
    .where('fallback_of', 'is', null)
    .orderBy('created_at')
    .execute();
  return {
    payLinkId,
    customerId: link.customer_id,
    expiresAt: link.expires_at,
    recipients: messages.map((m) => m.to_address),
    invoices,
    amount: link.amount,
    currency: link.currency.trim(),
    replayed: true,
  };
}
