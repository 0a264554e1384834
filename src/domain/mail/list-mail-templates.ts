import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { mailTemplateUsage } from './mail-template-usage.repository.ts';
import { currentMailTemplateVersions } from './mail-templates.repository.ts';
import {
  type MailTemplateKey,
  type MailTemplateVariable,
  mailTemplateKeys,
  mailTemplateSpecs,
  mailTemplateVariables,
} from './mail-templates.ts';

export interface MailTemplateLanguageUsage {
  /** Messages the template wrote in that language (test sends and fallback copies not counted). */
  count: number;
  lastUsedAt: Date | null;
}

export interface MailTemplateListing {
  key: MailTemplateKey;
  /** The seller may keep its own versions (false: Saldo's message, e.g. password reset). */
  perSeller: boolean;
  /** The seller's version in use per language; null where it sends Saldo's default. */
  versions: Record<Locale, number | null>;
  /** How many times the template was used for this seller, and when last, per language. */
  usage: Record<Locale, MailTemplateLanguageUsage>;
  /** What the template may read, with a description for the editor. */
  variables: MailTemplateVariable[];
}

/** Every template key with its variables, which version the seller uses and how often, per language. */
export async function listMailTemplates(
  deps: { db: Database },
  input: { orgId: string },
): Promise<MailTemplateListing[]> {
  const [current, usage] = await Promise.all([
    currentMailTemplateVersions(deps.db, input.orgId),
    mailTemplateUsage(deps.db, input.orgId),
  ]);
  const versionOf = (key: MailTemplateKey, locale: Locale) =>
    current.find((row) => row.key === key && row.locale === locale)?.version ?? null;
  const usageOf = (key: MailTemplateKey, locale: Locale): MailTemplateLanguageUsage => {
    const row = usage.find((u) => u.key === key && u.locale === locale);
    return { count: row?.count ?? 0, lastUsedAt: row?.lastUsedAt ?? null };
  };
  return mailTemplateKeys.map((key) => ({
    key,
    perSeller: mailTemplateSpecs[key].perSeller,
    versions: { es: versionOf(key, 'es'), en: versionOf(key, 'en') },
    usage: { es: usageOf(key, 'es'), en: usageOf(key, 'en') },
    variables: mailTemplateVariables(key),
  }));
}
