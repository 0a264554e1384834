import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { loadMailPreviewContext } from './mail-template-usage.repository.ts';
import type {
  MailPreview,
  MailPreviewContext,
  MailTemplateKey,
  MailTemplatePreviewer,
  MailTemplateSources,
} from './mail-templates.ts';

export interface PreviewMailTemplateInput {
  orgId: string;
  /** The staff member previewing: a test send goes to their address. */
  userId: string;
  key: MailTemplateKey;
  locale: Locale;
  /** The candidate sources (what the editor holds, saved or not). */
  sources: MailTemplateSources;
  /** A customer of this seller to write it for; null for the sample customer. */
  customerId: string | null;
}

/** The case a preview is written for; not_found when the customer is not this seller's. */
export async function previewContext(
  deps: { db: Database; publicUrl: string },
  input: Pick<PreviewMailTemplateInput, 'orgId' | 'userId' | 'customerId'>,
): Promise<MailPreviewContext> {
  const context = await loadMailPreviewContext(deps.db, { ...input, publicUrl: deps.publicUrl });
  if (!context) throw new AppError('not_found');
  return context;
}

/**
 * The message candidate sources write for a real customer of the seller (its name, first
 * contact, open invoices, amounts in its currency), or each problem that stops them: a syntax
 * error, an unknown variable, a failure on this data — with its part, line and column.
 */
export async function previewMailTemplate(
  deps: { db: Database; templates: MailTemplatePreviewer; publicUrl: string },
  input: PreviewMailTemplateInput,
): Promise<MailPreview> {
  const context = await previewContext(deps, input);
  return deps.templates.preview(input.key, input.locale, input.sources, context);
}
