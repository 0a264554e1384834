import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../../config/config.ts';
import { addJob } from '../../db/jobs.ts';
import type { Locale } from '../../db/schema.ts';
import { insertMailAttachments } from '../../domain/deposits/deposits.repository.ts';
import type { DepositReportMail, DepositReportMailer } from '../../domain/deposits/send-deposit-report.ts';
import { insertMailMessage } from '../../domain/mail/mail-messages.repository.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import { SEND_EMAIL_TASK, type SendEmailPayload, sendEmailMaxAttempts } from '../outbox-mailer.ts';
import { brandOf, type MailOrg } from './brand.ts';
import { font } from './defaults/compose.ts';
import { htmlLayouts, textLayouts } from './defaults/layout.ts';
import { htmlLiquid, renderLiquid, textLiquid } from './liquid.ts';

/** The outbox's template name for these messages (not a seller-editable template: Saldo's words). */
export const DEPOSIT_REPORT_TEMPLATE = 'deposit_report';

const words: Record<
  Locale,
  {
    subject: string;
    intro: string;
    kind: { card: string; ach: string };
    labels: Record<'arrival' | 'charges' | 'refunds' | 'returns' | 'fees' | 'net' | 'initiated', string>;
    attached: string;
    unmatched: string;
  }
> = {
  es: {
    subject: 'Depósito {{ kind }} de {{ net }} del {{ arrival }}',
    intro:
      '{{ org_name }} recibió un depósito de {{ processor }} por pagos con {{ kind }}. Adjuntamos los dos reportes, en CSV y en Excel: los pagos iniciados en los días que cubre y los pagos depositados.',
    kind: { card: 'tarjeta', ach: 'ACH' },
    labels: {
      arrival: 'Fecha de abono',
      charges: 'Pagos',
      refunds: 'Reembolsos',
      returns: 'Devoluciones',
      fees: 'Comisiones',
      net: 'Neto depositado',
      initiated: 'Pagos iniciados',
    },
    attached: 'Archivos adjuntos',
    unmatched: 'Hay líneas que Saldo no pudo conciliar con un pago: revíselas en la consola.',
  },
  en: {
    subject: '{{ kind }} deposit of {{ net }} on {{ arrival }}',
    intro:
      '{{ org_name }} received a deposit from {{ processor }} for {{ kind }} payments. The two reports are attached, as CSV and Excel: the payments initiated in the days it covers, and the payments deposited.',
    kind: { card: 'card', ach: 'ACH' },
    labels: {
      arrival: 'Arrival date',
      charges: 'Payments',
      refunds: 'Refunds',
      returns: 'Returns',
      fees: 'Fees',
      net: 'Net deposited',
      initiated: 'Payments initiated',
    },
    attached: 'Attached files',
    unmatched: 'Some lines could not be matched to a payment: review them in the console.',
  },
};

const cell = `font-family:${font};font-size:14px;line-height:22px;color:#343a40;padding:6px 0;border-bottom:1px solid #e9ecef;`;

function sources(locale: Locale) {
  const w = words[locale];
  const rows = (['arrival', 'charges', 'refunds', 'returns', 'fees', 'net', 'initiated'] as const).map(
    (key) => ({ key, label: w.labels[key] }),
  );
  const textBody = `${w.intro}

${rows.map((r) => `${r.label}: {{ ${r.key} }}`).join('\n')}
{%- if unmatched %}

${w.unmatched}
{%- endif %}

${w.attached}:
{%- for file in files %}
- {{ file }}
{%- endfor %}`;
  const htmlBody = `<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
<p style="margin:0 0 16px;">${w.intro}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px;">
${rows
  .map(
    (r) =>
      `<tr><td style="${cell}color:#868e96;">${r.label}</td><td style="${cell}text-align:right;">{{ ${r.key} }}</td></tr>`,
  )
  .join('\n')}
</table>
{% if unmatched %}<p style="margin:0 0 16px;font-weight:bold;">${w.unmatched}</p>{% endif %}
<p style="margin:0 0 8px;">${w.attached}:</p>
<ul style="margin:0 0 16px;padding-left:20px;">{% for file in files %}<li>{{ file }}</li>{% endfor %}</ul>
</td></tr>`;
  return { subject: w.subject, textBody, htmlBody };
}

function intlLocale(locale: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${locale}-${country}` : locale;
}

/**
 * The deposit report e-mail: Saldo's own words in the seller's language (es/en), framed by the
 * layout every message has (the seller's name and colour), written to the outbox with the two
 * reports' files attached (mail_attachments) and its delivery queued, in the caller's transaction.
 */
export function createDepositReportMailer(config: Pick<Config, 'mailFrom'>): DepositReportMailer {
  return {
    async enqueue(db, mail: DepositReportMail) {
      const org = await db
        .selectFrom('organizations')
        .select(['name', 'branding', 'country'])
        .where('id', '=', mail.orgId)
        .executeTakeFirstOrThrow();
      const { accentColor, footer } = org.branding ?? {};
      const mailOrg: MailOrg = {
        name: org.name,
        branding: {
          ...(typeof accentColor === 'string' ? { accentColor } : {}),
          ...(typeof footer === 'string' ? { footer } : {}),
        },
      };
      const brand = brandOf(mailOrg);
      const intl = intlLocale(mail.locale, org.country);
      const d = mail.deposit;
      const money = (minor: bigint) => formatAmount(minor, d.currency, intl);
      const variables = {
        org_name: org.name,
        processor: d.processor === 'sandbox' ? 'Sandbox' : 'Stripe',
        kind: words[mail.locale].kind[d.kind],
        arrival: formatCalendarDate(d.arrivalDate, intl),
        charges: money(d.charges),
        refunds: money(d.refunds),
        returns: money(d.returns),
        fees: money(-d.fees),
        net: money(d.net),
        initiated: `${mail.initiated.count} · ${money(mail.initiated.amount)}`,
        unmatched: d.status === 'unmatched',
        files: mail.files.map((f) => f.filename),
        brand,
      };
      const source = sources(mail.locale);
      const subject = renderLiquid(textLiquid, source.subject, variables).replace(/\s+/g, ' ').trim();
      const text = renderLiquid(textLiquid, textLayouts[mail.locale], {
        content: renderLiquid(textLiquid, source.textBody, variables),
        brand,
      });
      const html = renderLiquid(htmlLiquid, htmlLayouts[mail.locale], {
        locale: mail.locale,
        subject,
        preheader: subject,
        content: renderLiquid(htmlLiquid, source.htmlBody, variables),
        brand,
      });
      const id = uuidv7();
      await insertMailMessage(db, {
        id,
        orgId: mail.orgId,
        template: DEPOSIT_REPORT_TEMPLATE,
        templateVersion: null,
        locale: mail.locale,
        to: mail.to,
        from: config.mailFrom,
        subject: subject.charAt(0).toUpperCase() + subject.slice(1),
        text,
        html,
        sensitive: false,
      });
      await insertMailAttachments(db, { messageId: id, files: mail.files });
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}
