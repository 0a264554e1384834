import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError, type ErrorParams } from '../errors.ts';
import { insertMailTemplateVersion, type MailTemplateVersion } from './mail-templates.repository.ts';
import {
  isMailTemplateKey,
  type MailTemplateEngine,
  type MailTemplateProblem,
  type MailTemplateSources,
  mailTemplateSpecs,
} from './mail-templates.ts';

/** A part of the template with its problem as a field error: `htmlBody` template_syntax { line, column, reason }. */
export function problemsAsFields(problems: MailTemplateProblem[]) {
  return problems.map(toField);
}

function toField(problem: MailTemplateProblem): { field: string; code: string; params: ErrorParams } {
  const { part, line, column } = problem;
  return problem.kind === 'unknown_variable'
    ? { field: part, code: 'unknown_variable', params: { line, column, variable: problem.variable } }
    : { field: part, code: `template_${problem.kind}`, params: { line, column, reason: problem.reason } };
}

/**
 * Keeps a new version of one of the seller's mail templates, which every message of that key and
 * language then uses. Refused (validation_failed, one field error per problem, with its line)
 * when a part does not parse, reads a variable the template does not have, or fails on sample
 * data; the version in use stays as it was. Messages sent for no seller (password reset) are not
 * the seller's to change.
 */
export async function saveMailTemplate(
  deps: { db: Database; templates: MailTemplateEngine },
  input: { orgId: string; key: string; locale: Locale; sources: MailTemplateSources; actor: Actor },
): Promise<MailTemplateVersion> {
  const { key, locale, sources } = input;
  if (!isMailTemplateKey(key) || !mailTemplateSpecs[key].perSeller)
    throw new AppError('validation_failed', {}, [{ field: 'key', code: 'invalid' }]);
  const empty = (['subject', 'textBody', 'htmlBody'] as const).filter((part) => !sources[part].trim());
  if (empty.length)
    throw new AppError(
      'validation_failed',
      {},
      empty.map((field) => ({ field, code: 'required' })),
    );
  const problems = deps.templates.check(key, sources);
  if (problems.length) throw new AppError('validation_failed', {}, problems.map(toField));

  return inTransaction(deps.db, async (trx) => {
    const saved = await insertMailTemplateVersion(
      trx,
      { orgId: input.orgId, key, locale },
      sources,
      input.actor.userId ?? null,
    );
    // Another save took the same version number at the same moment.
    if (!saved) throw new AppError('conflict');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'mail_template.saved',
      entityType: 'mail_template',
      entityId: `${key}:${locale}`,
      after: { version: saved.version, ...sources },
    });
    return saved;
  });
}
