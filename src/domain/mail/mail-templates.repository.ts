import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale, MailTemplateRow } from '../../db/schema.ts';
import type { MailTemplateKey, MailTemplateSources } from './mail-templates.ts';

/** The mail templates' data layer: every query of mail_templates, and the one row → domain mapper. */
export interface MailTemplateVersion extends MailTemplateSources {
  orgId: string;
  key: MailTemplateKey;
  locale: Locale;
  /** 1, 2, 3…: the highest is the one in use. */
  version: number;
  createdAt: Date;
  createdByUserId: string | null;
}

function toMailTemplateVersion(row: MailTemplateRow): MailTemplateVersion {
  return {
    orgId: row.org_id,
    key: row.key as MailTemplateKey,
    locale: row.locale,
    version: row.version,
    subject: row.subject,
    preheader: row.preheader,
    textBody: row.text_body,
    htmlBody: row.html_body,
    createdAt: row.created_at,
    createdByUserId: row.created_by_user_id,
  };
}

interface Which {
  orgId: string;
  key: MailTemplateKey;
  locale: Locale;
}

/** The seller's version in use (its highest), or undefined when it sends Saldo's default. */
export async function findCurrentMailTemplate(
  db: Database,
  which: Which,
): Promise<MailTemplateVersion | undefined> {
  const row = await db
    .selectFrom('mail_templates')
    .selectAll()
    .where('org_id', '=', which.orgId)
    .where('key', '=', which.key)
    .where('locale', '=', which.locale)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toMailTemplateVersion(row) : undefined;
}

/** Every version of one template of the seller, newest first. */
export async function listMailTemplateVersions(db: Database, which: Which): Promise<MailTemplateVersion[]> {
  const rows = await db
    .selectFrom('mail_templates')
    .selectAll()
    .where('org_id', '=', which.orgId)
    .where('key', '=', which.key)
    .where('locale', '=', which.locale)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toMailTemplateVersion);
}

/** The seller's current version number of every template it has changed. */
export async function currentMailTemplateVersions(
  db: Database,
  orgId: string,
): Promise<{ key: string; locale: Locale; version: number }[]> {
  return db
    .selectFrom('mail_templates')
    .select(['key', 'locale', sql<number>`max(version)`.as('version')])
    .where('org_id', '=', orgId)
    .groupBy(['key', 'locale'])
    .execute();
}

/**
 * Appends the next version (one above the highest). Undefined when another save took that
 * number first: versions are never overwritten.
 */
export async function insertMailTemplateVersion(
  db: Database,
  which: Which,
  sources: MailTemplateSources,
  createdByUserId: string | null,
): Promise<MailTemplateVersion | undefined> {
  const row = await db
    .insertInto('mail_templates')
    .columns([
      'org_id',
      'key',
      'locale',
      'version',
      'subject',
      'preheader',
      'text_body',
      'html_body',
      'created_by_user_id',
    ])
    .expression((eb) =>
      eb
        .selectFrom('mail_templates')
        .select([
          // Typed: a parameter in a select list has no type PostgreSQL could infer.
          sql<string>`${which.orgId}::uuid`.as('org_id'),
          sql<string>`${which.key}::text`.as('key'),
          sql<Locale>`${which.locale}::text`.as('locale'),
          sql<number>`coalesce(max(version), 0) + 1`.as('version'),
          sql<string>`${sources.subject}::text`.as('subject'),
          sql<string>`${sources.preheader}::text`.as('preheader'),
          sql<string>`${sources.textBody}::text`.as('text_body'),
          sql<string>`${sources.htmlBody}::text`.as('html_body'),
          sql<string | null>`${createdByUserId}::uuid`.as('created_by_user_id'),
        ])
        .where('org_id', '=', which.orgId)
        .where('key', '=', which.key)
        .where('locale', '=', which.locale),
    )
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toMailTemplateVersion(row) : undefined;
}
