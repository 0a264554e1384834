import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import type { MailTemplateKey, MailTemplatePreviewer } from './mail-templates.ts';
import { type PreviewMailTemplateInput, previewContext } from './preview-mail-template.ts';
import { problemsAsFields } from './save-mail-template.ts';

/** A message already written, queued through the outbox as a test send (src/mail/test-mail-outbox.ts). */
export interface TestMailOutbox {
  enqueueTest(
    db: Kysely<DB> | Transaction<DB>,
    message: {
      orgId: string;
      template: MailTemplateKey;
      locale: Locale;
      to: string;
      subject: string;
      text: string;
      html: string;
    },
  ): Promise<{ id: string }>;
}

/**
 * Sends the candidate sources, written for the chosen customer, to the staff member's own
 * address through the real outbox and transport, marked as a test (its subject says so, and it
 * does not count as a use of the template). Refused like a save when the sources have problems.
 */
export async function sendTestMailTemplate(
  deps: { db: Database; templates: MailTemplatePreviewer; outbox: TestMailOutbox; publicUrl: string },
  input: PreviewMailTemplateInput,
): Promise<{ id: string; to: string }> {
  const context = await previewContext(deps, input);
  const preview = deps.templates.preview(input.key, input.locale, input.sources, context);
  if (preview.problems.length || preview.subject === null)
    throw new AppError('validation_failed', {}, problemsAsFields(preview.problems));
  const mark = input.locale === 'es' ? '[Prueba]' : '[Test]';
  // The staff member's own address, whichever customer the message was written for.
  const to = context.recipient.email;
  const { id } = await deps.outbox.enqueueTest(deps.db, {
    orgId: input.orgId,
    template: input.key,
    locale: input.locale,
    to,
    subject: `${mark} ${preview.subject}`,
    text: preview.text,
    html: preview.html,
  });
  return { id, to };
}
