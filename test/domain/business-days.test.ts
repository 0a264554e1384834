import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  holidaysOf,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  supportedCountries,
} from '../../src/domain/calendar/business-days.ts';

/** A calendar date between 1990 and 2110, as 'YYYY-MM-DD'. */
const anyDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** The countries with rules, and one without. */
const anyCountry = fc.constantFrom(...supportedCountries, 'ZZ');
const fewDays = fc.integer({ min: 0, max: 400 });

/** The day after, by the UTC calendar: an independent way to walk days in the checks below. */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('business days', () => {
  test('knows Colombia, Mexico and the United States', () => {
    expect(supportedCountries).toEqual(['CO', 'MX', 'US']);
  });

  test('weekends are never business days; holidays close weekdays', () => {
    expect(isBusinessDay('US', '2026-12-05')).toBe(false); // Saturday
    expect(isBusinessDay('US', '2026-12-06')).toBe(false); // Sunday
    expect(isBusinessDay('US', '2026-12-04')).toBe(true);
    expect(isBusinessDay('US', '2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('MX', '2026-11-26')).toBe(true);
    expect(isBusinessDay('MX', '2026-12-25')).toBe(false);
  });

  test('nextBusinessDay is the day itself when open, else the next open one', () => {
    expect(nextBusinessDay('US', '2026-12-01')).toBe('2026-12-01');
    expect(nextBusinessDay('US', '2026-12-25')).toBe('2026-12-28'); // Christmas Friday, weekend
    expect(nextBusinessDay('MX', '2026-04-02')).toBe('2026-04-06'); // Holy Thursday, Good Friday, weekend
    expect(nextBusinessDay('US', '2027-07-03')).toBe('2027-07-06'); // Saturday, Sunday 4 July, Monday observed
  });

  test('previousBusinessDay is the last open day before, never the day itself', () => {
    expect(previousBusinessDay('US', '2026-12-01')).toBe('2026-11-30');
    expect(previousBusinessDay('US', '2026-11-30')).toBe('2026-11-27');
    expect(previousBusinessDay('US', '2026-11-27')).toBe('2026-11-25'); // over Thanksgiving
    expect(previousBusinessDay('MX', '2026-01-02')).toBe('2025-12-31'); // over New Year, across years
  });

  test('addBusinessDays counts open days after the day, a closed day counting as the next open one', () => {
    expect(addBusinessDays('US', '2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays('US', '2026-07-02', 1)).toBe('2026-07-03'); // Fed open the Friday before 4 July
    expect(addBusinessDays('US', '2026-12-04', 1)).toBe('2026-12-07'); // Friday to Monday
    expect(addBusinessDays('US', '2026-12-05', 1)).toBe('2026-12-08'); // Saturday is taken as Monday
    expect(addBusinessDays('US', '2026-11-26', 1)).toBe('2026-11-30'); // Thanksgiving is taken as Friday
    expect(addBusinessDays('US', '2026-12-05', 0)).toBe('2026-12-07');
    expect(addBusinessDays('US', '2026-12-04', 0)).toBe('2026-12-04');
    expect(addBusinessDays('US', '2026-12-22', 3)).toBe('2026-12-28');
    expect(addBusinessDays('MX', '2026-12-30', 2)).toBe('2027-01-04'); // over 1 January and a weekend
    expect(addBusinessDays('US', '2026-12-01', 251)).toBe('2027-12-01');
  });

  test('businessDaysBetween counts (from, to]; reversed it is negative', () => {
    expect(businessDaysBetween('US', '2026-12-04', '2026-12-07')).toBe(1); // Friday to Monday
    expect(businessDaysBetween('US', '2026-12-24', '2026-12-28')).toBe(1); // over Christmas
    expect(businessDaysBetween('US', '2026-12-07', '2026-12-07')).toBe(0);
    expect(businessDaysBetween('US', '2026-12-28', '2026-12-24')).toBe(-1);
    expect(businessDaysBetween('US', '2025-12-31', '2026-12-31')).toBe(251); // 261 weekdays − 10 holidays on them
    expect(businessDaysBetween('MX', '2025-12-31', '2026-12-31')).toBe(251); // 11 holidays, 12 December a Saturday
  });

  test('a country without rules has weekends only', () => {
    expect(isBusinessDay('ZZ', '2026-12-25')).toBe(true);
    expect(isBusinessDay('ZZ', '2026-12-26')).toBe(false);
    expect(holidaysOf('ZZ', 2026)).toEqual([]);
    expect(addBusinessDays('DE', '2026-12-24', 1)).toBe('2026-12-25');
  });

  test('refuses bad input with a RangeError that says what was wrong', () => {
    expect(() => isBusinessDay('US', '2026-02-31')).toThrow(/2026-02-31 is not a day of the calendar/);
    expect(() => nextBusinessDay('US', '12/01/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => previousBusinessDay('US', '2026-13-01')).toThrow(RangeError);
    expect(() => businessDaysBetween('US', '2026-01-01', '2026-04-31')).toThrow(RangeError);
    expect(() => isBusinessDay('us', '2026-12-01')).toThrow(/ISO 3166-1 alpha-2/);
    expect(() => isBusinessDay('USA', '2026-12-01')).toThrow(RangeError);
    expect(() => addBusinessDays('US', '2026-12-01', -1)).toThrow(/n must be/);
    expect(() => addBusinessDays('US', '2026-12-01', 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays('US', '2026-12-01', Number.NaN)).toThrow(RangeError);
    expect(() => holidaysOf('US', 2026.5)).toThrow(/year must be/);
    expect(() => holidaysOf('US', 10_000)).toThrow(RangeError);
  });
});

describe('business days: invariants', () => {
  test('addBusinessDays always lands on a business day', () => {
    fc.assert(
      fc.property(anyCountry, anyDay, fewDays, (country, day, n) => {
        expect(isBusinessDay(country, addBusinessDays(country, day, n))).toBe(true);
      }),
    );
  });

  test('one more business day is always later', () => {
    fc.assert(
      fc.property(anyCountry, anyDay, fewDays, (country, day, n) => {
        expect(addBusinessDays(country, day, n + 1) > addBusinessDays(country, day, n)).toBe(true);
      }),
    );
  });

  test('businessDaysBetween undoes addBusinessDays', () => {
    fc.assert(
      fc.property(anyCountry, anyDay, fc.integer({ min: 1, max: 400 }), (country, day, n) => {
        const from = nextBusinessDay(country, day);
        expect(businessDaysBetween(country, from, addBusinessDays(country, from, n))).toBe(n);
        // From a closed day the count also takes in the open day it stands for.
        const extra = isBusinessDay(country, day) ? 0 : 1;
        expect(businessDaysBetween(country, day, addBusinessDays(country, day, n))).toBe(n + extra);
      }),
    );
  });

  test('nextBusinessDay is idempotent, and previousBusinessDay steps back over what addBusinessDays steps over', () => {
    fc.assert(
      fc.property(anyCountry, anyDay, (country, day) => {
        const next = nextBusinessDay(country, day);
        expect(nextBusinessDay(country, next)).toBe(next);
        expect(next >= day).toBe(true);
        expect(previousBusinessDay(country, addBusinessDays(country, next, 1))).toBe(next);
        expect(addBusinessDays(country, day, 3)).toBe(addBusinessDays(country, next, 3));
        expect(previousBusinessDay(country, day) < day).toBe(true);
      }),
    );
  });

  test('businessDaysBetween equals counting the days one by one', () => {
    fc.assert(
      fc.property(anyCountry, anyDay, fc.integer({ min: 0, max: 800 }), (country, from, span) => {
        let to = from;
        let count = 0;
        for (let i = 0; i < span; i += 1) {
          to = dayAfter(to);
          if (isBusinessDay(country, to)) count += 1;
        }
        expect(businessDaysBetween(country, from, to)).toBe(count);
        expect(businessDaysBetween(country, to, from)).toBe(0 - count);
      }),
      { numRuns: 60 },
    );
  });

  test('a holiday on a weekday is never a business day; every other weekday is', () => {
    fc.assert(
      fc.property(anyCountry, fc.integer({ min: 1990, max: 2110 }), (country, year) => {
        const holidays = new Set(holidaysOf(country, year).map((h) => h.day));
        for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = dayAfter(day)) {
          const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
          const open = weekday !== 0 && weekday !== 6 && !holidays.has(day);
          expect(isBusinessDay(country, day), day).toBe(open);
        }
      }),
      { numRuns: 20 },
    );
  });
});
