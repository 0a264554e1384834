import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type DepositList = ResponseOf<'getConsoleDeposits'>;
export type Deposit = DepositList['deposits'][number];
export type DepositDetail = ResponseOf<'getConsoleDepositsById'>;
export type DepositLine = DepositDetail['lines'][number];
export type Recipients = ResponseOf<'getConsoleDepositRecipients'>;
export type DepositKind = Deposit['kind'];
export type ReportFile = 'payments-initiated' | 'payments-deposited';

export interface DepositQuery {
  kind?: DepositKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

function listQuery(query: DepositQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: '25' });
  if (query.kind) params.set('kind', query.kind);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return params.toString();
}

export function useDeposits(query: DepositQuery) {
  return useQuery({
    queryKey: queryKeys.deposits.list(query),
    queryFn: () => apiRequest<DepositList>('GET', `/api/v1/console/deposits?${listQuery(query)}`),
  });
}

export function useDeposit(id: string) {
  return useQuery({
    queryKey: queryKeys.deposits.detail(id),
    queryFn: () => apiRequest<DepositDetail>('GET', `/api/v1/console/deposits/${encodeURIComponent(id)}`),
  });
}

/** POST /console/deposits/sync: takes what the processor paid since the last deposits stored. */
export function useSyncDeposits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<ResponseOf<'postConsoleDepositsSync'>>('POST', '/api/v1/console/deposits/sync'),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.deposits.all }),
  });
}

export function useRecipients() {
  return useQuery({
    queryKey: queryKeys.deposits.recipients,
    queryFn: () => apiRequest<Recipients>('GET', '/api/v1/console/deposit-recipients'),
  });
}

export function useSaveRecipients() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'putConsoleDepositRecipients'>) =>
      apiRequest<Recipients>('PUT', '/api/v1/console/deposit-recipients', body),
    onSuccess: (saved) => client.setQueryData(queryKeys.deposits.recipients, saved),
  });
}

/** Where the browser downloads one deposit's report (the server names the file). */
export function depositReportUrl(id: string, report: ReportFile, format: 'csv' | 'xlsx'): string {
  return `/api/v1/console/deposits/${encodeURIComponent(id)}/reports/${report}.${format}`;
}

/** A report over days: payments initiated on them, or the deposits that arrived on them. */
export function rangeReportUrl(
  report: ReportFile,
  format: 'csv' | 'xlsx',
  range: { kind: DepositKind; from: string; to: string },
): string {
  return `/api/v1/console/deposit-reports?${new URLSearchParams({ file: `${report}.${format}`, ...range })}`;
}
