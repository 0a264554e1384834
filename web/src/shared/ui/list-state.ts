import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

/** The longest search the API accepts (`q`, every list). */
export const SEARCH_MAX_LENGTH = 100;
/** The highest page number the API accepts; a page past the list's end says so (ServerTable). */
export const MAX_PAGE = 1_000_000;
/** Any id the API can know: a UUID. Anything else in an address is "not found", never a validation message. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function pageFrom(value: string | null | undefined): number {
  if (!value || !/^\d+$/.test(value)) return 1;
  const page = Number(value);
  return page > 0 ? Math.min(page, MAX_PAGE) : 1;
}

/** The values a list's address may hold for some keys (status, sort…); anything else means the default. */
export type AllowedValues = Readonly<Record<string, readonly string[]>>;

/**
 * A value read from the address, made safe to send: unknown values of a closed key become ''
 * (the list's default), ids that are not UUIDs become '', and searches are cut to what the API accepts.
 */
export function cleanListValue(key: string, value: string, allowed: AllowedValues = {}): string {
  if (key === 'q') return value.slice(0, SEARCH_MAX_LENGTH);
  const values = allowed[key];
  if (values) return values.includes(value) ? value : '';
  if (/Id$/.test(key) && value && !UUID.test(value)) return '';
  if (/(From|To)$/.test(key) && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  if (/^(min|max)Amount$/.test(key) && value && !/^\d{1,16}$/.test(value)) return '';
  return value;
}

/**
 * The filters, sort and page of a list: in the address (so back, reload and shared links keep
 * them) on list pages, or in component state where a list is one part of a page.
 */
export type ListState = ReturnType<typeof useListState>;

export function useListState(synced: boolean, allowed: AllowedValues = {}) {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [closed] = useState(allowed);

  const get = useCallback(
    (key: string): string =>
      cleanListValue(key, synced ? (params.get(key) ?? '') : (local[key] ?? ''), closed),
    [synced, params, local, closed],
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
