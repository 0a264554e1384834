import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type Audience = 'console' | 'portal';
export type InquiryPage = ResponseOf<'getConsoleInquiries'>;
export type Inquiry = InquiryPage['items'][number];
export type InquiryDetail = ResponseOf<'getConsoleInquiriesById'>;
export type InquiryMessage = InquiryDetail['messages'][number];
export type NewInquiry = BodyOf<'postPortalInquiries'>;
export type DisputeReason = NonNullable<NewInquiry['reason']>;
export type Resolution = BodyOf<'postConsoleInquiriesByIdResolve'>['resolution'];
export type PaymentPromise = ResponseOf<'getPortalPromises'>['items'][number];
export type NewPromise = BodyOf<'postPortalPromises'>;

export const disputeReasons: DisputeReason[] = [
  'price',
  'quantity',
  'damaged_goods',
  'not_received',
  'already_paid',
  'other',
];
export const resolutions: Exclude<Resolution, 'withdrawn'>[] = [
  'answered',
  'credit_issued',
  'adjusted',
  'rejected',
];

export interface InquiryFilters {
  status?: 'open' | 'resolved' | undefined;
  kind?: 'question' | 'dispute' | undefined;
  invoiceId?: string | undefined;
  page: number;
  pageSize: number;
}

const base = (audience: Audience) => `/api/v1/${audience}/inquiries`;

export function useInquiries(audience: Audience, filters: InquiryFilters) {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(filters.pageSize) });
  if (filters.status) params.set('status', filters.status);
  if (filters.kind && audience === 'console') params.set('kind', filters.kind);
  if (filters.invoiceId) params.set('invoiceId', filters.invoiceId);
  return useQuery({
    queryKey: queryKeys.inquiries.list(audience, filters),
    queryFn: () => apiRequest<InquiryPage>('GET', `${base(audience)}?${params}`),
    placeholderData: keepPreviousData,
  });
}

/** Every message of an invoice's inquiries: one detail request per inquiry shown. */
export function useInquiry(audience: Audience, id: string) {
  return useQuery({
    queryKey: queryKeys.inquiries.detail(audience, id),
    queryFn: () => apiRequest<InquiryDetail>('GET', `${base(audience)}/${encodeURIComponent(id)}`),
  });
}

/** After any change: the inquiries, and the customer's activity and lists (console). */
function useRefresh(audience: Audience) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.inquiries.all(audience) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
  };
}

export function useOpenInquiry(audience: Audience, customerId: string) {
  const refresh = useRefresh(audience);
  return useMutation({
    mutationFn: (body: NewInquiry) =>
      apiRequest<InquiryDetail>(
        'POST',
        base(audience),
        audience === 'console' ? { ...body, customerId } : body,
      ),
    onSuccess: refresh,
  });
}

export function useReplyToInquiry(audience: Audience, id: string) {
  const refresh = useRefresh(audience);
  return useMutation({
    mutationFn: (message: string) =>
      apiRequest<InquiryDetail>('POST', `${base(audience)}/${encodeURIComponent(id)}/replies`, { message }),
    onSuccess: refresh,
  });
}

export function useResolveInquiry(audience: Audience, id: string) {
  const refresh = useRefresh(audience);
  return useMutation({
    mutationFn: (body: { resolution: Resolution; message?: string | null }) =>
      audience === 'console'
        ? apiRequest<InquiryDetail>('POST', `${base(audience)}/${encodeURIComponent(id)}/resolve`, body)
        : apiRequest<InquiryDetail>('POST', `${base(audience)}/${encodeURIComponent(id)}/withdraw`),
    onSuccess: refresh,
  });
}

const promisesUrl = (audience: Audience, customerId: string) =>
  audience === 'console'
    ? `/api/v1/console/customers/${encodeURIComponent(customerId)}/promises`
    : '/api/v1/portal/promises';

export function usePromises(audience: Audience, customerId: string, invoiceId: string) {
  return useQuery({
    queryKey: queryKeys.inquiries.promises(audience, customerId, invoiceId),
    queryFn: () =>
      apiRequest<{ items: PaymentPromise[] }>(
        'GET',
        `${promisesUrl(audience, customerId)}?invoiceId=${encodeURIComponent(invoiceId)}`,
      ),
  });
}

export function useRecordPromise(audience: Audience, customerId: string) {
  const refresh = useRefresh(audience);
  return useMutation({
    mutationFn: (body: NewPromise) =>
      apiRequest<{ id: string }>('POST', promisesUrl(audience, customerId), body),
    onSuccess: refresh,
  });
}

export function useCancelPromise(audience: Audience, customerId: string) {
  const refresh = useRefresh(audience);
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<null>('POST', `${promisesUrl(audience, customerId)}/${encodeURIComponent(id)}/cancel`),
    onSuccess: refresh,
  });
}
