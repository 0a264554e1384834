import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';
import { font } from './compose.ts';

/**
 * The pay-now e-mail: the documents sent (their PDFs are attached), what is due on each, the total,
 * one "Pay now" button to the link, and when the link expires. The link opens exactly these
 * documents with no sign-in, so the message is for its recipient alone (carriesSingleUseLink).
 */
interface PayNowWording {
  subject: string;
  preheader: string;
  greeting: string;
  intro: string;
  labels: { number: string; dueOn: string; amount: string; total: string };
  attached: string;
  actionLabel: string;
  expiry: string;
  linkHint: string;
  closing: string;
}

/** Liquid plain text as Liquid HTML: the words escaped, the tags and outputs left as they are. */
function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 8px 6px 0;border-bottom:1px solid #e9ecef;`;
const head = `${cell}color:#868e96;font-size:13px;`;
const right = 'text-align:right;padding-right:0;';

function payNow(w: PayNowWording): MailTemplateSources {
  const l = w.labels;
  const textBody = `${w.greeting}

${w.intro}
{% for invoice in invoices %}
- {{ invoice.number }} (${l.dueOn} {{ invoice.due_on }}): {{ invoice.amount }}
{%- endfor %}

${l.total}: {{ amount_due }}

${w.attached}

${w.actionLabel}:
{{ url }}

${w.expiry}

${w.closing}`;

  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
<p style="margin:0 0 16px;">${asHtml(w.greeting)}</p>
<p style="margin:0 0 16px;">${asHtml(w.intro)}</p>
</td></tr>
<tr><td style="padding:0 32px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="${head}">${escapeHtml(l.number)}</td><td style="${head}">${escapeHtml(l.dueOn)}</td><td style="${head}${right}">${escapeHtml(l.amount)}</td></tr>
{% for invoice in invoices %}<tr><td style="${cell}">{{ invoice.number }}</td><td style="${cell}">{{ invoice.due_on }}</td><td style="${cell}${right}">{{ invoice.amount }}</td></tr>
{% endfor %}<tr><td style="${cell}font-weight:600;color:#1a1b1e;" colspan="2">${escapeHtml(l.total)}</td><td style="${cell}${right}font-weight:600;color:#1a1b1e;">{{ amount_due }}</td></tr>
</table>
<p style="margin:12px 0 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">${asHtml(w.attached)}</p>
</td></tr>
<tr><td style="padding:16px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="{{ brand.accent_color }}" style="border-radius:6px;background-color:{{ brand.accent_color }};">
<a href="{{ url }}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:{{ brand.button_text_color }};text-decoration:none;border-radius:6px;">${asHtml(w.actionLabel)}</a>
</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">
<p style="margin:0 0 12px;font-weight:600;">${asHtml(w.expiry)}</p>
<p style="margin:0 0 4px;">${escapeHtml(w.linkHint)}</p>
<p style="margin:0;word-break:break-all;"><a href="{{ url }}" target="_blank" style="color:{{ brand.link_color }};text-decoration:underline;">{{ url }}</a></p>
</td></tr>
<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
<p style="margin:0 0 8px;">${asHtml(w.closing)}</p>
</td></tr>`;
  return { subject: w.subject, preheader: w.preheader, textBody, htmlBody };
}

export const payNowMail: Record<Locale, MailTemplateSources> = {
  es: payNow({
    subject:
      '{% if count == "1" %}Factura {{ invoices[0].number }}{% else %}{{ count }} facturas{% endif %} de {{ org_name }}: {{ amount_due }} por pagar',
    preheader: 'Págala en línea con un clic, sin iniciar sesión.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    intro: '{{ org_name }} te envía los documentos de {{ account_name }} que se detallan abajo.',
    labels: { number: 'Documento', dueOn: 'vence', amount: 'Por pagar', total: 'Total por pagar' },
    attached: 'Adjuntamos cada documento en PDF.',
    actionLabel: 'Pagar ahora',
    expiry: 'El enlace vence el {{ expires_on }} (dura {{ expires_in }}) y sirve solo para estos documentos.',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing:
      'Si ya pagaste, puedes ignorar este correo. No compartas este enlace: quien lo tenga puede ver estos documentos.',
  }),
  en: payNow({
    subject:
      '{% if count == "1" %}Invoice {{ invoices[0].number }}{% else %}{{ count }} invoices{% endif %} from {{ org_name }}: {{ amount_due }} due',
    preheader: 'Pay it online in one click, no sign-in needed.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    intro: '{{ org_name }} sends you the documents of {{ account_name }} listed below.',
    labels: { number: 'Document', dueOn: 'due', amount: 'Due', total: 'Total due' },
    attached: 'Each document is attached as a PDF.',
    actionLabel: 'Pay now',
    expiry:
      'The link expires on {{ expires_on }} (it lasts {{ expires_in }}) and works for these documents only.',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing:
      "If you have already paid, you can ignore this email. Don't share this link: whoever has it can see these documents.",
  }),
};
