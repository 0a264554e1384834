import { dayOf, easterSunday, MONDAY, nthWeekday, type RuleHoliday } from '../calendar-day.ts';

/**
 * The days the CNBV orders the financial entities it supervises (banks among them) to close and
 * suspend operations: its yearly "Disposiciones de carácter general que señalan los días del año
 * … en que las entidades financieras sujetas a la supervisión de la Comisión Nacional Bancaria y de
 * Valores deberán cerrar sus puertas y suspender operaciones", article 1. Checked against the
 * calendars for 2024 (DOF 2023-12-12), 2025 (DOF 2024-12-27) and 2026 (DOF, December 2025) as the
 * press and the ABM reported them; the tests hold those three lists.
 *
 * - Days on a weekend are not moved (2 November 2024 was a Saturday; 12 December 2026 is one).
 * - 1 October every six years from 2024: the transfer of the federal executive (Ley Federal del
 *   Trabajo art. 74 VIII and the CNBV's 2024 calendar). Before 2024 the inauguration was on
 *   1 December; those years are not modelled.
 * - Not to be confused with the CNBV's other yearly list, of days on which its own procedures do not
 *   run (which adds e.g. 5 May and Christmas week): banks are open then.
 */
export function mxHolidays(year: number): RuleHoliday[] {
  const on = (month: number, day: number, es: string, en: string): RuleHoliday => ({
    day: dayOf(year, month, day),
    name: { es, en },
  });
  const easter = easterSunday(year);
  const holidays: RuleHoliday[] = [
    on(1, 1, 'Año Nuevo', "New Year's Day"),
    {
      day: nthWeekday(year, 2, MONDAY, 1),
      name: { es: 'Día de la Constitución (5 de febrero)', en: 'Constitution Day (5 February)' },
    },
    {
      day: nthWeekday(year, 3, MONDAY, 3),
      name: { es: 'Natalicio de Benito Juárez (21 de marzo)', en: "Benito Juárez's Birthday (21 March)" },
    },
    { day: easter - 3, name: { es: 'Jueves Santo', en: 'Holy Thursday' } },
    { day: easter - 2, name: { es: 'Viernes Santo', en: 'Good Friday' } },
    on(5, 1, 'Día del Trabajo', 'Labour Day'),
    on(9, 16, 'Día de la Independencia', 'Independence Day'),
  ];
  if (year >= 2024 && (year - 2024) % 6 === 0)
    holidays.push(
      on(10, 1, 'Transmisión del Poder Ejecutivo Federal', 'Transfer of the Federal Executive Power'),
    );
  holidays.push(
    on(11, 2, 'Día de Muertos', 'Day of the Dead'),
    {
      day: nthWeekday(year, 11, MONDAY, 3),
      name: { es: 'Día de la Revolución (20 de noviembre)', en: 'Revolution Day (20 November)' },
    },
    on(12, 12, 'Día del Empleado Bancario', "Bank Employees' Day"),
    on(12, 25, 'Navidad', 'Christmas Day'),
  );
  return holidays;
}
