import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export function pageFrom(value: string | null | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * The filters, sort and page of a list: in the address (so back, reload and shared links keep
 * them) on list pages, or in component state where a list is one part of a page.
 */
export type ListState = ReturnType<typeof useListState>;

export function useListState(synced: boolean) {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Record<string, string>>({});

  const get = useCallback(
    (key: string): string => (synced ? (params.get(key) ?? '') : (local[key] ?? '')),
    [synced, params, local],
  );

  /** Changes some values; anything but the page itself sends the list back to page 1. */
  const set = useCallback(
    (changes: Record<string, string | null>) => {
      const touchesPage = 'page' in changes;
      if (synced) {
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            for (const [key, value] of Object.entries(changes)) {
              if (value) next.set(key, value);
              else next.delete(key);
            }
            if (!touchesPage) next.delete('page');
            if (next.get('page') === '1') next.delete('page');
            return next;
          },
          { replace: !touchesPage },
        );
      } else {
        setLocal((current) => {
          const next = { ...current };
          for (const [key, value] of Object.entries(changes)) {
            if (value) next[key] = value;
            else delete next[key];
          }
          if (!touchesPage) delete next.page;
          return next;
        });
      }
    },
    [synced, setParams],
  );

  return { get, set, page: pageFrom(get('page')) };
}
