import type { Locale } from '../../db/schema.ts';

const unitFormats = new Map<string, Intl.NumberFormat>();

function unit(locale: Locale, value: number, name: 'minute' | 'hour' | 'day'): string {
  const key = `${locale}|${name}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' });
    unitFormats.set(key, format);
  }
  return format.format(value);
}

/** "30 minutos", "1 hora", "2 hours": whole hours read as hours. */
export function formatMinutes(locale: Locale, minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0
    ? unit(locale, minutes / 60, 'hour')
    : unit(locale, minutes, 'minute');
}

/** "7 días", "1 day". */
export function formatDays(locale: Locale, days: number): string {
  return unit(locale, days, 'day');
}
