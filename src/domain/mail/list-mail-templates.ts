import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { currentMailTemplateVersions } from './mail-templates.repository.ts';
import {
  type MailTemplateKey,
  type MailTemplateVariable,
  mailTemplateKeys,
  mailTemplateSpecs,
  mailTemplateVariables,
} from './mail-templates.ts';

export interface MailTemplateListing {
  key: MailTemplateKey;
  /** The seller may keep its own versions (false: Saldo's message, e.g. password reset). */
  perSeller: boolean;
  /** The seller's version in use per language; null where it sends Saldo's default. */
  versions: Record<Locale, number | null>;
  /** What the template may read, with a description for the editor. */
  variables: MailTemplateVariable[];
}

/** Every template key with its variables and which version the seller uses in each language. */
export async function listMailTemplates(
  deps: { db: Database },
  input: { orgId: string },
): Promise<MailTemplateListing[]> {
  const current = await currentMailTemplateVersions(deps.db, input.orgId);
  const versionOf = (key: MailTemplateKey, locale: Locale) =>
    current.find((row) => row.key === key && row.locale === locale)?.version ?? null;
  return mailTemplateKeys.map((key) => ({
    key,
    perSeller: mailTemplateSpecs[key].perSeller,
    versions: { es: versionOf(key, 'es'), en: versionOf(key, 'en') },
    variables: mailTemplateVariables(key),
  }));
}
