import type {
  ErpConfirmationChange,
  ErpConfirmationSubject,
  ErpExportChannel,
  ErpExportFormat,
  ErpMarking,
  Locale,
  PaymentMethod,
  PaymentSource,
} from '../../../db/schema.ts';

/** For the format writers, which do not import db/. */
export type { ErpExportFormat, Locale };

/** The customer as the ERP knows it: its id in the ERP (when imported) and the account number. */
export interface ConfirmationCustomer {
  id: string;
  erpId: string | null;
  accountNumber: string;
  name: string;
}

/** A document an amount went to or came from: Saldo's number and the ERP's id, when it has one. */
export interface ConfirmationDocumentRef {
  id: string;
  number: string;
  erpId: string | null;
}

export interface ConfirmationApplication {
  applicationId: string;
  invoice: ConfirmationDocumentRef;
  /** Minor units of the payment's currency. */
  amount: bigint;
  appliedAt: Date;
}

/**
 * A payment that took effect (a manual one when recorded; a card one when captured; ACH when it
 * settled), with the applications this export claimed with it. `unapplied` is `amount − Σ
 * applications` of this line: what later `application` lines may apply.
 */
export interface ConfirmationPayment {
  paymentId: string;
  number: string;
  customer: ConfirmationCustomer;
  currency: string;
  amount: bigint;
  /** A card convenience fee the payer paid on top (0 for manual payments). */
  fee: bigint;
  unapplied: bigint;
  method: PaymentMethod;
  source: PaymentSource;
  /** The ERP's payment account ("forma de cobro") for the method; null when the seller set none. */
  erpAccount: string | null;
  reference: string | null;
  receivedOn: string;
  effectiveAt: Date;
  applications: ConfirmationApplication[];
}

/** A later change of something exported, as its own line (in the order they happened). */
export type ConfirmationChangeType =
  | 'application'
  | 'unapplication'
  | 'refund'
  | 'refund_failed'
  | 'return'
  | 'reversal'
  | 'credit_application'
  | 'credit_unapplication';

export interface ConfirmationChangeLine {
  type: ConfirmationChangeType;
  /** What changed: the application's id, the refund's, or the payment's (a return, a reversal). */
  id: string;
  occurredAt: Date;
  customer: ConfirmationCustomer;
  currency: string;
  /** Minor units; always positive: the type says which way it goes. */
  amount: bigint;
  /** The payment the change is about (null for credit memo lines). */
  payment: { id: string; number: string; method: PaymentMethod; erpAccount: string | null } | null;
  /** The credit memo of a credit line. */
  creditMemo: ConfirmationDocumentRef | null;
  /** The invoice an (un)application touches. */
  invoice: ConfirmationDocumentRef | null;
  /** The ACH return code, a reversal's reason. */
  reason: string | null;
}

/** One export, as every format writes it. */
export interface ConfirmationDocument {
  exportId: string;
  /** The export's number for this seller: 1, 2, 3… */
  sequence: number;
  createdAt: Date;
  channel: ErpExportChannel;
  marking: ErpMarking;
  locale: Locale;
  /** The seller's IANA time zone: the day a change happened is the seller's day. */
  timeZone: string;
  payments: ConfirmationPayment[];
  changes: ConfirmationChangeLine[];
  /** How many claimed changes the export holds (a payment and each of its applications count one). */
  itemCount: number;
}

/** The seller's CSV style. */
export interface CsvStyle {
  delimiter: ',' | ';';
  decimalMark: '.' | ',';
  dates: 'iso' | 'dmy' | 'mdy';
}

export interface RenderedExport {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Writes a document as a file (formats/csv/payment-confirmations-csv.ts): the port the use case takes. */
export type RenderConfirmations = (
  document: ConfirmationDocument,
  format: ErpExportFormat,
  style: CsvStyle,
) => RenderedExport;

/** What a claim row names (erp_confirmation_items). */
export interface ClaimedItem {
  subject: ErpConfirmationSubject;
  subjectId: string;
  change: ErpConfirmationChange;
  occurredAt: Date;
}
