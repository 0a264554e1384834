import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseTypedDate } from '../web/src/app/typed-date.ts';
import { firstName } from '../web/src/features/home/first-name.ts';
import { cleanListValue, MAX_PAGE, pageFrom, SEARCH_MAX_LENGTH } from '../web/src/shared/ui/list-state.ts';

describe('greeting people by their first name', () => {
  test('titles and honorifics before the name are skipped', () => {
    expect(firstName('C.P. Ana Ruiz', 'ana@example.com')).toBe('Ana');
    expect(firstName('Lic. Jorge Pérez', 'x@example.com')).toBe('Jorge');
    expect(firstName('Ing. Rosa Díaz', 'x@example.com')).toBe('Rosa');
    expect(firstName('Dra. Elena Mora', 'x@example.com')).toBe('Elena');
    expect(firstName('Dr Juan Soto', 'x@example.com')).toBe('Juan');
    expect(firstName('Sr. Luis', 'x@example.com')).toBe('Luis');
    expect(firstName('Sra. Marta', 'x@example.com')).toBe('Marta');
    expect(firstName('Mrs. Emily Carter', 'x@example.com')).toBe('Emily');
    expect(firstName('Mr. John Doe', 'x@example.com')).toBe('John');
    expect(firstName('Ms Jane Roe', 'x@example.com')).toBe('Jane');
    expect(firstName('C. P. Ana Ruiz', 'x@example.com')).toBe('Ana');
  });

  test('names without titles keep their first word; no name falls back to the e-mail', () => {
    expect(firstName('Mariana López', 'x@example.com')).toBe('Mariana');
    expect(firstName('Lucía', 'x@example.com')).toBe('Lucía');
    expect(firstName('  ', 'x@example.com')).toBe('x@example.com');
  });
});

describe('web translations', () => {
  const features = path.resolve(import.meta.dirname, '../web/src/features');
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

  test('no sentence ends with a date placeholder and a full stop ("8:56 a.m.." in Spanish)', () => {
    const offending: string[] = [];
    for (const feature of readdirSync(features)) {
      for (const locale of ['es', 'en']) {
        const file = path.join(features, feature, 'i18n', `${locale}.json`);
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(file, 'utf8'));
        } catch {
          continue;
        }
        for (const text of strings(json))
          if (/\{\{\s*(date|at|time|when)\s*\}\}\.$/.test(text))
            offending.push(`${feature}/${locale}: ${text}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe('list addresses: what a hand-edited URL may hold', () => {
  const allowed = { status: ['all', 'open', 'overdue'], sort: ['dueDate', '-dueDate'] };

  test('unknown status and sort fall back to the default (empty), known ones are kept', () => {
    expect(cleanListValue('status', 'bogus', allowed)).toBe('');
    expect(cleanListValue('sort', 'foo', allowed)).toBe('');
    expect(cleanListValue('status', 'overdue', allowed)).toBe('overdue');
    expect(cleanListValue('sort', '-dueDate', allowed)).toBe('-dueDate');
  });

  test('a search is cut to what the API accepts', () => {
    expect(SEARCH_MAX_LENGTH).toBe(100);
    expect(cleanListValue('q', 'x'.repeat(101))).toHaveLength(100);
    expect(cleanListValue('q', 'tacos')).toBe('tacos');
  });

  test('ids, dates and amounts that the API would refuse are dropped', () => {
    expect(cleanListValue('customerId', 'not-a-uuid')).toBe('');
    expect(cleanListValue('customerId', '01a23159-c93e-77b4-bd6a-613459be33d6')).toBe(
      '01a23159-c93e-77b4-bd6a-613459be33d6',
    );
    expect(cleanListValue('issuedFrom', '2026-13')).toBe('');
    expect(cleanListValue('dueTo', '2026-09-12')).toBe('2026-09-12');
    expect(cleanListValue('minAmount', '12.5')).toBe('');
    expect(cleanListValue('minAmount', '1250')).toBe('1250');
  });

  test('pages: whole numbers from 1 to the API maximum, anything else is page 1', () => {
    expect(pageFrom('999')).toBe(999);
    expect(pageFrom('99999999999999999999')).toBe(MAX_PAGE);
    expect(pageFrom('1e3')).toBe(1);
    expect(pageFrom('-2')).toBe(1);
    expect(pageFrom('0')).toBe(1);
    expect(pageFrom(null)).toBe(1);
  });
});

describe('typed dates follow the chosen language, not the browser', () => {
  test('Spanish is day first, English month first; both give YYYY-MM-DD', () => {
    expect(parseTypedDate('12/09/2026', 'es')).toBe('2026-09-12');
    expect(parseTypedDate('09/12/2026', 'en')).toBe('2026-09-12');
    expect(parseTypedDate('1.2.2026', 'es')).toBe('2026-02-01');
    expect(parseTypedDate('2026-09-12', 'en')).toBe('2026-09-12');
  });

  test('impossible dates and other text are refused', () => {
    expect(parseTypedDate('31/02/2026', 'es')).toBeNull();
    expect(parseTypedDate('13/13/2026', 'en')).toBeNull();
    expect(parseTypedDate('0000-01-01', 'es')).toBeNull();
    expect(parseTypedDate('mañana', 'es')).toBeNull();
  });
});
