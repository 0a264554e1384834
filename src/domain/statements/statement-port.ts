import type { DocumentFrame, Party } from '../documents/document-views.ts';
import type { AgingBuckets } from '../reports/aging-report.ts';

/** One movement of the period, signed as it moves the balance (an invoice +, a payment −). */
export interface StatementLine {
  /** 'YYYY-MM-DD': the business date the movement counts from. */
  date: string;
  kind:
    | 'invoice'
    | 'invoice_void'
    | 'credit'
    | 'credit_void'
    | 'payment'
    | 'payment_reversed'
    | 'refund'
    | 'adjustment';
  number: string;
  /** Minor units, signed. */
  amount: bigint;
  /** For invoices: its due date. */
  dueDate: string | null;
}

/** Everything a statement of account prints (formats/pdf/statement-pdf.ts writes it). */
export interface StatementDocumentView extends DocumentFrame {
  customer: Party;
  currency: string;
  periodStart: string;
  periodEnd: string;
  openingBalance: bigint;
  closingBalance: bigint;
  lines: StatementLine[];
  totals: { invoices: bigint; credits: bigint; payments: bigint; other: bigint };
  /** The aging at the end of the period: open invoices by days past due, and what is unapplied. */
  aging: AgingBuckets & { total: bigint; unappliedCash: bigint; unappliedCredits: bigint };
  generatedAt: Date;
}

/** The writer the domain hands a statement to (a PDF); the jobs and routes pass formats/pdf's. */
export type StatementPdfWriter = (view: StatementDocumentView) => Promise<Buffer>;
