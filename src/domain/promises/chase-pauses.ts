import { type RawBuilder, sql } from 'kysely';
import { orgToday } from '../customers/balances.ts';

/** Whether a current promise to pay (its date not passed) covers the invoice `alias`, as SQL. */
function promiseCovers(orgId: string, alias: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`exists (
    select 1 from payment_promises pp
     where pp.org_id = ${col('org_id')} and pp.customer_id = ${col('customer_id')} and pp.status = 'open'
       and (pp.invoice_id = ${col('id')} or pp.invoice_id is null)
       and pp.promised_on >= ${orgToday(orgId)}
  )`;
}

/**
 * What reminders and collection e-mails must leave alone of the open invoice `alias` (a row of
 * invoices in the query that uses it), as a scalar SQL expression in minor units: the whole open
 * amount while a promise to pay covers it (one naming the invoice, or an account-wide one) and its
 * date has not passed; otherwise what open disputes hold (the open amount for a dispute naming no
 * amount); never more than the open amount; 0 when nothing is paused. Two index lookups per
 * invoice (invoice_inquiries_invoice_idx, payment_promises_customer_idx), so a run over a page of
 * customers pays for that page only.
 */
export function pausedAmountSql(orgId: string, alias: string): RawBuilder<bigint> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<bigint>`(case
    when ${promiseCovers(orgId, alias)} then ${col('open_amount')}
    else least(${col('open_amount')}, coalesce((
      select sum(coalesce(q.disputed_amount, ${col('open_amount')})) from invoice_inquiries q
       where q.org_id = ${col('org_id')} and q.invoice_id = ${col('id')} and q.kind = 'dispute' and q.status = 'open'
    ), 0))
  end)::bigint`;
}

/** Why `alias` is paused, as SQL: 'promise', 'dispute', or null. */
export function pausedBySql(orgId: string, alias: string): RawBuilder<'promise' | 'dispute' | null> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<'promise' | 'dispute' | null>`(case
    when ${promiseCovers(orgId, alias)} then 'promise'
    when exists (
      select 1 from invoice_inquiries q
       where q.org_id = ${col('org_id')} and q.invoice_id = ${col('id')} and q.kind = 'dispute' and q.status = 'open'
    ) then 'dispute'
  end)`;
}

/**
 * Every paused open invoice of a seller as a derived table `(invoice_id, paused_amount,
 * paused_by)` (the console's and the tests' view of pausedAmountSql). Invoices with nothing
 * paused are absent.
 */
export function chasePausesSql(orgId: string) {
  return sql<{ invoice_id: string; paused_amount: bigint; paused_by: 'dispute' | 'promise' }>`(
    select * from (
      select i.id as invoice_id, ${pausedAmountSql(orgId, 'i')} as paused_amount, ${pausedBySql(orgId, 'i')} as paused_by
        from invoices i
       where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
    ) paused where paused_by is not null
  )`;
}
