import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';
import { font } from './compose.ts';

/**
 * The shape of the messages to a customer account (invoice delivery, reminders, a hold,
 * autopay's notice and decline): a greeting, paragraphs, an optional list of the invoices
 * (`invoices`, one row each), a button to `{{ url }}` when there is one, a closing line. Each
 * string is Liquid in plain text; the text and HTML bodies are both written from it.
 */
export interface CustomerWording {
  subject: string;
  preheader: string;
  greeting: string;
  paragraphs: string[];
  /** The list of `invoices`: its heading, and each row's cells (Liquid over `invoice`); the last is right-aligned. */
  invoices?: { label: string; cells: string[] };
  actionLabel: string;
  closing: string;
}

/** Liquid plain text as Liquid HTML: the words escaped, the tags and outputs left as they are. */
export function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 0;border-bottom:1px solid #e9ecef;`;

export function composeCustomerMessage(w: CustomerWording): MailTemplateSources {
  const list = w.invoices;
  const textList = list
    ? `
{%- if invoices != empty %}

${list.label}:
{%- for invoice in invoices %}
- ${list.cells[0]}: ${list.cells.slice(1).join(' · ')}
{%- endfor %}
{%- endif %}`
    : '';
  const textBody = `${w.greeting}

${w.paragraphs.join('\n\n')}${textList}
{%- if url != "" %}

${w.actionLabel}:
{{ url }}
{%- endif %}

${w.closing}`;
  const para = (liquid: string) => `<p style="margin:0 0 16px;">${asHtml(liquid)}</p>`;
  const cells = (list?.cells ?? [])
    .map(
      (liquid, i, all) =>
        `<td style="${cell}${i === all.length - 1 ? 'text-align:right;' : i > 0 ? 'padding-left:12px;' : ''}">${asHtml(liquid)}</td>`,
    )
    .join('');
  const htmlList = list
    ? `{% if invoices != empty %}<tr><td style="padding:0 32px 8px;">
<p style="margin:0 0 4px;font-family:${font};font-size:14px;line-height:22px;font-weight:600;color:#1a1b1e;">${escapeHtml(list.label)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{% for invoice in invoices %}<tr>${cells}</tr>
{% endfor %}</table>
</td></tr>
{% endif %}`
    : '';
  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
${para(w.greeting)}
${w.paragraphs.map(para).join('\n')}
</td></tr>
${htmlList}{% if url != "" %}<tr><td style="padding:16px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="{{ brand.accent_color }}" style="border-radius:6px;background-color:{{ brand.accent_color }};">
<a href="{{ url }}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:{{ brand.button_text_color }};text-decoration:none;border-radius:6px;">${escapeHtml(w.actionLabel)}</a>
</td></tr></table>
</td></tr>
{% endif %}<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
<p style="margin:0;">${asHtml(w.closing)}</p>
</td></tr>`;
  return { subject: w.subject, preheader: w.preheader, textBody, htmlBody };
}
