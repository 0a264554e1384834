import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';
import { font } from './compose.ts';

/** The statement of account e-mail: the period's balances, the PDF attached, a pay link when something is due. */
interface StatementWording {
  subject: string;
  preheader: string;
  greeting: string;
  intro: string;
  labels: { opening: string; closing: string };
  attached: string;
  actionLabel: string;
  linkHint: string;
  closing: string;
}

function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 0;border-bottom:1px solid #e9ecef;`;

function statement(w: StatementWording): MailTemplateSources {
  const textBody = `${w.greeting}

${w.intro}

${w.labels.opening}: {{ opening_balance }}
${w.labels.closing}: {{ closing_balance }}

${w.attached}
{%- if url != "" %}

${w.actionLabel}:
{{ url }}
{%- endif %}

${w.closing}`;
  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
<p style="margin:0 0 16px;">${asHtml(w.greeting)}</p>
<p style="margin:0 0 16px;">${asHtml(w.intro)}</p>
</td></tr>
<tr><td style="padding:0 32px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="${cell}color:#868e96;">${escapeHtml(w.labels.opening)}</td><td style="${cell}text-align:right;">{{ opening_balance }}</td></tr>
<tr><td style="${cell}color:#868e96;">${escapeHtml(w.labels.closing)}</td><td style="${cell}text-align:right;font-weight:600;color:#1a1b1e;">{{ closing_balance }}</td></tr>
</table>
<p style="margin:16px 0 0;font-family:${font};font-size:14px;line-height:22px;color:#343a40;">${asHtml(w.attached)}</p>
</td></tr>
{% if url != "" %}<tr><td style="padding:16px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="{{ brand.accent_color }}" style="border-radius:6px;background-color:{{ brand.accent_color }};">
<a href="{{ url }}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:{{ brand.button_text_color }};text-decoration:none;border-radius:6px;">${escapeHtml(w.actionLabel)}</a>
</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">
<p style="margin:0 0 4px;">${escapeHtml(w.linkHint)}</p>
<p style="margin:0;word-break:break-all;"><a href="{{ url }}" target="_blank" style="color:{{ brand.link_color }};text-decoration:underline;">{{ url }}</a></p>
</td></tr>
{% endif %}<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
<p style="margin:0 0 8px;">${asHtml(w.closing)}</p>
</td></tr>`;
  return { subject: w.subject, preheader: w.preheader, textBody, htmlBody };
}

export const statementMail: Record<Locale, MailTemplateSources> = {
  es: statement({
    subject: 'Estado de cuenta de {{ account_name }} con {{ org_name }} ({{ period }})',
    preheader: 'Saldo al cierre: {{ closing_balance }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    intro: 'Adjuntamos el estado de cuenta de {{ account_name }} del periodo {{ period }}.',
    labels: { opening: 'Saldo inicial', closing: 'Saldo al cierre' },
    attached: 'El PDF adjunto detalla facturas, notas de crédito, pagos y la antigüedad del saldo.',
    actionLabel: 'Pagar el saldo',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: 'En el portal puedes descargar estados de cuenta de cualquier periodo.',
  }),
  en: statement({
    subject: 'Statement of account for {{ account_name }} from {{ org_name }} ({{ period }})',
    preheader: 'Closing balance: {{ closing_balance }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    intro: 'Attached is the statement of account of {{ account_name }} for {{ period }}.',
    labels: { opening: 'Opening balance', closing: 'Closing balance' },
    attached: 'The attached PDF lists invoices, credit memos, payments and the aging of the balance.',
    actionLabel: 'Pay the balance',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: 'You can download statements for any period in the portal.',
  }),
};
