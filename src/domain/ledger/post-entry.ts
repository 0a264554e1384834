import type { Transaction } from 'kysely';
import type { DB, LedgerAccount } from '../../db/schema.ts';
import { newId } from '../shared/ids.ts';

export interface JournalLine {
  account: LedgerAccount;
  customerId: string;
  invoiceId?: string | null;
  creditMemoId?: string | null;
  paymentId?: string | null;
  /** Signed minor units: debits positive, credits negative. */
  amount: bigint;
}

/**
 * The accounts Saldo keeps per seller and currency (Saldo is a subledger of receivables, not the
 * seller's general ledger; `sales` and `sales_returns` stand for the ERP's side):
 *
 * | movement            | debit               | credit              |
 * |---------------------|---------------------|---------------------|
 * | invoice posted      | accounts_receivable | sales               |
 * | invoice voided      | sales               | accounts_receivable |
 * | credit memo issued  | sales_returns       | customer_credits    |
 * | credit applied      | customer_credits    | accounts_receivable |
 * | payment received    | cash_clearing       | unapplied_cash      |
 * | payment applied     | unapplied_cash      | accounts_receivable |
 * | payment reversed    | unapplied_cash      | cash_clearing       |
 *
 * Undoing anything is a new entry with the lines negated (`reversesEntryId`), never an edit.
 */
export async function postEntry(
  trx: Transaction<DB>,
  entry: {
    orgId: string;
    currency: string;
    kind: string;
    memo?: string | null;
    createdBy: string | null;
    reversesEntryId?: string | null;
    lines: JournalLine[];
  },
): Promise<string> {
  const lines = entry.lines.filter((l) => l.amount !== 0n);
  const net = lines.reduce((sum, l) => sum + l.amount, 0n);
  if (net !== 0n || lines.length < 2)
    throw new Error(`unbalanced journal entry ${entry.kind}: nets to ${net}`);
  const id = newId();
  await trx
    .insertInto('journal_entries')
    .values({
      org_id: entry.orgId,
      id,
      currency: entry.currency,
      kind: entry.kind,
      memo: entry.memo ?? null,
      reverses_entry_id: entry.reversesEntryId ?? null,
      created_by: entry.createdBy,
    })
    .execute();
  await trx
    .insertInto('journal_lines')
    .values(
      lines.map((l, i) => ({
        org_id: entry.orgId,
        entry_id: id,
        line_no: i + 1,
        account: l.account,
        customer_id: l.customerId,
        invoice_id: l.invoiceId ?? null,
        credit_memo_id: l.creditMemoId ?? null,
        payment_id: l.paymentId ?? null,
        amount: l.amount,
      })),
    )
    .execute();
  return id;
}

/** Posts the mirror image of an entry: same lines, opposite signs. */
export async function reverseEntry(
  trx: Transaction<DB>,
  input: { orgId: string; entryId: string; kind: string; memo?: string | null; createdBy: string | null },
): Promise<string> {
  const original = await trx
    .selectFrom('journal_entries')
    .select(['currency'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.entryId)
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('journal_lines')
    .select(['account', 'customer_id', 'invoice_id', 'credit_memo_id', 'payment_id', 'amount'])
    .where('org_id', '=', input.orgId)
    .where('entry_id', '=', input.entryId)
    .orderBy('line_no')
    .execute();
  return postEntry(trx, {
    orgId: input.orgId,
    currency: original.currency,
    kind: input.kind,
    memo: input.memo,
    createdBy: input.createdBy,
    reversesEntryId: input.entryId,
    lines: lines.map((l) => ({
      account: l.account,
      customerId: l.customer_id,
      invoiceId: l.invoice_id,
      creditMemoId: l.credit_memo_id,
      paymentId: l.payment_id,
      amount: -l.amount,
    })),
  });
}
