import type { Kysely, Transaction } from 'kysely';
import type { DB, PaymentMethod } from '../../db/schema.ts';
import { type InvoiceSummary, selectInvoiceSummaries, toInvoiceSummary } from './list-invoices.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface InvoiceDetail extends InvoiceSummary {
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  notes: string | null;
  lines: {
    lineNo: number;
    sku: string | null;
    description: string;
    quantity: string;
    unit: string | null;
    unitPrice: string;
    discountAmount: bigint;
    netAmount: bigint;
    taxAmount: bigint;
    totalAmount: bigint;
    taxes: { name: string; rate: string | null; amount: bigint }[];
  }[];
  charges: { kind: 'fee' | 'tax'; name: string; rate: string | null; amount: bigint }[];
  payments: {
    applicationId: string;
    paymentId: string;
    number: string;
    receivedOn: string;
    method: PaymentMethod;
    amount: bigint;
    appliedAt: Date;
    unappliedAt: Date | null;
  }[];
  credits: {
    applicationId: string;
    creditMemoId: string;
    number: string;
    amount: bigint;
    appliedAt: Date;
    unappliedAt: Date | null;
  }[];
  voidedAt: Date | null;
  voidReason: string | null;
}

/** Trailing zeros of a numeric's scale dropped: "12.5000" → "12.5", "16.0000" → "16". */
export function plainDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * One invoice with everything on it and everything applied to it (live and undone applications,
 * oldest first). `customerId` scopes it to one account (the portal): another account's invoice,
 * like another seller's, is simply not found. Drafts are hidden where `excludeDrafts` is set.
 */
export async function getInvoice(
  db: Db,
  input: {
    orgId: string;
    invoiceId: string;
    customerId?: string | undefined;
    excludeDrafts?: boolean | undefined;
  },
): Promise<InvoiceDetail | null> {
  const { orgId, invoiceId } = input;
  let query = selectInvoiceSummaries(db, orgId)
    .select([
      'i.subtotal',
      'i.discount_total',
      'i.tax_total',
      'i.fee_total',
      'i.notes',
      'i.voided_at',
      'i.void_reason',
    ])
    .where('i.id', '=', invoiceId);
  if (input.customerId) query = query.where('i.customer_id', '=', input.customerId);
  if (input.excludeDrafts) query = query.where('i.status', '<>', 'draft');
  const row = await query.executeTakeFirst();
  if (!row) return null;

  const [lines, taxes, charges, payments, credits] = await Promise.all([
    db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('line_no')
      .execute(),
    db
      .selectFrom('invoice_line_taxes')
      .select(['line_no', 'name', 'rate', 'amount'])
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('line_no')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('invoice_charges')
      .select(['kind', 'name', 'rate', 'amount'])
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('payment_applications as a')
      .innerJoin('payments as p', (join) =>
        join.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.payment_id'),
      )
      .select([
        'a.id as applicationId',
        'a.payment_id as paymentId',
        'p.number',
        'p.received_on as receivedOn',
        'p.method',
        'a.amount',
        'a.created_at as appliedAt',
        'a.unapplied_at as unappliedAt',
      ])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', '=', invoiceId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('credit_applications as a')
      .innerJoin('credit_memos as m', (join) =>
        join.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.credit_memo_id'),
      )
      .select([
        'a.id as applicationId',
        'a.credit_memo_id as creditMemoId',
        'm.number',
        'a.amount',
        'a.created_at as appliedAt',
        'a.unapplied_at as unappliedAt',
      ])
      .where('a.org_id', '=', orgId)
      .where('a.invoice_id', '=', invoiceId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
  ]);

  return {
    ...toInvoiceSummary(row),
    subtotal: row.subtotal,
    discountTotal: row.discount_total,
    taxTotal: row.tax_total,
    feeTotal: row.fee_total,
    notes: row.notes,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      description: l.description,
      quantity: plainDecimal(l.quantity),
      unit: l.unit,
      unitPrice: plainDecimal(l.unit_price),
      discountAmount: l.discount_amount,
      netAmount: l.net_amount,
      taxAmount: l.tax_amount,
      totalAmount: l.total_amount,
      taxes: taxes
        .filter((t) => t.line_no === l.line_no)
        .map((t) => ({
          name: t.name,
          rate: t.rate === null ? null : plainDecimal(t.rate),
          amount: t.amount,
        })),
    })),
    charges: charges.map((c) => ({ ...c, rate: c.rate === null ? null : plainDecimal(c.rate) })),
    payments: payments.map((p) => ({
      ...p,
      appliedAt: p.appliedAt as Date,
      unappliedAt: p.unappliedAt as Date | null,
    })),
    credits: credits.map((c) => ({
      ...c,
      appliedAt: c.appliedAt as Date,
      unappliedAt: c.unappliedAt as Date | null,
    })),
    voidedAt: row.voided_at as Date | null,
    voidReason: row.void_reason,
  };
}
