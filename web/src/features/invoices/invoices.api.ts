import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import { queryKeys } from '../../app/query-keys';
import { type Audience, apiBase, type InvoiceDetail, type InvoiceSummary } from './ar.types';

export const INVOICE_STATUS_FILTERS = [
  'open',
  'overdue',
  'unpaid',
  'partially_paid',
  'paid',
  'void',
  'draft',
] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

export interface InvoiceQuery {
  customerId?: string;
  status?: string;
  issuedFrom?: string;
  issuedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Minor units. */
  minAmount?: string;
  maxAmount?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export function toSearchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

export function useInvoices(audience: Audience, query: InvoiceQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.invoices.list(audience, query),
    queryFn: () =>
      apiRequest<Page<InvoiceSummary>>('GET', `${apiBase(audience)}/invoices?${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useInvoice(audience: Audience, id: string) {
  return useQuery({
    queryKey: queryKeys.invoices.detail(audience, id),
    queryFn: () =>
      apiRequest<InvoiceDetail>('GET', `${apiBase(audience)}/invoices/${encodeURIComponent(id)}`),
  });
}

export function invoicePdfUrl(audience: Audience, id: string): string {
  return `${apiBase(audience)}/invoices/${encodeURIComponent(id)}/pdf`;
}
