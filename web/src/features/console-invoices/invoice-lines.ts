import type { BodyOf } from '../../app/api/wire.ts';
import { parseMoneyInput } from '../../app/money-input.ts';

/* The new-invoice form's values → the API's body, pure (no React): what is sent to create and to preview. */

export type NewInvoiceBody = BodyOf<'postConsoleInvoices'>;
export type InvoicePreviewBody = BodyOf<'postConsoleInvoicesPreview'>;

export interface TaxValues {
  key: string;
  name: string;
  rate: string;
}

export interface LineValues {
  key: string;
  description: string;
  sku: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string;
  taxes: TaxValues[];
}

export interface FeeValues {
  key: string;
  name: string;
  amount: string;
}

const DECIMAL = /^\d{1,14}(\.\d{1,6})?$/;
const RATE = /^\d{1,5}(\.\d{1,4})?$/;

/**
 * A quantity, unit price or rate as the API takes it: a plain decimal with a point. People type
 * "12,5" as often as "12.5"; a single comma with no point is read as the decimal mark, and
 * spaces are dropped. Anything else is null (the field then says so).
 */
export function decimalText(text: string, pattern: RegExp = DECIMAL): string | null {
  let value = text.trim().replace(/\s/g, '');
  if (!value.includes('.') && (value.match(/,/g) ?? []).length === 1) value = value.replace(',', '.');
  return pattern.test(value) ? value : null;
}

export const rateText = (text: string) => decimalText(text.replace(/%$/, ''), RATE);

/** A line's discount in minor units: empty is none. */
function discountOf(text: string, currency: string, locale: string): bigint | null | 'invalid' {
  if (!text.trim()) return null;
  const parsed = parseMoneyInput(text, currency, locale);
  return parsed.ok ? parsed.minor : 'invalid';
}

type Line = NewInvoiceBody['lines'][number];

/** One line as the API takes it, or null while it is incomplete or wrong (the preview leaves it out). */
export function lineBody(line: LineValues, currency: string, locale: string): Line | null {
  const quantity = decimalText(line.quantity);
  const unitPrice = decimalText(line.unitPrice);
  const discount = discountOf(line.discount, currency, locale);
  if (!line.description.trim() || quantity === null || unitPrice === null || discount === 'invalid')
    return null;
  const taxes: NonNullable<Line['taxes']> = [];
  for (const tax of line.taxes) {
    if (!tax.name.trim() && !tax.rate.trim()) continue;
    const rate = rateText(tax.rate);
    if (!tax.name.trim() || rate === null) return null;
    taxes.push({ name: tax.name.trim(), rate });
  }
  return {
    description: line.description.trim(),
    sku: line.sku.trim() || null,
    quantity,
    unit: line.unit.trim() || null,
    unitPrice,
    ...(discount !== null ? { discountAmount: Number(discount) } : {}),
    taxes,
  };
}

type Charge = NonNullable<NewInvoiceBody['charges']>[number];

/** A fee (freight, handling…) as the API takes it, or null while incomplete; an empty row is none. */
export function feeBody(fee: FeeValues, currency: string, locale: string): Charge | null | 'empty' {
  if (!fee.name.trim() && !fee.amount.trim()) return 'empty';
  const parsed = parseMoneyInput(fee.amount, currency, locale);
  if (!fee.name.trim() || !parsed.ok) return null;
  return { kind: 'fee', name: fee.name.trim(), amount: Number(parsed.minor) };
}

/**
 * What the totals preview is asked for: the lines and fees complete so far, in order, with the
 * index of each in the form (so each line's net lands on its own card). Null with no complete line.
 */
export function previewBody(
  lines: LineValues[],
  fees: FeeValues[],
  currency: string,
  locale: string,
): { body: InvoicePreviewBody; lineIndexes: number[] } | null {
  const bodies: Line[] = [];
  const lineIndexes: number[] = [];
  lines.forEach((line, i) => {
    const body = lineBody(line, currency, locale);
    if (body) {
      bodies.push(body);
      lineIndexes.push(i);
    }
  });
  if (bodies.length === 0) return null;
  const charges = fees
    .map((f) => feeBody(f, currency, locale))
    .filter((c): c is Charge => c !== null && c !== 'empty');
  return { body: { currency, lines: bodies, charges }, lineIndexes };
}

/** A body path from the server → the form's ("lines.0.discountAmount" → "lines.0.discount"). */
export function formPathOf(path: string): string | null {
  const renamed = path
    .replace(/^lines\.(\d+)\.discountAmount$/, 'lines.$1.discount')
    .replace(/^lines\.(\d+)\.(taxAmount|totalAmount)$/, 'lines.$1.unitPrice')
    .replace(/^lines\.(\d+)\.taxes\.(\d+)(\.amount)?$/, 'lines.$1.taxes.$2.rate')
    .replace(/^charges\.(\d+)\.(amount|rate|name)$/, 'fees.$1.$2')
    .replace(/^charges\.(\d+)$/, 'fees.$1.amount');
  if (/^(subtotal|total|taxTotal|feeTotal)$/.test(renamed)) return null;
  return renamed;
}

/** The due date the server gives when none is typed: the issue date plus the customer's terms. */
export function dueFromTerms(issueDate: string, days: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) return null;
  const d = new Date(`${issueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
