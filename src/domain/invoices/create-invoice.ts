import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { applyPrepayments } from '../credit-checks/apply-prepayments.ts';
import { findCustomerDefaults } from '../customers/customers.repository.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { currencyExponent } from '../money/currency.ts';
import { newId } from '../shared/ids.ts';
import { type ChargeInput, computeInvoice, type InvoiceLineInput } from './compute-invoice.ts';
import { insertInvoice } from './invoices.repository.ts';

export interface NewInvoice {
  orgId: string;
  customerId: string;
  number: string;
  erpId?: string | null;
  issueDate: string;
  /** Default: issue date + the customer's payment terms. */
  dueDate?: string | null;
  currency?: string | null;
  poNumber?: string | null;
  /** The ERP's order this invoice bills: what was prepaid for it (a pay link) is applied at once. */
  orderReference?: string | null;
  notes?: string | null;
  lines: InvoiceLineInput[];
  charges?: ChargeInput[];
  /** 'open' posts it to the ledger at once; a draft is posted later by postInvoice. */
  status?: 'draft' | 'open';
  actor: Actor;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Posts an open invoice: receivable up, the ERP's sales side down. */
export async function postInvoiceEntry(
  trx: Transaction<DB>,
  invoice: { orgId: string; id: string; customerId: string; currency: string; total: bigint; number: string },
  createdBy: string | null,
) {
  await postEntry(trx, {
    orgId: invoice.orgId,
    currency: invoice.currency,
    kind: 'invoice.posted',
    memo: invoice.number,
    createdBy,
    lines: [
      {
        account: 'accounts_receivable',
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        amount: invoice.total,
      },
      { account: 'sales', customerId: invoice.customerId, invoiceId: invoice.id, amount: -invoice.total },
    ],
  });
}

/** Creates an invoice with its lines, taxes and fees, all amounts computed exactly (compute-invoice.ts). */
export function createInvoice(
  deps: { db: Database },
  input: NewInvoice,
): Promise<{ id: string; total: bigint }> {
  const { actor } = input;
  return inTransaction(deps.db, async (trx) => {
    const customer = await findCustomerDefaults(trx, input);
    if (!customer) throw new AppError('not_found');
    const currency = input.currency ?? customer.currency;
    currencyExponent(currency);
    const dueDate = input.dueDate ?? addDays(input.issueDate, customer.paymentTermsDays);
    if (dueDate < input.issueDate)
      throw new AppError('due_before_issue', { due: dueDate, issue: input.issueDate });
    const computed = computeInvoice(currency, input.lines, input.charges ?? []);
    if (computed.total <= 0n) throw new AppError('amount_not_positive');
    const status = input.status ?? 'open';
    const id = newId();
    const key = { org_id: input.orgId, invoice_id: id };
    const inserted = await insertInvoice(trx, {
      header: {
        org_id: input.orgId,
        id,
        customer_id: input.customerId,
        number: input.number,
        erp_id: input.erpId ?? null,
        issue_date: input.issueDate,
        due_date: dueDate,
        currency,
        po_number: input.poNumber ?? null,
        order_reference: input.orderReference ?? null,
        status,
        subtotal: computed.subtotal,
        discount_total: computed.discountTotal,
        tax_total: computed.taxTotal,
        fee_total: computed.feeTotal,
        total: computed.total,
        open_amount: computed.total,
        notes: input.notes ?? null,
        posted_at: status === 'open' ? sql`now()` : null,
      },
      lines: computed.lines.map((l) => ({
        ...key,
        line_no: l.lineNo,
        sku: l.sku,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        unit_price: l.unitPrice,
        discount_amount: l.discountAmount,
        net_amount: l.netAmount,
        tax_amount: l.taxAmount,
        total_amount: l.totalAmount,
      })),
      lineTaxes: computed.lines.flatMap((l) =>
        l.taxes.map((t) => ({
          ...key,
          line_no: l.lineNo,
          seq: t.seq,
          name: t.name,
          rate: t.rate,
          amount: t.amount,
        })),
      ),
      charges: computed.charges.map((c) => ({
        ...key,
        seq: c.seq,
        kind: c.kind,
        name: c.name,
        rate: c.rate,
        amount: c.amount,
      })),
    });
    if (!inserted) throw new AppError('duplicate_number', { number: input.number });
    if (status === 'open') {
      await postInvoiceEntry(
        trx,
        {
          orgId: input.orgId,
          id,
          customerId: input.customerId,
          currency,
          total: computed.total,
          number: input.number,
        },
        actor.userId ?? null,
      );
      if (input.orderReference)
        await applyPrepayments(trx, {
          orgId: input.orgId,
          customerId: input.customerId,
          invoiceId: id,
          orderReference: input.orderReference,
          currency,
          createdBy: actor.userId ?? null,
        });
    }
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'invoice.created',
      entityType: 'invoice',
      entityId: id,
      after: {
        number: input.number,
        customerId: input.customerId,
        currency,
        total: computed.total.toString(),
        status,
        dueDate,
      },
    });
    return { id, total: computed.total };
  });
}
