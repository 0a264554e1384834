import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { DB, Locale, MailMessage } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OutboxListItem {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: 'queued' | 'sent' | 'failed';
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
}

export interface OutboxMessage extends OutboxListItem {
  orgId: string | null;
  locale: Locale;
  from: string;
  /** Null once a message with a single-use link was delivered by SMTP (see bodyRedacted). */
  text: string | null;
  html: string | null;
  sensitive: boolean;
  /** The body was erased after delivery because it carried a single-use link. */
  bodyRedacted: boolean;
  transport: string | null;
  lastError: string | null;
  smtpMessageId: string | null;
}

/**
 * What an org's staff may see: its own messages, and messages sent for no org (password resets)
 * to a person of that org, staff or a customer user of one of its accounts. Never another org's.
 */
function visibleTo(orgId: string) {
  return (eb: ExpressionBuilder<DB, 'mail_messages'>) =>
    eb.or([
      eb('mail_messages.org_id', '=', orgId),
      eb.and([
        eb('mail_messages.org_id', 'is', null),
        eb(
          'mail_messages.to_address',
          'in',
          eb
            .selectFrom('users')
            .innerJoin('staff_memberships', 'staff_memberships.user_id', 'users.id')
            .select('users.email')
            .where('staff_memberships.org_id', '=', orgId)
            .union(
              eb
                .selectFrom('users')
                .innerJoin('customer_memberships', 'customer_memberships.user_id', 'users.id')
                .select('users.email')
                .where('customer_memberships.org_id', '=', orgId),
            ),
        ),
      ]),
    ]);
}

/** `%term%` for ILIKE with the term's own %, _ and \ taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

function toListItem(row: MailMessage): OutboxListItem {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    template: row.template,
    status: row.status,
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

/** One message of the org's outbox with its bodies, or undefined when the org may not see it. */
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
  if (!row) return undefined;
  return {
    ...toListItem(row),
    orgId: row.org_id,
    locale: row.locale,
    from: row.from_address,
    text: row.text_body,
    html: row.html_body,
    sensitive: row.sensitive,
    bodyRedacted: row.sensitive && row.text_body === null && row.html_body === null,
    transport: row.transport,
    lastError: row.last_error,
    smtpMessageId: row.smtp_message_id,
  };
}
