import { MINOR_UNIT_EXPONENTS } from './exponents.ts';

/**
 * How amounts and calendar dates are written for people, the same on the server's PDFs and in
 * the web app (which imports this file, as it does ./exponents.ts). Node's and Chromium's ICU
 * ship different CLDR data ("12 sep" vs "12 sept", "-USD 5.00" vs "USD -5.00"), so the parts
 * that differ are ours: the month abbreviations, and the place of the minus sign. Pure, no imports
 * but the exponent table.
 */

export type DisplayLanguage = 'es' | 'en';

/** Month abbreviations (CLDR's current ones: Spanish writes "sept"). */
export const MONTH_ABBREVIATIONS: Readonly<Record<DisplayLanguage, readonly string[]>> = {
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** The language part of a BCP 47 tag, as one of ours (Spanish unless it is English). */
export function displayLanguage(locale: string): DisplayLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** A calendar date ('YYYY-MM-DD', or an ISO timestamp's date part): "12 sept 2026" / "Sep 12, 2026". */
export function formatCalendarDate(ymd: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!match) return ymd;
  const [, year, month, day] = match;
  const name = MONTH_ABBREVIATIONS[displayLanguage(locale)][Number(month) - 1] ?? month;
  return displayLanguage(locale) === 'en'
    ? `${name} ${Number(day)}, ${year}`
    : `${Number(day)} ${name} ${year}`;
}

/** The calendar date of a moment in a time zone, as 'YYYY-MM-DD'. */
export function dateInTimeZone(at: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(at);
}

function exponentOf(currency: string): number {
  return MINOR_UNIT_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Minor units → the exact decimal string: (123456, 'MXN') → "1234.56", (-5, 'USD') → "-0.05". */
export function minorToDecimalString(minor: number | bigint, currency: string): string {
  const exponent = exponentOf(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const integer = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${integer}${fraction}`;
}

/** The minus sign of a negative amount: always first, before the currency ("-MXN 1,234.56"). */
export const MINUS = '-';

/**
 * An amount in minor units, exactly (Intl formats the decimal string, never a float), with the
 * currency's own number of decimals. A negative amount is the positive one with {@link MINUS}
 * in front, whatever the locale's ICU would do.
 */
/** Intl formatters are costly to build: one per locale and currency, kept (a run renders thousands). */
const amountFormats = new Map<string, Intl.NumberFormat>();
function amountFormat(locale: string, currency: string, exponent: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    if (amountFormats.size < 1000) amountFormats.set(key, format);
  }
  return format;
}

export function formatAmount(minor: number | bigint, currency: string, locale: string): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const decimal = minorToDecimalString(negative ? -value : value, currency);
  const exponent = exponentOf(currency);
  let text: string;
  try {
    text = amountFormat(locale, currency, exponent).format(decimal as unknown as number);
  } catch {
    text = `${decimal} ${currency}`;
  }
  return negative ? `${MINUS}${text}` : text;
}
