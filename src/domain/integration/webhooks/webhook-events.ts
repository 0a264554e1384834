/**
 * The events Saldo sends to the seller's ERP, and what each one's `data` holds. Callers pass what
 * they already have (ids, numbers, amounts as bigint minor units beside their currency); on the wire
 * every bigint is a decimal string ("123456" = 1,234.56 MXN), never a JSON number, and
 * recordIntegrationEvent adds the ERP's own ids of the documents named (`customerErpId`,
 * `invoiceErpId`…, null when the document did not come from the ERP).
 */
export const webhookEventTypes = [
  'invoice.paid',
  'invoice.voided',
  'payment.succeeded',
  'payment.failed',
  'payment.returned',
  'credit.applied',
  'customer.hold_changed',
  'import.finished',
  'invoice.disputed',
  'invoice.dispute_resolved',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by "Send test event" to one endpoint only; never recorded by the AR code. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(value);

interface PaymentData {
  paymentId: string;
  number: string;
  customerId: string;
  amount: bigint;
  currency: string;
  method: string;
  source: string;
}

export interface WebhookEventData {
  /** An invoice's open amount reached zero with nothing pending (by a payment or a credit). */
  'invoice.paid': {
    invoiceId: string;
    number: string;
    customerId: string;
    total: bigint;
    currency: string;
    /** What made the last application: a payment or a credit memo. */
    paidBy: { kind: 'payment'; paymentId: string } | { kind: 'credit'; creditMemoId: string };
  };
  'invoice.voided': {
    invoiceId: string;
    number: string;
    customerId: string;
    total: bigint;
    currency: string;
    reason: string | null;
  };
  /** The money arrived (a card captured, an ACH debit settled, a payment recorded by staff or the ERP). */
  'payment.succeeded': PaymentData & { fee: bigint; applied: bigint };
  'payment.failed': PaymentData & { failureCode: string };
  /** An ACH return or a lost dispute: its applications were undone, the invoices are open again. */
  'payment.returned': PaymentData & { returnCode: string };
  'credit.applied': {
    creditMemoId: string;
    customerId: string;
    currency: string;
    applied: bigint;
    allocations: { invoiceId: string; amount: bigint }[];
  };
  /** The customer disputed all or part of an invoice (disputedAmount: what it disputes). */
  'invoice.disputed': {
    invoiceId: string;
    number: string;
    customerId: string;
    reason: string;
    disputedAmount: bigint;
    currency: string;
  };
  /** The seller resolved a dispute; reminders chase what is still open again. */
  'invoice.dispute_resolved': {
    invoiceId: string;
    number: string;
    customerId: string;
    reason: string;
    /** Null: the whole open amount was disputed. */
    disputedAmount: bigint | null;
    currency: string;
    resolution: string;
  };
  'customer.hold_changed': {
    customerId: string;
    holdStatus: 'on_hold' | 'active';
    /** The internal reason (placing) or the note (releasing); staff words, never shown to the customer. */
    reason: string | null;
    customerMessage: string | null;
    /** Set when an automatic hold rule placed the hold: 'overdue' or 'over_limit'. */
    rule?: 'overdue' | 'over_limit';
  };
  'import.finished': {
    importId: string;
    kind: string;
    channel: string;
    status: string;
    fileName: string;
    summary: unknown;
  };
}

/** Keys whose values name a Saldo document the ERP may know by its own id. */
export const erpIdKeys = {
  customerId: { table: 'customer_accounts', erpKey: 'customerErpId' },
  invoiceId: { table: 'invoices', erpKey: 'invoiceErpId' },
  paymentId: { table: 'payments', erpKey: 'paymentErpId' },
  creditMemoId: { table: 'credit_memos', erpKey: 'creditMemoErpId' },
} as const;
