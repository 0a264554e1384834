import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Locale } from '../../app/api/types';
import type { HelpArticle, HelpIndex } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type { HelpArticle, HelpIndex };
export type HelpPageSummary = HelpIndex['pages'][number];
export type HelpSearchResult = NonNullable<HelpIndex['results']>[number];

/** The help centre's pages in `lang`, and with `q` the pages that match every word of it. */
export function useHelpIndex(lang: Locale, q: string) {
  const params = new URLSearchParams({ lang });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: queryKeys.help.index(lang, q),
    queryFn: () => apiRequest<HelpIndex>('GET', `/api/v1/help?${params}`),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One page in `lang`; a slug of the other language gives this language's page. */
export function useHelpArticle(lang: Locale, slug: string) {
  return useQuery({
    queryKey: queryKeys.help.page(lang, slug),
    queryFn: () => apiRequest<HelpArticle>('GET', `/api/v1/help/${lang}/${encodeURIComponent(slug)}`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
