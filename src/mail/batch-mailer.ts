import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { addJob } from '../db/jobs.ts';
import type { Locale } from '../db/schema.ts';
import type { BatchMailer } from '../domain/collections/collection-mail-port.ts';
import type { OutgoingMail } from '../domain/mail/mail-port.ts';
import { findCurrentMailTemplate } from '../domain/mail/mail-templates.repository.ts';
import {
  type MailTemplateKey,
  type MailTemplateSources,
  mailTemplateSpecs,
} from '../domain/mail/mail-templates.ts';
import type { MailOrg } from './templates/brand.ts';
import { renderMail } from './templates/render-mail.ts';

/** Delivers a list of queued messages in one job (jobs/tasks/collection-jobs.ts). */
export const SEND_EMAIL_BATCH_TASK = 'send-email.batch';
export interface SendEmailBatchPayload {
  messageIds: string[];
}
/** Messages per delivery job: a few hundred jobs for a run of 50,000 customers, not 50,000. */
export const DELIVERY_BATCH = 200;

const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/**
 * The outbox for many messages at once (the weekly collection run): the seller and its current
 * template versions looked up once per batch and language, every message rendered through the one
 * render function, stored with one multi-row insert, and their delivery queued as one
 * `send-email.batch` job per DELIVERY_BATCH messages — all on the caller's handle, so nothing is
 * sent unless its transaction commits. A message a batch job cannot deliver gets its own
 * `send-email` job, with the usual retries, backoff and fallback to the next contact.
 */
export function createBatchMailer(config: Pick<Config, 'mailFrom'>): BatchMailer {
  return {
    async enqueueMany(db: Database, mails: OutgoingMail[]) {
      if (mails.length === 0) return { ids: [] };
      const orgs = new Map<string, MailOrg>();
      const templates = new Map<string, { sources: MailTemplateSources; version: number } | null>();
      for (const mail of mails) {
        if (mail.orgId && !orgs.has(mail.orgId)) {
          const org = await db
            .selectFrom('organizations')
            .select(['name', 'branding'])
            .where('id', '=', mail.orgId)
            .executeTakeFirstOrThrow();
          const { accentColor, footer } = org.branding ?? {};
          orgs.set(mail.orgId, {
            name: org.name,
            branding: {
              ...(typeof accentColor === 'string' ? { accentColor } : {}),
              ...(typeof footer === 'string' ? { footer } : {}),
            },
          });
        }
      }
      const templateOf = async (orgId: string | null, key: MailTemplateKey, locale: Locale) => {
        if (!orgId || !mailTemplateSpecs[key].perSeller) return null;
        const k = `${orgId}:${key}:${locale}`;
        if (!templates.has(k)) {
          const stored = await findCurrentMailTemplate(db, { orgId, key, locale });
          templates.set(k, stored ? { sources: stored, version: stored.version } : null);
        }
        return templates.get(k) ?? null;
      };
      const rows = [];
      for (const mail of mails) {
        const to = mail.to.trim().toLowerCase();
        if (!singleAddress.test(to)) throw new Error('Mail recipient must be a single e-mail address');
        const org = mail.orgId ? (orgs.get(mail.orgId) ?? null) : null;
        const stored = await templateOf(mail.orgId, mail.template, mail.locale);
        let rendered = null;
        let version: number | null = null;
        if (stored) {
          try {
            rendered = renderMail(mail, org, stored.sources);
            version = stored.version;
          } catch {
            // A stored version that fails on this message's data: the default writes it instead.
          }
        }
        rendered ??= renderMail(mail, org);
        rows.push({
          id: uuidv7(),
          org_id: mail.orgId,
          template: mail.template,
          template_version: version,
          locale: mail.locale,
          to_address: to,
          from_address: config.mailFrom,
          subject: rendered.subject,
          text_body: rendered.text,
          html_body: rendered.html,
          sensitive: mailTemplateSpecs[mail.template].carriesSingleUseLink,
          status: 'queued' as const,
          customer_id: mail.customerId ?? null,
          fallback_addresses: (mail.fallbackAddresses ?? [])
            .map((a) => a.trim().toLowerCase())
            .filter((a) => a !== to && singleAddress.test(a)),
          pay_link_id: mail.payLinkId ?? null,
        });
      }
      // PostgreSQL takes at most 65,535 parameters per statement: 16 columns × 1,000 rows stays under.
      for (let i = 0; i < rows.length; i += 1000)
        await db
          .insertInto('mail_messages')
          .values(rows.slice(i, i + 1000))
          .execute();
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += DELIVERY_BATCH) {
        const payload: SendEmailBatchPayload = { messageIds: ids.slice(i, i + DELIVERY_BATCH) };
        await addJob(db, SEND_EMAIL_BATCH_TASK, payload, { maxAttempts: 3 });
      }
      return { ids };
    },
  };
}
