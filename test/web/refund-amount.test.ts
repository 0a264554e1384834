import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  defaultRefundText,
  outcomeUnknown,
  readRefundAmount,
} from '../../web/src/features/payments/refund-amount.ts';

/** The refund dialog's rules: what it starts with, what it accepts, and when a retry keeps its key. */
describe('refund amount', () => {
  test('starts with all that is refundable, read back exactly, in each currency and locale', () => {
    const cases: [number, string, string, string][] = [
      [182_690, 'USD', 'en-US', '1826.90'],
      [182_690, 'USD', 'es-419', '1826.90'],
      [182_690, 'USD', 'es-ES', '1826,90'],
      [5_000, 'JPY', 'en-US', '5000'],
      [1_234_567, 'BHD', 'en-US', '1234.567'],
    ];
    for (const [refundable, currency, locale, text] of cases) {
      expect(defaultRefundText(refundable, currency, locale)).toBe(text);
      expect(readRefundAmount(text, currency, locale, refundable)).toEqual({
        ok: true,
        minor: BigInt(refundable),
      });
    }
  });

  test('any amount up to the refundable is taken as typed; one minor unit more is refused', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        (a, b) => {
          const refundable = a > b ? a : b;
          const amount = a > b ? b : a;
          const text = defaultRefundText(amount, 'USD', 'en-US');
          expect(readRefundAmount(text, 'USD', 'en-US', refundable)).toEqual({ ok: true, minor: amount });
          const over = defaultRefundText(refundable + 1n, 'USD', 'en-US');
          expect(readRefundAmount(over, 'USD', 'en-US', refundable)).toEqual({
            ok: false,
            reason: 'exceeds',
          });
        },
      ),
    );
  });

  test('what is not an amount says why', () => {
    expect(readRefundAmount('', 'USD', 'en-US', 1_000)).toEqual({ ok: false, reason: 'empty' });
    expect(readRefundAmount('ten', 'USD', 'en-US', 1_000)).toEqual({ ok: false, reason: 'invalid' });
    expect(readRefundAmount('1.005', 'USD', 'en-US', 1_000)).toEqual({
      ok: false,
      reason: 'tooManyDecimals',
    });
    expect(readRefundAmount('0', 'USD', 'en-US', 1_000)).toEqual({ ok: false, reason: 'notPositive' });
    expect(readRefundAmount('10,00', 'USD', 'es-419', 1_000)).toEqual({ ok: true, minor: 1_000n });
  });

  test('a retry keeps its Idempotency-Key only when the processor may have the refund', () => {
    expect(outcomeUnknown(null)).toBe(true);
    expect(outcomeUnknown(0)).toBe(true);
    expect(outcomeUnknown(503)).toBe(true);
    expect(outcomeUnknown(500)).toBe(true);
    expect(outcomeUnknown(502)).toBe(false);
    expect(outcomeUnknown(422)).toBe(false);
    expect(outcomeUnknown(409)).toBe(false);
  });
});
