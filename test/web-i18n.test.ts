import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web app's translations: every feature (and the shared `common` namespace in
 * web/src/app, and the UI kit's `kit` in web/src/shared/ui) has es.json and en.json with exactly the same keys, none of them empty, and
 * the same {{placeholders}} in both languages.
 */
const webSrc = path.resolve(import.meta.dirname, '../web/src');
const featuresDir = path.join(webSrc, 'features');

const catalogs = [
  ...readdirSync(featuresDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: path.join(featuresDir, entry.name, 'i18n') })),
  { name: 'common (app)', dir: path.join(webSrc, 'app', 'i18n') },
  { name: 'kit (shared/ui)', dir: path.join(webSrc, 'shared', 'ui', 'i18n') },
];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [flatKey, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(flatKey, leaf);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function load(dir: string, locale: 'es' | 'en'): Map<string, Json> {
  return flatten(JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as Json);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('web translations', () => {
  it('has a catalog for every feature', () => {
    expect(catalogs.length).toBeGreaterThan(1);
  });

  describe.each(catalogs)('$name', ({ dir }) => {
    const es = load(dir, 'es');
    const en = load(dir, 'en');

    it('has the same keys in Spanish and English', () => {
      expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it('has no empty or non-text values', () => {
      for (const [locale, entries] of [
        ['es', es],
        ['en', en],
      ] as const) {
        for (const [key, value] of entries) {
          expect(typeof value === 'string' && value.trim() !== '', `${locale}: ${key}`).toBe(true);
        }
      }
    });

    it('uses the same placeholders in both languages', () => {
      for (const [key, value] of en) {
        const other = es.get(key);
        if (typeof value !== 'string' || typeof other !== 'string') continue;
        expect(placeholders(other), key).toEqual(placeholders(value));
      }
    });
  });
});
