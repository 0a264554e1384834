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

/** Translates a key, filling `{name}` placeholders. Unknown keys come back as the key itself. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template =
    (catalogs[locale] as Record<string, string>)[key] ?? (catalogs.en as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
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
