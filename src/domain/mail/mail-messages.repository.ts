import { sql } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import type { Locale, MailMessage } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';

/** The outbox's data layer: every query of mail_messages, and the one row → domain mapper. */
export interface MailMessageRecord {
  id: string;
  /** The seller it was sent for; null for messages about a login itself (password resets). */
  orgId: string | null;
  template: string;
  /** The seller's template version it was rendered from; null for Saldo's default. */
  templateVersion: number | null;
  locale: Locale;
  to: string;
  from: string;
  subject: string;
  /** Null once erased after SMTP delivery (it carried a single-use link). */
  text: string | null;
  html: string | null;
  /** It carries a link that opens a login: only its recipient may read it. */
  sensitive: boolean;
  status: 'queued' | 'sent' | 'failed';
  /** How it went out: `smtp` (delivered to a mail server) or `capture` (kept, not sent). */
  transport: 'smtp' | 'capture' | null;
  attempts: number;
  lastError: string | null;
  smtpMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The customer account it was sent to or about (0017); null for logins and staff. */
  customerId: string | null;
  /** The customer's next contacts, tried in order when delivery to `to` fails for good. */
  fallbackAddresses: string[];
  /** The message this one is the fallback copy of. */
  fallbackOf: string | null;
  /** The pay link it carries (0018). */
  payLinkId: string | null;
}

function toMailMessage(row: MailMessage): MailMessageRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    template: row.template,
    templateVersion: row.template_version,
    locale: row.locale,
    to: row.to_address,
    from: row.from_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    sensitive: row.sensitive,
    status: row.status,
    transport: row.transport === 'smtp' || row.transport === 'capture' ? row.transport : null,
    attempts: row.attempts,
    lastError: row.last_error,
    smtpMessageId: row.smtp_message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    customerId: row.customer_id,
    fallbackAddresses: row.fallback_addresses ?? [],
    fallbackOf: row.fallback_of,
    payLinkId: row.pay_link_id ?? null,
  };
}

/** A message queued for delivery (the Mailer adapter writes it; its job delivers it). */
export async function insertMailMessage(
  db: Database,
  message: Pick<
    MailMessageRecord,
    'id' | 'orgId' | 'template' | 'templateVersion' | 'locale' | 'to' | 'from' | 'subject' | 'sensitive'
  > & {
    text: string;
    html: string;
    /** The customer account it is sent to or about (its activity lists it); none for logins and staff. */
    customerId?: string | null;
    /** The customer's next contacts, tried in order when delivery to `to` fails for good. */
    fallbackAddresses?: string[];
    /** The message this one replaces as a fallback copy. */
    fallbackOf?: string | null;
    /** The pay link it carries (a pay-now e-mail, 0018). */
    payLinkId?: string | null;
    /** A test send from the templates editor (0021): not counted as a use of the template. */
    test?: boolean;
  },
): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({
      id: message.id,
      org_id: message.orgId,
      template: message.template,
      template_version: message.templateVersion,
      locale: message.locale,
      to_address: message.to,
      from_address: message.from,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      sensitive: message.sensitive,
      status: 'queued',
      customer_id: message.customerId ?? null,
      fallback_addresses: message.fallbackAddresses ?? [],
      fallback_of: message.fallbackOf ?? null,
      ...(message.payLinkId ? { pay_link_id: message.payLinkId } : {}),
      ...(message.test ? { is_test: true } : {}),
    })
    .execute();
}

/** The files a queued message carries, in order (mail_attachments). */
export async function insertMailMessageAttachments(
  db: Database,
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

/**
 * Which messages a query sees. `orgId` keeps it to one seller's messages: those sent for no
 * seller (org_id null) never match, whoever asks. Without it (the operator) every message.
 */
export interface MailMessageFilter {
  orgId?: string;
  /** The exact recipient (normalised here). */
  to?: string | undefined;
  /** Anywhere in the recipient or the subject, case-insensitively. */
  q?: string | undefined;
}

function filtered(db: Database, filter: MailMessageFilter) {
  let query = db.selectFrom('mail_messages');
  if (filter.orgId !== undefined) query = query.where('mail_messages.org_id', '=', filter.orgId);
  if (filter.to) query = query.where('mail_messages.to_address', '=', filter.to.trim().toLowerCase());
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('mail_messages.to_address', 'ilike', pattern),
        eb('mail_messages.subject', 'ilike', pattern),
      ]),
    );
  }
  return query;
}

/** Newest first. */
export async function listMailMessages(
  db: Database,
  filter: MailMessageFilter,
  page: { limit: number; offset?: number },
): Promise<MailMessageRecord[]> {
  const rows = await filtered(db, filter)
    .selectAll('mail_messages')
    .orderBy('mail_messages.created_at', 'desc')
    .orderBy('mail_messages.id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map(toMailMessage);
}

export async function countMailMessages(db: Database, filter: MailMessageFilter): Promise<number> {
  const row = await filtered(db, filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** One message by id within the filter; undefined for a malformed id. */
export async function findMailMessage(
  db: Database,
  id: string,
  filter: MailMessageFilter = {},
): Promise<MailMessageRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await filtered(db, filter)
    .selectAll('mail_messages')
    .where('mail_messages.id', '=', id)
    .executeTakeFirst();
  return row ? toMailMessage(row) : undefined;
}

/** The files a message carries, in order (migration 0011); none for most messages. */
export async function findMailAttachments(
  db: Database,
  messageId: string,
): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  const rows = await db
    .selectFrom('mail_attachments')
    .select(['filename', 'content_type', 'content'])
    .where('message_id', '=', messageId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: r.content }));
}

/** Delivered: sent, by which transport, under which Message-ID; `eraseBody` drops a single-use link. */
export async function markMailMessageSent(
  db: Database,
  input: { id: string; transport: 'smtp' | 'capture'; smtpMessageId: string | null; eraseBody: boolean },
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set((eb) => ({
      status: 'sent' as const,
      sent_at: sql<Date>`now()`,
      transport: input.transport,
      smtp_message_id: input.smtpMessageId,
      attempts: eb('attempts', '+', 1),
      ...(input.eraseBody ? { text_body: null, html_body: null } : {}),
    }))
    .where('id', '=', input.id)
    .execute();
}

/** A delivery attempt failed; `failed` when it was the last one allowed. A sent message is left alone. */
export async function recordMailMessageFailure(
  db: Database,
  input: { id: string; transport: 'smtp' | 'capture'; lastError: string; failed: boolean },
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: input.lastError,
      transport: input.transport,
      ...(input.failed ? { status: 'failed' as const } : {}),
    }))
    .where('id', '=', input.id)
    .where('status', '<>', 'sent')
    .execute();
}
