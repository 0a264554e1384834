import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

/*
 * Pay links: the public page (no session: the link's token is the authority) and the console's
 * view of a customer's credit checks and links. Keys extend app/query-keys.ts prefixes: the
 * console panel sits under the customer, so any payment or invoice change refreshes it.
 */

export type PayLink = ResponseOf<'getPayLinksByToken'>;
export type PayLinkPayment = ResponseOf<'getPayLinksByTokenPaymentsByPaymentId'>;
export type PayLinkAnswer = ResponseOf<'postPayLinksByTokenPayments'>;
export type PayLinkBody = BodyOf<'postPayLinksByTokenPayments'>;
export type CustomerCredit = ResponseOf<'getConsoleCustomersByIdCreditChecks'>;
export type PaymentKind = 'card' | 'ach';

const UNSETTLED = new Set(['initiated', 'processing', 'requires_action']);

const base = (token: string) => `/api/v1/pay-links/${encodeURIComponent(token)}`;

export function usePayLink(token: string) {
  return useQuery({
    queryKey: queryKeys.payLink.link(token),
    queryFn: () => apiRequest<PayLink>('GET', base(token)),
    // An unknown, expired or cancelled link answers the same when asked again.
    retry: false,
    // A card payment being processed settles in seconds; an ACH debit (pending) takes days: not polled.
    refetchInterval: (query) => (UNSETTLED.has(query.state.data?.payment?.status ?? '') ? 3000 : false),
  });
}

/** Where the browser goes back after the processor's page: the link's id, never its token. */
const tokenKey = (linkId: string) => `saldo.pay-link.${linkId}`;
export const rememberToken = (linkId: string, token: string) =>
  sessionStorage.setItem(tokenKey(linkId), token);
export const rememberedToken = (linkId: string) => sessionStorage.getItem(tokenKey(linkId));

/** Opens the processor's own card or bank page for this link. */
export function useStartEntry(token: string, linkId: string | undefined) {
  return useMutation({
    mutationFn: (kind: PaymentKind) =>
      apiRequest<{ type: 'redirect'; url: string }>('POST', `${base(token)}/entry`, { kind }),
    onSuccess: (answer) => {
      if (linkId) rememberToken(linkId, token);
      window.location.assign(answer.url);
    },
  });
}

export function usePayLinkSubmit(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PayLinkBody; idempotencyKey: string }) =>
      apiRequest<PayLinkAnswer>('POST', `${base(token)}/payments`, body, {
        'Idempotency-Key': idempotencyKey,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.payLink.link(token) }),
  });
}

export function usePayLinkPayment(token: string, id: string | null) {
  return useQuery({
    queryKey: queryKeys.payLink.payment(token, id ?? ''),
    queryFn: () =>
      apiRequest<PayLinkPayment>('GET', `${base(token)}/payments/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    retry: false,
    refetchInterval: (query) => (UNSETTLED.has(query.state.data?.status ?? '') ? 3000 : false),
  });
}

export function useCustomerCredit(customerId: string) {
  return useQuery({
    queryKey: queryKeys.payLink.console(customerId),
    queryFn: () =>
      apiRequest<CustomerCredit>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/credit-checks`,
      ),
  });
}

export function useCancelPayLink(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>('POST', `/api/v1/console/pay-links/${encodeURIComponent(id)}/cancel`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.payLink.console(customerId) }),
  });
}

export type CreditCheckSettings = ResponseOf<'getConsoleSettingsCreditChecks'>;

export function useCreditCheckSettings() {
  return useQuery({
    queryKey: queryKeys.creditCheckSettings,
    queryFn: () => apiRequest<CreditCheckSettings>('GET', '/api/v1/console/settings/credit-checks'),
  });
}

export function useSaveCreditCheckSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditCheckSettings) =>
      apiRequest<CreditCheckSettings>('PUT', '/api/v1/console/settings/credit-checks', body),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.creditCheckSettings, saved),
  });
}
