import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { escapeHtml } from '../brand.ts';
import { font } from './compose.ts';

/**
 * The receipt of an online payment, sent when the money arrived (a card captured, an ACH debit
 * settled). Not compose()'s shape: it carries a table (the payment's details and the invoices
 * paid) and its link is optional (no public address, no button). The method is only brand or
 * bank and last four; no number is ever in the data.
 */
interface ReceiptWording {
  subject: string;
  preheader: string;
  greeting: string;
  intro: string;
  labels: {
    number: string;
    date: string;
    account: string;
    method: string;
    amount: string;
    fee: string;
    total: string;
    invoices: string;
  };
  actionLabel: string;
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

const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 0;border-bottom:1px solid #e9ecef;`;
const labelCell = `${cell}color:#868e96;padding-right:16px;`;
const valueCell = `${cell}text-align:right;`;

function row(label: string, value: string, style = ''): string {
  return `<tr><td style="${labelCell}${style}">${escapeHtml(label)}</td><td style="${valueCell}${style}">${value}</td></tr>`;
}

function receipt(w: ReceiptWording): MailTemplateSources {
  const l = w.labels;
  const textBody = `${w.greeting}

${w.intro}

${l.number}: {{ payment_number }}
${l.date}: {{ paid_on }}
${l.account}: {{ account_name }}
${l.method}: {{ method }}
{% if fee != "" -%}
${l.amount}: {{ amount }}
${l.fee}: {{ fee }}
{% endif -%}
${l.total}: {{ total }}
{%- if invoices != empty %}

${l.invoices}:
{%- for invoice in invoices %}
- {{ invoice.number }}: {{ invoice.amount }}
{%- endfor %}
{%- endif %}
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
${row(l.number, '{{ payment_number }}')}
${row(l.date, '{{ paid_on }}')}
${row(l.account, '{{ account_name }}')}
${row(l.method, '{{ method }}')}
{% if fee != "" %}${row(l.amount, '{{ amount }}')}
${row(l.fee, '{{ fee }}')}
{% endif %}${row(l.total, '{{ total }}', 'font-weight:600;color:#1a1b1e;')}
</table>
</td></tr>
{% if invoices != empty %}<tr><td style="padding:16px 32px 8px;">
<p style="margin:0 0 4px;font-family:${font};font-size:14px;line-height:22px;font-weight:600;color:#1a1b1e;">${escapeHtml(l.invoices)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{% for invoice in invoices %}<tr><td style="${cell}">{{ invoice.number }}</td><td style="${valueCell}">{{ invoice.amount }}</td></tr>
{% endfor %}</table>
</td></tr>
{% endif %}{% if url != "" %}<tr><td style="padding:16px 32px 8px;">
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

export const paymentReceipt: Record<Locale, MailTemplateSources> = {
  es: receipt({
    subject: 'Recibo de tu pago {{ payment_number }} a {{ org_name }}',
    preheader: 'Recibimos {{ total }} con {{ method }}. Gracias.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    // Static words last: a name may end in a full stop ("S.A. de C.V.").
    intro: 'Gracias: {{ org_name }} recibió el pago de {{ account_name }} que se detalla abajo.',
    labels: {
      number: 'Pago',
      date: 'Fecha',
      account: 'Cuenta',
      method: 'Método',
      amount: 'Importe',
      fee: 'Cargo por conveniencia',
      total: 'Total cobrado',
      invoices: 'Facturas pagadas',
    },
    actionLabel: 'Ver el pago en el portal',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: 'Este correo es tu comprobante. En el portal también puedes descargar el recibo en PDF.',
  }),
  en: receipt({
    subject: 'Receipt for your payment {{ payment_number }} to {{ org_name }}',
    preheader: 'We received {{ total }} by {{ method }}. Thank you.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    intro: 'Thank you: {{ org_name }} received the payment from {{ account_name }} shown below.',
    labels: {
      number: 'Payment',
      date: 'Date',
      account: 'Account',
      method: 'Method',
      amount: 'Amount',
      fee: 'Convenience fee',
      total: 'Total charged',
      invoices: 'Invoices paid',
    },
    actionLabel: 'View the payment in the portal',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: 'This email is your receipt. You can also download the PDF receipt in the portal.',
  }),
};
