import { minorToInput, parseMoneyInput } from '../../app/format';
import type { Allocation, InvoiceSummary } from '../invoices/ar.types';
import { useInvoices } from '../invoices/invoices.api';

export type RowProblem =
  | { kind: 'parse'; reason: 'invalid' | 'tooManyDecimals' | 'notPositive' }
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

/** Checks what was typed per invoice: exact parsing, ≤ each open amount, Σ ≤ what is available. */
export function checkAllocations(
  invoices: InvoiceSummary[],
  texts: Record<string, string>,
  currency: string,
  locale: string,
  available: bigint | null,
): AllocationCheck {
  const allocations: Allocation[] = [];
  const problems: Record<string, RowProblem> = {};
  let allocated = 0n;
  for (const invoice of invoices) {
    const text = texts[invoice.id];
    if (!text?.trim()) continue;
    const parsed = parseMoneyInput(text, currency, locale);
    if (!parsed.ok) {
      if (parsed.reason !== 'empty') problems[invoice.id] = { kind: 'parse', reason: parsed.reason };
      continue;
    }
    if (parsed.minor > BigInt(invoice.openAmount)) {
      problems[invoice.id] = { kind: 'exceedsOpen', open: invoice.openAmount };
      continue;
    }
    allocated += parsed.minor;
    allocations.push({ invoiceId: invoice.id, amount: Number(parsed.minor) });
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

/** Fills rows oldest due first until `available` runs out. */
export function fillOldestFirst(
  invoices: InvoiceSummary[],
  available: bigint,
  currency: string,
  locale: string,
): Record<string, string> {
  const ordered = [...invoices].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number),
  );
  const texts: Record<string, string> = {};
  let remaining = available;
  for (const invoice of ordered) {
    if (remaining <= 0n) break;
    const open = BigInt(invoice.openAmount);
    const amount = open < remaining ? open : remaining;
    if (amount > 0n) texts[invoice.id] = minorToInput(amount, currency, locale);
    remaining -= amount;
  }
  return texts;
}

/** The customer's open invoices in one currency, oldest due first (up to 100). */
export function useOpenInvoices(customerId: string | null, currency: string | null) {
  const query = useInvoices(
    'console',
    { customerId: customerId ?? undefined, status: 'open', sort: 'dueDate', page: 1, pageSize: 100 },
    { enabled: Boolean(customerId) },
  );
  const invoices = (query.data?.items ?? []).filter(
    (invoice) => invoice.currency === currency && invoice.status === 'open' && invoice.openAmount > 0,
  );
  return { query, invoices, truncated: (query.data?.total ?? 0) > (query.data?.items.length ?? 0) };
}
