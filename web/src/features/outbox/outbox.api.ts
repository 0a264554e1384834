import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import type { OutboxItem, OutboxMessage } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type { OutboxItem, OutboxMessage };
export type OutboxStatus = OutboxItem['status'];
/** `smtp`: handed to the mail server; `capture`: kept in Saldo, not sent (no mail server set up). */
export type OutboxTransport = OutboxItem['transport'];

export const OUTBOX_PAGE_SIZE = 25;

/** One page of the organization's sent and queued e-mail, newest first, optionally searched. */
export function useOutbox(page: number, q: string) {
  const params = new URLSearchParams({ page: String(page), pageSize: String(OUTBOX_PAGE_SIZE) });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: queryKeys.outbox.list(page, q),
    queryFn: () => apiRequest<Page<OutboxItem>>('GET', `/api/v1/console/outbox?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: queryKeys.outbox.message(id),
    queryFn: () => apiRequest<OutboxMessage>('GET', `/api/v1/console/outbox/${encodeURIComponent(id)}`),
  });
}

export function outboxHtmlUrl(id: string): string {
  return `/api/v1/console/outbox/${encodeURIComponent(id)}/html`;
}
