import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { allocate, assertSafeAmount, divRoundHalfUp, parseAmount, parseDecimal } from './money.ts';

/**
 * The edges of the money module that money.test.ts does not pin down: the exact refusal an
 * integrator receives, the bound's inclusive edge, the thousands rules that decide between a
 * value and a refusal, and where allocate's remainder goes.
 */

function refusalOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal, got a value');
}

describe('assertSafeAmount', () => {
  test('±10^15 is inside the bound; one more is refused naming the field and the limit', () => {
    expect(assertSafeAmount(10n ** 15n)).toBe(10n ** 15n);
    expect(assertSafeAmount(-(10n ** 15n))).toBe(-(10n ** 15n));
    const above = refusalOf(() => assertSafeAmount(10n ** 15n + 1n));
    expect(above.code).toBe('validation_failed');
    expect(above.fields).toEqual([
      { field: 'amount', code: 'maximum', params: { limit: '1000000000000000' } },
    ]);
    const below = refusalOf(() => assertSafeAmount(-(10n ** 15n) - 1n, 'charges.0.amount'));
    expect(below.fields).toEqual([
      { field: 'charges.0.amount', code: 'maximum', params: { limit: '1000000000000000' } },
    ]);
  });
});

describe('divRoundHalfUp', () => {
  test('a zero denominator is refused with its own message', () => {
    expect(() => divRoundHalfUp(10n, 0n)).toThrow(new RangeError('division by zero'));
    expect(() => divRoundHalfUp(0n, 0n)).toThrow(new RangeError('division by zero'));
  });
});

describe('parseDecimal', () => {
  test('surrounding white space is ignored', () => {
    expect(parseDecimal(' 12.5 ', 2)).toBe(1250n);
    expect(parseDecimal('\t-3\n', 0)).toBe(-3n);
  });
});

describe('parseAmount refusals', () => {
  test('garbage is refused as an invalid amount (not a crash, not a number)', () => {
    for (const text of [
      '1(2)', // parentheses mean negative only around the whole amount
      '()12x',
      '1ABC2', // a currency code is taken off the ends only
      '1,2.3.4', // dots on both sides of a comma
      '1.234,567.89', // mixed thousands separators
      ',123.45', // nothing before the first group
      '1234,567.89', // a first group longer than three digits
      '12.',
    ]) {
      const error = refusalOf(() => parseAmount(text, 'MXN'));
      expect(error.code, text).toBe('validation_failed');
      expect(error.fields, text).toEqual([{ field: 'amount', code: 'invalid' }]);
    }
  });

  test('a three-decimal currency groups thousands with a repeated separator', () => {
    expect(parseAmount('1.234.567', 'BHD')).toBe(1_234_567_000n);
    expect(parseAmount('1,234,567', 'KWD')).toBe(1_234_567_000n);
    expect(parseAmount('1.234.567,125', 'BHD')).toBe(1_234_567_125n);
  });

  test('codes and symbols at the ends, with the sign anywhere before the digits', () => {
    expect(parseAmount('USD12', 'USD')).toBe(1200n);
    expect(parseAmount('12USD', 'USD')).toBe(1200n);
    expect(parseAmount('(USD 12.50)', 'USD')).toBe(-1250n);
    expect(parseAmount('12 345,67 MXN', 'MXN')).toBe(1234567n);
  });
});

describe('allocate', () => {
  test('a weight list that adds up to zero is refused with its own message', () => {
    expect(() => allocate(10n, [0n, 0n])).toThrow(new RangeError('weights must add up to more than zero'));
    expect(() => allocate(10n, [0n])).toThrow(new RangeError('weights must add up to more than zero'));
  });

  test('the remainder goes to the largest weights, ties to the earliest', () => {
    expect(allocate(10n, [1n, 2n, 3n])).toEqual([1n, 3n, 6n]);
    expect(allocate(7n, [1n, 1n, 1n, 1n, 1n])).toEqual([2n, 2n, 1n, 1n, 1n]);
    expect(allocate(-7n, [1n, 1n, 1n, 1n, 1n])).toEqual([-2n, -2n, -1n, -1n, -1n]);
    expect(allocate(4n, [1n, 3n, 1n, 3n, 1n])).toEqual([0n, 2n, 0n, 2n, 0n]);
    expect(allocate(5n, [1n, 3n, 1n, 3n, 1n, 3n])).toEqual([0n, 2n, 0n, 2n, 0n, 1n]);
  });

  test('long weight lists (a statement of a hundred invoices) hand the remainder out the same way', () => {
    const hundred = Array.from({ length: 100 }, () => 1n);
    expect(allocate(150n, hundred)).toEqual([...Array(50).fill(2n), ...Array(50).fill(1n)]);
    const alternating = Array.from({ length: 130 }, (_, i) => (i % 2 ? 2n : 1n));
    // 195 weight units, 260 to share: whole shares 1 (light) and 2 (heavy) leave 65, one more to
    // each heavy weight
    const parts = allocate(260n, alternating);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(260n);
    expect(parts.filter((_, i) => i % 2 === 1)).toEqual(Array(65).fill(3n));
    expect(parts.filter((_, i) => i % 2 === 0)).toEqual(Array(65).fill(1n));
  });

  test('property: the same parts as a reference that hands out the remainder one by one', () => {
    // reference: floor shares, then one unit each to the largest weights (earliest first on ties)
    const reference = (amount: bigint, weights: bigint[]): bigint[] => {
      const total = weights.reduce((a, b) => a + b, 0n);
      const parts = weights.map((w) => (amount * w) / total);
      let rest = amount - parts.reduce((a, b) => a + b, 0n);
      const indexes = weights.map((_, i) => i);
      const order: number[] = [];
      while (indexes.length) {
        let best = 0;
        for (let k = 1; k < indexes.length; k++)
          if (weights[indexes[k]!]! > weights[indexes[best]!]!) best = k;
        order.push(indexes.splice(best, 1)[0]!);
      }
      for (let k = 0; rest !== 0n; k = (k + 1) % order.length) {
        const step = rest > 0n ? 1n : -1n;
        parts[order[k]!]! += step;
        rest -= step;
      }
      return parts;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000n, max: 10_000n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 4n }), { minLength: 1, maxLength: 90 })
          .filter((w) => w.some((x) => x > 0n)),
        (amount, weights) => {
          expect(allocate(amount, weights)).toEqual(reference(amount, weights));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
