import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { RecordPaymentBody } from '../../app/api/wire';
import { useInvalidate } from '../../app/query-keys';
import type { Audience, PaymentDetail, PaymentSummary } from '../invoices/ar.types';
import { type ArDocumentQuery, arDocumentHooks } from '../invoices/ar-documents.api';

export type PaymentQuery = ArDocumentQuery;

export type { RecordPaymentBody };

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
  const invalidate = useInvalidate('payment');
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
