import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

/*
 * Pay-now e-mails from the console: sending one, the links sent (a customer's, an invoice's) with
 * their state, the customer's messages (its activity), and the link lifetime setting. Keys sit
 * under the customer's and the invoice's detail keys (app/query-keys.ts), so sending or revoking
 * refreshes both pages, and a payment that refreshes them refreshes these.
 */

export type CustomerPayNow = ResponseOf<'getConsoleCustomersByIdPayNow'>;
export type PayNowLink = CustomerPayNow['links'][number];
export type PayNowContact = CustomerPayNow['contacts'][number];
export type SentPayNow = ResponseOf<'postConsolePayNowEmails'>;
export type SendPayNowBody = BodyOf<'postConsolePayNowEmails'>;
export type CustomerMessages = ResponseOf<'getConsoleCustomersByIdMessages'>;
export type CustomerMessage = CustomerMessages['items'][number];
export type PayNowSettings = ResponseOf<'getConsoleSettingsPayNow'>;

export function useCustomerPayNow(customerId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.payNow.customer(customerId ?? ''),
    queryFn: () =>
      apiRequest<CustomerPayNow>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId ?? '')}/pay-now`,
      ),
    enabled: Boolean(customerId),
  });
}

export function useInvoicePayNowLinks(invoiceId: string) {
  return useQuery({
    queryKey: queryKeys.payNow.invoice(invoiceId),
    queryFn: () =>
      apiRequest<{ links: PayNowLink[] }>(
        'GET',
        `/api/v1/console/invoices/${encodeURIComponent(invoiceId)}/pay-now-links`,
      ),
  });
}

export function useCustomerMessages(customerId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: queryKeys.payNow.messages(customerId, page, pageSize),
    queryFn: () =>
      apiRequest<CustomerMessages>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/messages?page=${page}&pageSize=${pageSize}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sending refreshes everything under the console's customers and invoices (links, activity, badges). */
export function useSendPayNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SendPayNowBody; idempotencyKey: string }) =>
      apiRequest<SentPayNow>('POST', '/api/v1/console/pay-now-emails', body, {
        'Idempotency-Key': idempotencyKey,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoices.all('console') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.outbox.all }),
      ]);
    },
  });
}

export function useRevokePayNowLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>('POST', `/api/v1/console/pay-links/${encodeURIComponent(id)}/cancel`),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invoices.all('console') }),
      ]);
    },
  });
}

export function usePayNowSettings() {
  return useQuery({
    queryKey: queryKeys.payNow.settings,
    queryFn: () => apiRequest<PayNowSettings>('GET', '/api/v1/console/settings/pay-now'),
  });
}

export function useSavePayNowSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PayNowSettings) =>
      apiRequest<PayNowSettings>('PUT', '/api/v1/console/settings/pay-now', body),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.payNow.settings, saved),
  });
}
