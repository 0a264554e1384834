import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { Locale } from './api/types.ts';

type Audience = 'console' | 'portal';

/**
 * Every TanStack Query key the app uses, one factory per resource. A key starts with what a
 * mutation invalidates (`[audience, resource]`), so invalidating a prefix reaches every list,
 * detail and preview under it. Hooks take their keys from here and nowhere else.
 */
export const queryKeys = {
  me: ['me'] as const,
  organization: ['console', 'organization'] as const,
  invoices: {
    all: (audience: Audience) => [audience, 'invoices'] as const,
    list: (audience: Audience, query: object) => [audience, 'invoices', 'list', query] as const,
    detail: (audience: Audience, id: string) => [audience, 'invoices', 'detail', id] as const,
    /** The new-invoice form: the suggested next number, and its totals computed by the server. */
    nextNumber: ['console', 'invoices', 'next-number'] as const,
    preview: (body: object) => ['console', 'invoices', 'preview', body] as const,
  },
  payments: {
    all: (audience: Audience) => [audience, 'payments'] as const,
    list: (audience: Audience, query: object) => [audience, 'payments', 'list', query] as const,
    detail: (id: string) => ['console', 'payments', 'detail', id] as const,
    /** An online payment as its processor left it: status, timeline, refunds (GET …/:id/status). */
    status: (id: string) => ['console', 'payments', 'status', id] as const,
    /** The server's oldest-first dry run for an amount (POST /console/payments/allocation-preview). */
    allocationPreview: (customerId: string, currency: string, amount: string) =>
      ['console', 'payments', 'allocation-preview', { customerId, currency, amount }] as const,
  },
  credits: {
    all: (audience: Audience) => [audience, 'credits'] as const,
    list: (audience: Audience, query: object) => [audience, 'credits', 'list', query] as const,
    detail: (id: string) => ['console', 'credits', 'detail', id] as const,
  },
  customers: {
    all: ['console', 'customers'] as const,
    list: (query: object) => ['console', 'customers', 'list', query] as const,
    detail: (id: string | null | undefined) => ['console', 'customers', 'detail', id] as const,
    activity: (id: string, page: number) => ['console', 'customers', 'activity', id, page] as const,
    /** The new-customer form's suggested account number. */
    nextAccountNumber: ['console', 'customers', 'next-account-number'] as const,
  },
  portalSummary: ['portal', 'summary'] as const,
  portalAccount: ['portal', 'account'] as const,
  /**
   * Paying online from the portal. A payment and a preset's invoices sit under the portal's
   * payments and invoices, so a payment (`invalidate('payment')`) refreshes them too; the options
   * (saved methods) are refreshed by the pay and remove mutations themselves. A quote is a price
   * asked for one body, refreshed by nothing.
   */
  portalPay: {
    options: ['portal', 'payment-options'] as const,
    quote: (body: object) => ['portal', 'payment-quote', body] as const,
    payment: (id: string) => ['portal', 'payments', 'detail', id] as const,
    presetInvoices: (preset: string) => ['portal', 'invoices', 'pay-preset', preset] as const,
  },
  reports: {
    all: ['reports'] as const,
    aging: (asOf: string | null) => ['reports', 'aging', { asOf }] as const,
  },
  team: ['console', 'team'] as const,
  mailTemplates: {
    all: ['mail-templates'] as const,
    one: (key: string, locale: string) => ['mail-templates', 'one', key, locale] as const,
    preview: (key: string, locale: string, body: object) =>
      ['mail-templates', 'preview', key, locale, body] as const,
  },
  outbox: {
    all: ['outbox'] as const,
    list: (page: number, q: string) => ['outbox', 'list', { page, q }] as const,
    message: (id: string) => ['outbox', 'message', id] as const,
  },
  /**
   * Staff taking a payment for a customer: the options sit under the customer's keys, so a
   * payment refreshes what it may still pay; a quote is a price for one body, refreshed by nothing
   * (asked again after paying it would only be refused).
   */
  takePayment: {
    options: (customerId: string) =>
      ['console', 'customers', 'detail', customerId, 'payment-options'] as const,
    quote: (customerId: string, body: object) => ['console', 'take-payment-quote', customerId, body] as const,
  },
  /** An account's autopay: the portal's own, or a customer's in the console (under its keys). */
  autopay: {
    portal: ['portal', 'autopay'] as const,
    console: (customerId: string) => ['console', 'customers', 'autopay', customerId] as const,
  },
  /** Deposits from the processors, and who their reports are mailed to. */
  deposits: {
    all: ['console', 'deposits'] as const,
    list: (query: object) => ['console', 'deposits', 'list', query] as const,
    detail: (id: string) => ['console', 'deposits', 'detail', id] as const,
    recipients: ['console', 'deposit-recipients'] as const,
  },
  /** A pay link as its payer sees it (no session: the token is the key), and a customer's links. */
  payLink: {
    all: ['pay-link'] as const,
    link: (token: string) => ['pay-link', token] as const,
    payment: (token: string, id: string) => ['pay-link', token, 'payment', id] as const,
    console: (customerId: string) => ['console', 'customers', 'credit-checks', customerId] as const,
  },
  /** Imports (every channel), their errors, the saved mapping profiles and the flagged documents. */
  imports: {
    all: ['console', 'imports'] as const,
    list: (query: object) => ['console', 'imports', 'list', query] as const,
    detail: (id: string) => ['console', 'imports', 'detail', id] as const,
    errors: (id: string, page: number) => ['console', 'imports', 'errors', id, page] as const,
    profiles: (kind: string) => ['console', 'imports', 'profiles', kind] as const,
    /** What inspect read of a chosen file under some settings (the file is named by a local id). */
    inspect: (query: object) => ['console', 'imports', 'inspect', query] as const,
    reviewsAll: ['console', 'imports', 'reviews'] as const,
    reviews: (query: object) => ['console', 'imports', 'reviews', query] as const,
  },
  /** Outbound webhooks: endpoints, the delivery log and one delivery (refreshed by their own mutations). */
  webhooks: {
    all: ['console', 'webhooks'] as const,
    endpoints: ['console', 'webhooks', 'endpoints'] as const,
    deliveries: (query: object) => ['console', 'webhooks', 'deliveries', query] as const,
    delivery: (id: string) => ['console', 'webhooks', 'delivery', id] as const,
  },
  /** ERP sync: its settings with the last export and import, and the exports (refreshed by their own mutations). */
  erpSync: {
    all: ['console', 'erp-sync'] as const,
    overview: ['console', 'erp-sync', 'overview'] as const,
    exports: (page: number) => ['console', 'erp-sync', 'exports', page] as const,
  },
  /** The weekly collection and statements (features/collections, features/statements). */
  collections: {
    all: ['console', 'collections'] as const,
    overview: ['console', 'collections', 'overview'] as const,
    preview: ['console', 'collections', 'preview'] as const,
    customer: (id: string) => ['console', 'collections', 'customer', id] as const,
    subscribed: (ids: readonly string[]) => ['console', 'collections', 'subscribed', ids] as const,
    statements: (customerId: string) => ['console', 'collections', 'statements', customerId] as const,
    /** The monthly statement setting (GET/PUT /console/settings/statements). */
    statementSettings: ['console', 'collections', 'statement-settings'] as const,
  },
  /** Delivery preferences, e-invoices and the print console (features/delivery). */
  delivery: {
    all: ['console', 'delivery'] as const,
    customer: (id: string) => ['console', 'delivery', 'customer', id] as const,
    printQueue: ['console', 'delivery', 'print-queue'] as const,
    printBatches: ['console', 'delivery', 'print-batches'] as const,
    settings: ['console', 'delivery', 'settings'] as const,
    portal: ['portal', 'delivery'] as const,
  },
  documentSettings: ['console', 'settings', 'documents'] as const,
  paymentSettings: ['console', 'settings', 'payments'] as const,
  creditCheckSettings: ['console', 'settings', 'credit-checks'] as const,
  autopaySettings: ['console', 'settings', 'autopay'] as const,
  help: {
    index: (lang: Locale, q: string) => ['help', 'index', { lang, q }] as const,
    page: (lang: Locale, slug: string) => ['help', 'page', { lang, slug }] as const,
  },
  /** What a link shows: the same whoever is signed in (see session.ts). */
  passwordReset: (token: string) => ['password-reset', token] as const,
  invitation: (token: string) => ['invitation', token] as const,
  /** Pay-now e-mails (features/pay-now): under the customer's and the invoice's detail keys. */
  payNow: {
    customer: (id: string) => ['console', 'customers', 'detail', id, 'pay-now'] as const,
    invoice: (id: string) => ['console', 'invoices', 'detail', id, 'pay-now'] as const,
    messages: (id: string, page: number, pageSize: number) =>
      ['console', 'customers', 'detail', id, 'messages', { page, pageSize }] as const,
    settings: ['console', 'settings', 'pay-now'] as const,
  },
  /**
   * Reminder steps and automatic holds (features/dunning): the settings with the latest runs, the
   * preview of the next days and the statistics; a customer's reminders sit under the customer's
   * keys (its contacts decide who receives them).
   */
  dunning: {
    all: ['console', 'dunning'] as const,
    settings: ['console', 'dunning', 'settings'] as const,
    preview: (days: number) => ['console', 'dunning', 'preview', days] as const,
    stats: ['console', 'dunning', 'stats'] as const,
    customers: ['console', 'customers', 'dunning'] as const,
    customer: (id: string) => ['console', 'customers', 'dunning', id] as const,
  },
  /** Questions, disputes and promises to pay (features/inquiries), per audience. */
  inquiries: {
    all: (audience: 'console' | 'portal') => [audience, 'inquiries'] as const,
    list: (audience: 'console' | 'portal', filters: object) =>
      [audience, 'inquiries', 'list', filters] as const,
    detail: (audience: 'console' | 'portal', id: string) => [audience, 'inquiries', 'detail', id] as const,
    promises: (audience: 'console' | 'portal', customerId: string, invoiceId: string) =>
      [audience, 'inquiries', 'promises', customerId, invoiceId] as const,
  },
};

/** What changes the data on the server, from the web. */
export type Change =
  | 'payment' // record, apply, unapply, reverse, refund
  | 'credit' // issue, apply, unapply
  | 'invoice' // create, void
  | 'hold' // place, release
  | 'customer' // contacts and details
  | 'staffInvitation'
  | 'accountInvitation';

/**
 * Money moving changes every AR list and detail (open amounts, unapplied amounts, statuses) in
 * both audiences, the customers' balances, aging and activity, the portal's summary, the aging
 * report, and the outbox (a payment may mail a receipt).
 */
const moneyMoves: readonly QueryKey[] = [
  queryKeys.invoices.all('console'),
  queryKeys.invoices.all('portal'),
  queryKeys.payments.all('console'),
  queryKeys.payments.all('portal'),
  queryKeys.credits.all('console'),
  queryKeys.credits.all('portal'),
  queryKeys.customers.all,
  queryKeys.portalSummary,
  queryKeys.reports.all,
  queryKeys.outbox.all,
];

/** The key prefixes each change makes stale. */
export const invalidatedBy: Readonly<Record<Change, readonly QueryKey[]>> = {
  payment: moneyMoves,
  credit: moneyMoves,
  invoice: moneyMoves,
  // A hold shows on the customer (list, detail, activity), in the portal's summary, and on the
  // documents that carry the customer's state (the record-payment screen reads the customer).
  hold: [queryKeys.customers.all, queryKeys.portalSummary],
  customer: [queryKeys.customers.all],
  staffInvitation: [queryKeys.team, queryKeys.outbox.all],
  accountInvitation: [queryKeys.portalAccount],
};

/** Marks stale everything `change` touched; active queries refetch. */
export function invalidate(queryClient: QueryClient, change: Change): Promise<void> {
  return Promise.all(
    invalidatedBy[change].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}

/** `invalidate` bound to this app's client, for a mutation's `onSuccess`. */
export function useInvalidate(change: Change): () => void {
  const queryClient = useQueryClient();
  return () => void invalidate(queryClient, change);
}
