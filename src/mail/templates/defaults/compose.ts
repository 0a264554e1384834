import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';

/**
 * The shape every shipped message has: a greeting, paragraphs, one button to `{{ url }}`, when the
 * link expires, the link again as text, closing lines. Each string is Liquid in plain text; the
 * text and HTML bodies are both written from it, so the two parts always say the same.
 */
export interface Wording {
  subject: string;
  preheader: string;
  greeting: string;
  paragraphs: string[];
  actionLabel: string;
  expiry: string;
  linkHint: string;
  closing: string[];
}

export const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** Liquid plain text as Liquid HTML: the words escaped, the tags and outputs left as they are. */
function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

const p = (liquid: string, style = 'margin:0 0 16px;') => `<p style="${style}">${asHtml(liquid)}</p>`;

export function compose(w: Wording): MailTemplateSources {
  const textBody = [w.greeting, ...w.paragraphs, `${w.actionLabel}:\n{{ url }}`, w.expiry, ...w.closing].join(
    '\n\n',
  );
  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
${p(w.greeting)}
${w.paragraphs.map((text) => p(text)).join('\n')}
</td></tr>
<tr><td style="padding:8px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="{{ brand.accent_color }}" style="border-radius:6px;background-color:{{ brand.accent_color }};">
<a href="{{ url }}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:{{ brand.button_text_color }};text-decoration:none;border-radius:6px;">${asHtml(w.actionLabel)}</a>
</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">
${p(w.expiry, 'margin:0 0 12px;font-weight:600;')}
${p(w.linkHint, 'margin:0 0 4px;')}
<p style="margin:0;word-break:break-all;"><a href="{{ url }}" target="_blank" style="color:{{ brand.link_color }};text-decoration:underline;">{{ url }}</a></p>
</td></tr>
<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
${w.closing.map((text) => p(text, 'margin:0 0 8px;')).join('\n')}
</td></tr>`;
  return { subject: w.subject, preheader: w.preheader, textBody, htmlBody };
}
