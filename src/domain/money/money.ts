import { AppError } from '../errors.ts';
import { currencyExponent } from './currency.ts';
import { MAX_MINOR, type ParseMoneyOptions, parseMoney } from './parse-money.ts';

/**
 * Money is an integer count of the currency's minor units (bigint) beside an ISO 4217 code.
 * No floating point anywhere on this path: parsing, arithmetic, rounding and formatting work on
 * digits.
 */
export interface Money {
  amount: bigint;
  currency: string;
}

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
 * Parses an amount a person or a file wrote, exactly, into minor units, with `parse-money.ts`'s
 * rule (the one the web uses too): "1234.56", "1,234.56", "1.234,56", "1 234,56", "$1,234.56",
 * "-12", "(12.50)". Without a locale, one separator used once before exactly three digits groups
 * thousands in a currency with fewer than three decimals ("1,234" is one thousand two hundred
 * thirty-four MXN). More decimals than the currency has is an error, never a silent rounding.
 */
export function parseAmount(text: string, currency: string, options: ParseMoneyOptions = {}): bigint {
  const exponent = currencyExponent(currency);
  const parsed = parseMoney(text, currency, options);
  if (parsed.ok) return parsed.minor;
  switch (parsed.reason) {
    case 'too_precise':
      throw new AppError('validation_failed', {}, [
        { field: 'amount', code: 'too_precise', params: { digits: exponent } },
      ]);
    case 'too_large':
      throw new AppError('validation_failed', {}, [
        { field: 'amount', code: 'maximum', params: { limit: MAX_MINOR.toString() } },
      ]);
    default:
      throw new AppError('validation_failed', {}, [{ field: 'amount', code: 'invalid' }]);
  }
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
