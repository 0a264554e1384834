import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';

/** Open amounts by days past due (org time zone), in minor units of the currency. */
export interface AgingBuckets {
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d90_plus: number;
}

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** total − unappliedCash − unappliedCredits = balance (the customers' balances). */
export interface AgingReconciliation {
  total: number;
  unappliedCash: number;
  unappliedCredits: number;
  balance: number;
}

export const RECONCILIATION = ['unappliedCash', 'unappliedCredits', 'balance'] as const;

export interface AgingCustomer extends AgingReconciliation {
  customerId: string;
  name: string;
  accountNumber: string;
  buckets: AgingBuckets;
}

export interface AgingCurrency extends AgingReconciliation {
  currency: string;
  buckets: AgingBuckets;
  customers: AgingCustomer[];
}

export interface AgingReport {
  asOf: string;
  currencies: AgingCurrency[];
}

function query(asOf: string | null): string {
  return asOf ? `?${new URLSearchParams({ asOf })}` : '';
}

/** GET /api/v1/console/reports/aging: the whole report (every customer with something open). */
export function useAgingReport(asOf: string | null) {
  return useQuery({
    queryKey: ['reports', 'aging', { asOf }],
    queryFn: () => apiRequest<AgingReport>('GET', `/api/v1/console/reports/aging${query(asOf)}`),
  });
}

/** Where the browser downloads the same report as a file (the server names it by its date). */
export function agingExportUrl(format: 'csv' | 'xlsx', asOf: string | null): string {
  return `/api/v1/console/reports/aging.${format}${query(asOf)}`;
}
