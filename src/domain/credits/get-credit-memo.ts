import type { Kysely, Transaction } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { DB } from '../../db/schema.ts';
import type { ApplicationView } from '../payments/get-payment.ts';
import {
  type CreditSummary,
  creditMemosWithCustomer,
  creditSummaryColumns,
  toCreditSummary,
} from './list-credit-memos.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** docs/api.md `CreditDetail`: the summary and every application, live and undone. */
export interface CreditDetail extends CreditSummary {
  applications: ApplicationView[];
}

/**
 * One credit memo of the org with its applications, or undefined when the org has no such memo
 * (or, with `customerId`, when it belongs to another customer account). A credit application
 * keeps no reason column of its own: the reason given when it was undone is the memo of its
 * reversing journal entry.
 */
export async function getCreditMemo(
  db: Db,
  input: { orgId: string; id: string; customerId?: string },
): Promise<CreditDetail | undefined> {
  if (!isUuid(input.id)) return undefined;
  let query = creditMemosWithCustomer(db, input.orgId).where('m.id', '=', input.id);
  if (input.customerId) query = query.where('m.customer_id', '=', input.customerId);
  const row = await query.select(creditSummaryColumns).executeTakeFirst();
  if (!row) return undefined;
  const applications = await db
    .selectFrom('credit_applications as a')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .leftJoin('journal_entries as r', (join) =>
      join.onRef('r.org_id', '=', 'a.org_id').onRef('r.id', '=', 'a.reversal_entry_id'),
    )
    .select(['a.id', 'a.invoice_id', 'i.number', 'a.amount', 'a.created_at', 'a.unapplied_at', 'r.memo'])
    .where('a.org_id', '=', input.orgId)
    .where('a.credit_memo_id', '=', row.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return {
    ...toCreditSummary(row),
    applications: applications.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number,
      amount: a.amount,
      createdAt: a.created_at,
      unappliedAt: a.unapplied_at,
      unapplyReason: a.unapplied_at ? a.memo : null,
    })),
  };
}
