import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { ConsolePaymentStatus, RefundAnswer, RefundBody } from '../../app/api/wire';
import { queryKeys, useInvalidate } from '../../app/query-keys';

const path = (id: string) => `/api/v1/console/payments/${encodeURIComponent(id)}`;

/** An online payment as its processor left it: status, method, fee, timeline, refunds, what is refundable. */
export function usePaymentStatus(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.payments.status(id),
    queryFn: () => apiRequest<ConsolePaymentStatus>('GET', `${path(id)}/status`),
    enabled,
  });
}

/**
 * Refunds all or part of a payment. One Idempotency-Key per refund the person means to make (the
 * dialog keeps it across retries), so a retry after a timeout never refunds twice. A refund moves
 * money like a payment does: every list, the customer, the aging report refresh.
 */
export function useRefundPayment(id: string) {
  const invalidate = useInvalidate('payment');
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RefundBody; idempotencyKey: string }) =>
      apiRequest<RefundAnswer>('POST', `${path(id)}/refunds`, body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: invalidate,
  });
}
