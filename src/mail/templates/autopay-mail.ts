import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import type { Locale } from '../../db/schema.ts';
import type { AutopayMail, AutopayMailer } from '../../domain/autopay/autopay-mail-port.ts';
import { insertMailMessage } from '../../domain/mail/mail-messages.repository.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import { t } from '../../i18n/index.ts';
import { SEND_EMAIL_TASK, type SendEmailPayload, sendEmailMaxAttempts } from '../outbox-mailer.ts';
import { brandOf, escapeHtml, type MailOrg } from './brand.ts';
import { font } from './defaults/compose.ts';
import { htmlLayouts, textLayouts } from './defaults/layout.ts';
import { htmlLiquid, renderLiquid, textLiquid } from './liquid.ts';

/**
 * Autopay's messages: the notice before a charge and the word after one that did not go through.
 * Saldo's es/en wording in Liquid, rendered through the same engines and layout as every other
 * message (the seller's name, colour and footer) and written to the outbox with its delivery job
 * in the caller's transaction. Not yet templates a seller may edit: that needs their keys in
 * domain/mail/mail-templates.ts (see the autopay note in docs).
 */
interface Wording {
  subject: string;
  preheader: string;
  greeting: string;
  paragraphs: string[];
  invoicesLabel: string;
  actionLabel: string;
  closing: string;
}

const notice: Record<Locale, Wording> = {
  es: {
    subject: 'Pago automático: {{ org_name }} cobrará {{ amount }} el {{ charge_on }}',
    preheader: 'Cobraremos {{ amount }} con {{ method }} el {{ charge_on }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'El {{ charge_on }}, el pago automático de {{ account_name }} cobrará {{ amount }} con {{ method }} por las facturas de abajo.',
      'Si quieres cambiar algo, pausa o cancela el pago automático en el portal antes de esa fecha. Si pagas estas facturas antes, no se cobrarán otra vez.',
    ],
    invoicesLabel: 'Facturas que se cobrarán',
    actionLabel: 'Ver el pago automático en el portal',
    closing: 'Recibirás un recibo cuando se haga el cobro.',
  },
  en: {
    subject: 'Autopay: {{ org_name }} will charge {{ amount }} on {{ charge_on }}',
    preheader: 'We will charge {{ amount }} to {{ method }} on {{ charge_on }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      'On {{ charge_on }}, autopay for {{ account_name }} will charge {{ amount }} to {{ method }} for the invoices below.',
      'To change anything, pause or cancel autopay in the portal before that day. If you pay these invoices first, they will not be charged again.',
    ],
    invoicesLabel: 'Invoices to be charged',
    actionLabel: 'View autopay in the portal',
    closing: 'You will receive a receipt once the charge is made.',
  },
};

const failed: Record<Locale, Wording> = {
  es: {
    subject: 'Pago automático: no se pudo cobrar {{ amount }} a {{ account_name }}',
    preheader: '{{ reason }}',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'El {{ attempted_on }}, el pago automático de {{ account_name }} intentó cobrar {{ amount }} con {{ method }} para {{ org_name }}, y no se pudo: {{ reason }}',
      '{% if next_retry_on != "" %}Lo intentaremos otra vez el {{ next_retry_on }}. No tienes que hacer nada, aunque puedes pagar antes en el portal.{% elsif paused != "" %}El pago automático queda en pausa porque este método ya no se puede usar. Elige otro método en el portal para volver a activarlo; estas facturas no se cobrarán solas: págalas en el portal.{% else %}No lo intentaremos otra vez para estas facturas: págalas en el portal. El pago automático sigue activo para las próximas facturas.{% endif %}',
    ],
    invoicesLabel: 'Facturas sin pagar',
    actionLabel: 'Abrir el portal',
    closing: 'Si tienes dudas, responde a {{ org_name }}.',
  },
  en: {
    subject: 'Autopay: we could not charge {{ amount }} for {{ account_name }}',
    preheader: '{{ reason }}',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      'On {{ attempted_on }}, autopay for {{ account_name }} tried to charge {{ amount }} to {{ method }} for {{ org_name }}, and it did not go through: {{ reason }}',
      '{% if next_retry_on != "" %}We will try again on {{ next_retry_on }}. You need not do anything, though you may pay sooner in the portal.{% elsif paused != "" %}Autopay is paused because this method can no longer be used. Choose another method in the portal to turn it back on; these invoices will not be charged on their own: pay them in the portal.{% else %}We will not try again for these invoices: pay them in the portal. Autopay stays on for your next invoices.{% endif %}',
    ],
    invoicesLabel: 'Invoices still unpaid',
    actionLabel: 'Open the portal',
    closing: 'Questions? Reply to {{ org_name }}.',
  },
};

/** Liquid plain text as Liquid HTML: the words escaped, the tags and outputs left as they are. */
function asHtml(liquid: string): string {
  return liquid
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : escapeHtml(piece)))
    .join('');
}

function sources(w: Wording) {
  const textBody = `${w.greeting}

${w.paragraphs.join('\n\n')}
{%- if invoices != empty %}

${w.invoicesLabel}:
{%- for invoice in invoices %}
- {{ invoice.number }}: {{ invoice.amount }}
{%- endfor %}
{%- endif %}
{%- if url != "" %}

${w.actionLabel}:
{{ url }}
{%- endif %}

${w.closing}`;
  const para = (liquid: string) => `<p style="margin:0 0 16px;">${asHtml(liquid)}</p>`;
  const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 0;border-bottom:1px solid #e9ecef;`;
  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
${para(w.greeting)}
${w.paragraphs.map(para).join('\n')}
</td></tr>
{% if invoices != empty %}<tr><td style="padding:0 32px 8px;">
<p style="margin:0 0 4px;font-family:${font};font-size:14px;line-height:22px;font-weight:600;color:#1a1b1e;">${escapeHtml(w.invoicesLabel)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{% for invoice in invoices %}<tr><td style="${cell}">{{ invoice.number }}</td><td style="${cell}text-align:right;">{{ invoice.amount }}</td></tr>
{% endfor %}</table>
</td></tr>
{% endif %}{% if url != "" %}<tr><td style="padding:16px 32px 8px;">
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

const templates = {
  autopay_notice: { es: sources(notice.es), en: sources(notice.en) },
  autopay_failed: { es: sources(failed.es), en: sources(failed.en) },
};

const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** "Visa ·· 4242", "Chase ·· 6789": never more than the last four. */
function methodName(locale: Locale, method: AutopayMail['data']['method']): string {
  const last4 = method.last4 && /^\d{4}$/.test(method.last4) ? method.last4 : null;
  if (method.kind === 'card') {
    const brand = method.brand
      ? (brandNames[method.brand.toLowerCase()] ?? method.brand)
      : locale === 'es'
        ? 'Tarjeta'
        : 'Card';
    return last4 ? `${brand} ·· ${last4}` : brand;
  }
  const bank = method.bankName ?? (locale === 'es' ? 'Cuenta bancaria' : 'Bank account');
  return last4 ? `${bank} ·· ${last4}` : bank;
}

/** The message's variables: amounts and dates as the recipient's language writes them in the seller's country. */
export function autopayMailVariables(mail: AutopayMail): Record<string, string | Record<string, string>[]> {
  const { locale, data } = mail;
  const intl = data.country === 'MX' || data.country === 'US' ? `${locale}-${data.country}` : locale;
  const money = (minor: bigint) => formatAmount(minor, data.currency, intl);
  const common = {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    method: methodName(locale, data.method),
    amount: money(data.amount),
    invoices: data.invoices.map((i) => ({ number: i.number, amount: money(i.amount) })),
    url: data.url && /^https?:\/\//i.test(data.url) ? data.url : '',
  };
  if (mail.template === 'autopay_notice')
    return { ...common, charge_on: formatCalendarDate(mail.data.chargeOn, intl) };
  const key = `decline.${mail.data.failureCode}`;
  const reason = t(locale, key);
  return {
    ...common,
    attempted_on: formatCalendarDate(mail.data.attemptedOn, intl),
    reason: reason === key ? t(locale, 'decline.unknown') : reason,
    next_retry_on: mail.data.nextRetryOn ? formatCalendarDate(mail.data.nextRetryOn, intl) : '',
    paused: mail.data.paused ? 'yes' : '',
  };
}

export function renderAutopayMail(
  mail: AutopayMail,
  org: MailOrg,
): { subject: string; text: string; html: string } {
  const template = templates[mail.template][mail.locale];
  const brand = brandOf(org);
  const variables = { ...autopayMailVariables(mail), brand };
  const subject = renderLiquid(textLiquid, template.subject, variables).replace(/\s+/g, ' ').trim();
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
  return { subject, text, html };
}

/** The AutopayMailer adapter: the outbox, as createOutboxMailer writes it (domain/mail, send-email job). */
export function createAutopayMailer(config: Pick<Config, 'mailFrom'>): AutopayMailer {
  return {
    async enqueue(db, mail) {
      const org = await (db as Database)
        .selectFrom('organizations')
        .select(['name', 'branding'])
        .where('id', '=', mail.orgId)
        .executeTakeFirstOrThrow();
      const { accentColor, footer } = org.branding ?? {};
      const rendered = renderAutopayMail(mail, {
        name: org.name,
        branding: {
          ...(typeof accentColor === 'string' ? { accentColor } : {}),
          ...(typeof footer === 'string' ? { footer } : {}),
        },
      });
      const id = uuidv7();
      await insertMailMessage(db as Database, {
        id,
        orgId: mail.orgId,
        template: mail.template,
        templateVersion: null,
        locale: mail.locale,
        to: mail.to.trim().toLowerCase(),
        from: config.mailFrom,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        sensitive: false,
      });
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}
