import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Locale, Page } from '../../app/api/types';
import type { Balance, Buckets } from '../invoices/ar.types';
import { toSearchParams } from '../invoices/invoices.api';

export type ContactMessage = 'invoices' | 'statements' | 'reminders' | 'receipts';
export const CONTACT_MESSAGES: readonly ContactMessage[] = [
  'invoices',
  'statements',
  'reminders',
  'receipts',
];

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  locale: Locale;
  receives: ContactMessage[];
}

export interface CustomerSummary {
  id: string;
  accountNumber: string;
  name: string;
  taxId: string | null;
  currency: string;
  holdStatus: 'active' | 'on_hold';
  holdReason: string | null;
  collector: { userId: string; name: string } | null;
  tags: string[];
  balances: Balance[];
}

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface CustomerDetail extends CustomerSummary {
  locale: Locale;
  paymentTermsDays: number | null;
  creditLimit: number | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  erpId: string | null;
  hold: {
    status: 'active' | 'on_hold';
    /** Internal: the team and the audit log only. */
    reason: string | null;
    /** What the customer sees in the portal, if any. */
    customerMessage: string | null;
    by: { userId: string; name: string } | null;
    at: string | null;
  };
  contacts: Contact[];
  /** Per currency: total − unappliedCash − unappliedCredits = balance. */
  aging: (Buckets & {
    currency: string;
    total: number;
    unappliedCash: number;
    unappliedCredits: number;
    balance: number;
  })[];
}

export interface ActivityItem {
  /** The business date (issue, received or credit date; otherwise the day it happened). */
  date: string;
  at: string;
  action: string;
  actor: { name: string } | null;
  entityType: string;
  entityId: string;
  summary: string;
}

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
const customersKey = ['console', 'customers'] as const;

export function useCustomers(query: CustomerQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...customersKey, 'list', query],
    queryFn: () => apiRequest<Page<CustomerSummary>>('GET', `${base}?${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: [...customersKey, 'detail', id],
    queryFn: () => apiRequest<CustomerDetail>('GET', `${base}/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useCustomerActivity(id: string, page: number) {
  return useQuery({
    queryKey: [...customersKey, 'activity', id, page],
    queryFn: () =>
      apiRequest<{ items: ActivityItem[]; total?: number; page?: number; pageSize?: number }>(
        'GET',
        `${base}/${encodeURIComponent(id)}/activity?page=${page}`,
      ),
    placeholderData: keepPreviousData,
  });
}

function useCustomerMutation<Body, Result>(request: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
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

/** `reason` is internal; `customerMessage` (optional) is what the customer sees in the portal. */
export interface PlaceHoldBody {
  reason: string;
  customerMessage?: string;
}

export function usePlaceHold(customerId: string) {
  return useCustomerMutation((body: PlaceHoldBody) =>
    apiRequest<CustomerDetail>('POST', `${base}/${encodeURIComponent(customerId)}/hold`, body),
  );
}

export function useReleaseHold(customerId: string) {
  return useCustomerMutation((body: { reason: string }) =>
    apiRequest<CustomerDetail>(
      'DELETE',
      `${base}/${encodeURIComponent(customerId)}/hold`,
      // The API takes a JSON object on this DELETE: {} when no note is given.
      body.reason ? body : {},
    ),
  );
}
