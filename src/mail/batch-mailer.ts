import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { addJob } from '../db/jobs.ts';
import type { Locale } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
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

/** Messages rendered and inserted at a time (16 parameters each, far under PostgreSQL's 65,535). */
const INSERT_CHUNK = 100;

const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/**
 * The outbox for many messages at once (the weekly collection run): the seller and its current
 * template versions looked up once per batch and language, every message rendered through the one
 * render function, stored with a multi-row insert per chunk of INSERT_CHUNK (each on its way while
 * the next chunk renders), and their delivery queued as one
 * `send-email.batch` job per DELIVERY_BATCH messages — all on the caller's handle, so nothing is
 * sent unless its transaction commits. A message a batch job cannot deliver gets its own
 * `send-email` job, with the usual retries, backoff and fallback to the next contact.
 */
export function createBatchMailer(config: Pick<Config, 'mailFrom'>): BatchMailer {
  return {
    enqueueMany: (db: Database, mails: OutgoingMail[]) =>
      // One transaction in any case: the chunks' inserts and the jobs stand or fall together.
      inTransaction(db, (trx) => enqueueAll(config, trx, mails)),
  };
}

async function enqueueAll(
  config: Pick<Config, 'mailFrom'>,
  db: Database,
  mails: OutgoingMail[],
): Promise<{ ids: string[] }> {
  if (mails.length === 0) return { ids: [] };
  for (const mail of mails)
    if (!singleAddress.test(mail.to.trim().toLowerCase()))
      throw new Error('Mail recipient must be a single e-mail address');
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
  // Every template the messages use, looked up before rendering starts.
  for (const mail of mails) {
    if (!mail.orgId || !mailTemplateSpecs[mail.template].perSeller) continue;
    const k = `${mail.orgId}:${mail.template}:${mail.locale}`;
    if (templates.has(k)) continue;
    const stored = await findCurrentMailTemplate(db, {
      orgId: mail.orgId,
      key: mail.template,
      locale: mail.locale,
    });
    templates.set(k, stored ? { sources: stored, version: stored.version } : null);
  }
  const templateOf = (orgId: string | null, key: MailTemplateKey, locale: Locale) =>
    orgId ? (templates.get(`${orgId}:${key}:${locale}`) ?? null) : null;
  // Rendered and stored in chunks: a chunk's insert is on its way to PostgreSQL (queued on the
  // caller's connection, in order) while the next chunk renders, so the database's work and the
  // rendering overlap instead of taking turns. Nothing commits before the caller does.
  const ids: string[] = [];
  const inserts: Promise<unknown>[] = [];
  for (let start = 0; start < mails.length; start += INSERT_CHUNK) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const rows = mails.slice(start, start + INSERT_CHUNK).map((mail) => {
      const to = mail.to.trim().toLowerCase();
      const org = mail.orgId ? (orgs.get(mail.orgId) ?? null) : null;
      const stored = templateOf(mail.orgId, mail.template, mail.locale);
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
      return {
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
      };
    });
    ids.push(...rows.map((r) => r.id));
    const insert = db.insertInto('mail_messages').values(rows).execute();
    insert.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    inserts.push(insert);
  }
  await Promise.all(inserts);
  for (let i = 0; i < ids.length; i += DELIVERY_BATCH) {
    const payload: SendEmailBatchPayload = { messageIds: ids.slice(i, i + DELIVERY_BATCH) };
    await addJob(db, SEND_EMAIL_BATCH_TASK, payload, { maxAttempts: 3 });
  }
  return { ids };
}
