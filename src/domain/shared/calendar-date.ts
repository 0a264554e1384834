/**
 * Whether year, month (1–12) and day name a day of the calendar (no 31 February). Shared by the
 * API's date format (http/validation.ts) and the web's typed dates (web/src/app/typed-date.ts).
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
