import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { DB, Locale, MailMessage } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OutboxListItem {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: 'queued' | 'sent' | 'failed';
  /** How a sent message went out: `smtp` (delivered to a mail server) or `capture` (kept, not sent). */
  transport: 'smtp' | 'capture' | null;
  /** It carries a link that opens a login (an invitation): only its recipient may read it. */
  sensitive: boolean;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
}

export interface OutboxMessage extends OutboxListItem {
  orgId: string | null;
  locale: Locale;
  from: string;
  /** Null when withheld from staff (bodyWithheld) or erased after SMTP delivery (bodyRedacted). */
  text: string | null;
  html: string | null;
  /** The message holds a personal sign-in link: its body is never shown to a seller's staff. */
  bodyWithheld: boolean;
  /** The body was erased after delivery because it carried a single-use link. */
  bodyRedacted: boolean;
  lastError: string | null;
  smtpMessageId: string | null;
}

/**
 * What an org's staff may see: the messages sent for that org, and nothing else. Messages sent for
 * no org (password resets) belong to their recipient alone and never appear in any seller's
 * Outbox, even when the recipient is that seller's staff or customer user: a link that opens a
 * login must not reach anyone but its owner.
 */
function visibleTo(orgId: string) {
  return (eb: ExpressionBuilder<DB, 'mail_messages'>) => eb('mail_messages.org_id', '=', orgId);
}

function transportOf(value: string | null): OutboxListItem['transport'] {
  return value === 'smtp' || value === 'capture' ? value : null;
}

function toListItem(row: MailMessage): OutboxListItem {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    template: row.template,
    status: row.status,
    transport: transportOf(row.transport),
    sensitive: row.sensitive,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attempts: row.attempts,
  };
}

export interface ListOutboxInput {
  orgId: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Matches anywhere in the recipient or the subject, case-insensitively. */
  q?: string | undefined;
}

/** The org's outbox, newest first, one page at a time. */
export async function listOutbox(
  db: Db,
  input: ListOutboxInput,
): Promise<{ items: OutboxListItem[]; total: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize) || 1, 1), 200);
  const page = Math.max(Math.trunc(input.page) || 1, 1);
  const q = input.q?.trim();
  let query = db.selectFrom('mail_messages').where(visibleTo(input.orgId));
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('mail_messages.to_address', 'ilike', pattern),
        eb('mail_messages.subject', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('mail_messages')
      .orderBy('mail_messages.created_at', 'desc')
      .orderBy('mail_messages.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toListItem), total: count.n };
}

function toMessage(row: MailMessage, withhold: boolean): OutboxMessage {
  const erased = row.sensitive && row.text_body === null && row.html_body === null;
  return {
    ...toListItem(row),
    orgId: row.org_id,
    locale: row.locale,
    from: row.from_address,
    text: withhold ? null : row.text_body,
    html: withhold ? null : row.html_body,
    bodyWithheld: withhold,
    bodyRedacted: erased,
    lastError: row.last_error,
    smtpMessageId: row.smtp_message_id,
  };
}

/**
 * One message of the org's outbox, or undefined when the org may not see it. The body of a
 * sensitive message (an invitation: its link opens a login) is withheld: staff see who it went to,
 * its subject and its delivery, never its link.
 */
export async function getOutboxMessage(
  db: Db,
  input: { orgId: string; id: string },
): Promise<OutboxMessage | undefined> {
  if (!isUuid(input.id)) return undefined;
  const row = await db
    .selectFrom('mail_messages')
    .selectAll('mail_messages')
    .where('mail_messages.id', '=', input.id)
    .where(visibleTo(input.orgId))
    .executeTakeFirst();
  return row ? toMessage(row, row.sensitive) : undefined;
}

/**
 * The operator's mailbox (the `saldo mail` command, run on the server): every message, of every
 * seller and of none, with its body. Where mail is captured instead of sent, this is how the person
 * running Saldo reads a reset or an invitation link; no route of the API reaches it.
 */
export async function listMailForOperator(
  db: Db,
  input: { to?: string | undefined; limit: number },
): Promise<(OutboxListItem & { orgId: string | null })[]> {
  let query = db.selectFrom('mail_messages').selectAll('mail_messages');
  if (input.to) query = query.where('mail_messages.to_address', '=', input.to.trim().toLowerCase());
  const rows = await query
    .orderBy('mail_messages.created_at', 'desc')
    .orderBy('mail_messages.id', 'desc')
    .limit(Math.min(Math.max(Math.trunc(input.limit) || 1, 1), 1000))
    .execute();
  return rows.map((row) => ({ ...toListItem(row), orgId: row.org_id }));
}

/** One message with its body for the operator: by id, or the newest one to an address. */
export async function readMailForOperator(
  db: Db,
  input: { id: string } | { latestTo: string },
): Promise<OutboxMessage | undefined> {
  let query = db.selectFrom('mail_messages').selectAll('mail_messages');
  if ('id' in input) {
    if (!isUuid(input.id)) return undefined;
    query = query.where('mail_messages.id', '=', input.id);
  } else {
    query = query
      .where('mail_messages.to_address', '=', input.latestTo.trim().toLowerCase())
      .orderBy('mail_messages.created_at', 'desc')
      .orderBy('mail_messages.id', 'desc')
      .limit(1);
  }
  const row = await query.executeTakeFirst();
  return row ? toMessage(row, false) : undefined;
}
