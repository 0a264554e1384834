import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../../db/schema.ts';

/** The messages Saldo sends. Each has es and en text and HTML (src/mail/templates). */
export type MailTemplate = 'password_reset' | 'invitation_staff' | 'invitation_customer';

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
}

export type OutgoingMail = {
  [K in MailTemplate]: {
    /** The seller the message is sent for; null for messages about a login itself (password reset). */
    orgId: string | null;
    to: string;
    locale: Locale;
    template: K;
    data: MailTemplateData[K];
  };
}[MailTemplate];

/**
 * The port domain use cases send mail through. `enqueue` writes the message to the outbox and
 * schedules its delivery in the caller's transaction: it is sent only if that transaction commits.
 */
export interface Mailer {
  enqueue(db: Kysely<DB> | Transaction<DB>, mail: OutgoingMail): Promise<{ id: string }>;
}
