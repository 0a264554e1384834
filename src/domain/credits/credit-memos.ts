import type { Database } from '../../db/client.ts';
import { type Allocation, applyToInvoices, reverseApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { assertDocumentAmount, resolveCustomerCurrency } from '../customers/resolve-customer-currency.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { nextDocumentNumber } from '../shared/document-numbers.ts';
import { newId } from '../shared/ids.ts';

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
  locale?: string;
}

/** Issues a credit to a customer: sales returns up, the customer's unapplied credit up; optionally applied at once. */
export async function issueCreditMemo(
  db: Database,
  input: NewCreditMemo,
  actor: Actor,
): Promise<{ id: string; number: string; applied: bigint }> {
  assertDocumentAmount(input.amount);
  return db.transaction().execute(async (trx) => {
    const currency = await resolveCustomerCurrency(trx, input);
    if (input.invoiceId) {
      const invoice = await trx
        .selectFrom('invoices')
        .select(['customer_id', 'currency', 'number'])
        .where('org_id', '=', input.orgId)
        .where('id', '=', input.invoiceId)
        .executeTakeFirst();
      if (!invoice) throw new AppError('not_found');
      if (invoice.customer_id !== input.customerId)
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
    const inserted = await trx
      .insertInto('credit_memos')
      .values({
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
      })
      .onConflict((oc) => oc.columns(['org_id', 'number']).doNothing())
      .returning('id')
      .executeTakeFirst();
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
      input.locale,
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
    return { id, number, applied };
  });
}

/** Applies a credit memo's unapplied credit to one or more invoices. */
export async function applyCredit(
  db: Database,
  input: { orgId: string; creditMemoId: string; allocations: Allocation[]; locale?: string },
  actor: Actor,
): Promise<{ applied: bigint }> {
  return db.transaction().execute(async (trx) => {
    const memo = await trx
      .selectFrom('credit_memos')
      .select(['id', 'customer_id', 'currency', 'unapplied_amount', 'status'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.creditMemoId)
      .forUpdate()
      .executeTakeFirst();
    if (!memo) throw new AppError('not_found');
    if (memo.status !== 'open') throw new AppError('credit_memo_void');
    const source = {
      kind: 'credit' as const,
      id: memo.id,
      customerId: memo.customer_id,
      currency: memo.currency,
      available: memo.unapplied_amount,
    };
    const applied = await applyToInvoices(
      trx,
      input.orgId,
      source,
      input.allocations,
      actor.userId ?? null,
      input.locale,
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'credit_memo.applied',
      entityType: 'credit_memo',
      entityId: memo.id,
      before: { unapplied: memo.unapplied_amount.toString() },
      after: {
        unapplied: (memo.unapplied_amount - applied).toString(),
        allocations: input.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount.toString() })),
      },
    });
    return { applied };
  });
}

/** Takes a credit application off its invoice; the credit becomes unapplied again. */
export async function unapplyCredit(
  db: Database,
  input: { orgId: string; applicationId: string; reason?: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('credit_applications')
      .select(['credit_memo_id'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.applicationId)
      .executeTakeFirst();
    if (!application) throw new AppError('not_found');
    await trx
      .selectFrom('credit_memos')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('id', '=', application.credit_memo_id)
      .forUpdate()
      .execute();
    const { amount, invoiceId } = await reverseApplication(trx, input.orgId, 'credit', input.applicationId, {
      by: actor.userId ?? null,
      reason: input.reason ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'credit_memo.unapplied',
      entityType: 'credit_memo',
      entityId: application.credit_memo_id,
      after: { invoiceId, amount: amount.toString(), reason: input.reason ?? null },
    });
  });
}
