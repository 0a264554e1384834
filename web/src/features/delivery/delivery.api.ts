import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type CustomerDelivery = ResponseOf<'getConsoleCustomersByIdDelivery'>;
export type DeliveryPreference = CustomerDelivery['preference'];
export type DeliveryPreferenceBody = BodyOf<'putConsoleCustomersByIdDelivery'>;
export type Delivery = CustomerDelivery['deliveries'][number];
export type PortalDelivery = ResponseOf<'getPortalDelivery'>;
export type PortalDeliveryBody = BodyOf<'putPortalDelivery'>;
export type PrintQueue = ResponseOf<'getConsolePrintQueue'>;
export type PrintBatch = ResponseOf<'getConsolePrintBatches'>['items'][number];
export type Channel = DeliveryPreference['channel'];

export const CHANNELS: readonly Channel[] = ['email', 'postal', 'ubl', 'edi'];

export const deliveryFileUrl = (id: string) => `/api/v1/console/deliveries/${encodeURIComponent(id)}/file`;
export const printBatchPdfUrl = (id: string) => `/api/v1/console/print-batches/${encodeURIComponent(id)}/pdf`;

export function useCustomerDelivery(customerId: string) {
  return useQuery({
    queryKey: queryKeys.delivery.customer(customerId),
    queryFn: () =>
      apiRequest<CustomerDelivery>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/delivery`,
      ),
  });
}

export function useSaveCustomerDelivery(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliveryPreferenceBody) =>
      apiRequest<DeliveryPreference>(
        'PUT',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/delivery`,
        body,
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.delivery.all });
      void client.invalidateQueries({ queryKey: queryKeys.customers.all });
    },
  });
}

export type DeliverBody = BodyOf<'postConsoleDeliveries'>;
/** 200: e-mailed (the recipients); 201: a UBL, EDI or postal delivery. */
export type DeliverResult = ResponseOf<'postConsoleDeliveries'> | Delivery;

/** "Send to customer": the document its customer's way (or `channel`); e-mail answers the recipients. */
export function useDeliverDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliverBody) => apiRequest<DeliverResult>('POST', '/api/v1/console/deliveries', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.delivery.all });
      void client.invalidateQueries({ queryKey: queryKeys.customers.all });
      void client.invalidateQueries({ queryKey: queryKeys.outbox.all });
    },
  });
}

export type DeliverySettings = ResponseOf<'getConsoleSettingsDelivery'>;
export type DeliverySettingsBody = BodyOf<'putConsoleSettingsDelivery'>;

export function useDeliverySettings() {
  return useQuery({
    queryKey: queryKeys.delivery.settings,
    queryFn: () => apiRequest<DeliverySettings>('GET', '/api/v1/console/settings/delivery'),
  });
}

export function useSaveDeliverySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliverySettingsBody) =>
      apiRequest<DeliverySettings>('PUT', '/api/v1/console/settings/delivery', body),
    onSuccess: (data) => client.setQueryData(queryKeys.delivery.settings, data),
  });
}

export function useResendDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<Delivery>('POST', `/api/v1/console/deliveries/${encodeURIComponent(id)}/resend`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.delivery.all }),
  });
}

export function usePortalDelivery() {
  return useQuery({
    queryKey: queryKeys.delivery.portal,
    queryFn: () => apiRequest<PortalDelivery>('GET', '/api/v1/portal/delivery'),
  });
}

export function useSavePortalDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalDeliveryBody) =>
      apiRequest<PortalDelivery>('PUT', '/api/v1/portal/delivery', body),
    onSuccess: (data) => client.setQueryData(queryKeys.delivery.portal, data),
  });
}

export function usePrintQueue() {
  return useQuery({
    queryKey: queryKeys.delivery.printQueue,
    queryFn: () => apiRequest<PrintQueue>('GET', '/api/v1/console/print-queue'),
  });
}

export function usePrintBatches() {
  return useQuery({
    queryKey: queryKeys.delivery.printBatches,
    queryFn: () => apiRequest<{ items: PrintBatch[] }>('GET', '/api/v1/console/print-batches'),
  });
}

export function usePrintBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<PrintBatch>('POST', '/api/v1/console/print-batches', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.delivery.all }),
  });
}
