import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { invalidate, queryKeys } from '../../app/query-keys';

export type Dunning = ResponseOf<'getConsoleDunning'>;
export type DunningBody = BodyOf<'putConsoleDunning'>;
export type DunningStep = Dunning['steps'][number];
export type StepTemplate = DunningStep['template'];
export type DunningRun = Dunning['runs'][number];
export type DunningPreview = ResponseOf<'getConsoleDunningPreview'>;
export type PreviewItem = DunningPreview['items'][number];
export type SkipReason = NonNullable<PreviewItem['skip']>;
export type DunningStats = ResponseOf<'getConsoleDunningStats'>;
export type StatsRow = DunningStats['rows'][number];
export type CustomerDunning = ResponseOf<'getConsoleCustomersByIdDunning'>;
export type CustomerDunningBody = BodyOf<'putConsoleCustomersByIdDunning'>;
export type DunningMode = CustomerDunning['mode'];
export type SendReminderBody = BodyOf<'postConsoleCustomersByIdReminders'>;
export type SendReminderResult = ResponseOf<'postConsoleCustomersByIdReminders'>;

/** The templates a step may use, in the order of a sequence: heads-up, reminder, final notice. */
export const STEP_TEMPLATES: readonly StepTemplate[] = ['reminder_upcoming', 'reminder', 'reminder_final'];
/** The bounds the server holds a step's offset to (days from the due date), and its most steps. */
export const MIN_OFFSET = -90;
export const MAX_OFFSET = 365;
export const MAX_STEPS = 10;
/** The preview windows the page offers ("next N days"). */
export const PREVIEW_WINDOWS = [7, 14, 30] as const;

const base = '/api/v1/console/dunning';
const customerPath = (id: string) => `/api/v1/console/customers/${encodeURIComponent(id)}`;

export function useDunning() {
  return useQuery({
    queryKey: queryKeys.dunning.settings,
    queryFn: () => apiRequest<Dunning>('GET', base),
  });
}

export function useSaveDunning() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DunningBody) => apiRequest<Dunning>('PUT', base, body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.dunning.settings, saved);
      void client.invalidateQueries({ queryKey: queryKeys.dunning.all });
      // Customers that follow the seller's steps show them on their page.
      void client.invalidateQueries({ queryKey: queryKeys.dunning.customers });
    },
  });
}

/** "Run now": today's reminders and hold rules (a step already sent is never sent again). */
export function useRunDunningNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ runId: string }>('POST', `${base}/runs`, {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.dunning.all });
      void client.invalidateQueries({ queryKey: queryKeys.outbox.all });
      // The hold rules may place or release holds.
      void invalidate(client, 'hold');
    },
  });
}

export function useDunningPreview(days: number) {
  return useQuery({
    queryKey: queryKeys.dunning.preview(days),
    queryFn: () => apiRequest<DunningPreview>('GET', `${base}/preview?days=${days}`),
  });
}

export function useDunningStats() {
  return useQuery({
    queryKey: queryKeys.dunning.stats,
    queryFn: () => apiRequest<DunningStats>('GET', `${base}/stats`),
  });
}

export function useCustomerDunning(customerId: string) {
  return useQuery({
    queryKey: queryKeys.dunning.customer(customerId),
    queryFn: () => apiRequest<CustomerDunning>('GET', `${customerPath(customerId)}/dunning`),
  });
}

export function useSaveCustomerDunning(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerDunningBody) =>
      apiRequest<CustomerDunning>('PUT', `${customerPath(customerId)}/dunning`, body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.dunning.customer(customerId), saved);
      // The preview marks a customer whose reminders are off, and follows its own steps.
      void client.invalidateQueries({ queryKey: queryKeys.dunning.all });
    },
  });
}

/** "Send reminder now": the `reminder` template to the customer's receiving contacts, with a pay link. */
export function useSendReminderNow(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SendReminderBody) =>
      apiRequest<SendReminderResult>('POST', `${customerPath(customerId)}/reminders`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.dunning.customer(customerId) });
      void client.invalidateQueries({ queryKey: queryKeys.dunning.all });
      void client.invalidateQueries({ queryKey: queryKeys.outbox.all });
      // The customer's activity lists the message.
      void client.invalidateQueries({ queryKey: queryKeys.customers.detail(customerId) });
    },
  });
}

/** A step's offset in words' key and count: before (−3), on (0) or after (+7) the due date. */
export function offsetParts(offsetDays: number): { key: 'before' | 'on' | 'after'; count: number } {
  if (offsetDays < 0) return { key: 'before', count: -offsetDays };
  if (offsetDays === 0) return { key: 'on', count: 0 };
  return { key: 'after', count: offsetDays };
}

/** Which rows of a sequence repeat an offset already used above them (the server refuses them). */
export function duplicateOffsets(steps: readonly { offsetDays: number | null }[]): Set<number> {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  steps.forEach((s, i) => {
    if (s.offsetDays === null) return;
    if (seen.has(s.offsetDays)) repeated.add(i);
    seen.add(s.offsetDays);
  });
  return repeated;
}

/** Preview items grouped by their date, in order. */
export function groupByDate(items: readonly PreviewItem[]): { date: string; items: PreviewItem[] }[] {
  const groups: { date: string; items: PreviewItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, items: [item] });
  }
  return groups;
}

/** paid / eligible as a share, or null when nothing is eligible yet (shown as "—"). */
export function paidShare(paid: number, eligible: number): number | null {
  return eligible > 0 ? paid / eligible : null;
}
