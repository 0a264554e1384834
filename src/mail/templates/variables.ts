import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData, OutgoingMail } from '../../domain/mail/mail-port.ts';
import type { MailTemplateKey } from '../../domain/mail/mail-templates.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import {
  collectionSampleData,
  statementVariables,
  weeklyCollectionVariables,
} from './collection-variables.ts';
import {
  accountOnHoldVariables,
  autopayFailedVariables,
  autopayUpcomingVariables,
  creditMemoDeliveryVariables,
  customerSampleData,
  invoiceDeliveryVariables,
  reminderVariables,
} from './customer-variables.ts';
import { formatDays, formatMinutes } from './durations.ts';
import { inquiryReplySampleData, inquiryReplyVariables } from './inquiry-variables.ts';
import { payNowSampleData, payNowVariables } from './pay-now-variables.ts';
import { roleName } from './role-names.ts';

/**
 * What a message renders from: the subject's words chosen here, so templates stay plain Liquid.
 * Strings, or a list of rows of strings for `{% for %}` (a receipt's invoices).
 */
export type MailVariables = Record<string, string | number | boolean | Record<string, string | number>[]>;

function webLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) throw new Error('Mail links must be http(s) URLs');
  return url;
}

/**
 * A message's data as its template's variables (domain/mail/mail-templates.ts lists them): names
 * trimmed, the role and the expiry in the message's language, links checked to be http(s).
 */
export function mailVariables(mail: OutgoingMail): MailVariables {
  const { locale } = mail;
  switch (mail.template) {
    case 'invitation_staff':
      return invitationVariables(locale, mail.data);
    case 'invitation_customer':
      return { ...invitationVariables(locale, mail.data), account_name: mail.data.accountName };
    case 'password_reset':
      return {
        name: mail.data.name.trim(),
        url: webLink(mail.data.url),
        expires_in: formatMinutes(locale, mail.data.expiresInMinutes),
      };
    case 'payment_receipt':
      return receiptVariables(locale, mail.data);
    case 'pay_now':
      return payNowVariables(locale, mail.data);
    case 'invoice_delivery':
      return invoiceDeliveryVariables(locale, mail.data);
    case 'credit_memo_delivery':
      return creditMemoDeliveryVariables(locale, mail.data);
    case 'reminder':
    case 'reminder_upcoming':
    case 'reminder_final':
      return reminderVariables(locale, mail.data);
    case 'account_on_hold':
      return accountOnHoldVariables(locale, mail.data);
    case 'autopay_upcoming':
      return autopayUpcomingVariables(locale, mail.data);
    case 'autopay_failed':
      return autopayFailedVariables(locale, mail.data);
    case 'weekly_collection':
      return weeklyCollectionVariables(locale, mail.data);
    case 'statement':
      return statementVariables(locale, mail.data);
    case 'inquiry_reply':
      return inquiryReplyVariables(locale, mail.data);
  }
}

/** Amounts and dates as the recipient's language writes them in the seller's country (es-MX, en-US). */
function intlLocale(locale: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${locale}-${country}` : locale;
}

const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

const methodWords: Record<Locale, { card: string; ach: string; account: string }> = {
  es: { card: 'Tarjeta', ach: 'Débito bancario (ACH)', account: 'Cuenta bancaria' },
  en: { card: 'Card', ach: 'ACH bank debit', account: 'Bank account' },
};

/** "Visa ·· 4242", "Chase ·· 6789", or the kind alone when no details were kept: never more digits. */
function methodName(locale: Locale, method: MailTemplateData['payment_receipt']['method']): string {
  const words = methodWords[locale];
  const last4 = method.last4 && /^\d{4}$/.test(method.last4) ? method.last4 : null;
  if (method.kind === 'card') {
    const brand = method.brand ? (brandNames[method.brand.toLowerCase()] ?? method.brand) : words.card;
    return last4 ? `${brand} ·· ${last4}` : brand;
  }
  if (!last4) return method.bankName ?? words.ach;
  return `${method.bankName ?? words.account} ·· ${last4}`;
}

function receiptVariables(locale: Locale, data: MailTemplateData['payment_receipt']): MailVariables {
  const intl = intlLocale(locale, data.country);
  const money = (minor: bigint) => formatAmount(minor, data.currency, intl);
  return {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    payment_number: data.paymentNumber,
    paid_on: formatCalendarDate(data.paidOn, intl),
    method: methodName(locale, data.method),
    amount: money(data.amount),
    fee: data.fee > 0n ? money(data.fee) : '',
    total: money(data.amount + data.fee),
    invoices: data.invoices.map((invoice) => ({ number: invoice.number, amount: money(invoice.amount) })),
    url: data.url ? webLink(data.url) : '',
  };
}

function invitationVariables(locale: Locale, data: MailTemplateData['invitation_staff']): MailVariables {
  return {
    inviter_name: data.inviterName.trim(),
    org_name: data.orgName,
    role: roleName(locale, data.role),
    url: webLink(data.url),
    expires_in: formatDays(locale, data.expiresInDays),
  };
}

/** Data a template is tried with before a version is kept (and shown by a preview without a real case). */
export const sampleData: { [K in MailTemplateKey]: MailTemplateData[K] } = {
  invitation_staff: {
    inviterName: 'Ana López',
    orgName: 'Distribuidora del Valle',
    role: 'ar_agent',
    url: 'https://saldo.example/invitations/sample',
    expiresInDays: 7,
  },
  invitation_customer: {
    inviterName: 'Ana López',
    orgName: 'Distribuidora del Valle',
    accountName: 'Restaurante La Esquina',
    role: 'payer',
    url: 'https://saldo.example/invitations/sample',
    expiresInDays: 7,
  },
  password_reset: { name: 'Ana', url: 'https://saldo.example/reset-password/sample', expiresInMinutes: 60 },
  payment_receipt: {
    name: 'Ana López',
    orgName: 'Distribuidora del Valle',
    accountName: 'Restaurante La Esquina',
    paymentNumber: 'PAG-000123',
    paidOn: '2026-09-12',
    currency: 'MXN',
    country: 'MX',
    amount: 1_250_000n,
    fee: 30_000n,
    method: { kind: 'card', brand: 'visa', bankName: null, last4: '4242' },
    invoices: [
      { number: 'F-1042', amount: 1_000_000n },
      { number: 'F-1057', amount: 250_000n },
    ],
    url: 'https://saldo.example/portal/payments/sample',
  },
  pay_now: payNowSampleData,
  ...customerSampleData,
  reminder_upcoming: { ...customerSampleData.reminder, today: '2026-09-02' },
  reminder_final: { ...customerSampleData.reminder, today: '2026-10-05' },
  ...collectionSampleData,
  inquiry_reply: inquiryReplySampleData,
};
