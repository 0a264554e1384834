import { describe, expect, test } from 'vitest';
import { holidaysOf, isBusinessDay, supportedCountries } from '../../src/domain/calendar/business-days.ts';

const days = (country: string, year: number) => holidaysOf(country, year).map((h) => h.day);

/**
 * The Federal Reserve's published schedules: 2025–2027 from the Federal Reserve Bank of Richmond's
 * "Holiday Schedule", 2026–2030 from the Board's "K.8 – Holidays Observed by the Federal Reserve
 * System 2026–2030" (updated 2025-12-31). A Sunday holiday is the Monday after (marked); a Saturday
 * one stays on its Saturday (marked), the Reserve Banks being open the Friday before.
 */
const FED: Record<number, string[]> = {
  2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  2026: [
    '01-01',
    '01-19',
    '02-16',
    '05-25',
    '06-19',
    '07-04', // Saturday
    '09-07',
    '10-12',
    '11-11',
    '11-26',
    '12-25',
  ],
  2027: [
    '01-01',
    '01-18',
    '02-15',
    '05-31',
    '06-19', // Saturday
    '07-05', // 4 July is a Sunday
    '09-06',
    '10-11',
    '11-11',
    '11-25',
    '12-25', // Saturday
  ],
  2028: [
    '01-01', // Saturday
    '01-17',
    '02-21',
    '05-29',
    '06-19',
    '07-04',
    '09-04',
    '10-09',
    '11-11', // Saturday
    '11-23',
    '12-25',
  ],
  2029: [
    '01-01',
    '01-15',
    '02-19',
    '05-28',
    '06-19',
    '07-04',
    '09-03',
    '10-08',
    '11-12', // 11 November is a Sunday
    '11-22',
    '12-25',
  ],
  2030: ['01-01', '01-21', '02-18', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
};

/**
 * The CNBV's "días en que las entidades financieras … deberán cerrar sus puertas y suspender
 * operaciones": 2024 (DOF 2023-12-12), 2025 (DOF 2024-12-27), 2026 (DOF December 2025).
 */
const CNBV: Record<number, string[]> = {
  2024: [
    '01-01',
    '02-05',
    '03-18',
    '03-28',
    '03-29',
    '05-01',
    '09-16',
    '10-01', // the new president takes office
    '11-02', // Saturday, listed anyway
    '11-18',
    '12-12',
    '12-25',
  ],
  2025: [
    '01-01',
    '02-03',
    '03-17',
    '04-17',
    '04-18',
    '05-01',
    '09-16',
    '11-02', // Sunday
    '11-17',
    '12-12',
    '12-25',
  ],
  2026: [
    '01-01',
    '02-02',
    '03-16',
    '04-02',
    '04-03',
    '05-01',
    '09-16',
    '11-02',
    '11-16',
    '12-12', // Saturday
    '12-25',
  ],
};

describe('US: the Federal Reserve holiday schedule (what ACH follows)', () => {
  test.each(Object.entries(FED))('%s is the published schedule', (year, expected) => {
    expect(days('US', Number(year))).toEqual(expected.map((d) => `${year}-${d}`));
  });

  test('a holiday on Saturday leaves the Friday before a business day; on Sunday it closes the Monday', () => {
    for (const friday of ['2026-07-03', '2027-06-18', '2027-12-24', '2027-12-31', '2028-11-10']) {
      expect(isBusinessDay('US', friday), friday).toBe(true);
    }
    for (const monday of ['2027-07-05', '2029-11-12', '2022-12-26', '2023-01-02']) {
      expect(isBusinessDay('US', monday), monday).toBe(false);
    }
  });

  test('Juneteenth counts from 2022', () => {
    expect(isBusinessDay('US', '2021-06-18')).toBe(true);
    expect(days('US', 2021)).not.toContain('2021-06-19');
    expect(isBusinessDay('US', '2022-06-20')).toBe(false);
    expect(holidaysOf('US', 2022).find((h) => h.day === '2022-06-20')?.name.en).toBe(
      'Juneteenth National Independence Day (observed)',
    );
  });

  test('names each holiday in English and Spanish', () => {
    const thanksgiving = holidaysOf('US', 2026).find((h) => h.day === '2026-11-26');
    expect(thanksgiving?.name).toEqual({ en: 'Thanksgiving Day', es: 'Día de Acción de Gracias' });
  });
});

describe('MX: the days the CNBV closes the banks', () => {
  test.each(Object.entries(CNBV))('%s is the published calendar', (year, expected) => {
    expect(days('MX', Number(year))).toEqual(expected.map((d) => `${year}-${d}`));
  });

  test('1 October closes the banks every six years from 2024, when the president takes office', () => {
    expect(isBusinessDay('MX', '2024-10-01')).toBe(false);
    expect(isBusinessDay('MX', '2030-10-01')).toBe(false);
    expect(isBusinessDay('MX', '2036-10-01')).toBe(false);
    for (const year of [2025, 2026, 2027, 2028, 2029, 2031])
      expect(days('MX', year)).not.toContain(`${year}-10-01`);
  });

  test('Holy Thursday and Good Friday follow Easter', () => {
    const holyWeek = (year: number) =>
      holidaysOf('MX', year)
        .filter((h) => h.name.en === 'Holy Thursday' || h.name.en === 'Good Friday')
        .map((h) => h.day);
    expect(holyWeek(2027)).toEqual(['2027-03-25', '2027-03-26']);
    expect(holyWeek(2035)).toEqual(['2035-03-22', '2035-03-23']);
    expect(holyWeek(2038)).toEqual(['2038-04-22', '2038-04-23']);
  });

  test('names each day in Spanish and English', () => {
    expect(holidaysOf('MX', 2026).find((h) => h.day === '2026-12-12')?.name).toEqual({
      es: 'Día del Empleado Bancario',
      en: "Bank Employees' Day",
    });
  });
});

/**
 * Colombia's festivos by Ley 51 de 1983 as the 2025 and 2026 calendars published them. In 2025
 * 20 July is a Sunday (it does not move) and two festivos share Monday 30 June.
 */
const FESTIVOS: Record<number, string[]> = {
  2025: [
    '01-01',
    '01-06',
    '03-24',
    '04-17',
    '04-18',
    '05-01',
    '06-02',
    '06-23',
    '06-30',
    '07-20',
    '08-07',
    '08-18',
    '10-13',
    '11-03',
    '11-17',
    '12-08',
    '12-25',
  ],
  2026: [
    '01-01',
    '01-12',
    '03-23',
    '04-02',
    '04-03',
    '05-01',
    '05-18',
    '06-08',
    '06-15',
    '06-29',
    '07-20',
    '08-07',
    '08-17',
    '10-12',
    '11-02',
    '11-16',
    '12-08',
    '12-25',
  ],
};

describe('CO: festivos (Ley Emiliani)', () => {
  test.each(Object.entries(FESTIVOS))('%s is the published calendar', (year, expected) => {
    expect(days('CO', Number(year))).toEqual(expected.map((d) => `${year}-${d}`));
  });

  test('two festivos on one Monday are one day with both names', () => {
    expect(holidaysOf('CO', 2025).find((h) => h.day === '2025-06-30')?.name).toEqual({
      es: 'Sagrado Corazón de Jesús / San Pedro y San Pablo',
      en: 'Sacred Heart / Saints Peter and Paul',
    });
    expect(isBusinessDay('CO', '2025-07-01')).toBe(true);
  });
});

describe('every country', () => {
  test('lists its holidays inside the year asked, in date order, for two centuries', () => {
    for (const country of supportedCountries) {
      for (let year = 1900; year <= 2100; year += 1) {
        const list = days(country, year);
        expect(list.length, `${country} ${year}`).toBeGreaterThan(5);
        expect(
          list.every((d) => d.startsWith(`${year}-`)),
          `${country} ${year}`,
        ).toBe(true);
        expect([...new Set(list)].sort(), `${country} ${year}`).toEqual(list);
      }
    }
  });

  test('the list is a copy: changing it changes nothing', () => {
    const list = holidaysOf('US', 2026);
    list.length = 0;
    expect(days('US', 2026)).toHaveLength(11);
    expect(isBusinessDay('US', '2026-12-25')).toBe(false);
  });
});
