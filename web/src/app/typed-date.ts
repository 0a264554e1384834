/** Typing calendar dates in the interface language (pure: no React, no i18n). */

import { isCalendarDay } from '../../../src/domain/shared/calendar-date.ts';

/** How a date is typed in each language: day first in Spanish, month first in English. */
export const DATE_INPUT_FORMATS = {
  es: { format: 'DD/MM/YYYY', placeholder: 'dd/mm/aaaa', order: ['d', 'm', 'y'] },
  en: { format: 'MM/DD/YYYY', placeholder: 'mm/dd/yyyy', order: ['m', 'd', 'y'] },
} as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * What a person typed → 'YYYY-MM-DD', or null. Accepts the language's order ("12/09/2026" in
 * Spanish is 12 September) with /, - or . between the parts, and ISO dates as they are.
 */
export function parseTypedDate(text: string, language: 'es' | 'en'): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isCalendarDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
  }
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!parts) return null;
  const order = DATE_INPUT_FORMATS[language].order;
  const got: Record<string, number> = {};
  order.forEach((key, i) => {
    got[key] = Number(parts[i + 1]);
  });
  const { y = 0, m = 0, d = 0 } = got;
  return isCalendarDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}
