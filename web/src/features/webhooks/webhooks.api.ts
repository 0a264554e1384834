import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type WebhookEndpoints = ResponseOf<'getConsoleWebhooksEndpoints'>;
export type WebhookEndpoint = WebhookEndpoints['items'][number];
export type WebhookEventType = WebhookEndpoints['eventTypes'][number];
export type EndpointWithSecret = ResponseOf<'postConsoleWebhooksEndpoints'>;
export type NewEndpoint = BodyOf<'postConsoleWebhooksEndpoints'>;
export type EndpointChange = BodyOf<'patchConsoleWebhooksEndpointsById'>;
export type DeliveryPage = ResponseOf<'getConsoleWebhooksDeliveries'>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryStatus = Delivery['status'];
export type DeliveryDetail = ResponseOf<'getConsoleWebhooksDeliveriesById'>;

export const DELIVERIES_PAGE_SIZE = 25;

/** A pending delivery whose next attempt is due within a minute (a first attempt, a redelivery). */
function dueSoon(d: Pick<Delivery, 'status' | 'nextAttemptAt'>): boolean {
  return (
    d.status === 'pending' && (!d.nextAttemptAt || Date.parse(String(d.nextAttemptAt)) - Date.now() < 60_000)
  );
}
const base = '/api/v1/console/webhooks';

export interface DeliveryFilters {
  endpointId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  page: number;
}

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: queryKeys.webhooks.endpoints,
    queryFn: () => apiRequest<WebhookEndpoints>('GET', `${base}/endpoints`),
  });
}

export function useWebhookDeliveries(filters: DeliveryFilters) {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(DELIVERIES_PAGE_SIZE) });
  if (filters.endpointId) params.set('endpointId', filters.endpointId);
  if (filters.status) params.set('status', filters.status);
  if (filters.eventType) params.set('eventType', filters.eventType);
  return useQuery({
    queryKey: queryKeys.webhooks.deliveries(filters),
    queryFn: () => apiRequest<DeliveryPage>('GET', `${base}/deliveries?${params}`),
    placeholderData: keepPreviousData,
    // A delivery due now is sent within seconds: look again while one is.
    refetchInterval: (query) => (query.state.data?.items.some(dueSoon) ? 2000 : false),
  });
}

export function useWebhookDelivery(id: string | null) {
  return useQuery({
    queryKey: queryKeys.webhooks.delivery(id ?? ''),
    queryFn: () => apiRequest<DeliveryDetail>('GET', `${base}/deliveries/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && dueSoon(query.state.data) ? 2000 : false),
  });
}

/** Every webhook query is stale after a change to endpoints or deliveries. */
function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: queryKeys.webhooks.all });
}

export function useCreateEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewEndpoint) => apiRequest<EndpointWithSecret>('POST', `${base}/endpoints`, body),
    onSuccess: refresh,
  });
}

export function useUpdateEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: EndpointChange & { id: string }) =>
      apiRequest<WebhookEndpoint>('PATCH', `${base}/endpoints/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteEndpoint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiRequest<null>('DELETE', `${base}/endpoints/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useRollSecret() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<EndpointWithSecret>('POST', `${base}/endpoints/${encodeURIComponent(id)}/roll-secret`, {}),
    onSuccess: refresh,
  });
}

export function useSendTestEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ eventId: string }>('POST', `${base}/endpoints/${encodeURIComponent(id)}/test`),
    onSuccess: refresh,
  });
}

export function useRedeliver() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<null>('POST', `${base}/deliveries/${encodeURIComponent(id)}/redeliver`),
    onSuccess: refresh,
  });
}
