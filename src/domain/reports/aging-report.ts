import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

/** Open amounts by days past due, in the org's time zone. */
export interface AgingBuckets {
  /** Not yet past due (due today or later). */
  current: bigint;
  d1_30: bigint;
  d31_60: bigint;
  d61_90: bigint;
  d90_plus: bigint;
}

export interface AgingCustomer {
  customerId: string;
  name: string;
  accountNumber: string;
  buckets: AgingBuckets;
  total: bigint;
}

export interface AgingCurrency {
  currency: string;
  buckets: AgingBuckets;
  total: bigint;
  /** Largest total first (ties by name, then account number). */
  customers: AgingCustomer[];
}

export interface AgingReport {
  /** 'YYYY-MM-DD': the day the ages are counted from. */
  asOf: string;
  /** Sorted by currency code. */
  currencies: AgingCurrency[];
}

export const BUCKET_KEYS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type BucketKey = (typeof BUCKET_KEYS)[number];

interface Row {
  as_of: string;
  currency: string;
  customer_id: string;
  name: string;
  account_number: string;
  current: bigint;
  d1_30: bigint;
  d31_60: bigint;
  d61_90: bigint;
  d90_plus: bigint;
}

export function emptyBuckets(): AgingBuckets {
  return { current: 0n, d1_30: 0n, d31_60: 0n, d61_90: 0n, d90_plus: 0n };
}

/**
 * The SQL of the aging report: one grouped pass over the partial index `invoices_open_idx`
 * (org_id, customer_id, due_date) include (open_amount, currency) where status = 'open' and
 * open_amount > 0 — an index-only scan once the table is vacuumed — summed per (customer,
 * currency) with a FILTER per bucket, then joined to the customers that have something open.
 * `$1` org id, `$2` as-of date or null (today in the org's time zone).
 *
 * Days past due = as-of − due date (date minus date is a whole number of days): ≤ 0 current,
 * 1–30, 31–60, 61–90, over 90.
 */
export const agingSql = `
with org as (
  select coalesce($2::date, (now() at time zone time_zone)::date) as as_of
    from organizations where id = $1
), open as (
  select i.customer_id, i.currency,
         coalesce(sum(i.open_amount) filter (where org.as_of - i.due_date <= 0), 0)::int8 as current,
         coalesce(sum(i.open_amount) filter (where org.as_of - i.due_date between 1 and 30), 0)::int8 as d1_30,
         coalesce(sum(i.open_amount) filter (where org.as_of - i.due_date between 31 and 60), 0)::int8 as d31_60,
         coalesce(sum(i.open_amount) filter (where org.as_of - i.due_date between 61 and 90), 0)::int8 as d61_90,
         coalesce(sum(i.open_amount) filter (where org.as_of - i.due_date > 90), 0)::int8 as d90_plus
    from invoices i cross join org
   where i.org_id = $1 and i.status = 'open' and i.open_amount > 0
   group by i.customer_id, i.currency
)
select org.as_of::text as as_of, o.currency::text as currency, o.customer_id, c.name, c.account_number,
       o.current, o.d1_30, o.d31_60, o.d61_90, o.d90_plus
  from org
  left join open o on true
  left join customer_accounts c on c.org_id = $1 and c.id = o.customer_id`;

/**
 * The org's aging report: open invoices' open amounts by how many days past due they are
 * (current, 1–30, 31–60, 61–90, 90+), per currency (never added across currencies), per
 * customer and in total.
 *
 * `asOf` defaults to today in the org's time zone. Only invoices with status 'open' and an open
 * amount above zero count (drafts, void and paid ones do not), each with what is open **today**:
 * for an `asOf` in the past the ages are counted from that day, but the amounts are still today's
 * open amounts (payments made since then are not added back) — a historical report would have to
 * be rebuilt from the journal, which this one does not do.
 */
export async function agingReport(
  db: Kysely<DB> | Transaction<DB>,
  input: { orgId: string; asOf?: string | null },
): Promise<AgingReport> {
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(agingSql, [input.orgId, input.asOf ?? null]) as CompiledQuery<Row>,
  );
  if (rows.length === 0) throw new AppError('not_found');
  const asOf = rows[0]!.as_of;
  const byCurrency = new Map<string, AgingCurrency>();
  for (const row of rows) {
    if (row.customer_id === null) continue; // the org has nothing open
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { currency: row.currency, buckets: emptyBuckets(), total: 0n, customers: [] };
      byCurrency.set(row.currency, entry);
    }
    const buckets: AgingBuckets = {
      current: row.current,
      d1_30: row.d1_30,
      d31_60: row.d31_60,
      d61_90: row.d61_90,
      d90_plus: row.d90_plus,
    };
    const total = buckets.current + buckets.d1_30 + buckets.d31_60 + buckets.d61_90 + buckets.d90_plus;
    for (const key of BUCKET_KEYS) entry.buckets[key] += buckets[key];
    entry.total += total;
    entry.customers.push({
      customerId: row.customer_id,
      name: row.name,
      accountNumber: row.account_number,
      buckets,
      total,
    });
  }
  const currencies = [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  for (const c of currencies) {
    c.customers.sort(
      (a, b) =>
        (a.total > b.total ? -1 : a.total < b.total ? 1 : 0) ||
        a.name.localeCompare(b.name) ||
        (a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0),
    );
  }
  return { asOf, currencies };
}
