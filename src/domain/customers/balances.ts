import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What a customer owes in one currency, in minor units:
 * `total = overdue + notYetDue − unappliedCash − unappliedCredits`, where overdue + notYetDue are
 * the open invoices (status 'open', open amount > 0) split by the due date against the seller's
 * "today".
 */
export interface Balance {
  currency: string;
  total: bigint;
  overdue: bigint;
  notYetDue: bigint;
  unappliedCash: bigint;
  unappliedCredits: bigint;
}

/** Open invoice amounts by days past due (0 or less is current). */
export interface Buckets {
  current: bigint;
  d1_30: bigint;
  d31_60: bigint;
  d61_90: bigint;
  d90_plus: bigint;
}

/** A customer's aging in one currency: `total − unappliedCash − unappliedCredits = balance`. */
export type Aging = Buckets & {
  currency: string;
  total: bigint;
  unappliedCash: bigint;
  unappliedCredits: bigint;
  balance: bigint;
};

/**
 * The seller's calendar date now, in its own IANA time zone: an invoice due "today" in Mexico City
 * is not overdue at 23:00 there, even though it is already tomorrow in UTC.
 */
export function orgToday(orgId: string): RawBuilder<string> {
  return sql<string>`(select (now() at time zone o.time_zone)::date from organizations o where o.id = ${orgId})`;
}

/** The seller's calendar date now as 'YYYY-MM-DD' (see orgToday), or null for an unknown org. */
export async function orgTodayOf(db: Kysely<DB> | Transaction<DB>, orgId: string): Promise<string | null> {
  const { rows } = await sql<{ today: string | null }>`select ${orgToday(orgId)}::text as today`.execute(db);
  return rows[0]?.today ?? null;
}

export function zeroBalance(currency: string): Balance {
  return { currency, total: 0n, overdue: 0n, notYetDue: 0n, unappliedCash: 0n, unappliedCredits: 0n };
}

interface BalanceRow {
  customer_id: string;
  currency: string;
  overdue: bigint;
  not_yet_due: bigint;
  unapplied_cash: bigint;
  unapplied_credits: bigint;
}

/**
 * Balances of a set of customers (a page of a list, one account), per currency, in one query:
 * open invoices through the partial index invoices_open_idx, unapplied cash of completed payments,
 * unapplied credit of open credit memos. Every customer asked for gets at least a zero balance in
 * its own currency (`currencyOf`), so a list shows 0 rather than nothing.
 */
export async function balancesFor(
  db: Db,
  orgId: string,
  customers: { id: string; currency: string }[],
): Promise<Map<string, Balance[]>> {
  const result = new Map<string, Balance[]>();
  if (customers.length === 0) return result;
  const ids = customers.map((c) => c.id);
  const { rows } = await sql<BalanceRow>`
    with today as (select ${orgToday(orgId)} as d),
    parts as (
      select i.customer_id, i.currency,
             coalesce(sum(i.open_amount) filter (where i.due_date < (select d from today)), 0) as overdue,
             coalesce(sum(i.open_amount) filter (where i.due_date >= (select d from today)), 0) as not_yet_due,
             0::numeric as unapplied_cash, 0::numeric as unapplied_credits
        from invoices i
       where i.org_id = ${orgId} and i.customer_id = any(${ids}::uuid[])
         and i.status = 'open' and i.open_amount > 0
       group by i.customer_id, i.currency
      union all
      select p.customer_id, p.currency, 0, 0, sum(p.unapplied_amount), 0
        from payments p
       where p.org_id = ${orgId} and p.customer_id = any(${ids}::uuid[])
         and p.status = 'completed' and p.unapplied_amount > 0
       group by p.customer_id, p.currency
      union all
      select m.customer_id, m.currency, 0, 0, 0, sum(m.unapplied_amount)
        from credit_memos m
       where m.org_id = ${orgId} and m.customer_id = any(${ids}::uuid[])
         and m.status = 'open' and m.unapplied_amount > 0
       group by m.customer_id, m.currency
    )
    select customer_id, currency::text as currency,
           sum(overdue)::int8 as overdue, sum(not_yet_due)::int8 as not_yet_due,
           sum(unapplied_cash)::int8 as unapplied_cash, sum(unapplied_credits)::int8 as unapplied_credits
      from parts
     group by customer_id, currency
     order by customer_id, currency`.execute(db);
  for (const row of rows) {
    const list = result.get(row.customer_id) ?? [];
    list.push({
      currency: row.currency,
      overdue: row.overdue,
      notYetDue: row.not_yet_due,
      unappliedCash: row.unapplied_cash,
      unappliedCredits: row.unapplied_credits,
      total: row.overdue + row.not_yet_due - row.unapplied_cash - row.unapplied_credits,
    });
    result.set(row.customer_id, list);
  }
  for (const c of customers) {
    const list = result.get(c.id) ?? [];
    if (!list.some((b) => b.currency === c.currency)) list.unshift(zeroBalance(c.currency));
    // The account's own currency first, then the others alphabetically.
    list.sort((x, y) =>
      x.currency === c.currency ? -1 : y.currency === c.currency ? 1 : x.currency.localeCompare(y.currency),
    );
    result.set(c.id, list);
  }
  return result;
}

interface AgingRow {
  currency: string;
  current: bigint;
  d1_30: bigint;
  d31_60: bigint;
  d61_90: bigint;
  d90_plus: bigint;
  total: bigint;
  unapplied_cash: bigint;
  unapplied_credits: bigint;
}

/**
 * One customer's open invoices by days past due, per currency (the seller's time zone), with the
 * unapplied cash and credits beside them so that `total − unappliedCash − unappliedCredits =
 * balance`, the customer's balance in that currency (`balancesFor`). A currency with only money
 * on account has a row too (buckets 0, a negative balance).
 */
export async function agingFor(db: Db, orgId: string, customerId: string): Promise<Aging[]> {
  const { rows } = await sql<AgingRow>`
    with today as (select ${orgToday(orgId)} as d),
    open as (
      select i.currency, i.open_amount, (select d from today) - i.due_date as days,
             0::int8 as cash, 0::int8 as credits
        from invoices i
       where i.org_id = ${orgId} and i.customer_id = ${customerId}
         and i.status = 'open' and i.open_amount > 0
      union all
      select p.currency, 0, null, p.unapplied_amount, 0
        from payments p
       where p.org_id = ${orgId} and p.customer_id = ${customerId}
         and p.status = 'completed' and p.unapplied_amount > 0
      union all
      select m.currency, 0, null, 0, m.unapplied_amount
        from credit_memos m
       where m.org_id = ${orgId} and m.customer_id = ${customerId}
         and m.status = 'open' and m.unapplied_amount > 0
    )
    select currency::text as currency,
           coalesce(sum(open_amount) filter (where days <= 0), 0)::int8 as current,
           coalesce(sum(open_amount) filter (where days between 1 and 30), 0)::int8 as d1_30,
           coalesce(sum(open_amount) filter (where days between 31 and 60), 0)::int8 as d31_60,
           coalesce(sum(open_amount) filter (where days between 61 and 90), 0)::int8 as d61_90,
           coalesce(sum(open_amount) filter (where days > 90), 0)::int8 as d90_plus,
           sum(open_amount)::int8 as total,
           sum(cash)::int8 as unapplied_cash, sum(credits)::int8 as unapplied_credits
      from open
     group by currency
     order by currency`.execute(db);
  return rows.map((r) => ({
    currency: r.currency,
    current: r.current,
    d1_30: r.d1_30,
    d31_60: r.d31_60,
    d61_90: r.d61_90,
    d90_plus: r.d90_plus,
    total: r.total,
    unappliedCash: r.unapplied_cash,
    unappliedCredits: r.unapplied_credits,
    balance: r.total - r.unapplied_cash - r.unapplied_credits,
  }));
}
