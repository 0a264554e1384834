import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MINOR_UNIT_EXPONENTS } from '../../../src/domain/money/exponents.ts';
import {
  dateInTimeZone,
  formatAmount,
  formatCalendarDate,
  minorToDecimalString,
} from '../../../src/domain/money/format.ts';
import { intlLocale, isLocale } from './i18n';

/** Dates and numbers in the interface language, through Intl. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = intlLocale(isLocale(language) ? language : 'en');
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    // Dates use the month table the server's PDFs use (src/domain/money/format.ts), not the browser's ICU.
    const date = (iso: string) => formatCalendarDate(dateInTimeZone(new Date(iso), undefined), locale);
    return {
      /** The BCP 47 tag these formatters use (for parsing what the user types). */
      locale,
      /** A moment, in the browser's time zone: "12 sept 2026, 8:56 a.m." */
      dateTime: (iso: string) => `${date(iso)}, ${time.format(new Date(iso))}`,
      date,
      number: (value: number) => number.format(value),
      /** A calendar date (`YYYY-MM-DD`), shown as that same day wherever the browser is. */
      day: (ymd: string) => formatCalendarDate(ymd, locale),
      /** An amount in minor units of `currency`, e.g. money(123456, 'MXN') → "MX$1,234.56". */
      money: (minor: number | bigint, currency: string) => formatMoney(minor, currency, locale),
    };
  }, [locale]);
}

/** Digits after the decimal point in the currency's minor unit: JPY 0, USD 2, BHD 3. */
export function currencyExponent(currency: string): number {
  return MINOR_UNIT_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Minor units → the exact decimal string: (123456, 'MXN') → "1234.56", (-5, 'USD') → "-0.05". */
export function minorToDecimal(minor: number | bigint, currency: string): `${number}` {
  return minorToDecimalString(minor, currency) as `${number}`;
}

/**
 * An amount in minor units, formatted exactly with the currency's own number of decimals; a
 * negative one is "-" and the positive amount, as on the server's PDFs (src/domain/money/format.ts).
 */
export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  return formatAmount(minor, currency, locale);
}

export type ParsedAmount =
  | { ok: true; minor: bigint }
  | { ok: false; reason: 'empty' | 'invalid' | 'tooManyDecimals' | 'notPositive' };

/**
 * A typed amount → minor units, exactly (no floats). Accepts "1,234.56" and "1.234,56": when
 * both marks appear the last one is the decimal mark; a single mark is the locale's decimal
 * mark, unless it repeats or is followed by exactly three digits in the other convention.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): ParsedAmount {
  const exponent = currencyExponent(currency);
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  if (!s) return { ok: false, reason: text.trim() ? 'invalid' : 'empty' };
  if (s.startsWith('-')) return { ok: false, reason: 'notPositive' };
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'invalid' };
  const localeDecimal =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    const after = s.length - s.lastIndexOf(mark) - 1;
    if (count > 1) decimalMark = null;
    else if (mark === localeDecimal) decimalMark = mark;
    else decimalMark = after === 3 && !/^0[.,]/.test(s) ? null : mark;
  }
  const cut = decimalMark ? s.lastIndexOf(decimalMark) : s.length;
  const integerPart = s.slice(0, cut);
  const fraction = decimalMark ? s.slice(cut + 1) : '';
  const groups = integerPart.split(/[.,]/);
  if (
    groups.length > 1 &&
    (groups.slice(1).some((g) => g.length !== 3) || !groups[0] || groups[0].length > 3)
  )
    return { ok: false, reason: 'invalid' };
  const integer = groups.join('') || '0';
  if (!/^\d+$/.test(integer) || (decimalMark && !/^\d*$/.test(fraction)))
    return { ok: false, reason: 'invalid' };
  if (fraction.replace(/0+$/, '').length > exponent) return { ok: false, reason: 'tooManyDecimals' };
  const minor = BigInt(integer + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor <= 0n) return { ok: false, reason: 'notPositive' };
  if (minor > 1_000_000_000_000_000n) return { ok: false, reason: 'invalid' };
  return { ok: true, minor };
}

/** Minor units → what a person types in an amount field, in the locale's own marks, no grouping. */
export function minorToInput(minor: number | bigint, currency: string, locale: string): string {
  const decimal = minorToDecimal(minor, currency);
  const mark =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return mark === '.' ? decimal : decimal.replace('.', mark);
}
