import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { AgingReport } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

/** GET /api/v1/console/reports/aging, as generated from the server's schema. */
export type { AgingReport };
export type AgingCurrency = AgingReport['currencies'][number];
export type AgingCustomer = AgingCurrency['customers'][number];
/** Open amounts by days past due (org time zone), in minor units of the currency. */
export type AgingBuckets = AgingCurrency['buckets'];
/** total − unappliedCash − unappliedCredits = balance (the customers' balances). */
export type AgingReconciliation = Pick<
  AgingCurrency,
  'total' | 'unappliedCash' | 'unappliedCredits' | 'balance'
>;

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const RECONCILIATION = ['unappliedCash', 'unappliedCredits', 'balance'] as const;

function query(asOf: string | null): string {
  return asOf ? `?${new URLSearchParams({ asOf })}` : '';
}

/** GET /api/v1/console/reports/aging: the whole report (every customer with something open). */
export function useAgingReport(asOf: string | null) {
  return useQuery({
    queryKey: queryKeys.reports.aging(asOf),
    queryFn: () => apiRequest<AgingReport>('GET', `/api/v1/console/reports/aging${query(asOf)}`),
  });
}

/** Where the browser downloads the same report as a file (the server names it by its date). */
export function agingExportUrl(format: 'csv' | 'xlsx', asOf: string | null): string {
  return `/api/v1/console/reports/aging.${format}${query(asOf)}`;
}
