import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import type { Actor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { listMailTemplateVersions, type MailTemplateVersion } from './mail-templates.repository.ts';
import type { MailTemplateEngine, MailTemplateKey } from './mail-templates.ts';
import { saveMailTemplate } from './save-mail-template.ts';

/**
 * Brings back an older version of a template as a new one (history is never rewritten): the
 * old sources are checked again as any save is, and the new version is the one in use.
 */
export async function restoreMailTemplate(
  deps: { db: Database; templates: MailTemplateEngine },
  input: { orgId: string; key: MailTemplateKey; locale: Locale; version: number; actor: Actor },
): Promise<MailTemplateVersion> {
  const versions = await listMailTemplateVersions(deps.db, input);
  const old = versions.find((v) => v.version === input.version);
  if (!old) throw new AppError('not_found');
  return saveMailTemplate(deps, {
    orgId: input.orgId,
    key: input.key,
    locale: input.locale,
    sources: {
      subject: old.subject,
      preheader: old.preheader,
      textBody: old.textBody,
      htmlBody: old.htmlBody,
    },
    actor: input.actor,
  });
}
