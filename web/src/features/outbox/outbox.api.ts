import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';

export type OutboxStatus = 'queued' | 'sent' | 'failed';
/** `smtp`: handed to the mail server; `capture`: kept in Saldo, not sent (no mail server set up). */
export type OutboxTransport = 'smtp' | 'capture' | null;

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  transport: OutboxTransport;
  /** Holds a personal sign-in link (an invitation): its body is for its recipient alone. */
  sensitive: boolean;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
}

export interface OutboxMessage extends OutboxItem {
  from: string;
  /** True when the message holds a sign-in link: text and html are never sent to staff. */
  bodyWithheld: boolean;
  /** Null when withheld, or once delivered over SMTP when the message carried a single-use link. */
  text: string | null;
  html: string | null;
  lastError: string | null;
}

export const OUTBOX_PAGE_SIZE = 25;

/** One page of the organization's sent and queued e-mail, newest first, optionally searched. */
export function useOutbox(page: number, q: string) {
  const params = new URLSearchParams({ page: String(page), pageSize: String(OUTBOX_PAGE_SIZE) });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: ['outbox', 'list', { page, q }],
    queryFn: () => apiRequest<Page<OutboxItem>>('GET', `/api/v1/console/outbox?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: ['outbox', 'message', id],
    queryFn: () => apiRequest<OutboxMessage>('GET', `/api/v1/console/outbox/${encodeURIComponent(id)}`),
  });
}

export function outboxHtmlUrl(id: string): string {
  return `/api/v1/console/outbox/${encodeURIComponent(id)}/html`;
}
