import { dayOf, easterSunday, nextMondayFrom, type RuleHoliday } from '../calendar-day.ts';

/**
 * Colombia's public holidays (festivos), on which the banks supervised by the Superintendencia
 * Financiera close: Ley 51 de 1983 ("Ley Emiliani"), art. 1 (the days) and art. 2 (6 January,
 * 19 March, 29 June, 15 August, 12 October, 1 and 11 November, Ascension, Corpus Christi and Sacred
 * Heart move to the next Monday when they are not on one, Sundays included). The others stay on
 * their day even on a Sunday (20 July 2025). Checked against the published calendars for 2025
 * (16 weekday festivos: Sacred Heart and Saints Peter and Paul both on 30 June) and 2026 (18).
 *
 * When two festivos land on one Monday the law gives one day off; holidaysOf lists both names on it.
 */
export function coHolidays(year: number): RuleHoliday[] {
  const fixed = (month: number, day: number, es: string, en: string): RuleHoliday => ({
    day: dayOf(year, month, day),
    name: { es, en },
  });
  const moved = (month: number, day: number, es: string, en: string): RuleHoliday => ({
    day: nextMondayFrom(dayOf(year, month, day)),
    name: { es, en },
  });
  const easter = easterSunday(year);
  return [
    fixed(1, 1, 'Año Nuevo', "New Year's Day"),
    moved(1, 6, 'Día de los Reyes Magos', 'Epiphany'),
    moved(3, 19, 'Día de San José', "Saint Joseph's Day"),
    { day: easter - 3, name: { es: 'Jueves Santo', en: 'Holy Thursday' } },
    { day: easter - 2, name: { es: 'Viernes Santo', en: 'Good Friday' } },
    fixed(5, 1, 'Día del Trabajo', 'Labour Day'),
    // Ascension Thursday (Easter + 39), Corpus Christi Thursday (+ 60), Sacred Heart Friday (+ 68),
    // each on the Monday after.
    { day: easter + 43, name: { es: 'Ascensión del Señor', en: 'Ascension Day' } },
    { day: easter + 64, name: { es: 'Corpus Christi', en: 'Corpus Christi' } },
    { day: easter + 71, name: { es: 'Sagrado Corazón de Jesús', en: 'Sacred Heart' } },
    moved(6, 29, 'San Pedro y San Pablo', 'Saints Peter and Paul'),
    fixed(7, 20, 'Día de la Independencia', 'Independence Day'),
    fixed(8, 7, 'Batalla de Boyacá', 'Battle of Boyacá'),
    moved(8, 15, 'Asunción de la Virgen', 'Assumption Day'),
    moved(10, 12, 'Día de la Raza', 'Columbus Day'),
    moved(11, 1, 'Día de Todos los Santos', "All Saints' Day"),
    moved(11, 11, 'Independencia de Cartagena', 'Independence of Cartagena'),
    fixed(12, 8, 'Inmaculada Concepción', 'Immaculate Conception'),
    fixed(12, 25, 'Navidad', 'Christmas Day'),
  ];
}
