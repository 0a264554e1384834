import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import {
  type Allocation,
  type Audience,
  apiBase,
  type PaymentDetail,
  type PaymentSummary,
} from '../invoices/ar.types';
import { toSearchParams } from '../invoices/invoices.api';

export interface PaymentQuery {
  customerId?: string;
  status?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface RecordPaymentBody {
  customerId: string;
  amount: number;
  currency?: string;
  receivedOn: string;
  method: string;
  reference?: string;
  allocations?: 'auto' | Allocation[];
}

const paymentsPath = (audience: Audience) => `${apiBase(audience)}/payments`;

export function usePayments(audience: Audience, query: PaymentQuery) {
  return useQuery({
    queryKey: [audience, 'payments', 'list', query],
    queryFn: () =>
      apiRequest<Page<PaymentSummary>>('GET', `${paymentsPath(audience)}?${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: ['console', 'payments', 'detail', id],
    queryFn: () => apiRequest<PaymentDetail>('GET', `${paymentsPath('console')}/${encodeURIComponent(id)}`),
  });
}

export function receiptUrl(audience: Audience, id: string): string {
  return `${paymentsPath(audience)}/${encodeURIComponent(id)}/receipt.pdf`;
}

/** After money moves, every AR list and balance may have changed. */
export function useInvalidateAr() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['invoices', 'payments', 'credits', 'customers', 'summary'])
      void queryClient.invalidateQueries({ queryKey: ['console', key] });
  };
}

/** Records a payment once: the same Idempotency-Key is sent on every try of one form. */
export function useRecordPayment() {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RecordPaymentBody; idempotencyKey: string }) =>
      apiRequest<PaymentDetail>('POST', paymentsPath('console'), body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useApplyPayment(id: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (allocations: Allocation[]) =>
      apiRequest<PaymentDetail>('POST', `${paymentsPath('console')}/${encodeURIComponent(id)}/applications`, {
        allocations,
      }),
    onSuccess: invalidate,
  });
}

export function useUnapplyPayment(applicationId: string | null) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      apiRequest<void>(
        'POST',
        `/api/v1/console/payment-applications/${encodeURIComponent(applicationId ?? '')}/unapply`,
        body,
      ),
    onSuccess: invalidate,
  });
}

export function useReversePayment(id: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      apiRequest<PaymentDetail>('POST', `${paymentsPath('console')}/${encodeURIComponent(id)}/reverse`, body),
    onSuccess: invalidate,
  });
}
