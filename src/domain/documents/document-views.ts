import type {
  Address,
  InvoiceStatus,
  Locale,
  PaymentLifecycleStatus,
  PaymentMethod,
} from '../../db/schema.ts';
import type { DocumentTemplate } from './document-template.ts';
import type { Seller } from './seller.ts';

/**
 * The view models of the seller's documents: plain data the domain builds (invoice-document.ts,
 * credit-memo-document.ts, receipt-document.ts, invoice-preview-document.ts) and a format writes
 * (src/formats/pdf today; UBL or X12 tomorrow). Raw values — amounts in minor units, calendar
 * dates as 'YYYY-MM-DD' — beside the customer's language: the writer formats and labels them, so
 * no SQL and no database reach a writer, and every writer reads the same aggregate loaders.
 */
export type { Address, DocumentTemplate, InvoiceStatus, Locale, PaymentMethod, Seller };

/** The customer as printed on a document. */
export interface Party {
  name: string;
  accountNumber: string;
  taxId: string | null;
  address: Address;
}

/** What every document shares: who issues it, how it looks, and the customer's language. */
export interface DocumentFrame {
  seller: Seller;
  template: DocumentTemplate;
  /** The customer's language (customer_accounts.locale): every word and number format of the document. */
  locale: Locale;
}

/** Everything an invoice prints (of the seller's own, or made up for the settings preview). */
export interface InvoiceDocument {
  number: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  currency: string;
  poNumber: string | null;
  notes: string | null;
  voidReason: string | null;
  subtotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  total: bigint;
  openAmount: bigint;
  /** When it was posted (else created): the file's dates, so the same invoice renders the same file. */
  createdAt: Date;
  customer: Party;
  lines: {
    sku: string | null;
    description: string;
    /** Exact decimal strings ("12.5", "118.40"). */
    quantity: string;
    unit: string | null;
    unitPrice: string;
    discountAmount: bigint;
    netAmount: bigint;
    taxAmount: bigint;
    taxes: { name: string; rate: string | null; amount: bigint }[];
  }[];
  /** 'discount': a document discount (amount < 0), shown with the fees. */
  charges: { kind: 'fee' | 'tax' | 'discount'; name: string; rate: string | null; amount: bigint }[];
  /** Live payment applications, by date received. */
  payments: { number: string; receivedOn: string; method: PaymentMethod; amount: bigint }[];
  /** Live credit applications, by the credit memo's date. */
  credits: { number: string; issueDate: string; amount: bigint }[];
}

export interface InvoiceDocumentView extends DocumentFrame {
  invoice: InvoiceDocument;
  /** The seller's calendar today ('YYYY-MM-DD'), where "was due" is judged. */
  today: string;
  /** A sample (the settings preview): stamped as such. */
  sample: boolean;
}

export interface CreditMemoDocumentView extends DocumentFrame {
  creditMemo: {
    number: string;
    status: 'open' | 'void';
    issueDate: string;
    currency: string;
    amount: bigint;
    unappliedAmount: bigint;
    reason: string | null;
    /** The invoice it was issued against, if any. */
    invoiceNumber: string | null;
    createdAt: Date;
    customer: Party;
  };
  /** Live applications, oldest first; `appliedOn` is the seller's calendar day it was made. */
  applications: {
    invoiceNumber: string;
    issueDate: string;
    appliedOn: string;
    total: bigint;
    amount: bigint;
  }[];
  /** The sum of the live applications. */
  applied: bigint;
}

export interface ReceiptDocumentView extends DocumentFrame {
  payment: {
    number: string;
    status: PaymentLifecycleStatus;
    receivedOn: string;
    method: PaymentMethod;
    reference: string | null;
    currency: string;
    amount: bigint;
    unappliedAmount: bigint;
    reverseReason: string | null;
    createdAt: Date;
    customer: Party;
  };
  /** Live applications, oldest first, with the invoices' figures as they stand now. */
  applications: {
    invoiceNumber: string;
    issueDate: string;
    dueDate: string;
    total: bigint;
    openAmount: bigint;
    amount: bigint;
  }[];
  /** The sum of the live applications. */
  applied: bigint;
}

/** An address column (jsonb) as printed: only its known text fields. */
export function toAddress(value: unknown): Address {
  if (!value || typeof value !== 'object') return {};
  const source = value as Record<string, unknown>;
  const out: Address = {};
  for (const key of ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const) {
    const field = source[key];
    if (typeof field === 'string') out[key] = field;
  }
  return out;
}

/** A document customer (as the aggregate loaders return it) as the printed party. */
export function partyOf(customer: {
  name: string;
  accountNumber: string;
  taxId: string | null;
  address: unknown;
}): Party {
  return {
    name: customer.name,
    accountNumber: customer.accountNumber,
    taxId: customer.taxId,
    address: toAddress(customer.address),
  };
}
