import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { currencyExponent } from './currency.ts';
import {
  allocate,
  assertSafeAmount,
  divRoundHalfUp,
  formatDecimal,
  formatMoney,
  parseAmount,
  parseDecimal,
  toMajorString,
} from './money.ts';

function refusal(fn: () => unknown): { code: string; fieldCode: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fieldCode: error.fields[0]?.code };
    throw error;
  }
  throw new Error('expected a refusal, got a value');
}

describe('currencyExponent', () => {
  test('follows ISO 4217: JPY/CLP 0, USD/MXN 2, BHD/KWD 3; unknown codes refused', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('CLP')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('MXN')).toBe(2);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('KWD')).toBe(3);
    expect(refusal(() => currencyExponent('XXQ')).code).toBe('validation_failed');
    expect(refusal(() => currencyExponent('usd')).code).toBe('validation_failed');
  });
});

describe('parseAmount', () => {
  test('"1.234,56" and "1,234.56" both parse to exactly 123456 MXN cents', () => {
    expect(parseAmount('1.234,56', 'MXN')).toBe(123456n);
    expect(parseAmount('1,234.56', 'MXN')).toBe(123456n);
    expect(parseAmount('1 234,56', 'MXN')).toBe(123456n);
    expect(parseAmount('1\u00a0234,56', 'MXN')).toBe(123456n);
    expect(parseAmount('$1,234.56', 'MXN')).toBe(123456n);
    expect(parseAmount('MX$1,234.56', 'MXN')).toBe(123456n);
    expect(parseAmount('1234.56 MXN', 'MXN')).toBe(123456n);
    expect(parseAmount('1234,5', 'MXN')).toBe(123450n);
    expect(parseAmount('1234', 'MXN')).toBe(123400n);
    // one separator followed by three digits groups thousands in a 2-decimal currency
    expect(parseAmount('1,234', 'MXN')).toBe(123400n);
    expect(parseAmount('1.234', 'MXN')).toBe(123400n);
    expect(parseAmount('1.234.567', 'MXN')).toBe(123456700n);
    expect(parseAmount('0,125', 'BHD')).toBe(125n);
  });

  test('zero-decimal currencies (JPY, CLP) take whole units only', () => {
    expect(parseAmount('1234', 'JPY')).toBe(1234n);
    expect(parseAmount('1,234', 'JPY')).toBe(1234n);
    expect(parseAmount('1.234.567', 'CLP')).toBe(1234567n);
    expect(parseAmount('¥5,000', 'JPY')).toBe(5000n);
    expect(refusal(() => parseAmount('1.5', 'JPY'))).toEqual({
      code: 'validation_failed',
      fieldCode: 'too_precise',
    });
    expect(refusal(() => parseAmount('10,5', 'CLP')).fieldCode).toBe('too_precise');
  });

  test('three-decimal currencies (BHD) read three decimals exactly', () => {
    expect(parseAmount('1.234', 'BHD')).toBe(1234n);
    expect(parseAmount('1,234', 'BHD')).toBe(1234n);
    expect(parseAmount('1,234.567', 'BHD')).toBe(1234567n);
    expect(parseAmount('1.234,567', 'BHD')).toBe(1234567n);
    expect(parseAmount('0.5', 'BHD')).toBe(500n);
    expect(refusal(() => parseAmount('1.2345', 'BHD')).fieldCode).toBe('too_precise');
  });

  test('more decimals than the currency has is refused, never rounded', () => {
    const error = (() => {
      try {
        parseAmount('1,234.567', 'USD');
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('validation_failed');
    expect(error?.fields).toEqual([{ field: 'amount', code: 'too_precise', params: { digits: 2 } }]);
    expect(refusal(() => parseAmount('0,001', 'MXN')).fieldCode).toBe('too_precise');
    expect(refusal(() => parseAmount('10.0051', 'USD')).fieldCode).toBe('too_precise');
    // the documented reading of one separator before exactly three digits: thousands, not decimals
    expect(parseAmount('10.005', 'USD')).toBe(1000500n);
  });

  test('garbage is refused', () => {
    for (const text of [
      '',
      '   ',
      'abc',
      '-',
      '$',
      '1e5',
      '12-',
      '1.2.3,4,5',
      '1,23,456.00',
      '12.',
      '.5',
      '1..2',
      '1,2,3',
      'NaN',
      'Infinity',
      '12 34 5,6.7',
      '0x10',
    ]) {
      expect(refusal(() => parseAmount(text, 'USD')).code, text).toBe('validation_failed');
    }
  });

  test('negatives: a leading minus (before or after the symbol), U+2212, and accounting parentheses', () => {
    expect(parseAmount('-12', 'USD')).toBe(-1200n);
    expect(parseAmount('-1.234,56', 'MXN')).toBe(-123456n);
    expect(parseAmount('-$1,234.56', 'USD')).toBe(-123456n);
    expect(parseAmount('$-1,234.56', 'USD')).toBe(-123456n);
    expect(parseAmount('USD -12', 'USD')).toBe(-1200n);
    expect(parseAmount('\u221212,50', 'MXN')).toBe(-1250n);
    expect(parseAmount('(1,234.56)', 'USD')).toBe(-123456n);
    expect(parseAmount('($1,234.56)', 'USD')).toBe(-123456n);
    expect(parseAmount('(500)', 'JPY')).toBe(-500n);
    // two signs are ambiguous: refused rather than read as positive
    expect(refusal(() => parseAmount('(-12)', 'USD')).code).toBe('validation_failed');
    expect(refusal(() => parseAmount('--12', 'USD')).code).toBe('validation_failed');
  });

  test('amounts beyond ±10^15 minor units are refused', () => {
    expect(parseAmount('10,000,000,000,000.00', 'USD')).toBe(10n ** 15n);
    expect(refusal(() => parseAmount('10,000,000,000,000.01', 'USD')).fieldCode).toBe('maximum');
    expect(() => assertSafeAmount(-(10n ** 15n) - 1n)).toThrow(AppError);
  });

  test('property: any amount written the US way or the Mexican way parses back exactly', () => {
    const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.constantFrom('JPY', 'USD', 'MXN', 'BHD'),
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        (currency, amount) => {
          const exponent = currencyExponent(currency);
          const plain = formatDecimal(amount < 0n ? -amount : amount, exponent);
          const [whole, fraction] = plain.split('.');
          const sign = amount < 0n ? '-' : '';
          const us = `${sign}${group(whole!, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
          const mx = `${sign}${group(whole!, '.')}${fraction === undefined ? '' : `,${fraction}`}`;
          expect(parseAmount(us, currency)).toBe(amount);
          expect(parseAmount(mx, currency)).toBe(amount);
          expect(parseAmount(toMajorString(amount, currency), currency)).toBe(amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseDecimal and formatDecimal', () => {
  test('exact scaled integers', () => {
    expect(parseDecimal('12.5', 4)).toBe(125000n);
    expect(parseDecimal('-0.125', 3)).toBe(-125n);
    expect(parseDecimal('0.1234567', 6)).toBeNull();
    expect(parseDecimal('1,5', 2)).toBeNull();
    expect(parseDecimal('abc', 2)).toBeNull();
    expect(formatDecimal(123456n, 2)).toBe('1234.56');
    expect(formatDecimal(-5n, 2)).toBe('-0.05');
    expect(formatDecimal(7n, 0)).toBe('7');
    expect(formatDecimal(0n, 3)).toBe('0.000');
  });

  test('property: formatDecimal then parseDecimal is the identity, at every scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 8 }),
        (value, scale) => {
          const text = formatDecimal(value, scale);
          expect(text).toMatch(scale === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${scale}}$`));
          expect(parseDecimal(text, scale)).toBe(value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('property: parseDecimal then formatDecimal normalizes without changing the value', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^\d{1,12}$/),
        fc.stringMatching(/^\d{0,4}$/),
        (negative, whole, fraction) => {
          const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
          const value = parseDecimal(text, 4);
          expect(value).not.toBeNull();
          expect(parseDecimal(formatDecimal(value!, 4), 4)).toBe(value);
          // the same value through a number-free route: compare digits, not floats
          const expected = BigInt(whole + fraction.padEnd(4, '0'));
          expect(value).toBe(negative ? -expected : expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('divRoundHalfUp', () => {
  test('halves go away from zero', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divRoundHalfUp(25n, 10n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(-25n, 10n)).toBe(-3n);
    expect(divRoundHalfUp(5n, -10n)).toBe(-1n);
    expect(divRoundHalfUp(-5n, -10n)).toBe(1n);
    expect(divRoundHalfUp(14n, 10n)).toBe(1n);
    expect(divRoundHalfUp(-14n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  test('property: agrees with a reference rounding on small integers', () => {
    // reference: on small ints a double is exact enough; Math.round rounds half toward +∞, so
    // mirror it for negatives to get half away from zero
    const reference = (n: number, d: number) => {
      const q = Math.abs(n) / Math.abs(d);
      const r = Math.floor(q + 0.5);
      return n < 0 !== d < 0 ? -r : r;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: -200, max: 200 }).filter((d) => d !== 0),
        (n, d) => {
          expect(divRoundHalfUp(BigInt(n), BigInt(d))).toBe(BigInt(reference(n, d)) || 0n);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('property: the result is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (n, d) => {
          const q = divRoundHalfUp(n, d);
          const error = (n - q * d) * 2n; // 2·(n − q·d), compared with d
          expect(error <= d && error >= -d).toBe(true);
          if (error === d) expect(q < 0n).toBe(true); // an exact half below was rounded away from zero
          if (error === -d) expect(q > 0n).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('allocate', () => {
  test('splits exactly, remainder to the largest weights first', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(100n, [1n, 2n])).toEqual([33n, 67n]);
    expect(allocate(-10n, [1n, 1n, 1n])).toEqual([-4n, -3n, -3n]);
    expect(allocate(100n, [0n, 1n])).toEqual([0n, 100n]);
    expect(() => allocate(100n, [0n, 0n])).toThrow(RangeError);
  });

  test('property: parts always add up to the amount and each stays within one unit of its share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0n)),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((part, i) => {
            const exact = amount * weights[i]!; // share × total
            const diff = part * total - exact;
            expect(diff <= total && diff >= -total).toBe(true);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatMoney', () => {
  test('formats the exact digits with the currency exponent', () => {
    expect(formatMoney(123456n, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(500n, 'JPY', 'en-US')).toBe('¥500');
    expect(formatMoney(1234567n, 'BHD', 'en-US')).toMatch(/1,234\.567/);
    // beyond a double's exact range the digits survive
    expect(formatMoney(900719925474099312n, 'USD', 'en-US')).toBe('$9,007,199,254,740,993.12');
  });
});
