import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type ErpSyncOverview = ResponseOf<'getConsoleErpSync'>;
export type ErpSyncSettings = BodyOf<'putConsoleErpSyncSettings'>;
export type ExportPage = ResponseOf<'getConsoleErpSyncExports'>;
export type ConfirmationExport = ExportPage['exports'][number];
export type ExportFormat = ConfirmationExport['format'];

export const EXPORTS_PAGE_SIZE = 20;
const base = '/api/v1/console/erp-sync';

export function useErpSync() {
  return useQuery({
    queryKey: queryKeys.erpSync.overview,
    queryFn: () => apiRequest<ErpSyncOverview>('GET', base),
  });
}

export function useConfirmationExports(page: number) {
  return useQuery({
    queryKey: queryKeys.erpSync.exports(page),
    queryFn: () =>
      apiRequest<ExportPage>('GET', `${base}/exports?page=${page}&pageSize=${EXPORTS_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
}

export function useSaveErpSyncSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ErpSyncSettings) => apiRequest<ErpSyncSettings>('PUT', `${base}/settings`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.erpSync.all }),
  });
}

/** POST …/exports: what no export has handed out yet; `export: null` when nothing is new. */
export function useExportNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (format: ExportFormat | undefined) =>
      apiRequest<{ export: ConfirmationExport | null }>('POST', `${base}/exports`, format ? { format } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.erpSync.all }),
  });
}

/** Where the browser downloads an export's file (the server names it). */
export function exportFileUrl(id: string): string {
  return `${base}/exports/${encodeURIComponent(id)}/file`;
}
