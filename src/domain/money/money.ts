import { AppError } from '../errors.ts';
import { currencyExponent } from './currency.ts';

/**
 * Money is an integer count of the currency's minor units (bigint) beside an ISO 4217 code.
 * No floating point anywhere on this path: parsing, arithmetic, rounding and formatting work on
 * digits.
 */
export interface Money {
  amount: bigint;
  currency: string;
}

const MAX_MINOR = 10n ** 15n; // a quadrillion minor units: far beyond any invoice, far inside int8

export function assertSafeAmount(amount: bigint, field = 'amount'): bigint {
  if (amount > MAX_MINOR || amount < -MAX_MINOR)
    throw new AppError('validation_failed', {}, [
      { field, code: 'maximum', params: { limit: MAX_MINOR.toString() } },
    ]);
  return amount;
}

/** Integer division rounding half away from zero ("half-up" for positive amounts). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** A decimal string ("12.5", "-0.125") as an integer scaled by 10^scale, exactly; null if not a plain decimal or too precise. */
export function parseDecimal(text: string, scale: number): bigint | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) return null;
  const digits = BigInt(whole! + fraction.padEnd(scale, '0'));
  return sign ? -digits : digits;
}

/** An integer scaled by 10^scale as a plain decimal string: (123456n, 2) → "1234.56". */
export function formatDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * Parses an amount a person or a file wrote, exactly, into minor units. Accepts "1234.56",
 * "1,234.56", "1.234,56", "1 234,56", "$1,234.56", "-12". When both separators appear, the last
 * one is the decimal mark; a single separator used more than once groups thousands; a single one
 * used once is the decimal mark unless exactly three digits follow it in a currency with fewer
 * than three decimals ("1,234" is one thousand two hundred thirty-four MXN). More decimals than the
 * currency has is an error, never a silent rounding.
 */
export function parseAmount(text: string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const invalid = () => new AppError('validation_failed', {}, [{ field: 'amount', code: 'invalid' }]);
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^[A-Z]{3}/, '').replace(/[A-Z]{3}$/, '');
  // The minus may stand before or after a currency symbol or code ("-$12", "$-12", "USD -12"), as
  // ASCII or U+2212; one sign only: "(-12)" and "--12" are refused, never read as positive.
  const prefix = /^[^\d.,]*/.exec(s)![0];
  const minuses = (prefix.match(/[-\u2212]/g) ?? []).length;
  if (minuses > 1 || (minuses === 1 && negative)) throw invalid();
  if (minuses === 1) negative = true;
  s = s.slice(prefix.length);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) throw invalid();
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    const after = s.length - s.lastIndexOf(mark) - 1;
    const leadingZero = /^0[.,]/.test(s);
    decimalMark = count > 1 || (after === 3 && exponent < 3 && !leadingZero) ? null : mark;
  }
  const [integerPart, fractionPart = ''] = decimalMark
    ? [s.slice(0, s.lastIndexOf(decimalMark)), s.slice(s.lastIndexOf(decimalMark) + 1)]
    : [s, ''];
  const thousands = decimalMark === '.' ? ',' : '.';
  const groups = integerPart.split(decimalMark === null ? /[.,]/ : thousands);
  if (
    groups.length > 1 &&
    (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length === 0 || groups[0]!.length > 3)
  )
    throw invalid();
  const integer = groups.join('');
  if (!/^\d+$/.test(integer) || /[.,]/.test(fractionPart) || (decimalMark && !/^\d+$/.test(fractionPart)))
    throw invalid();
  if (fractionPart.length > exponent) {
    throw new AppError('validation_failed', {}, [
      { field: 'amount', code: 'too_precise', params: { digits: exponent } },
    ]);
  }
  const minor = BigInt(integer + fractionPart.padEnd(exponent, '0'));
  return assertSafeAmount(negative ? -minor : minor);
}

/** Minor units as a decimal string in major units: (123456n, 'USD') → "1234.56"; (500n, 'JPY') → "500". */
export function toMajorString(amount: bigint, currency: string): string {
  return formatDecimal(amount, currencyExponent(currency));
}

/** For people: "$1,234.56", "MX$1,234.56", "1.234,56 €" — Intl formats the exact decimal string. */
export function formatMoney(amount: bigint, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(toMajorString(amount, currency) as unknown as number);
}

/** Splits an amount into parts proportional to weights, exactly, the remainder going to the largest weights first. */
export function allocate(amount: bigint, weights: bigint[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total <= 0n) throw new RangeError('weights must add up to more than zero');
  const parts = weights.map((w) => (amount * w) / total);
  let rest = amount - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (b.w > a.w ? 1 : b.w < a.w ? -1 : a.i - b.i));
  for (let k = 0; rest !== 0n; k = (k + 1) % order.length) {
    const step = rest > 0n ? 1n : -1n;
    parts[order[k]!.i]! += step;
    rest -= step;
  }
  return parts;
}
