import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';

/**
 * The messages autopay sends, through its own port (the adapter is src/mail/templates/autopay-mail.ts):
 * the notice before a charge and the word after a charge that did not go through. Amounts are minor
 * units of `currency`; the adapter writes them, and the dates, in the recipient's language. The
 * method is only brand or bank and last four.
 */
interface AutopayMailCommon {
  name: string;
  orgName: string;
  accountName: string;
  /** The seller's country: amounts and dates read as in es-MX or en-US there. */
  country: string;
  currency: string;
  method: { kind: 'card' | 'ach'; brand: string | null; bankName: string | null; last4: string | null };
  invoices: { number: string; amount: bigint }[];
  amount: bigint;
  /** The account's autopay page in the portal (asks to sign in); null without a public address. */
  url: string | null;
}

export interface AutopayMailData {
  /** N days before a charge day: what will be charged, and how to stop it. */
  autopay_notice: AutopayMailCommon & { chargeOn: string };
  /**
   * A charge that did not go through: the reason (a decline code), and either the day it is tried
   * again or that autopay stopped trying for these invoices (and, when the method itself can no
   * longer be used, that autopay is paused until another is chosen).
   */
  autopay_failed: AutopayMailCommon & {
    attemptedOn: string;
    failureCode: string;
    nextRetryOn: string | null;
    paused: boolean;
  };
}

export type AutopayMail = {
  [K in keyof AutopayMailData]: {
    orgId: string;
    to: string;
    locale: Locale;
    template: K;
    data: AutopayMailData[K];
  };
}[keyof AutopayMailData];

/** Writes a message to the outbox and queues its delivery in the caller's transaction. */
export interface AutopayMailer {
  enqueue(db: Kysely<DB> | Transaction<DB>, mail: AutopayMail): Promise<{ id: string }>;
}
