import type { Locale } from '../db/schema.ts';
import { en } from './en.ts';
import { es, type Messages } from './es.ts';

export const locales = ['es', 'en'] as const satisfies readonly Locale[];
export type { Messages };
export type MessageKey = keyof Messages;

const catalogs: Record<Locale, Messages> = { es, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}

/**
 * Translates a key, filling `{name}` placeholders. A param named `somethingKey` is itself a message
 * key: it is translated and fills `{something}` (e.g. statusKey: 'invoiceStatus.void' → {status}).
 * Unknown keys come back as the key itself.
 */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template =
    (catalogs[locale] as Record<string, string>)[key] ?? (catalogs.en as Record<string, string>)[key] ?? key;
  const plain = Object.fromEntries(Object.entries(params).filter(([name]) => !name.endsWith('Key')));
  const values: Record<string, string | number> = { ...plain };
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Key') && typeof value === 'string')
      values[name.slice(0, -3)] = t(locale, value, plain);
  }
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in values ? String(values[name]) : `{${name}}`,
  );
}

/** Picks es or en from an Accept-Language header (first supported language wins), else the fallback. */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'es'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return fallback;
}
