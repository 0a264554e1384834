import type { Locale } from '../../db/schema.ts';
import type { AutopayMailData } from '../../domain/autopay/autopay-mail-port.ts';
import type { CustomerMailCommon, MailTemplateData } from '../../domain/mail/mail-port.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import { t } from '../../i18n/index.ts';
import { formatDays } from './durations.ts';

/**
 * The variables of the messages to a customer account (issue 10): invoice delivery, a reminder
 * step, an account on hold, autopay's notice and decline. Amounts and dates as the recipient's
 * language writes them in the seller's country (es-MX, en-US); links checked to be http(s).
 */
export type CustomerMailVariables = Record<
  string,
  string | number | boolean | Record<string, string | number>[]
>;

function intlOf(locale: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${locale}-${country}` : locale;
}

function link(url: string | null): string {
  return url && /^https?:\/\//i.test(url) ? url : '';
}

function common(locale: Locale, data: CustomerMailCommon) {
  const intl = intlOf(locale, data.country);
  return {
    intl,
    money: (minor: bigint) => formatAmount(minor, data.currency, intl),
    date: (ymd: string) => formatCalendarDate(ymd, intl),
    greeting: { name: data.name.trim(), org_name: data.orgName, account_name: data.accountName },
  };
}

/** Whole calendar days from `due` to `today`: negative before the due date, 0 on it. */
export function daysFromDue(today: string, due: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

/** "vence en 3 días", "vence hoy", "venció hace 7 días"; "due in 3 days", "7 days overdue". */
export function duePhrase(locale: Locale, days: number): string {
  const n = formatDays(locale, Math.abs(days));
  if (locale === 'es') {
    if (days === 0) return 'vence hoy';
    if (days === -1) return 'vence mañana';
    if (days === 1) return 'venció ayer';
    return days < 0 ? `vence en ${n}` : `venció hace ${n}`;
  }
  if (days === 0) return 'due today';
  if (days === -1) return 'due tomorrow';
  return days < 0 ? `due in ${n}` : `${n} overdue`;
}

export function invoiceDeliveryVariables(
  locale: Locale,
  data: MailTemplateData['invoice_delivery'],
): CustomerMailVariables {
  const { money, date, greeting } = common(locale, data);
  return {
    ...greeting,
    invoice_number: data.invoice.number,
    issued_on: date(data.invoice.issuedOn),
    due_on: date(data.invoice.dueOn),
    total: money(data.invoice.total),
    amount_due: money(data.invoice.open),
    pdf_attached: data.pdfAttached,
    url: link(data.url),
  };
}

export function creditMemoDeliveryVariables(
  locale: Locale,
  data: MailTemplateData['credit_memo_delivery'],
): CustomerMailVariables {
  const { money, date, greeting } = common(locale, data);
  return {
    ...greeting,
    credit_memo_number: data.creditMemo.number,
    issued_on: date(data.creditMemo.issuedOn),
    amount: money(data.creditMemo.amount),
    available: money(data.creditMemo.available),
    invoice_number: data.creditMemo.invoiceNumber ?? '',
    url: link(data.url),
  };
}

export function reminderVariables(locale: Locale, data: MailTemplateData['reminder']): CustomerMailVariables {
  const { money, date, greeting } = common(locale, data);
  const invoices = data.invoices.map((invoice) => ({
    number: invoice.number,
    due_on: date(invoice.dueOn),
    amount: money(invoice.open),
    days_from_due: daysFromDue(data.today, invoice.dueOn),
  }));
  const oldest = invoices.reduce((max, invoice) => Math.max(max, invoice.days_from_due), -Infinity);
  const days = Number.isFinite(oldest) ? oldest : 0;
  return {
    ...greeting,
    invoices,
    days_from_due: days,
    due_phrase: duePhrase(locale, days),
    amount_due: money(data.invoices.reduce((sum, invoice) => sum + invoice.open, 0n)),
    url: link(data.url),
  };
}

export function accountOnHoldVariables(
  locale: Locale,
  data: MailTemplateData['account_on_hold'],
): CustomerMailVariables {
  const { money, greeting } = common(locale, data);
  return {
    ...greeting,
    message: data.message.trim(),
    amount_due: money(data.amountDue),
    url: link(data.url),
  };
}

const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** "Visa ·· 4242", "Chase ·· 6789": never more than the last four. */
function methodName(locale: Locale, method: AutopayMailData['autopay_notice']['method']): string {
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

function autopayCommon(locale: Locale, data: AutopayMailData['autopay_notice' | 'autopay_failed']) {
  const { money, date, greeting } = common(locale, data);
  return {
    date,
    variables: {
      ...greeting,
      method: methodName(locale, data.method),
      amount: money(data.amount),
      invoices: data.invoices.map((i) => ({ number: i.number, amount: money(i.amount) })),
      url: link(data.url),
    },
  };
}

export function autopayUpcomingVariables(
  locale: Locale,
  data: AutopayMailData['autopay_notice'],
): CustomerMailVariables {
  const { date, variables } = autopayCommon(locale, data);
  return { ...variables, charge_on: date(data.chargeOn) };
}

export function autopayFailedVariables(
  locale: Locale,
  data: AutopayMailData['autopay_failed'],
): CustomerMailVariables {
  const { date, variables } = autopayCommon(locale, data);
  const key = `decline.${data.failureCode}`;
  const reason = t(locale, key);
  return {
    ...variables,
    attempted_on: date(data.attemptedOn),
    reason: reason === key ? t(locale, 'decline.unknown') : reason,
    next_retry_on: data.nextRetryOn ? date(data.nextRetryOn) : '',
    paused: data.paused ? 'yes' : '',
  };
}

const sampleCustomer = {
  name: 'Ana López',
  orgName: 'Distribuidora del Valle',
  accountName: 'Restaurante La Esquina',
  country: 'MX',
  currency: 'MXN',
};
const sampleAutopay = {
  ...sampleCustomer,
  method: { kind: 'card' as const, brand: 'visa', bankName: null, last4: '4242' },
  invoices: [
    { number: 'F-1042', amount: 1_000_000n },
    { number: 'F-1057', amount: 250_000n },
  ],
  amount: 1_250_000n,
  url: 'https://saldo.example/portal/autopay',
};

/** The sample data of the customer messages (variables.ts's sampleData holds them). */
export const customerSampleData = {
  invoice_delivery: {
    ...sampleCustomer,
    invoice: {
      number: 'F-1042',
      issuedOn: '2026-09-01',
      dueOn: '2026-10-01',
      total: 1_160_000n,
      open: 1_160_000n,
    },
    pdfAttached: true,
    url: 'https://saldo.example/pay/sample',
  },
  credit_memo_delivery: {
    ...sampleCustomer,
    creditMemo: {
      number: 'NC-0311',
      issuedOn: '2026-09-20',
      amount: 116_000n,
      available: 116_000n,
      invoiceNumber: 'F-1042',
    },
    url: 'https://saldo.example/portal',
  },
  reminder: {
    ...sampleCustomer,
    invoices: [
      { number: 'F-1042', dueOn: '2026-09-05', open: 1_160_000n },
      { number: 'F-1057', dueOn: '2026-09-12', open: 250_000n },
    ],
    today: '2026-09-12',
    url: 'https://saldo.example/pay/sample',
  },
  account_on_hold: {
    ...sampleCustomer,
    message: 'Liberaremos los pedidos en cuanto recibamos el pago de las facturas vencidas.',
    amountDue: 1_410_000n,
    url: 'https://saldo.example/portal',
  },
  autopay_upcoming: { ...sampleAutopay, chargeOn: '2026-09-14' },
  autopay_failed: {
    ...sampleAutopay,
    attemptedOn: '2026-09-14',
    failureCode: 'insufficient_funds',
    nextRetryOn: '2026-09-15',
    paused: false,
  },
} satisfies Pick<
  MailTemplateData,
  | 'invoice_delivery'
  | 'credit_memo_delivery'
  | 'reminder'
  | 'account_on_hold'
  | 'autopay_upcoming'
  | 'autopay_failed'
>;
