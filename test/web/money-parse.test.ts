import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { parseAmount } from '../../src/domain/money/money.ts';
import { parseMoney } from '../../src/domain/money/parse-money.ts';
import { parseMoneyInput } from '../../web/src/app/money-input.ts';

/**
 * One amount parser (src/domain/money/parse-money.ts) behind the server's parseAmount and the
 * web's parseMoneyInput: for every text below both give the same answer — the server without a
 * locale, the web in the interface's locale — and the ambiguous case follows the documented rule.
 * The web's two locales (en-US, es-419) both write a decimal point; es-ES stands for a locale
 * that writes a decimal comma.
 */
type Expected = bigint | 'empty' | 'invalid' | 'too_precise' | 'too_large';

// text, currency, [no locale (server), a decimal point (en-US, es-419), a decimal comma (es-ES)]
const table: [string, string, [Expected, Expected, Expected]][] = [
  ['10.005', 'USD', [1_000_500n, 'too_precise', 1_000_500n]],
  ['10,005', 'USD', [1_000_500n, 1_000_500n, 'too_precise']],
  ['1.234,56', 'USD', [123_456n, 123_456n, 123_456n]],
  ['1,234.56', 'USD', [123_456n, 123_456n, 123_456n]],
  ['1 234,56', 'MXN', [123_456n, 123_456n, 123_456n]],
  ['$1,234.56', 'USD', [123_456n, 123_456n, 123_456n]],
  ['1.234,56 €', 'EUR', [123_456n, 123_456n, 123_456n]],
  ['1234.56 MXN', 'MXN', [123_456n, 123_456n, 123_456n]],
  ['12,5', 'USD', [1250n, 1250n, 1250n]],
  ['0,125', 'USD', ['too_precise', 'too_precise', 'too_precise']],
  ['10.500', 'USD', [1_050_000n, 'too_precise', 1_050_000n]],
  ['1.234.567', 'MXN', [123_456_700n, 123_456_700n, 123_456_700n]],
  ['(1,234.56)', 'USD', [-123_456n, -123_456n, -123_456n]],
  ['-12', 'USD', [-1200n, -1200n, -1200n]],
  ['\u221212,50', 'MXN', [-1250n, -1250n, -1250n]],
  ['(-12)', 'USD', ['invalid', 'invalid', 'invalid']],
  ['-', 'USD', ['invalid', 'invalid', 'invalid']],
  ['', 'USD', ['empty', 'empty', 'empty']],
  ['   ', 'USD', ['empty', 'empty', 'empty']],
  ['\u0000', 'USD', ['invalid', 'invalid', 'invalid']],
  ['1\u00002', 'USD', ['invalid', 'invalid', 'invalid']],
  ['.5', 'USD', ['invalid', 'invalid', 'invalid']],
  ['12.', 'USD', ['invalid', 'invalid', 'invalid']],
  ['1e5', 'USD', ['invalid', 'invalid', 'invalid']],
  ['10,000,000,000,000.00', 'USD', [10n ** 15n, 10n ** 15n, 10n ** 15n]],
  ['10,000,000,000,000.01', 'USD', ['too_large', 'too_large', 'too_large']],
  ['99999999999999999999999999', 'USD', ['too_large', 'too_large', 'too_large']],
  ['1,234', 'JPY', [1234n, 1234n, 'too_precise']],
  ['1.234', 'JPY', [1234n, 'too_precise', 1234n]],
  ['1.5', 'JPY', ['too_precise', 'too_precise', 'too_precise']],
  ['¥5,000', 'JPY', [5000n, 5000n, 'too_precise']],
  ['¥5.000', 'JPY', [5000n, 'too_precise', 5000n]],
  ['1.234', 'BHD', [1234n, 1234n, 1234n]],
  ['1,234', 'BHD', [1234n, 1234n, 1234n]],
  ['1.234.567,125', 'BHD', [1_234_567_125n, 1_234_567_125n, 1_234_567_125n]],
  ['1.2345', 'BHD', ['too_precise', 'too_precise', 'too_precise']],
  ['0', 'USD', [0n, 0n, 0n]],
];

/** The server's answer, as the shared parser's vocabulary. */
function server(text: string, currency: string, locale?: string): Expected {
  try {
    return parseAmount(text, currency, locale ? { locale } : {});
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const code = error.fields?.[0]?.code;
    if (code === 'too_precise') return 'too_precise';
    if (code === 'maximum') return 'too_large';
    return text.trim() ? 'invalid' : 'empty';
  }
}

/** The web's answer: it refuses what is not greater than zero, otherwise the same vocabulary. */
function web(text: string, currency: string, locale: string): Expected | 'notPositive' {
  const parsed = parseMoneyInput(text, currency, locale);
  if (parsed.ok) return parsed.minor;
  return (
    {
      empty: 'empty',
      invalid: 'invalid',
      tooManyDecimals: 'too_precise',
      tooLarge: 'too_large',
      notPositive: 'notPositive',
    } as const
  )[parsed.reason];
}

const shared = (text: string, currency: string, locale?: string): Expected => {
  const parsed = parseMoney(text, currency, locale ? { locale } : {});
  return parsed.ok ? parsed.minor : (parsed.reason as Expected);
};

/** What the web says for an answer of the shared parser (zero and less are "not positive" there). */
const onScreen = (expected: Expected) =>
  typeof expected === 'bigint' ? (expected > 0n ? expected : 'notPositive') : expected;

describe('one money parser for server and web', () => {
  test.each(table)('%j %s', (text, currency, [none, en, es]) => {
    expect(shared(text, currency), 'no locale').toBe(none);
    expect(shared(text, currency, 'en-US'), 'en-US').toBe(en);
    expect(shared(text, currency, 'es-419'), 'es-419').toBe(en);
    expect(shared(text, currency, 'es-ES'), 'es-ES').toBe(es);
    expect(server(text, currency), 'server').toBe(none);
    // A server caller that knows the person's locale reads exactly as the web does.
    expect(server(text, currency, 'es-419'), 'server es-419').toBe(en);
    expect(server(text, currency, 'es-ES'), 'server es-ES').toBe(es);
    expect(web(text, currency, 'en-US'), 'web en-US').toBe(onScreen(en));
    expect(web(text, currency, 'es-419'), 'web es-419').toBe(onScreen(en));
    expect(web(text, currency, 'es-ES'), 'web es-ES').toBe(onScreen(es));
  });

  test('a locale takes part in the ambiguous case only', () => {
    for (const [text, currency, [none, en, es]] of table) {
      const ambiguous = /^\D*[1-9]\d{0,2}[.,]\d{3}$/.test(text) && currency !== 'BHD';
      if (!ambiguous) expect([en, es], text).toEqual([none, none]);
    }
  });

  test('an unknown currency is its own refusal (the server says so about the currency field)', () => {
    expect(parseMoney('12', 'XXQ')).toEqual({ ok: false, reason: 'unknown_currency' });
    expect(parseMoney('12', 'usd')).toEqual({ ok: false, reason: 'unknown_currency' });
    expect(() => parseAmount('12', 'XXQ')).toThrow(AppError);
    expect(parseMoney('1.2345', 'BHD')).toEqual({ ok: false, reason: 'too_precise', digits: 3 });
  });
});
