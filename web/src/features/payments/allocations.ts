import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '../../app/api/client';
import type { AllocationPreview, AllocationPreviewBody } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';
import { useInvoices } from '../invoices/invoices.api';
import { allocationRows, checkAllocations } from './allocation-rows';

function fetchPreview(customerId: string, currency: string, amount: string): Promise<AllocationPreview> {
  const body: AllocationPreviewBody = { customerId, amount: Number(amount), currency };
  return apiRequest<AllocationPreview>('POST', '/api/v1/console/payments/allocation-preview', body);
}

/**
 * The server's oldest-first allocation of `amount`, fetched once typing pauses. `load()` gives the
 * preview of the amount as it is now (from the cache when the debounced query already has it), so
 * "Apply oldest first" never fills in the answer for an amount no longer typed.
 */
export function useAllocationPreview(
  customerId: string | null,
  currency: string | null,
  amount: bigint | null,
) {
  const queryClient = useQueryClient();
  const exact = amount !== null && amount > 0n ? amount.toString() : null;
  const [debounced] = useDebouncedValue(exact, 300);
  const query = useQuery({
    queryKey: queryKeys.payments.allocationPreview(customerId ?? '', currency ?? '', debounced ?? ''),
    queryFn: () => fetchPreview(customerId!, currency!, debounced!),
    enabled: Boolean(customerId && currency && debounced),
    // What each invoice may take does not depend on the amount: while another amount loads, the
    // last answer for the same customer and currency keeps its rows on screen.
    placeholderData: (previous, previousQuery) => {
      const scope = previousQuery?.queryKey[3];
      return scope?.customerId === customerId && scope?.currency === currency ? previous : undefined;
    },
    staleTime: 0,
  });
  const load = useCallback(async () => {
    if (!customerId || !currency || !exact) return null;
    return queryClient.fetchQuery({
      queryKey: queryKeys.payments.allocationPreview(customerId, currency, exact),
      queryFn: () => fetchPreview(customerId, currency, exact),
      staleTime: 5_000,
    });
  }, [queryClient, customerId, currency, exact]);
  return { query, load };
}

/** The customer's open invoices in one currency, oldest due first (the first 100). */
export function useOpenInvoices(customerId: string | null, currency: string | null) {
  const query = useInvoices(
    'console',
    { customerId: customerId ?? undefined, status: 'open', sort: 'dueDate', page: 1, pageSize: 100 },
    { enabled: Boolean(customerId) },
  );
  const invoices = (query.data?.items ?? []).filter(
    (invoice) => invoice.currency === currency && invoice.status === 'open' && invoice.openAmount > 0,
  );
  return { query, invoices, truncated: (query.data?.total ?? 0) > (query.data?.items.length ?? 0) };
}

/**
 * Everything the allocation screen needs for a customer, a currency and an amount to allocate:
 * the rows (listed invoices plus those the server's preview reaches), the check of what is typed,
 * and the server's oldest-first preview.
 */
export function useAllocation(
  customerId: string | null,
  currency: string | null,
  available: bigint | null,
  texts: Record<string, string>,
  locale: string,
) {
  const open = useOpenInvoices(customerId, currency);
  const preview = useAllocationPreview(customerId, currency, available);
  const rows = allocationRows(open.invoices, preview.query.data);
  const check = checkAllocations(rows, texts, currency ?? 'USD', locale, available);
  return { rows, check, query: open.query, truncated: open.truncated, preview };
}
