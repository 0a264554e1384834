import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { findCurrentMailTemplate } from './mail-templates.repository.ts';
import {
  type MailTemplateEngine,
  type MailTemplateKey,
  type MailTemplateSources,
  type MailTemplateVariable,
  mailTemplateVariables,
} from './mail-templates.ts';

export interface CurrentMailTemplate extends MailTemplateSources {
  key: MailTemplateKey;
  locale: Locale;
  /** The seller's version in use; null when it sends Saldo's default. */
  version: number | null;
  variables: MailTemplateVariable[];
}

/** The template a seller's messages of a key and language use now, with the variables it may read. */
export async function getMailTemplate(
  deps: { db: Database; templates: Pick<MailTemplateEngine, 'defaults'> },
  input: { orgId: string; key: MailTemplateKey; locale: Locale },
): Promise<CurrentMailTemplate> {
  const stored = await findCurrentMailTemplate(deps.db, input);
  const sources = stored ?? deps.templates.defaults(input.key, input.locale);
  return {
    key: input.key,
    locale: input.locale,
    version: stored?.version ?? null,
    subject: sources.subject,
    preheader: sources.preheader,
    textBody: sources.textBody,
    htmlBody: sources.htmlBody,
    variables: mailTemplateVariables(input.key),
  };
}
