import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type CollectionOverview = ResponseOf<'getConsoleCollections'>;
export type CollectionSchedule = BodyOf<'putConsoleCollectionsSchedule'>;
export type CollectionPreview = ResponseOf<'getConsoleCollectionsPreview'>;
export type CustomerCollection = ResponseOf<'getConsoleCustomersByIdCollection'>;

const base = '/api/v1/console/collections';

export function useCollectionOverview() {
  return useQuery({
    queryKey: queryKeys.collections.overview,
    queryFn: () => apiRequest<CollectionOverview>('GET', base),
  });
}

export function useCollectionPreview(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.collections.preview,
    queryFn: () => apiRequest<CollectionPreview>('GET', `${base}/preview?limit=50`),
    enabled,
  });
}

export function useSaveCollectionSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CollectionSchedule) => apiRequest<CollectionOverview>('PUT', `${base}/schedule`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.collections.all }),
  });
}

export function useRunCollectionNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ runId: string }>('POST', `${base}/runs`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.collections.all }),
  });
}

export function useCustomerCollection(customerId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.collections.customer(customerId),
    queryFn: () =>
      apiRequest<CustomerCollection>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/collection`,
      ),
    enabled,
  });
}

export function useSetSubscription(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean) =>
      apiRequest<CustomerCollection>(
        'PUT',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/collection`,
        { subscribed },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.collections.all }),
  });
}

/** Which of the listed customers are subscribed (the list's green and grey marks). */
export function useSubscribedAmong(ids: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.collections.subscribed(ids),
    queryFn: async () => {
      const query = ids.map((id) => `customerId=${encodeURIComponent(id)}`).join('&');
      const { subscribed } = await apiRequest<{ subscribed: string[] }>(
        'GET',
        `${base}/subscriptions?${query}`,
      );
      return new Set(subscribed);
    },
    enabled: ids.length > 0,
  });
}

/** "Mondays" / "los lunes" style names: ISO weekday 1 (Monday) … 7. */
export function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
