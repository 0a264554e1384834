import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import { invalidate, queryKeys } from '../../app/query-keys';
import type { InvoiceDetail, InvoiceSummary } from '../invoices/ar.types';
import { toSearchParams } from '../invoices/invoices.api';
import { MAX_INVOICES, type PayInvoice, payableOf, payInvoiceOf, type Selection } from './pay-logic';
import type {
  NewPaymentBody,
  PaymentAnswer,
  PaymentKind,
  PaymentOptions,
  PortalPaymentDetail,
  Quote,
  QuoteBody,
} from './portal-pay.types';

/*
 * The portal's online-payment API (scratch/portal-pay-api.md). Its shapes are typed by hand in
 * portal-pay.types.ts until the server's routes are in the OpenAPI document; then the lead switches
 * them to the generated types (app/api/wire.ts).
 */

export type * from './portal-pay.types';

const BASE = '/api/v1/portal';

/** Who may pay, how, and with what (GET /portal/payment-options). */
export function usePaymentOptions() {
  return useQuery({
    queryKey: queryKeys.portalPay.options,
    queryFn: () => apiRequest<PaymentOptions>('GET', `${BASE}/payment-options`),
    staleTime: 30_000,
  });
}

/** The server's price of a payment: the card fee and the total (POST /portal/payments/quote). */
export function usePaymentQuote(body: QuoteBody | null) {
  return useQuery({
    queryKey: queryKeys.portalPay.quote(body ?? {}),
    queryFn: () => apiRequest<Quote>('POST', `${BASE}/payments/quote`, body),
    enabled: body !== null,
    // A refused quote (422) says why; asking again would answer the same.
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** Opens the processor's own card or bank-account page; it sends the browser back to `returnPath`. */
export function useStartMethodEntry() {
  return useMutation({
    mutationFn: (body: { kind: PaymentKind; returnPath: string }) =>
      apiRequest<{ type: 'redirect'; url: string }>('POST', `${BASE}/payment-methods/entry`, body),
    onSuccess: (answer) => window.location.assign(answer.url),
  });
}

/** Pays, once per Idempotency-Key: the same key sent again answers with the first attempt. */
export function useSubmitPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewPaymentBody; idempotencyKey: string }) =>
      apiRequest<PaymentAnswer>('POST', `${BASE}/payments`, body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: () => {
      // Money moved (or is in flight): summary, invoices, their details and the payments change;
      // a method saved on the way is now on file.
      void invalidate(queryClient, 'payment');
      void queryClient.invalidateQueries({ queryKey: queryKeys.portalPay.options });
    },
  });
}

const UNSETTLED = new Set(['processing', 'requires_action']);

/** One payment of the account, as its result page shows it; asked again while it is being processed. */
export function usePortalPayment(id: string) {
  return useQuery({
    queryKey: queryKeys.portalPay.payment(id),
    queryFn: () => apiRequest<PortalPaymentDetail>('GET', `${BASE}/payments/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (UNSETTLED.has(query.state.data?.status ?? '') ? 3000 : false),
  });
}

export function useRemoveMethod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>('DELETE', `${BASE}/payment-methods/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.portalPay.options }),
  });
}

type InvoiceWithPending = InvoiceDetail & { pendingAmount?: number | null };

function fetchInvoice(id: string) {
  return apiRequest<InvoiceWithPending>('GET', `${BASE}/invoices/${encodeURIComponent(id)}`);
}

/** The overdue (or all open) invoices, every page of them up to the most one payment takes. */
async function fetchPreset(preset: 'overdue' | 'all'): Promise<{ items: InvoiceSummary[]; total: number }> {
  const items: InvoiceSummary[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_INVOICES; page += 1) {
    const query = { status: preset === 'overdue' ? 'overdue' : 'open', sort: 'dueDate', page, pageSize: 100 };
    const answer = await apiRequest<Page<InvoiceSummary>>('GET', `${BASE}/invoices?${toSearchParams(query)}`);
    items.push(...answer.items);
    total = answer.total;
    if (answer.items.length === 0 || items.length >= answer.total) break;
  }
  return { items: items.slice(0, MAX_INVOICES), total };
}

function toPayInvoice(invoice: InvoiceSummary | InvoiceWithPending): PayInvoice {
  return payInvoiceOf(invoice, payableOf(invoice));
}

/**
 * The invoices of a selection, with what may be paid on each. Chosen invoices are read one by one
 * (their detail says how much is already pending); a preset reads the list, then the detail of the
 * few with a payment pending.
 */
export function usePayInvoices(selection: Selection | null) {
  const ids = selection?.kind === 'ids' ? selection.ids : [];
  const preset = useQuery({
    queryKey: queryKeys.portalPay.presetInvoices(selection?.kind === 'preset' ? selection.preset : ''),
    queryFn: () => fetchPreset(selection?.kind === 'preset' ? selection.preset : 'all'),
    enabled: selection?.kind === 'preset',
  });
  const pendingIds =
    selection?.kind === 'preset'
      ? (preset.data?.items ?? []).filter((i) => i.paymentStatus === 'payment_pending').map((i) => i.id)
      : ids;
  const details = useQueries({
    queries: pendingIds.map((id) => ({
      queryKey: queryKeys.invoices.detail('portal', id),
      queryFn: () => fetchInvoice(id),
    })),
  });

  const failed = (selection?.kind === 'preset' && preset.isError ? preset : details.find((d) => d.isError)) as
    | { error: unknown; refetch: () => unknown }
    | undefined;
  const loading =
    (selection?.kind === 'preset' && !preset.data) || details.some((d) => !d.data && !d.isError);
  if (!selection || failed || loading)
    return {
      rows: null,
      truncated: false,
      error: failed?.error ?? null,
      refetch: () => {
        void preset.refetch();
        for (const detail of details) if (detail.isError) void detail.refetch();
      },
    };

  const byId = new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : [])));
  const source: (InvoiceSummary | InvoiceWithPending)[] =
    selection.kind === 'preset'
      ? (preset.data?.items ?? []).map((item) => byId.get(item.id) ?? item)
      : ids.flatMap((id) => {
          const invoice = byId.get(id);
          return invoice ? [invoice] : [];
        });
  return {
    rows: source.map(toPayInvoice),
    truncated: selection.kind === 'preset' && (preset.data?.total ?? 0) > MAX_INVOICES,
    error: null,
    refetch: () => undefined,
  };
}
