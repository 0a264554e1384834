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
