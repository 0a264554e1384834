import type { AllocationPreview, InvoiceSummary } from '../../app/api/wire.ts';
import { minorToInput, parseMoneyInput } from '../../app/money-input.ts';
import type { Allocation } from '../invoices/ar.types.ts';

/* The allocation screen's rows and checks, pure (no React, no requests): tests run them in Node. */

/**
 * POST /api/v1/console/payments/allocation-preview: the server's oldest-first rule run dry for an amount —
 * the invoices it would reach, each with what it may still take (open minus pending) and the
 * amount it would get, and what would be left unapplied. Amounts in minor units.
 */
export type { AllocationPreview };

/** One invoice on the allocation screen. */
export interface AllocationRow {
  id: string;
  number: string;
  dueDate: string;
  poNumber: string | null;
  /** Null for an invoice only the preview named (beyond the listed ones). */
  total: number | null;
  openAmount: number;
  /** What may be applied to it: open minus pending when the server's preview says so. */
  limit: number;
  /** The list's row, when it is one of the listed invoices (for its overdue state). */
  invoice: InvoiceSummary | null;
}

export type RowProblem =
  | { kind: 'parse'; reason: 'invalid' | 'tooManyDecimals' | 'tooLarge' | 'notPositive' }
  | { kind: 'exceedsOpen'; open: number };

export interface AllocationCheck {
  allocations: Allocation[];
  /** Σ of the rows that parse, in minor units. */
  allocated: bigint;
  problems: Record<string, RowProblem>;
  /** How much more than the payment (or credit) is being allocated; 0 when within it. */
  excess: bigint;
  ok: boolean;
}

/** Checks what was typed per invoice: exact parsing, ≤ what each may take, Σ ≤ what is available. */
export function checkAllocations(
  rows: AllocationRow[],
  texts: Record<string, string>,
  currency: string,
  locale: string,
  available: bigint | null,
): AllocationCheck {
  const allocations: Allocation[] = [];
  const problems: Record<string, RowProblem> = {};
  let allocated = 0n;
  for (const row of rows) {
    const text = texts[row.id];
    if (!text?.trim()) continue;
    const parsed = parseMoneyInput(text, currency, locale);
    if (!parsed.ok) {
      if (parsed.reason !== 'empty') problems[row.id] = { kind: 'parse', reason: parsed.reason };
      continue;
    }
    if (parsed.minor > BigInt(row.limit)) {
      problems[row.id] = { kind: 'exceedsOpen', open: row.limit };
      continue;
    }
    allocated += parsed.minor;
    allocations.push({ invoiceId: row.id, amount: Number(parsed.minor) });
  }
  const excess = available !== null && allocated > available ? allocated - available : 0n;
  return {
    allocations,
    allocated,
    problems,
    excess,
    ok: Object.keys(problems).length === 0 && excess === 0n,
  };
}

/** The listed invoices, then any the preview reaches beyond them, each limited as the preview says. */
export function allocationRows(
  invoices: InvoiceSummary[],
  preview: AllocationPreview | undefined,
): AllocationRow[] {
  const previewed = new Map(preview?.allocations.map((a) => [a.invoiceId, a]));
  const rows: AllocationRow[] = invoices.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    dueDate: invoice.dueDate,
    poNumber: invoice.poNumber,
    total: invoice.total,
    openAmount: invoice.openAmount,
    limit: previewed.get(invoice.id)?.available ?? invoice.openAmount,
    invoice,
  }));
  const listed = new Set(invoices.map((invoice) => invoice.id));
  for (const a of preview?.allocations ?? []) {
    if (listed.has(a.invoiceId)) continue;
    rows.push({
      id: a.invoiceId,
      number: a.number,
      dueDate: a.dueDate,
      poNumber: null,
      total: null,
      openAmount: a.available,
      limit: a.available,
      invoice: null,
    });
  }
  return rows;
}

/** The preview's amounts as what would be typed in each row. */
export function textsFromPreview(
  preview: AllocationPreview,
  currency: string,
  locale: string,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const a of preview.allocations) {
    if (a.amount > 0) texts[a.invoiceId] = minorToInput(a.amount, currency, locale);
  }
  return texts;
}
