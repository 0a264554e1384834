import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';
import type { MailTemplateKey } from './mail-templates.ts';

/** What each message needs; the mail adapter turns it into its template's variables. */
export interface MailTemplateData {
  password_reset: { name: string; url: string; expiresInMinutes: number };
  invitation_staff: {
    inviterName: string;
    orgName: string;
    role: string;
    url: string;
    expiresInDays: number;
  };
  invitation_customer: {
    inviterName: string;
    orgName: string;
    accountName: string;
    role: string;
    url: string;
    expiresInDays: number;
  };
  /** Amounts in minor units of `currency`; the adapter writes them in the recipient's language. */
  payment_receipt: {
    name: string;
    orgName: string;
    accountName: string;
    paymentNumber: string;
    /** The calendar date the money was received, 'YYYY-MM-DD'. */
    paidOn: string;
    currency: string;
    /** The seller's country: amounts and dates read as in es-MX or en-US there. */
    country: string;
    amount: bigint;
    fee: bigint;
    /** What paid, for display only: brand and last four, or the bank's name and last four. */
    method: { kind: 'card' | 'ach'; brand: string | null; bankName: string | null; last4: string | null };
    invoices: { number: string; amount: bigint }[];
    /** The payment's page in the portal (a login, no token); null when the public address is unknown. */
    url: string | null;
  };
}

export type OutgoingMail = {
  [K in MailTemplateKey]: {
    /** The seller the message is sent for; null for messages about a login itself (password reset). */
    orgId: string | null;
    to: string;
    locale: Locale;
    template: K;
    data: MailTemplateData[K];
  };
}[MailTemplateKey];

/**
 * The port domain use cases send mail through. `enqueue` renders the message with the seller's
 * current template (or Saldo's default), writes it to the outbox and schedules its delivery in
 * the caller's transaction: it is sent only if that transaction commits.
 */
export interface Mailer {
  enqueue(db: Kysely<DB> | Transaction<DB>, mail: OutgoingMail): Promise<{ id: string }>;
}

export interface TransportMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID (`<id@domain>`), so a retried delivery can be recognised as the same message. */
  messageId?: string;
  /** Files the message carries (mail_attachments, in order): the deposit reports. */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * Where queued mail goes (src/mail/transports.ts). `smtp` hands it to an SMTP server; `capture`
 * sends nothing: the message already sits in mail_messages, which the operator reads.
 */
export interface MailTransport {
  kind: 'smtp' | 'capture';
  send(msg: TransportMessage): Promise<{ messageId: string | null }>;
  close(): void;
}
