import {
  assertYear,
  type DayNumber,
  formatDay,
  parseDay,
  type RuleHoliday,
  SATURDAY,
  weekdayOf,
  yearOf,
} from './calendar-day.ts';
import { coHolidays } from './holidays/co.ts';
import { mxHolidays } from './holidays/mx.ts';
import { usHolidays } from './holidays/us.ts';

/**
 * Business days: the days a country's banks settle, for when a deposit lands, an ACH debit settles
 * or an autopay charge runs. Days are calendar dates ('YYYY-MM-DD'), never instants, so the
 * arithmetic is on integers and no time zone can move them; a malformed or impossible date
 * (2026-02-31) is a RangeError.
 *
 * A business day is a Monday to Friday that is not one of the country's bank holidays (the rules
 * and their sources are in holidays/<country>.ts). A country without rules here (ISO 3166-1 alpha-2,
 * upper case) has weekends only: the calendar still works, it just knows no holidays.
 */

export interface Holiday {
  day: string;
  name: { es: string; en: string };
}

const RULES: Readonly<Record<string, (year: number) => RuleHoliday[]>> = {
  CO: coHolidays,
  MX: mxHolidays,
  US: usHolidays,
};

/** Countries whose bank holidays Saldo knows. */
export const supportedCountries: readonly string[] = Object.freeze(Object.keys(RULES).sort());

interface YearCalendar {
  holidays: readonly Holiday[];
  /** Holidays that close a weekday (a holiday on a weekend changes nothing). */
  closed: ReadonlySet<DayNumber>;
}

const NO_HOLIDAYS: YearCalendar = { holidays: Object.freeze([]), closed: new Set() };
/** Per country and year, computed once: a payment asks the same few years again and again. */
const cache = new Map<string, YearCalendar>();

function assertCountry(country: string): void {
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))
    throw new RangeError(
      `country must be an ISO 3166-1 alpha-2 code in upper case, got ${JSON.stringify(country)}`,
    );
}

/** In date order, one entry per day: two holidays on one day (Colombia's Mondays) share it. */
function mergeSameDay(holidays: RuleHoliday[]): RuleHoliday[] {
  const merged: RuleHoliday[] = [];
  for (const h of [...holidays].sort((a, b) => a.day - b.day)) {
    const last = merged.at(-1);
    if (last?.day === h.day)
      last.name = { es: `${last.name.es} / ${h.name.es}`, en: `${last.name.en} / ${h.name.en}` };
    else merged.push({ day: h.day, name: { ...h.name } });
  }
  return merged;
}

function calendarOf(country: string, year: number): YearCalendar {
  const rules = RULES[country];
  if (!rules) return NO_HOLIDAYS;
  const key = `${country}:${year}`;
  let calendar = cache.get(key);
  if (!calendar) {
    const found = mergeSameDay(rules(year));
    calendar = {
      holidays: Object.freeze(
        found.map((h) => Object.freeze({ day: formatDay(h.day), name: Object.freeze({ ...h.name }) })),
      ),
      closed: new Set(found.filter((h) => weekdayOf(h.day) < SATURDAY).map((h) => h.day)),
    };
    cache.set(key, calendar);
  }
  return calendar;
}

function isOpen(country: string, day: DayNumber): boolean {
  return weekdayOf(day) < SATURDAY && !calendarOf(country, yearOf(day)).closed.has(day);
}

/** Next business day on or after `day` (as a day number). */
function onOrAfter(country: string, day: DayNumber): DayNumber {
  let d = day;
  while (!isOpen(country, d)) d += 1;
  return d;
}

export function isBusinessDay(country: string, day: string): boolean {
  assertCountry(country);
  return isOpen(country, parseDay(day));
}

/** `day` itself when it is a business day, else the first business day after it. */
export function nextBusinessDay(country: string, day: string): string {
  assertCountry(country);
  return formatDay(onOrAfter(country, parseDay(day)));
}

/** The last business day before `day` (never `day` itself). */
export function previousBusinessDay(country: string, day: string): string {
  assertCountry(country);
  let d = parseDay(day) - 1;
  while (!isOpen(country, d)) d -= 1;
  return formatDay(d);
}

/**
 * `n` business days after `day` (n ≥ 0, whole). A day that is not a business day counts as the next
 * one, the way banks take a debit or a payout made on a weekend as made on Monday: with n = 1 a
 * Friday gives Monday and a Saturday gives Tuesday. n = 0 is nextBusinessDay(day).
 */
export function addBusinessDays(country: string, day: string, n: number): string {
  assertCountry(country);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`n must be a whole number of business days, 0 or more, got ${n}`);
  let d = onOrAfter(country, parseDay(day));
  for (let left = n; left > 0; ) {
    d += 1;
    if (isOpen(country, d)) left -= 1;
  }
  return formatDay(d);
}

/** Mondays to Fridays in the day numbers [from, to). */
function weekdaysIn(from: DayNumber, to: DayNumber): number {
  const days = to - from;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let d = from + weeks * 7; d < to; d += 1) if (weekdayOf(d) < SATURDAY) count += 1;
  return count;
}

/**
 * Business days in (from, to]: from Friday to the next Monday is 1. Reversed arguments give the
 * negative count (businessDaysBetween(a, b) === -businessDaysBetween(b, a)), so "how many business
 * days late" needs no branch at the caller.
 */
export function businessDaysBetween(country: string, from: string, to: string): number {
  assertCountry(country);
  const start = parseDay(from);
  const end = parseDay(to);
  if (end < start) return 0 - businessDaysBetween(country, to, from); // 0 - 0 is 0, not -0
  // Weekdays by arithmetic, then the weekday holidays in the range, year by year.
  let count = weekdaysIn(start + 1, end + 1);
  for (let year = yearOf(start); year <= yearOf(end); year += 1)
    for (const closed of calendarOf(country, year).closed) if (closed > start && closed <= end) count -= 1;
  return count;
}

/**
 * The country's bank holidays in `year`, one entry per day in date order, with their names in
 * Spanish and English (two holidays on one day share the entry, names joined by " / "). A holiday
 * on a weekend is listed on it, as the published calendars do (the Fed lists Saturday holidays,
 * Mexico's CNBV Saturday 12 December 2026). A country without rules here has none.
 */
export function holidaysOf(country: string, year: number): Holiday[] {
  assertCountry(country);
  assertYear(year);
  return [...calendarOf(country, year).holidays];
}
