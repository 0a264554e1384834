import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { orgToday } from '../customers/balances.ts';

/**
 * Where a promise to pay stands. `open`: its date has not passed and it is not yet kept (reminders
 * for what it covers pause); `kept`: the invoice it covers is paid, or the account paid at least its
 * amount since it was made; `missed`: its date passed first (reminders resume); `cancelled`.
 */
export type PromiseState = 'open' | 'kept' | 'missed' | 'cancelled';

export interface PromiseRecord {
  id: string;
  customerId: string;
  invoice: { id: string; number: string } | null;
  promisedOn: string;
  amount: bigint;
  currency: string;
  note: string | null;
  state: PromiseState;
  recordedBy: 'customer' | 'staff';
  recordedByName: string | null;
  createdAt: Date;
}

/** Paid toward a promise: the account's payments since it was made that are not failed or undone. */
const paidSince = sql<bigint>`(select coalesce(sum(p.amount), 0)::bigint from payments p
  where p.org_id = pp.org_id and p.customer_id = pp.customer_id and p.created_at >= pp.created_at
    and p.currency = pp.currency and p.status in ('processing', 'pending', 'completed'))`;

/** The state of `pp` (a payment_promises row, its invoice `i` left-joined) as SQL. */
export function promiseStateSql(orgId: string) {
  return sql<PromiseState>`case
    when pp.status = 'cancelled' then 'cancelled'
    when (pp.invoice_id is not null and (i.open_amount = 0 or i.status <> 'open')) or ${paidSince} >= pp.amount then 'kept'
    when pp.promised_on >= ${orgToday(orgId)} then 'open'
    else 'missed' end`;
}

export async function findPromises(
  db: Database,
  input: { orgId: string; customerId: string; invoiceId?: string | undefined },
): Promise<PromiseRecord[]> {
  let query = db
    .selectFrom('payment_promises as pp')
    .leftJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'pp.org_id').onRef('i.id', '=', 'pp.invoice_id'),
    )
    .leftJoin('users as u', 'u.id', 'pp.recorded_by_user_id')
    .where('pp.org_id', '=', input.orgId)
    .where('pp.customer_id', '=', input.customerId);
  if (input.invoiceId)
    query = query.where((eb) =>
      eb.or([eb('pp.invoice_id', '=', input.invoiceId as string), eb('pp.invoice_id', 'is', null)]),
    );
  const rows = await query
    .select([
      'pp.id',
      'pp.customer_id',
      'pp.invoice_id',
      'i.number as invoice_number',
      sql<string>`pp.promised_on::text`.as('promised_on'),
      'pp.amount',
      'pp.currency',
      'pp.note',
      'pp.recorded_by',
      'u.name as recorded_by_name',
      'pp.created_at',
      promiseStateSql(input.orgId).as('state'),
    ])
    .orderBy('pp.promised_on', 'desc')
    .orderBy('pp.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    invoice: row.invoice_id && row.invoice_number ? { id: row.invoice_id, number: row.invoice_number } : null,
    promisedOn: row.promised_on,
    amount: row.amount,
    currency: row.currency,
    note: row.note,
    state: row.state,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name?.trim() || null,
    createdAt: row.created_at,
  }));
}
