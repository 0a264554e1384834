import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Allocation, Audience, PaymentDetail, PaymentSummary } from '../invoices/ar.types';
import { type ArDocumentQuery, arDocumentHooks, useInvalidateAr } from '../invoices/ar-documents.api';

export { useInvalidateAr };

export type PaymentQuery = ArDocumentQuery;

export interface RecordPaymentBody {
  customerId: string;
  amount: number;
  currency?: string;
  receivedOn: string;
  method: string;
  reference?: string;
  allocations?: 'auto' | Allocation[];
}

const payments = arDocumentHooks<PaymentSummary, PaymentDetail, RecordPaymentBody>({
  key: 'payments',
  path: 'payments',
  applicationsPath: 'payment-applications',
});

export const usePayments = payments.useList;
export const usePayment = payments.useDetail;
/** Records a payment once: the same Idempotency-Key is sent on every try of one form. */
export const useRecordPayment = payments.useCreate;
export const useApplyPayment = payments.useApply;
export const useUnapplyPayment = payments.useUnapply;

export function receiptUrl(audience: Audience, id: string): string {
  return `${payments.documentsPath(audience)}/${encodeURIComponent(id)}/receipt.pdf`;
}

export function useReversePayment(id: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      apiRequest<PaymentDetail>(
        'POST',
        `${payments.documentsPath('console')}/${encodeURIComponent(id)}/reverse`,
        body,
      ),
    onSuccess: invalidate,
  });
}
