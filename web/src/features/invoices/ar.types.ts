/** The accounts-receivable shapes of /api/v1 (docs/api.md, "Accounts receivable"). Amounts are minor units. */

export type Audience = 'console' | 'portal';

export interface CustomerRef {
  id: string;
  name: string;
  accountNumber: string;
}

export interface Balance {
  currency: string;
  total: number;
  overdue: number;
  notYetDue: number;
  unappliedCash: number;
  unappliedCredits: number;
}

export interface Buckets {
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d90_plus: number;
}

export const BUCKET_KEYS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

export type InvoiceStatus = 'draft' | 'open' | 'void';
export type InvoicePaymentStatus = 'unpaid' | 'partially_paid' | 'payment_pending' | 'paid';

export interface InvoiceSummary {
  id: string;
  number: string;
  erpId: string | null;
  customer: CustomerRef;
  issueDate: string;
  dueDate: string;
  currency: string;
  poNumber: string | null;
  status: InvoiceStatus;
  paymentStatus: InvoicePaymentStatus;
  overdue: boolean;
  daysOverdue: number;
  total: number;
  openAmount: number;
}

export interface InvoiceTax {
  name: string;
  rate: string | null;
  amount: number;
}

export interface InvoiceLine {
  lineNo: number;
  sku: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountAmount: number;
  netAmount: number;
  taxAmount: number;
  totalAmount: number;
  taxes: InvoiceTax[];
}

export interface InvoiceCharge {
  kind: 'fee' | 'tax';
  name: string;
  rate: string | null;
  amount: number;
}

export interface InvoicePaymentEntry {
  applicationId: string;
  paymentId: string;
  number: string;
  receivedOn: string;
  method: PaymentMethod;
  amount: number;
  appliedAt: string;
  unappliedAt: string | null;
}

export interface InvoiceCreditEntry {
  applicationId: string;
  creditMemoId: string;
  number: string;
  amount: number;
  appliedAt: string;
  unappliedAt: string | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  feeTotal: number;
  notes: string | null;
  lines: InvoiceLine[];
  charges: InvoiceCharge[];
  payments: InvoicePaymentEntry[];
  credits: InvoiceCreditEntry[];
  voidedAt: string | null;
  voidReason: string | null;
}

export type PaymentMethod = 'check' | 'cash' | 'bank_transfer' | 'card_terminal' | 'other' | 'card' | 'ach';
export const RECORDABLE_METHODS = ['bank_transfer', 'check', 'cash', 'card_terminal', 'other'] as const;

export interface PaymentSummary {
  id: string;
  number: string;
  customer: CustomerRef;
  receivedOn: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: number;
  unappliedAmount: number;
  status: 'completed' | 'reversed';
}

export interface Application {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  amount: number;
  createdAt: string;
  unappliedAt: string | null;
  unapplyReason: string | null;
}

export interface PaymentDetail extends PaymentSummary {
  applications: Application[];
  reversedAt: string | null;
  reverseReason: string | null;
}

export interface CreditSummary {
  id: string;
  number: string;
  customer: CustomerRef;
  issueDate: string;
  currency: string;
  amount: number;
  unappliedAmount: number;
  status: 'open' | 'void';
  invoice: { id: string; number: string } | null;
  reason: string | null;
}

export interface CreditDetail extends CreditSummary {
  applications: Application[];
}

export interface Allocation {
  invoiceId: string;
  amount: number;
}

/** Staff roles that may change AR data (viewers read only). */
export const AR_WRITE_ROLES = ['owner', 'admin', 'ar_agent'] as const;

export function canWriteAr(role: string): boolean {
  return (AR_WRITE_ROLES as readonly string[]).includes(role);
}

export function apiBase(audience: Audience): string {
  return `/api/v1/${audience}`;
}
