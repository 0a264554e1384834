import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { addJob } from '../db/jobs.ts';
import { insertMailMessage, insertMailMessageAttachments } from '../domain/mail/mail-messages.repository.ts';
import type { Mailer, OutgoingMail } from '../domain/mail/mail-port.ts';
import { findCurrentMailTemplate } from '../domain/mail/mail-templates.repository.ts';
import { mailTemplateSpecs } from '../domain/mail/mail-templates.ts';
import type { MailOrg } from './templates/brand.ts';
import { type RenderedMail, renderMail } from './templates/render-mail.ts';

/** The graphile-worker task that delivers one mail_messages row. */
export const SEND_EMAIL_TASK = 'send-email';
export interface SendEmailPayload {
  messageId: string;
}
export const sendEmailMaxAttempts = 10;

/** One plain address: no display name, no list, no header-breaking characters. */
const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

async function loadOrg(db: Database, orgId: string): Promise<MailOrg> {
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
 * The seller's current version of the message's template when it has one (password resets,
 * sent for no seller, always use Saldo's), else the default. A stored version was checked when
 * it was saved; should it still fail on this message's data, the default writes the message
 * rather than losing it.
 */
async function render(
  db: Database,
  mail: OutgoingMail,
  org: MailOrg | null,
): Promise<{ rendered: RenderedMail; version: number | null }> {
  const stored =
    mail.orgId && mailTemplateSpecs[mail.template].perSeller
      ? await findCurrentMailTemplate(db, { orgId: mail.orgId, key: mail.template, locale: mail.locale })
      : undefined;
  if (stored) {
    try {
      return { rendered: renderMail(mail, org, stored), version: stored.version };
    } catch {
      // Falls through to the default.
    }
  }
  return { rendered: renderMail(mail, org), version: null };
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
      const { rendered, version } = await render(db, mail, org);
      const id = uuidv7();
      await insertMailMessage(db, {
        id,
        orgId: mail.orgId,
        template: mail.template,
        templateVersion: version,
        locale: mail.locale,
        to,
        from: config.mailFrom,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        sensitive: mailTemplateSpecs[mail.template].carriesSingleUseLink,
        customerId: mail.customerId ?? null,
        fallbackAddresses: (mail.fallbackAddresses ?? [])
          .map((a) => a.trim().toLowerCase())
          .filter((a) => a !== to && singleAddress.test(a)),
        payLinkId: mail.payLinkId ?? null,
      });
      await insertMailMessageAttachments(db, { messageId: id, files: mail.attachments ?? [] });
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}

/**
 * A customer message that failed for good, copied to the first of its fallback addresses (the
 * customer's next contact) with the rest as the copy's own fallbacks, its files and its pay link
 * kept, and queued for delivery: once per failed message (the original's row lock and the look-up
 * of an existing copy make a repeated call a no-op). The customer's activity shows both, the copy
 * pointing at the message it replaces (fallback_of).
 */
export async function queueMailFallback(
  db: Database,
  failedMessageId: string,
): Promise<{ id: string } | null> {
  return db.transaction().execute(async (trx) => {
    const original = await trx
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', failedMessageId)
      .where('status', '=', 'failed')
      .forUpdate()
      .executeTakeFirst();
    if (!original || original.fallback_addresses.length === 0) return null;
    if (original.text_body === null || original.html_body === null) return null;
    const existing = await trx
      .selectFrom('mail_messages')
      .select('id')
      .where('fallback_of', '=', failedMessageId)
      .executeTakeFirst();
    if (existing) return null;
    const [next, ...rest] = original.fallback_addresses;
    const id = uuidv7();
    await insertMailMessage(trx, {
      id,
      orgId: original.org_id,
      template: original.template,
      templateVersion: original.template_version,
      locale: original.locale,
      to: next!,
      from: original.from_address,
      subject: original.subject,
      text: original.text_body,
      html: original.html_body,
      sensitive: original.sensitive,
      customerId: original.customer_id,
      fallbackAddresses: rest,
      fallbackOf: original.id,
      payLinkId: original.pay_link_id,
    });
    await sql`
      insert into mail_attachments (message_id, position, filename, content_type, content)
      select ${id}, position, filename, content_type, content from mail_attachments
      where message_id = ${failedMessageId}
    `.execute(trx);
    const payload: SendEmailPayload = { messageId: id };
    await addJob(trx, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
    return { id };
  });
}
