import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config/config.ts';
import { addJob } from '../db/jobs.ts';
import type { DB } from '../db/schema.ts';
import type { Mailer, MailTemplate } from '../domain/mail/mail-port.ts';
import { type MailOrg, renderMail } from './templates/render-mail.ts';

/** The graphile-worker task that delivers one mail_messages row. */
export const SEND_EMAIL_TASK = 'send-email';
export interface SendEmailPayload {
  messageId: string;
}
export const sendEmailMaxAttempts = 10;

/**
 * Messages that carry a single-use link (a password or an invitation). Their bodies are erased
 * once an SMTP server has accepted them, so the link does not outlive delivery in our database.
 */
const carriesSingleUseLink: Record<MailTemplate, boolean> = {
  password_reset: true,
  invitation_staff: true,
  invitation_customer: true,
};

/** One plain address: no display name, no list, no header-breaking characters. */
const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

async function loadOrg(db: Kysely<DB> | Transaction<DB>, orgId: string): Promise<MailOrg> {
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'branding'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw new Error(`Cannot send mail for unknown organization ${orgId}`);
  const { accentColor, footer } = org.branding ?? {};
  return {
    name: org.name,
    branding: {
      ...(typeof accentColor === 'string' ? { accentColor } : {}),
      ...(typeof footer === 'string' ? { footer } : {}),
    },
  };
}

/**
 * The Mailer that writes each message to mail_messages (the outbox) and queues its delivery,
 * both on the handle it is given: nothing is sent unless the caller's transaction commits.
 */
export function createOutboxMailer(config: Pick<Config, 'mailFrom'>): Mailer {
  return {
    async enqueue(db, mail) {
      const to = mail.to.trim().toLowerCase();
      if (!singleAddress.test(to)) throw new Error('Mail recipient must be a single e-mail address');
      const org = mail.orgId ? await loadOrg(db, mail.orgId) : null;
      const rendered = renderMail(mail, org);
      const id = uuidv7();
      await db
        .insertInto('mail_messages')
        .values({
          id,
          org_id: mail.orgId,
          template: mail.template,
          locale: mail.locale,
          to_address: to,
          from_address: config.mailFrom,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          sensitive: carriesSingleUseLink[mail.template],
          status: 'queued',
        })
        .execute();
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}
