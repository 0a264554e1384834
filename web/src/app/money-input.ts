import { minorToDecimalString } from '../../../src/domain/money/format.ts';
import { decimalMarkOf, parseMoney } from '../../../src/domain/money/parse-money.ts';

/* What a person types in an amount field, both ways; pure (no React), so tests run it in Node. */

export type ParsedAmount =
  | { ok: true; minor: bigint }
  | { ok: false; reason: 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge' | 'notPositive' };

/**
 * A typed amount → minor units, exactly (no floats), by the server's own parser
 * (src/domain/money/parse-money.ts) in the interface's locale: "1,234.56" and "1.234,56" both
 * read; a single mark before exactly three digits is read as the locale writes it — en-US and
 * es-419 write a decimal point, so "10.005" is too precise for USD and "10,005" is 10005. What is
 * typed here must be greater than zero.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): ParsedAmount {
  const parsed = parseMoney(text, currency.toUpperCase(), { locale });
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return { ok: false, reason: 'empty' };
    if (parsed.reason === 'too_precise') return { ok: false, reason: 'tooManyDecimals' };
    if (parsed.reason === 'too_large') return { ok: false, reason: 'tooLarge' };
    return { ok: false, reason: 'invalid' };
  }
  if (parsed.minor <= 0n) return { ok: false, reason: 'notPositive' };
  return { ok: true, minor: parsed.minor };
}

/** Minor units → what a person types in an amount field, in the locale's own marks, no grouping. */
export function minorToInput(minor: number | bigint, currency: string, locale: string): string {
  const decimal = minorToDecimalString(minor, currency);
  const mark = decimalMarkOf(locale);
  return mark === '.' ? decimal : decimal.replace('.', mark);
}
