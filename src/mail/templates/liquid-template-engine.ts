import type { Template } from 'liquidjs';
import type { Locale } from '../../db/schema.ts';
import type { OutgoingMail } from '../../domain/mail/mail-port.ts';
import {
  type MailPreview,
  type MailPreviewContext,
  type MailTemplateEngine,
  type MailTemplateKey,
  type MailTemplatePart,
  type MailTemplatePreviewer,
  type MailTemplateProblem,
  type MailTemplateSources,
  mailTemplateVariables,
} from '../../domain/mail/mail-templates.ts';
import { defaultMailTemplate } from './defaults/index.ts';
import { htmlLiquid, textLiquid } from './liquid.ts';
import { previewData } from './preview-data.ts';
import { renderMail } from './render-mail.ts';
import { sampleData } from './variables.ts';

const engineOf: Record<MailTemplatePart, typeof textLiquid> = {
  subject: textLiquid,
  preheader: textLiquid,
  textBody: textLiquid,
  htmlBody: htmlLiquid,
};
const parts = Object.keys(engineOf) as MailTemplatePart[];

/** liquidjs ends its messages with ", line:2, col:7"; the problem carries those apart. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/,? line:\d+, col:\d+\s*$/, '').slice(0, 300);
}

function positionOf(err: unknown): { line: number; column: number } {
  const position = (err as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
  return position ? { line: position[0], column: position[1] } : { line: 1, column: 1 };
}

/** `brand.accent_color` → ['brand', 'accent_color']: the paths a template may read. */
function allowedPaths(key: MailTemplateKey): Set<string> {
  return new Set(mailTemplateVariables(key).map((variable) => variable.name));
}

function unknownVariables(
  key: MailTemplateKey,
  part: MailTemplatePart,
  templates: Template[],
): MailTemplateProblem[] {
  const allowed = allowedPaths(key);
  const analysis = engineOf[part].analyzeSync(templates);
  const problems: MailTemplateProblem[] = [];
  for (const uses of Object.values(analysis.globals)) {
    for (const use of uses) {
      const path = use.segments.every((s) => typeof s === 'string') ? use.segments.join('.') : null;
      if (path !== null && allowed.has(path)) continue;
      // A list or a value read further (`invoices[0].number`, `name.size`): its root is a variable.
      const [root] = use.segments;
      if (typeof root === 'string' && allowed.has(root) && use.segments.length > 1) continue;
      problems.push({
        part,
        line: use.location.row,
        column: use.location.col,
        kind: 'unknown_variable',
        variable: use.toString(),
      });
    }
  }
  return problems;
}

/**
 * The Liquid side of the domain's MailTemplateEngine port. A version is checked part by part:
 * it must parse (known tags and filters only), read only its key's variables, and render the
 * whole message with sample data (which also holds it to the render budget).
 */
export const liquidTemplateEngine: MailTemplateEngine & MailTemplatePreviewer = {
  defaults: (key: MailTemplateKey, locale: Locale) => defaultMailTemplate(key, locale),

  check(key: MailTemplateKey, sources: MailTemplateSources): MailTemplateProblem[] {
    const problems: MailTemplateProblem[] = [];
    for (const part of parts) {
      let templates: Template[];
      try {
        templates = engineOf[part].parse(sources[part]);
      } catch (err) {
        problems.push({ part, ...positionOf(err), kind: 'syntax', reason: reasonOf(err) });
        continue;
      }
      problems.push(...unknownVariables(key, part, templates));
    }
    if (problems.length) return problems;
    for (const part of parts) {
      // One part at a time, the others Saldo's, so a failure names its part.
      const trial = { ...defaultMailTemplate(key, 'en'), [part]: sources[part] };
      try {
        const sample = {
          orgId: null,
          to: 'sample@saldo.example',
          locale: 'en',
          template: key,
          data: sampleData[key],
        };
        renderMail(sample as OutgoingMail, sampleOrg, trial);
      } catch (err) {
        problems.push({ part, ...positionOf(err), kind: 'render', reason: reasonOf(err) });
      }
    }
    return problems;
  },

  preview(
    key: MailTemplateKey,
    locale: Locale,
    sources: MailTemplateSources,
    context: MailPreviewContext,
  ): MailPreview {
    const refused = (problems: MailTemplateProblem[]): MailPreview => ({
      problems,
      subject: null,
      text: null,
      html: null,
    });
    const problems = liquidTemplateEngine.check(key, sources);
    if (problems.length) return refused(problems);
    const mail = {
      orgId: null,
      to: context.recipient.email,
      locale,
      template: key,
      data: previewData(key, context),
    } as OutgoingMail;
    const org = { name: context.org.name, branding: context.org.branding };
    try {
      return { problems: [], ...renderMail(mail, org, sources) };
    } catch {
      // Which part fails on this customer's data: each alone, the others Saldo's.
      const failures: MailTemplateProblem[] = [];
      for (const part of parts) {
        try {
          renderMail(mail, org, { ...defaultMailTemplate(key, locale), [part]: sources[part] });
        } catch (err) {
          failures.push({ part, ...positionOf(err), kind: 'render', reason: reasonOf(err) });
        }
      }
      return refused(
        failures.length
          ? failures
          : [
              {
                part: 'htmlBody',
                line: 1,
                column: 1,
                kind: 'render',
                reason: 'The message cannot be written',
              },
            ],
      );
    }
  },
};

const sampleOrg = { name: 'Distribuidora del Valle', branding: { footer: 'Av. Juárez 100, CDMX' } };
