/**
 * The accounts-receivable shapes of /api/v1 (docs/api.md, "Accounts receivable"), as generated from
 * the server's OpenAPI document (app/api/wire.ts), and the few rules the screens share. Amounts are minor units.
 */
export type {
  Allocation,
  Application,
  Balance,
  CreditDetail,
  CreditSummary,
  CustomerRef,
  InvoiceCharge,
  InvoiceCreditEntry,
  InvoiceDetail,
  InvoiceLine,
  InvoicePaymentEntry,
  InvoicePaymentStatus,
  InvoiceStatus,
  InvoiceSummary,
  InvoiceTax,
  PaymentDetail,
  PaymentMethod,
  PaymentSummary,
} from '../../app/api/wire.ts';

import type { CustomerAging } from '../../app/api/wire.ts';

export type Audience = 'console' | 'portal';

export const BUCKET_KEYS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

/** Open amounts by days past due, as a customer's aging holds them. */
export type Buckets = Pick<CustomerAging, (typeof BUCKET_KEYS)[number]>;

export const RECORDABLE_METHODS = ['bank_transfer', 'check', 'cash', 'card_terminal', 'other'] as const;

/** Staff roles that may change AR data (viewers read only). */
export const AR_WRITE_ROLES = ['owner', 'admin', 'ar_agent'] as const;

export function canWriteAr(role: string): boolean {
  return (AR_WRITE_ROLES as readonly string[]).includes(role);
}

export function apiBase(audience: Audience): string {
  return `/api/v1/${audience}`;
}
