import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';
import { font } from './compose.ts';

/**
 * The weekly collection e-mail: one per customer, listing every document the run takes (number,
 * issue and due dates, amount due, days overdue) with the total and one pay link for all of them.
 */
interface CollectionWording {
  subject: string;
  preheader: string;
  greeting: string;
  intro: string;
  labels: { number: string; issued: string; due: string; amount: string; overdue: string; total: string };
  actionLabel: string;
  expiry: string;
  linkHint: string;
  closing: string;
}

function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

const cell = `font-family:${font};font-size:13px;line-height:20px;color:#343a40;padding:6px 4px;border-bottom:1px solid #e9ecef;`;
const head = `${cell}color:#868e96;font-weight:600;`;
const right = 'text-align:right;';

function collection(w: CollectionWording): MailTemplateSources {
  const l = w.labels;
  const textBody = `${w.greeting}

${w.intro}
{% for d in documents %}
- {{ d.number }} · ${l.issued} {{ d.issue_date }} · ${l.due} {{ d.due_date }} · {{ d.amount_due }}{% if d.days_overdue != "0" %} · ${l.overdue}: {{ d.days_overdue }}{% endif %}
{%- endfor %}

${l.total}: {{ total_due }}
{%- if url != "" %}

${w.actionLabel}:
{{ url }}

${w.expiry}
{%- endif %}

${w.closing}`;

  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
<p style="margin:0 0 16px;">${asHtml(w.greeting)}</p>
<p style="margin:0 0 16px;">${asHtml(w.intro)}</p>
</td></tr>
<tr><td style="padding:0 32px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="${head}">${escapeHtml(l.number)}</td><td style="${head}">${escapeHtml(l.issued)}</td><td style="${head}">${escapeHtml(l.due)}</td><td style="${head}${right}">${escapeHtml(l.amount)}</td><td style="${head}${right}">${escapeHtml(l.overdue)}</td></tr>
{% for d in documents %}<tr><td style="${cell}">{{ d.number }}</td><td style="${cell}">{{ d.issue_date }}</td><td style="${cell}">{{ d.due_date }}</td><td style="${cell}${right}">{{ d.amount_due }}</td><td style="${cell}${right}">{% if d.days_overdue != "0" %}{{ d.days_overdue }}{% endif %}</td></tr>
{% endfor %}<tr><td colspan="3" style="${cell}font-weight:600;color:#1a1b1e;">${escapeHtml(l.total)}</td><td style="${cell}${right}font-weight:600;color:#1a1b1e;">{{ total_due }}</td><td style="${cell}"></td></tr>
</table>
</td></tr>
{% if url != "" %}<tr><td style="padding:16px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="{{ brand.accent_color }}" style="border-radius:6px;background-color:{{ brand.accent_color }};">
<a href="{{ url }}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:{{ brand.button_text_color }};text-decoration:none;border-radius:6px;">${escapeHtml(w.actionLabel)}</a>
</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">
<p style="margin:0 0 12px;font-weight:600;">${asHtml(w.expiry)}</p>
<p style="margin:0 0 4px;">${escapeHtml(w.linkHint)}</p>
<p style="margin:0;word-break:break-all;"><a href="{{ url }}" target="_blank" style="color:{{ brand.link_color }};text-decoration:underline;">{{ url }}</a></p>
</td></tr>
{% endif %}<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
<p style="margin:0 0 8px;">${asHtml(w.closing)}</p>
</td></tr>`;
  return { subject: w.subject, preheader: w.preheader, textBody, htmlBody };
}

export const weeklyCollection: Record<Locale, MailTemplateSources> = {
  es: collection({
    subject: 'Estado de tus documentos con {{ org_name }}: {{ total_due }} por pagar',
    preheader: '{{ document_count }} documentos de {{ account_name }} por {{ total_due }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    intro: 'Estos son los documentos de {{ account_name }} pendientes de pago con {{ org_name }}.',
    labels: {
      number: 'Documento',
      issued: 'Emitido',
      due: 'Vence',
      amount: 'Por pagar',
      overdue: 'Días vencido',
      total: 'Total por pagar',
    },
    actionLabel: 'Pagar ahora',
    expiry: 'El enlace de pago vence en {{ expires_in }}.',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: 'Si ya pagaste, no hagas caso de este correo. Recibes este resumen cada semana.',
  }),
  en: collection({
    subject: 'Your documents with {{ org_name }}: {{ total_due }} due',
    preheader: '{{ document_count }} documents of {{ account_name }} for {{ total_due }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    intro: 'These are the documents of {{ account_name }} awaiting payment to {{ org_name }}.',
    labels: {
      number: 'Document',
      issued: 'Issued',
      due: 'Due',
      amount: 'Amount due',
      overdue: 'Days overdue',
      total: 'Total due',
    },
    actionLabel: 'Pay now',
    expiry: 'The payment link expires in {{ expires_in }}.',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: 'If you have already paid, please ignore this email. You receive this summary every week.',
  }),
};
