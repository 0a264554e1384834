import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';
import type { AutopayMailData } from '../autopay/autopay-mail-port.ts';
import type { MailTemplateKey } from './mail-templates.ts';

/** What each message needs; the mail adapter turns it into its template's variables. */
export interface MailTemplateData {
  /** A pay-now e-mail (issue 10): some invoices, their PDFs attached, and a link that pays them. */
  pay_now: PayNowMailData;
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
  /** An invoice sent to the customer (issue 10's delivery): amounts in minor units of `currency`. */
  invoice_delivery: CustomerMailCommon & {
    invoice: { number: string; issuedOn: string; dueOn: string; total: bigint; open: bigint };
    pdfAttached: boolean;
    /** Where the invoice can be seen (a pay link or the portal); null when there is none. */
    url: string | null;
  };
  /** A credit memo delivered by e-mail (its PDF attached): `url` is the customer's portal. */
  credit_memo_delivery: CustomerMailCommon & {
    creditMemo: {
      number: string;
      issuedOn: string;
      amount: bigint;
      available: bigint;
      invoiceNumber: string | null;
    };
    url: string | null;
  };
  /** One dunning step: the invoices it chases, `daysFromDue` of the oldest (negative before due). */
  reminder: CustomerMailCommon & {
    invoices: { number: string; dueOn: string; open: bigint }[];
    /** The seller's today, 'YYYY-MM-DD': each invoice's days from due are counted from it. */
    today: string;
    url: string | null;
  };
  /** The dunning step before the due date, and the last one: a reminder's data. */
  reminder_upcoming: MailTemplateData['reminder'];
  reminder_final: MailTemplateData['reminder'];
  /** The account was placed on hold: what the seller tells the customer, and what is overdue. */
  account_on_hold: CustomerMailCommon & { message: string; amountDue: bigint; url: string | null };
  /** Staff answered (or resolved) a customer's question or dispute about an invoice. */
  inquiry_reply: CustomerMailCommon & {
    invoiceNumber: string;
    kind: 'question' | 'dispute';
    reply: string;
    /** Set when the answer resolves it: how. */
    resolution: 'answered' | 'credit_issued' | 'adjusted' | 'rejected' | 'withdrawn' | null;
    url: string | null;
  };
  /** Autopay's notice before a charge (src/domain/autopay/autopay-mail-port.ts). */
  autopay_upcoming: AutopayMailData['autopay_notice'];
  /** Autopay's word after a charge that did not go through. */
  autopay_failed: AutopayMailData['autopay_failed'];
  /** The weekly collection: every document the run takes for the customer, and one pay link. */
  weekly_collection: CustomerMailCommon & {
    documents: {
      number: string;
      issueDate: string;
      dueDate: string;
      amountDue: bigint;
      daysOverdue: number;
    }[];
    url: string | null;
    expiresInDays: number;
  };
  /** A statement of account (PDF attached): the period and its balances; a pay link when something is due. */
  statement: CustomerMailCommon & {
    periodStart: string;
    periodEnd: string;
    openingBalance: bigint;
    closingBalance: bigint;
    url: string | null;
  };
}

/** Who a customer message is for, and how its amounts read (the seller's country, the currency). */
export interface CustomerMailCommon {
  name: string;
  orgName: string;
  accountName: string;
  country: string;
  currency: string;
}

/** A pay-now e-mail's data (mail/templates/pay-now-variables.ts makes its variables). */
export interface PayNowMailData {
  name: string;
  orgName: string;
  accountName: string;
  /** The seller's country: amounts and dates read as in es-MX or en-US there. */
  country: string;
  currency: string;
  /** Calendar dates 'YYYY-MM-DD'; amounts in minor units: `amount` is what the link collects. */
  invoices: { number: string; issuedOn: string; dueOn: string; total: bigint; amount: bigint }[];
  amountDue: bigint;
  /** The seller's calendar day the link expires, 'YYYY-MM-DD', and its lifetime in days. */
  expiresOn: string;
  expiresInDays: number;
  url: string;
}

export type OutgoingMail = {
  [K in MailTemplateKey]: {
    /** The seller the message is sent for; null for messages about a login itself (password reset). */
    orgId: string | null;
    to: string;
    locale: Locale;
    template: K;
    data: MailTemplateData[K];
    /** The customer account it is sent to or about: its activity lists the message (0017). */
    customerId?: string | null;
    /** The customer's next contacts, tried in order when delivery to `to` fails for good. */
    fallbackAddresses?: string[];
    /** Files the message carries (mail_attachments, in order): an invoice's PDF. */
    attachments?: { filename: string; contentType: string; content: Buffer }[];
    /** The pay link the message carries (a pay-now e-mail, 0018). */
    payLinkId?: string | null;
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
