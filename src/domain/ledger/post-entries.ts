import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * postEntry for many documents at once (the importers: a handful of statements whatever the
 * file's size). `table` is a temporary table of two-line entries, one row each:
 *
 *   entry_id uuid, currency text, kind text, memo text, customer_id uuid, invoice_id uuid,
 *   credit_memo_id uuid, amount bigint, debit text, credit text
 *
 * Each row becomes a journal entry with `amount` on the `debit` account (line 1) and its negation
 * on the `credit` account (line 2), the document named on both lines, as postEntry writes them (a
 * negative amount turns the entry around); rows of amount 0 post nothing. Entries and lines are
 * written in entry_id order (uuidv7: the order they were made in), so the journal's indexes are
 * appended to; the deferred balance check holds each entry to zero at commit, as it does for
 * postEntry's.
 */
export async function postEntriesFrom(
  trx: Transaction<DB>,
  input: { orgId: string; table: string; createdBy: string | null },
): Promise<void> {
  const t = sql.table(input.table);
  await sql`
    insert into journal_entries (org_id, id, currency, kind, memo, created_by)
    select ${input.orgId}, entry_id, currency, kind, memo, ${input.createdBy}
      from ${t} where amount <> 0 order by entry_id`.execute(trx);
  await sql`
    insert into journal_lines (org_id, entry_id, line_no, account, customer_id, invoice_id, credit_memo_id, amount)
    select ${input.orgId}, x.entry_id, v.line_no, v.account, x.customer_id, x.invoice_id, x.credit_memo_id, v.amount
      from ${t} x
      cross join lateral (values (1, x.debit, x.amount), (2, x.credit, -x.amount)) v(line_no, account, amount)
     where x.amount <> 0
     order by x.entry_id, v.line_no`.execute(trx);
}
