import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Allocation, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { assertDocumentAmount, resolveCustomerCurrency } from '../customers/resolve-customer-currency.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { findInvoiceState } from '../invoices/invoices.repository.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { nextDocumentNumber } from '../shared/document-numbers.ts';
import { newId } from '../shared/ids.ts';
import { insertCreditMemo } from './credit-memos.repository.ts';

export interface NewCreditMemo {
  orgId: string;
  customerId: string;
  amount: bigint;
  currency?: string | null;
  issueDate: string;
  reason?: string | null;
  /** The ERP's number; Saldo numbers it (CM-000001) when absent. */
  number?: string | null;
  erpId?: string | null;
  /** The invoice it was issued against, if any (applying it is separate, or through `allocations`). */
  invoiceId?: string | null;
  allocations?: Allocation[];
  actor: Actor;
}

/** Issues a credit to a customer: sales returns up, the customer's unapplied credit up; optionally applied at once. */
export async function issueCreditMemo(
  deps: { db: Database },
  input: NewCreditMemo,
): Promise<{ id: string; number: string; applied: bigint }> {
  assertDocumentAmount(input.amount);
  const { actor } = input;
  return inTransaction(deps.db, async (trx) => {
    const currency = await resolveCustomerCurrency(trx, input);
    if (input.invoiceId) {
      const invoice = await findInvoiceState(trx, { orgId: input.orgId, invoiceId: input.invoiceId });
      if (!invoice) throw new AppError('not_found');
      if (invoice.customerId !== input.customerId)
        throw new AppError('customer_mismatch', { number: invoice.number });
      if (invoice.currency !== currency)
        throw new AppError('currency_mismatch', {
          number: invoice.number,
          invoiceCurrency: invoice.currency,
          currency,
        });
    }
    const id = newId();
    const number = input.number ?? (await nextDocumentNumber(trx, input.orgId, 'credit_memo', 'CM-'));
    const inserted = await insertCreditMemo(trx, {
      org_id: input.orgId,
      id,
      customer_id: input.customerId,
      number,
      erp_id: input.erpId ?? null,
      invoice_id: input.invoiceId ?? null,
      issue_date: input.issueDate,
      currency,
      amount: input.amount,
      unapplied_amount: input.amount,
      reason: input.reason ?? null,
      created_by: actor.userId ?? null,
    });
    if (!inserted) throw new AppError('duplicate_number', { number });
    await postEntry(trx, {
      orgId: input.orgId,
      currency,
      kind: 'credit.issued',
      memo: number,
      createdBy: actor.userId ?? null,
      lines: [
        { account: 'sales_returns', customerId: input.customerId, creditMemoId: id, amount: input.amount },
        {
          account: 'customer_credits',
          customerId: input.customerId,
          creditMemoId: id,
          amount: -input.amount,
        },
      ],
    });
    const source = {
      kind: 'credit' as const,
      id,
      customerId: input.customerId,
      currency,
      available: input.amount,
    };
    const applied = await applyToInvoices(
      trx,
      input.orgId,
      source,
      input.allocations ?? [],
      actor.userId ?? null,
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'credit_memo.issued',
      entityType: 'credit_memo',
      entityId: id,
      after: {
        number,
        amount: input.amount.toString(),
        currency,
        invoiceId: input.invoiceId ?? null,
        applied: applied.toString(),
        reason: input.reason ?? null,
      },
    });
    if (applied > 0n)
      await recordIntegrationEvent(trx, {
        orgId: input.orgId,
        type: 'credit.applied',
        data: {
          creditMemoId: id,
          customerId: input.customerId,
          currency,
          applied,
          allocations: input.allocations ?? [],
        },
      });
    return { id, number, applied };
  });
}
