import {
  dayOf,
  lastWeekday,
  MONDAY,
  nthWeekday,
  type RuleHoliday,
  sundayToMonday,
  THURSDAY,
} from '../calendar-day.ts';

/**
 * The Federal Reserve Banks' holidays: the days US ACH does not settle. Sources, read 2026-12-01:
 * - Board of Governors, "K.8 – Holidays Observed by the Federal Reserve System 2026–2030"
 *   (federalreserve.gov/aboutthefed/k8.htm, updated 2025-12-31);
 * - Federal Reserve Bank of Richmond, "Holiday Schedule" 2025–2027 (richmondfed.org).
 * Both say: a holiday on a Sunday closes the Reserve Banks the Monday after; on a Saturday the
 * Reserve Banks are OPEN the Friday before (only the Board closes). So a Saturday holiday moves
 * nothing: it is listed on its Saturday, which is no business day anyway.
 *
 * Juneteenth counts from 2022, the first year the Reserve Banks closed for it, and Martin Luther
 * King Jr. Day from 1986, its first year as a federal holiday; earlier years otherwise get today's
 * rules (the Monday holidays date from 1971), which is as far back as Saldo needs.
 */
export function usHolidays(year: number): RuleHoliday[] {
  const fixed = (month: number, day: number, en: string, es: string): RuleHoliday => {
    const date = dayOf(year, month, day);
    const observed = sundayToMonday(date);
    return observed === date
      ? { day: date, name: { en, es } }
      : { day: observed, name: { en: `${en} (observed)`, es: `${es} (se recorre al lunes)` } };
  };
  const holidays: RuleHoliday[] = [fixed(1, 1, "New Year's Day", 'Año Nuevo')];
  if (year >= 1986)
    holidays.push({
      day: nthWeekday(year, 1, MONDAY, 3),
      name: { en: 'Birthday of Martin Luther King, Jr.', es: 'Natalicio de Martin Luther King Jr.' },
    });
  holidays.push(
    {
      day: nthWeekday(year, 2, MONDAY, 3),
      name: { en: "Washington's Birthday", es: 'Natalicio de George Washington' },
    },
    {
      day: lastWeekday(year, 5, MONDAY),
      name: { en: 'Memorial Day', es: 'Día de los Caídos (Memorial Day)' },
    },
  );
  if (year >= 2022)
    holidays.push(
      fixed(6, 19, 'Juneteenth National Independence Day', 'Juneteenth, Día Nacional de la Independencia'),
    );
  holidays.push(
    fixed(7, 4, 'Independence Day', 'Día de la Independencia'),
    { day: nthWeekday(year, 9, MONDAY, 1), name: { en: 'Labor Day', es: 'Día del Trabajo' } },
    { day: nthWeekday(year, 10, MONDAY, 2), name: { en: 'Columbus Day', es: 'Día de Colón' } },
    fixed(11, 11, 'Veterans Day', 'Día de los Veteranos'),
    {
      day: nthWeekday(year, 11, THURSDAY, 4),
      name: { en: 'Thanksgiving Day', es: 'Día de Acción de Gracias' },
    },
    fixed(12, 25, 'Christmas Day', 'Navidad'),
  );
  return holidays;
}
