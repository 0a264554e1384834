import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import { changeCreditUnapplied } from '../credits/credit-memos.repository.ts';
import { AppError } from '../errors.ts';
import { recordInvoicePaid } from '../integration/webhooks/record-invoice-paid.ts';
import { changeOpenAmount, lockInvoice, lockInvoices } from '../invoices/invoices.repository.ts';
import { postEntry, reverseEntry } from '../ledger/post-entry.ts';
import { changePaymentUnapplied } from '../payments/payments.repository.ts';
import { newId } from '../shared/ids.ts';

export interface Allocation {
  invoiceId: string;
  amount: bigint;
}

/** What is being applied: a payment's unapplied cash or a credit memo's unapplied credit. */
export interface ApplicationSource {
  kind: 'payment' | 'credit';
  id: string;
  customerId: string;
  currency: string;
  /** What is still unapplied on the source, as locked by the caller. */
  available: bigint;
}

const sourceAccount = { payment: 'unapplied_cash', credit: 'customer_credits' } as const;

/**
 * Applies a payment or credit to invoices: every rule checked before anything is written, the
 * invoices locked (in id order, after the caller locked the source, so two staff applying at
 * once queue instead of over-applying), one journal entry per application, open amounts reduced.
 * The database's CHECKs (open_amount ≥ 0, unapplied ≥ 0) are the last wall. Returns the total applied.
 */
export async function applyToInvoices(
  trx: Transaction<DB>,
  orgId: string,
  source: ApplicationSource,
  allocations: Allocation[],
  createdBy: string | null,
): Promise<bigint> {
  if (allocations.length === 0) return 0n;
  const byInvoice = new Map<string, bigint>();
  for (const a of allocations) {
    if (a.amount <= 0n) throw new AppError('amount_not_positive');
    byInvoice.set(a.invoiceId, (byInvoice.get(a.invoiceId) ?? 0n) + a.amount);
  }
  const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
  if (total > source.available)
    throw new AppError('exceeds_unapplied', {
      available: { amount: source.available, currency: source.currency },
    });

  const ids = [...byInvoice.keys()].sort();
  const invoices = await lockInvoices(trx, { orgId, invoiceIds: ids });
  const found = new Map(invoices.map((i) => [i.id, i]));
  for (const id of ids) {
    const invoice = found.get(id);
    if (!invoice) throw new AppError('not_found');
    const amount = byInvoice.get(id)!;
    if (invoice.customerId !== source.customerId)
      throw new AppError('customer_mismatch', { number: invoice.number });
    if (invoice.currency !== source.currency) {
      throw new AppError('currency_mismatch', {
        number: invoice.number,
        invoiceCurrency: invoice.currency,
        currency: source.currency,
      });
    }
    if (invoice.status !== 'open')
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    const open = invoice.openAmount - invoice.pendingAmount;
    if (amount > open)
      throw new AppError('exceeds_open_amount', {
        number: invoice.number,
        available: { amount: open, currency: invoice.currency },
      });
  }

  for (const id of ids) {
    const amount = byInvoice.get(id)!;
    const entryId = await postEntry(trx, {
      orgId,
      currency: source.currency,
      kind: source.kind === 'payment' ? 'payment.applied' : 'credit.applied',
      createdBy,
      lines: [
        {
          account: sourceAccount[source.kind],
          customerId: source.customerId,
          invoiceId: id,
          ...(source.kind === 'payment' ? { paymentId: source.id } : { creditMemoId: source.id }),
          amount,
        },
        {
          account: 'accounts_receivable',
          customerId: source.customerId,
          invoiceId: id,
          ...(source.kind === 'payment' ? { paymentId: source.id } : { creditMemoId: source.id }),
          amount: -amount,
        },
      ],
    });
    const common = {
      org_id: orgId,
      id: newId(),
      invoice_id: id,
      amount,
      journal_entry_id: entryId,
      created_by: createdBy,
    };
    if (source.kind === 'payment')
      await trx
        .insertInto('payment_applications')
        .values({ ...common, payment_id: source.id })
        .execute();
    else
      await trx
        .insertInto('credit_applications')
        .values({ ...common, credit_memo_id: source.id })
        .execute();
    await changeOpenAmount(trx, { orgId, invoiceId: id, delta: -amount });
    await recordInvoicePaid(trx, { orgId, invoice: found.get(id)!, applied: amount, source });
  }
  await updateUnapplied(trx, orgId, source.kind, source.id, -total);
  return total;
}

/** The source document's unapplied amount moves with its applications, in the same transaction. */
function updateUnapplied(
  trx: Transaction<DB>,
  orgId: string,
  kind: 'payment' | 'credit',
  id: string,
  delta: bigint,
): Promise<void> {
  return kind === 'payment'
    ? changePaymentUnapplied(trx, { orgId, paymentId: id, delta })
    : changeCreditUnapplied(trx, { orgId, creditMemoId: id, delta });
}

/**
 * Undoes one live application: a reversing journal entry, the invoice's open amount and the source
 * document's unapplied amount restored. The caller has locked the source document.
 */
export async function reverseApplication(
  trx: Transaction<DB>,
  orgId: string,
  kind: 'payment' | 'credit',
  applicationId: string,
  input: { by: string | null; reason?: string | null },
): Promise<{ amount: bigint; invoiceId: string }> {
  const application =
    kind === 'payment'
      ? await trx
          .selectFrom('payment_applications')
          .select([
            'id',
            'invoice_id',
            'amount',
            'journal_entry_id',
            'unapplied_at',
            'payment_id as source_id',
          ])
          .where('org_id', '=', orgId)
          .where('id', '=', applicationId)
          .forUpdate()
          .executeTakeFirst()
      : await trx
          .selectFrom('credit_applications')
          .select([
            'id',
            'invoice_id',
            'amount',
            'journal_entry_id',
            'unapplied_at',
            'credit_memo_id as source_id',
          ])
          .where('org_id', '=', orgId)
          .where('id', '=', applicationId)
          .forUpdate()
          .executeTakeFirst();
  if (!application) throw new AppError('not_found');
  if (application.unapplied_at) throw new AppError('application_already_reversed');
  await lockInvoice(trx, { orgId, invoiceId: application.invoice_id });
  const reversalId = await reverseEntry(trx, {
    orgId,
    entryId: application.journal_entry_id,
    kind: kind === 'payment' ? 'payment.unapplied' : 'credit.unapplied',
    memo: input.reason ?? null,
    createdBy: input.by,
  });
  if (kind === 'payment') {
    await trx
      .updateTable('payment_applications')
      .set({
        unapplied_at: sql`now()`,
        unapplied_by: input.by,
        unapply_reason: input.reason ?? null,
        reversal_entry_id: reversalId,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', applicationId)
      .execute();
  } else {
    await trx
      .updateTable('credit_applications')
      .set({ unapplied_at: sql`now()`, unapplied_by: input.by, reversal_entry_id: reversalId })
      .where('org_id', '=', orgId)
      .where('id', '=', applicationId)
      .execute();
  }
  await changeOpenAmount(trx, { orgId, invoiceId: application.invoice_id, delta: application.amount });
  await updateUnapplied(trx, orgId, kind, application.source_id, application.amount);
  return { amount: application.amount, invoiceId: application.invoice_id };
}

/** The payment or credit memo an application applied; undefined when the seller has no such application. */
export async function sourceOfApplication(
  db: Database,
  input: { orgId: string; kind: 'payment' | 'credit'; applicationId: string },
): Promise<string | undefined> {
  const row =
    input.kind === 'payment'
      ? await db
          .selectFrom('payment_applications')
          .select('payment_id as source_id')
          .where('org_id', '=', input.orgId)
          .where('id', '=', input.applicationId)
          .executeTakeFirst()
      : await db
          .selectFrom('credit_applications')
          .select('credit_memo_id as source_id')
          .where('org_id', '=', input.orgId)
          .where('id', '=', input.applicationId)
          .executeTakeFirst();
  return row?.source_id;
}

/** The live (not undone) applications of a payment, by invoice id: the order a reversal undoes them in. */
export async function livePaymentApplications(
  db: Database,
  input: { orgId: string; paymentId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('payment_applications')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .where('unapplied_at', 'is', null)
    .orderBy('invoice_id')
    .execute();
  return rows.map((r) => r.id);
}
