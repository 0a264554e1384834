import { describe, expect, test, vi } from 'vitest';
import { dateInTimeZone, displayLanguage, formatAmount, formatCalendarDate } from './format.ts';

describe('calendar dates, the same on PDFs and on screen', () => {
  test('Spanish writes "sept" (not ICU-dependent "sep"), day first', () => {
    expect(formatCalendarDate('2026-09-12', 'es-MX')).toBe('12 sept 2026');
    expect(formatCalendarDate('2025-03-05', 'es')).toBe('5 mar 2025');
    expect(formatCalendarDate('2025-12-31', 'es-MX')).toBe('31 dic 2025');
  });

  test('English writes month first', () => {
    expect(formatCalendarDate('2026-09-12', 'en-US')).toBe('Sep 12, 2026');
    expect(formatCalendarDate('2025-01-01', 'en-MX')).toBe('Jan 1, 2025');
  });

  test('an ISO timestamp uses its date part; anything else is returned as is', () => {
    expect(formatCalendarDate('2026-09-12T23:59:59Z', 'es-MX')).toBe('12 sept 2026');
    expect(formatCalendarDate('not a date', 'es-MX')).toBe('not a date');
  });

  test('a moment is a calendar date in the given time zone', () => {
    const at = new Date('2026-09-13T03:00:00Z');
    expect(dateInTimeZone(at, 'America/Mexico_City')).toBe('2026-09-12');
    expect(dateInTimeZone(at, 'UTC')).toBe('2026-09-13');
  });

  test('languages other than English are written in Spanish', () => {
    expect(displayLanguage('en-US')).toBe('en');
    expect(displayLanguage('es-MX')).toBe('es');
  });
});

describe('negative amounts: one rule, the minus sign first', () => {
  test('before the currency symbol or code, in every locale', () => {
    expect(formatAmount(-123456n, 'MXN', 'es-MX')).toBe('-$1,234.56');
    expect(formatAmount(-123456n, 'MXN', 'en-US')).toBe('-MX$1,234.56');
    expect(formatAmount(-500n, 'USD', 'es-MX')).toMatch(/^-USD\s5\.00$/);
    expect(formatAmount(-1234n, 'JPY', 'en-US')).toBe('-¥1,234');
    expect(formatAmount(-1n, 'BHD', 'en-US')).toMatch(/^-BHD\s0\.001$/);
  });

  test('positive amounts are exact beyond 2^53', () => {
    expect(formatAmount(900719925474099312n, 'USD', 'en-US')).toBe('$9,007,199,254,740,993.12');
    expect(formatAmount(0n, 'USD', 'en-US')).toBe('$0.00');
  });

  test('the web app formats exactly as the server', async () => {
    // web/src/app/format.ts loads the app's i18n, which reads the browser's languages.
    vi.stubGlobal('navigator', { languages: ['es-MX'], language: 'es-MX' });
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', { documentElement: {} });
    // (A computed specifier: the server's type check does not follow it into the web app.)
    const webFormat = '../../../web/src/app/format.ts';
    const { formatMoney: webFormatMoney } = (await import(webFormat)) as {
      formatMoney: (minor: bigint, currency: string, locale: string) => string;
    };
    vi.unstubAllGlobals();
    for (const [minor, currency, locale] of [
      [-123456n, 'MXN', 'es-MX'],
      [-500n, 'USD', 'es-MX'],
      [123456n, 'MXN', 'en-US'],
      [-7n, 'BHD', 'en-US'],
      [-123456n, 'MXN', 'es-419'],
    ] as const)
      expect(webFormatMoney(minor, currency, locale)).toBe(formatAmount(minor, currency, locale));
  });
});
