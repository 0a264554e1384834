import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type StatementList = ResponseOf<'getConsoleCustomersByIdStatements'>;
export type StatementSettings = ResponseOf<'getConsoleSettingsStatements'>;
export type StatementSettingsBody = BodyOf<'putConsoleSettingsStatements'>;

const settingsPath = '/api/v1/console/settings/statements';
/** The days of the month a monthly statement may go out on (the server's bounds). */
export const MIN_DAY = 1;
export const MAX_DAY = 28;

export function useStatementSettings() {
  return useQuery({
    queryKey: queryKeys.collections.statementSettings,
    queryFn: () => apiRequest<StatementSettings>('GET', settingsPath),
  });
}

export function useSaveStatementSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatementSettingsBody) => apiRequest<StatementSettings>('PUT', settingsPath, body),
    onSuccess: (saved) => client.setQueryData(queryKeys.collections.statementSettings, saved),
  });
}

/** What is wrong with a period, as a translation key of 'statements' (null when it can be asked for). */
export function periodProblem(period: { from: string; to: string }): 'periodMissing' | 'periodOrder' | null {
  if (!period.from || !period.to) return 'periodMissing';
  return period.from > period.to ? 'periodOrder' : null;
}

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
