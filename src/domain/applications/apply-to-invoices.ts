import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { postEntry, reverseEntry } from '../ledger/post-entry.ts';
import { formatMoney } from '../money/money.ts';
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
  locale = 'en',
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
      available: formatMoney(source.available, source.currency, locale),
    });

  const ids = [...byInvoice.keys()].sort();
  const invoices = await trx
    .selectFrom('invoices')
    .select(['id', 'number', 'customer_id', 'currency', 'status', 'open_amount', 'pending_amount'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  const found = new Map(invoices.map((i) => [i.id, i]));
  for (const id of ids) {
    const invoice = found.get(id);
    if (!invoice) throw new AppError('not_found');
    const amount = byInvoice.get(id)!;
    if (invoice.customer_id !== source.customerId)
      throw new AppError('customer_mismatch', { number: invoice.number });
    if (invoice.currency !== source.currency) {
      throw new AppError('currency_mismatch', {
        number: invoice.number,
        invoiceCurrency: invoice.currency,
        currency: source.currency,
      });
    }
    if (invoice.status !== 'open')
      throw new AppError('invoice_not_open', {
        number: invoice.number,
        statusKey: `invoiceStatus.${invoice.status}`,
      });
    const open = invoice.open_amount - invoice.pending_amount;
    if (amount > open)
      throw new AppError('exceeds_open_amount', {
        number: invoice.number,
        available: formatMoney(open, invoice.currency, locale),
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
    await trx
      .updateTable('invoices')
      .set({ open_amount: sql`open_amount - ${amount}`, updated_at: sql`now()` })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  }
  await updateUnapplied(trx, orgId, source.kind, source.id, -total);
  return total;
}

/** The source document's unapplied amount moves with its applications, in the same transaction. */
async function updateUnapplied(
  trx: Transaction<DB>,
  orgId: string,
  kind: 'payment' | 'credit',
  id: string,
  delta: bigint,
) {
  if (delta === 0n) return;
  await trx
    .updateTable(kind === 'payment' ? 'payments' : 'credit_memos')
    .set({ unapplied_amount: sql`unapplied_amount + ${delta}` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
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
  await trx
    .selectFrom('invoices')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', application.invoice_id)
    .forUpdate()
    .execute();
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
  await trx
    .updateTable('invoices')
    .set({ open_amount: sql`open_amount + ${application.amount}`, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', application.invoice_id)
    .execute();
  await updateUnapplied(trx, orgId, kind, application.source_id, application.amount);
  return { amount: application.amount, invoiceId: application.invoice_id };
}

/** Oldest due first: the open invoices of a customer in a currency, filled up to `amount`. */
export async function allocateOldestFirst(
  trx: Transaction<DB>,
  orgId: string,
  customerId: string,
  currency: string,
  amount: bigint,
): Promise<Allocation[]> {
  const open = await trx
    .selectFrom('invoices')
    .select(['id', 'open_amount', 'pending_amount'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where('currency', '=', currency)
    .where('status', '=', 'open')
    .where('open_amount', '>', 0n)
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('number')
    .execute();
  const allocations: Allocation[] = [];
  let left = amount;
  for (const invoice of open) {
    if (left <= 0n) break;
    const take =
      invoice.open_amount - invoice.pending_amount < left
        ? invoice.open_amount - invoice.pending_amount
        : left;
    if (take > 0n) allocations.push({ invoiceId: invoice.id, amount: take });
    left -= take;
  }
  return allocations;
}
