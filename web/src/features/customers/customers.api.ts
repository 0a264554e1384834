import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import type {
  ActivityItem,
  ActivityPage,
  Address,
  BodyOf,
  Contact,
  ContactMessage,
  CustomerDetail,
  CustomerSummary,
  PlaceHoldBody,
  ResponseOf,
} from '../../app/api/wire';
import { type Change, queryKeys, useInvalidate } from '../../app/query-keys';
import { toSearchParams } from '../invoices/invoices.api';

export type {
  ActivityItem,
  Address,
  Contact,
  ContactMessage,
  CustomerDetail,
  CustomerSummary,
  PlaceHoldBody,
};

export const CONTACT_MESSAGES: readonly ContactMessage[] = [
  'invoices',
  'statements',
  'reminders',
  'receipts',
];

export interface CustomerQuery {
  q?: string;
  hold?: string;
  collectorId?: string;
  overdue?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

const base = '/api/v1/console/customers';

export function useCustomers(query: CustomerQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.customers.list(query),
    queryFn: () => apiRequest<Page<CustomerSummary>>('GET', `${base}?${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.customers.detail(id),
    queryFn: () => apiRequest<CustomerDetail>('GET', `${base}/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useCustomerActivity(id: string, page: number) {
  return useQuery({
    queryKey: queryKeys.customers.activity(id, page),
    queryFn: () => apiRequest<ActivityPage>('GET', `${base}/${encodeURIComponent(id)}/activity?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

function useCustomerMutation<Body, Result>(
  request: (body: Body) => Promise<Result>,
  change: Change = 'customer',
) {
  const invalidate = useInvalidate(change);
  return useMutation({ mutationFn: request, onSuccess: invalidate });
}

export type ContactInput = Omit<Contact, 'id'>;

export function useSaveContact(customerId: string, contactId: string | null) {
  return useCustomerMutation((body: ContactInput) =>
    contactId
      ? apiRequest<Contact>(
          'PATCH',
          `${base}/${encodeURIComponent(customerId)}/contacts/${encodeURIComponent(contactId)}`,
          body,
        )
      : apiRequest<Contact>('POST', `${base}/${encodeURIComponent(customerId)}/contacts`, body),
  );
}

export function useDeleteContact(customerId: string) {
  return useCustomerMutation((contactId: string) =>
    apiRequest<void>(
      'DELETE',
      `${base}/${encodeURIComponent(customerId)}/contacts/${encodeURIComponent(contactId)}`,
    ),
  );
}

export function usePlaceHold(customerId: string) {
  return useCustomerMutation(
    (body: PlaceHoldBody) =>
      apiRequest<CustomerDetail>('POST', `${base}/${encodeURIComponent(customerId)}/hold`, body),
    'hold',
  );
}

export function useReleaseHold(customerId: string) {
  return useCustomerMutation(
    (body: { reason: string }) =>
      apiRequest<CustomerDetail>(
        'DELETE',
        `${base}/${encodeURIComponent(customerId)}/hold`,
        // The API takes a JSON object on this DELETE: {} when no note is given.
        body.reason ? body : {},
      ),
    'hold',
  );
}

export type NewCustomerBody = BodyOf<'postConsoleCustomers'>;
export type CustomerChanges = BodyOf<'patchConsoleCustomersById'>;

/** The account number the server suggests for a new customer (the last one's series, one further). */
export function useNextAccountNumber() {
  return useQuery({
    queryKey: queryKeys.customers.nextAccountNumber,
    queryFn: () =>
      apiRequest<ResponseOf<'getConsoleCustomersNextAccountNumber'>>('GET', `${base}/next-account-number`),
    staleTime: 0,
  });
}

export function useCreateCustomer() {
  return useCustomerMutation((body: NewCustomerBody) => apiRequest<CustomerDetail>('POST', base, body));
}

export function useUpdateCustomer(customerId: string) {
  return useCustomerMutation((body: CustomerChanges) =>
    apiRequest<CustomerDetail>('PATCH', `${base}/${encodeURIComponent(customerId)}`, body),
  );
}
