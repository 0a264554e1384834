import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import { queryKeys, useInvalidate } from '../../app/query-keys';
import type { PaymentKind } from '../portal-pay/portal-pay.types';
import type {
  StaffPaymentOptions,
  StaffQuote,
  StaffQuoteBody,
  TakePaymentAnswer,
  TakePaymentBody,
} from './take-payment.types';

export type * from './take-payment.types';

const path = (customerId: string) => `/api/v1/console/customers/${encodeURIComponent(customerId)}`;

/** What staff may take for this customer: why not, methods, saved methods, open invoices. */
export function useStaffPaymentOptions(customerId: string | null) {
  return useQuery({
    queryKey: queryKeys.takePayment.options(customerId ?? ''),
    queryFn: () => apiRequest<StaffPaymentOptions>('GET', `${path(customerId ?? '')}/payment-options`),
    enabled: Boolean(customerId),
  });
}

/** The server's price of the payment: the card fee and the total, every rule checked. */
export function useStaffPaymentQuote(customerId: string, body: StaffQuoteBody | null) {
  return useQuery({
    queryKey: queryKeys.takePayment.quote(customerId, body ?? {}),
    queryFn: () => apiRequest<StaffQuote>('POST', `${path(customerId)}/payments/quote`, body),
    enabled: body !== null,
    // A refused quote (422) says why; asking again would answer the same.
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** Opens the processor's own card or bank-account page; it comes back to `returnPath` in the console. */
export function useStaffMethodEntry(customerId: string) {
  return useMutation({
    mutationFn: (body: { kind: PaymentKind; returnPath: string }) =>
      apiRequest<{ type: 'redirect'; url: string }>(
        'POST',
        `${path(customerId)}/payment-methods/entry`,
        body,
      ),
    onSuccess: (answer) => window.location.assign(answer.url),
  });
}

/** Takes the payment, once per Idempotency-Key: the same key sent again answers with the first attempt. */
export function useTakePayment(customerId: string) {
  const invalidate = useInvalidate('payment');
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TakePaymentBody; idempotencyKey: string }) =>
      apiRequest<TakePaymentAnswer>('POST', `${path(customerId)}/online-payments`, body, {
        'Idempotency-Key': idempotencyKey,
      }),
    onSuccess: invalidate,
  });
}
