import type { Locale } from '../../db/schema.ts';
import type { PayNowMailData } from '../../domain/mail/mail-port.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import { formatDays } from './durations.ts';

/** Amounts and dates as the recipient's language writes them in the seller's country (es-MX, en-US). */
function intlLocale(locale: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${locale}-${country}` : locale;
}

/**
 * A pay-now e-mail's variables (domain/mail/mail-templates.ts lists them): each document with its
 * dates and amounts written in the recipient's language, the total due, when the link expires,
 * and the link itself (checked to be http(s)).
 */
export function payNowVariables(
  locale: Locale,
  data: PayNowMailData,
): Record<string, string | Record<string, string>[]> {
  if (!/^https?:\/\//i.test(data.url)) throw new Error('Mail links must be http(s) URLs');
  const intl = intlLocale(locale, data.country);
  const money = (minor: bigint) => formatAmount(minor, data.currency, intl);
  return {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    invoices: data.invoices.map((i) => ({
      number: i.number,
      issued_on: formatCalendarDate(i.issuedOn, intl),
      due_on: formatCalendarDate(i.dueOn, intl),
      total: money(i.total),
      amount: money(i.amount),
    })),
    count: String(data.invoices.length),
    amount_due: money(data.amountDue),
    expires_on: formatCalendarDate(data.expiresOn, intl),
    expires_in: formatDays(locale, data.expiresInDays),
    url: data.url,
  };
}

/** What a pay-now template is tried with before a version is kept. */
export const payNowSampleData: PayNowMailData = {
  name: 'Ana López',
  orgName: 'Distribuidora del Valle',
  accountName: 'Restaurante La Esquina',
  country: 'MX',
  currency: 'MXN',
  invoices: [
    { number: 'F-1042', issuedOn: '2026-09-01', dueOn: '2026-10-01', total: 1_000_000n, amount: 1_000_000n },
    { number: 'F-1057', issuedOn: '2026-09-10', dueOn: '2026-10-10', total: 400_000n, amount: 250_000n },
  ],
  amountDue: 1_250_000n,
  expiresOn: '2026-09-26',
  expiresInDays: 14,
  url: 'https://saldo.example/pay/sample',
};
