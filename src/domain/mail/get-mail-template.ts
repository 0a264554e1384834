import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { versionAuthors } from './mail-template-usage.repository.ts';
import { findCurrentMailTemplate, listMailTemplateVersions } from './mail-templates.repository.ts';
import {
  type MailTemplateEngine,
  type MailTemplateKey,
  type MailTemplateSources,
  type MailTemplateVariable,
  mailTemplateSpecs,
  mailTemplateVariables,
} from './mail-templates.ts';

export interface MailTemplateVersionSummary extends MailTemplateSources {
  version: number;
  createdAt: Date;
  /** Who saved it (name or e-mail); null when no one is known. */
  createdBy: string | null;
}

export interface CurrentMailTemplate extends MailTemplateSources {
  key: MailTemplateKey;
  locale: Locale;
  perSeller: boolean;
  /** The seller's version in use; null when it sends Saldo's default. */
  version: number | null;
  variables: MailTemplateVariable[];
  /** Saldo's shipped sources (what "back to the default" saves as a new version). */
  defaults: MailTemplateSources;
  /** Every version the seller kept, newest first; the first is the one in use. */
  versions: MailTemplateVersionSummary[];
}

/** The template a seller's messages of a key and language use now, its variables and its versions. */
export async function getMailTemplate(
  deps: { db: Database; templates: Pick<MailTemplateEngine, 'defaults'> },
  input: { orgId: string; key: MailTemplateKey; locale: Locale },
): Promise<CurrentMailTemplate> {
  const [stored, versions] = await Promise.all([
    findCurrentMailTemplate(deps.db, input),
    listMailTemplateVersions(deps.db, input),
  ]);
  const defaults = deps.templates.defaults(input.key, input.locale);
  const sources = stored ?? defaults;
  const authors = await versionAuthors(deps.db, [
    ...new Set(versions.flatMap((v) => (v.createdByUserId ? [v.createdByUserId] : []))),
  ]);
  return {
    key: input.key,
    locale: input.locale,
    perSeller: mailTemplateSpecs[input.key].perSeller,
    version: stored?.version ?? null,
    subject: sources.subject,
    preheader: sources.preheader,
    textBody: sources.textBody,
    htmlBody: sources.htmlBody,
    variables: mailTemplateVariables(input.key),
    defaults,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: v.createdByUserId ? (authors.get(v.createdByUserId) ?? null) : null,
      subject: v.subject,
      preheader: v.preheader,
      textBody: v.textBody,
      htmlBody: v.htmlBody,
    })),
  };
}
