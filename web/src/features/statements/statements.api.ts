import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type StatementList = ResponseOf<'getConsoleCustomersByIdStatements'>;

export function useCustomerStatements(customerId: string) {
  return useQuery({
    queryKey: queryKeys.collections.statements(customerId),
    queryFn: () =>
      apiRequest<StatementList>(
        'GET',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/statements`,
      ),
  });
}

export function useSendStatement(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: { from: string; to: string }) =>
      apiRequest<{ statementId: string; messages: number }>(
        'POST',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/statements`,
        period,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.collections.all }),
  });
}

/** Today and the first of this month, 'YYYY-MM-DD', in the browser's calendar. */
export function thisMonth(): { from: string; to: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const to = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { from: `${to.slice(0, 8)}01`, to };
}

export const consoleStatementUrl = (customerId: string, from: string, to: string) =>
  `/api/v1/console/customers/${encodeURIComponent(customerId)}/statement.pdf?from=${from}&to=${to}`;
export const portalStatementUrl = (from: string, to: string) =>
  `/api/v1/portal/statement.pdf?from=${from}&to=${to}`;
