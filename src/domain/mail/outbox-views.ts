import type { Locale } from '../../db/schema.ts';
import type { MailMessageRecord } from './mail-messages.repository.ts';

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

export function toListItem(m: MailMessageRecord): OutboxListItem {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    template: m.template,
    status: m.status,
    transport: m.transport,
    sensitive: m.sensitive,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    attempts: m.attempts,
  };
}

/** The message with its body, or with the body withheld (`withhold`: staff reading a sensitive one). */
export function toOutboxMessage(m: MailMessageRecord, withhold: boolean): OutboxMessage {
  const erased = m.sensitive && m.text === null && m.html === null;
  return {
    ...toListItem(m),
    orgId: m.orgId,
    locale: m.locale,
    from: m.from,
    text: withhold ? null : m.text,
    html: withhold ? null : m.html,
    bodyWithheld: withhold,
    bodyRedacted: erased,
    lastError: m.lastError,
    smtpMessageId: m.smtpMessageId,
  };
}
