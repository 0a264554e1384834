import type { OutgoingMail } from '../../domain/mail/mail-port.ts';
import type { MailTemplateSources } from '../../domain/mail/mail-templates.ts';
import { brandOf, type MailOrg } from './brand.ts';
import { defaultMailTemplate } from './defaults/index.ts';
import { htmlLayouts, textLayouts } from './defaults/layout.ts';
import { htmlLiquid, renderLiquid, textLiquid } from './liquid.ts';
import { mailVariables } from './variables.ts';

export type { MailOrg } from './brand.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The one way a message is written: its template (a seller's stored version, or Saldo's default
 * for the key and language) rendered with the message's variables, framed by the layout in the
 * seller's name and colour (or Saldo's). Throws when the template uses what the message lacks.
 */
export function renderMail(
  mail: OutgoingMail,
  org: MailOrg | null,
  template: MailTemplateSources = defaultMailTemplate(mail.template, mail.locale),
): RenderedMail {
  const brand = brandOf(org);
  const variables = { ...mailVariables(mail), brand };
  const subject = renderLiquid(textLiquid, template.subject, variables);
  const preheader = renderLiquid(textLiquid, template.preheader, variables);
  const text = renderLiquid(textLiquid, textLayouts[mail.locale], {
    content: renderLiquid(textLiquid, template.textBody, variables),
    brand,
  });
  const html = renderLiquid(htmlLiquid, htmlLayouts[mail.locale], {
    locale: mail.locale,
    subject,
    preheader,
    content: renderLiquid(htmlLiquid, template.htmlBody, variables),
    brand,
  });
  // A subject is one line whatever a name holds.
  return { subject: subject.replace(/\s+/g, ' ').trim(), text, html };
}
