import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  dayOf,
  easterSunday,
  formatDay,
  lastWeekday,
  MONDAY,
  nextMondayFrom,
  nthWeekday,
  parseDay,
  SUNDAY,
  THURSDAY,
  weekdayOf,
} from '../../src/domain/calendar/calendar-day.ts';

/**
 * Western Easter Sunday 2000–2035 as Easter tables publish it (cross-checked against two
 * independent public lists), written out rather than computed, so the computus is checked against them.
 */
const EASTER: Record<number, string> = {
  2000: '04-23',
  2001: '04-15',
  2002: '03-31',
  2003: '04-20',
  2004: '04-11',
  2005: '03-27',
  2006: '04-16',
  2007: '04-08',
  2008: '03-23',
  2009: '04-12',
  2010: '04-04',
  2011: '04-24',
  2012: '04-08',
  2013: '03-31',
  2014: '04-20',
  2015: '04-05',
  2016: '03-27',
  2017: '04-16',
  2018: '04-01',
  2019: '04-21',
  2020: '04-12',
  2021: '04-04',
  2022: '04-17',
  2023: '04-09',
  2024: '03-31',
  2025: '04-20',
  2026: '04-05',
  2027: '03-28',
  2028: '04-16',
  2029: '04-01',
  2030: '04-21',
  2031: '04-13',
  2032: '03-28',
  2033: '04-17',
  2034: '04-09',
  2035: '03-25',
};

describe('easterSunday', () => {
  test('gives the published dates of 2000–2035', () => {
    for (const [year, monthDay] of Object.entries(EASTER)) {
      expect(formatDay(easterSunday(Number(year))), year).toBe(`${year}-${monthDay}`);
    }
  });

  test('is always a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe(SUNDAY);
        expect(easter).toBeGreaterThanOrEqual(dayOf(year, 3, 22));
        expect(easter).toBeLessThanOrEqual(dayOf(year, 4, 25));
      }),
    );
  });

  test('refuses years outside the Gregorian calendar it knows', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  test('1970-01-01 is day 0, a Thursday; leap days exist only in leap years', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(THURSDAY);
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(formatDay(parseDay('2000-02-29'))).toBe('2000-02-29');
    expect(() => parseDay('2100-02-29')).toThrow(RangeError);
    expect(() => parseDay('2026-02-29')).toThrow(RangeError);
  });

  test('round-trip every day and agree with the UTC calendar on the weekday', () => {
    const anyDay = fc.date({
      min: new Date('1600-01-01T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(anyDay, (instant) => {
        const text = instant.toISOString().slice(0, 10);
        const day = parseDay(text);
        expect(formatDay(day)).toBe(text);
        expect(formatDay(day + 1) > text).toBe(true);
        // getUTCDay: Sunday 0; ISO: Sunday 7.
        expect(weekdayOf(day) % 7).toBe(new Date(`${text}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  test('refuses what is not a calendar date, with the reason', () => {
    expect(() => parseDay('2026-02-31')).toThrow(/2026-02-31 is not a day of the calendar/);
    expect(() => parseDay('2026-13-01')).toThrow(RangeError);
    expect(() => parseDay('2026-00-10')).toThrow(RangeError);
    expect(() => parseDay('2026-2-3')).toThrow(/YYYY-MM-DD/);
    expect(() => parseDay('2026-02-03T00:00:00Z')).toThrow(/YYYY-MM-DD/);
    expect(() => parseDay(' 2026-02-03')).toThrow(RangeError);
    expect(() => parseDay('1500-01-01')).toThrow(/before 1583/);
    expect(() => parseDay(20260203 as unknown as string)).toThrow(RangeError);
  });

  test('finds nth and last weekdays of a month', () => {
    expect(formatDay(nthWeekday(2026, 1, MONDAY, 3))).toBe('2026-01-19');
    expect(formatDay(nthWeekday(2026, 2, MONDAY, 1))).toBe('2026-02-02');
    expect(formatDay(nthWeekday(2026, 11, THURSDAY, 4))).toBe('2026-11-26');
    expect(formatDay(lastWeekday(2027, 5, MONDAY))).toBe('2027-05-31');
    expect(formatDay(lastWeekday(2026, 12, THURSDAY))).toBe('2026-12-31');
    expect(formatDay(nextMondayFrom(parseDay('2026-01-06')))).toBe('2026-01-12');
    expect(formatDay(nextMondayFrom(parseDay('2026-01-12')))).toBe('2026-01-12');
  });
});
