import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import {
  type Allocation,
  type Audience,
  apiBase,
  type CreditDetail,
  type CreditSummary,
} from '../invoices/ar.types';
import { toSearchParams } from '../invoices/invoices.api';
import { useInvalidateAr } from '../payments/payments.api';

export interface CreditQuery {
  customerId?: string;
  status?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface NewCreditBody {
  customerId: string;
  amount: number;
  currency?: string;
  issueDate: string;
  reason?: string;
  invoiceId?: string;
  number?: string;
  allocations?: Allocation[];
}

const creditsPath = (audience: Audience) => `${apiBase(audience)}/credit-memos`;

export function useCredits(audience: Audience, query: CreditQuery) {
  return useQuery({
    queryKey: [audience, 'credits', 'list', query],
    queryFn: () =>
      apiRequest<Page<CreditSummary>>('GET', `${creditsPath(audience)}?${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCredit(id: string) {
  return useQuery({
    queryKey: ['console', 'credits', 'detail', id],
    queryFn: () => apiRequest<CreditDetail>('GET', `${creditsPath('console')}/${encodeURIComponent(id)}`),
  });
}

export function creditPdfUrl(audience: Audience, id: string): string {
  return `${creditsPath(audience)}/${encodeURIComponent(id)}/pdf`;
}

export function useCreateCredit() {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewCreditBody; idempotencyKey: string }) =>
      apiRequest<CreditDetail>('POST', creditsPath('console'), body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useApplyCredit(id: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (allocations: Allocation[]) =>
      apiRequest<CreditDetail>('POST', `${creditsPath('console')}/${encodeURIComponent(id)}/applications`, {
        allocations,
      }),
    onSuccess: invalidate,
  });
}

export function useUnapplyCredit(applicationId: string | null) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      apiRequest<void>(
        'POST',
        `/api/v1/console/credit-applications/${encodeURIComponent(applicationId ?? '')}/unapply`,
        body.reason ? body : {},
      ),
    onSuccess: invalidate,
  });
}
