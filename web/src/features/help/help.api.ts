import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Locale } from '../../app/api/types';

export interface HelpPageSummary {
  slug: string;
  title: string;
  summary: string;
}

export interface HelpSearchResult {
  slug: string;
  title: string;
  snippet: string;
}

export interface HelpIndex {
  lang: Locale;
  pages: HelpPageSummary[];
  results?: HelpSearchResult[];
}

export interface HelpArticle {
  lang: Locale;
  slug: string;
  title: string;
  /** Rendered on the server from Saldo's own guide, raw HTML escaped. */
  html: string;
  translations: Partial<Record<Locale, string>>;
}

/** The help centre's pages in `lang`, and with `q` the pages that match every word of it. */
export function useHelpIndex(lang: Locale, q: string) {
  const params = new URLSearchParams({ lang });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: ['help', 'index', { lang, q }],
    queryFn: () => apiRequest<HelpIndex>('GET', `/api/v1/help?${params}`),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One page in `lang`; a slug of the other language gives this language's page. */
export function useHelpArticle(lang: Locale, slug: string) {
  return useQuery({
    queryKey: ['help', 'page', { lang, slug }],
    queryFn: () => apiRequest<HelpArticle>('GET', `/api/v1/help/${lang}/${encodeURIComponent(slug)}`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
