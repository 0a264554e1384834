import { isCalendarDay } from '../shared/calendar-date.ts';

/**
 * Calendar days as integers: days since 1970-01-01 (day 0, a Thursday). Pure arithmetic on the
 * proleptic Gregorian calendar, so no Date, no time zone and no daylight saving can move a day.
 * The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */
export type DayNumber = number;

/** A holiday as a country's rules produce it (business-days.ts turns `day` into 'YYYY-MM-DD'). */
export interface RuleHoliday {
  day: DayNumber;
  name: { es: string; en: string };
}

/** Years the module accepts: from the first Gregorian Easter to the last four-digit year. */
export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

/** ISO weekday numbers. */
export const MONDAY = 1;
export const THURSDAY = 4;
export const SATURDAY = 6;
export const SUNDAY = 7;

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
}

/** The day number of year-month-day (month 1–12); the caller passes a real date. */
export function dayOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** [year, month 1–12, day] of a day number. */
export function civilOf(dayNumber: DayNumber): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekdayOf(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; anything else (2026-02-31, 2026-2-3, a timestamp) is a RangeError. */
export function parseDay(day: string): DayNumber {
  const match = typeof day === 'string' ? DAY_FORMAT.exec(day) : null;
  if (!match) throw new RangeError(`expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR) throw new RangeError(`${day} is before ${MIN_YEAR}, outside the Gregorian calendar`);
  if (!isCalendarDay(year, month, date)) throw new RangeError(`${day} is not a day of the calendar`);
  return dayOf(year, month, date);
}

/** Day number → 'YYYY-MM-DD'. */
export function formatDay(dayNumber: DayNumber): string {
  const [year, month, day] = civilOf(dayNumber);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`the result falls outside years ${MIN_YEAR}–${MAX_YEAR}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(dayNumber: DayNumber): number {
  return civilOf(dayNumber)[0];
}

/** The nth (1-based) `weekday` of a month: the third Monday of January is nthWeekday(y, 1, MONDAY, 3). */
export function nthWeekday(year: number, month: number, weekday: number, n: number): DayNumber {
  const first = dayOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** The last `weekday` of a month (Memorial Day is the last Monday of May). */
export function lastWeekday(year: number, month: number, weekday: number): DayNumber {
  const last = month === 12 ? dayOf(year + 1, 1, 1) - 1 : dayOf(year, month + 1, 1) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The day itself, or the Monday after when it falls on a Sunday. */
export function sundayToMonday(dayNumber: DayNumber): DayNumber {
  return weekdayOf(dayNumber) === SUNDAY ? dayNumber + 1 : dayNumber;
}

/** The day itself when a Monday, else the next Monday (Colombia's Ley Emiliani). */
export function nextMondayFrom(dayNumber: DayNumber): DayNumber {
  return dayNumber + ((MONDAY - weekdayOf(dayNumber) + 7) % 7);
}

/**
 * Western (Gregorian) Easter Sunday: the anonymous Gregorian computus as Meeus gives it
 * (Astronomical Algorithms, ch. 8; also Butcher 1876), valid for every Gregorian year.
 */
export function easterSunday(year: number): DayNumber {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}
