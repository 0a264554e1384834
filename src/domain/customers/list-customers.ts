import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';
import { balancesFor, orgToday } from './balances.ts';
import { type CustomerSummary, type SummaryRow, selectSummaryColumns, toSummary } from './get-customer.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const customerSorts = [
  'name',
  '-name',
  'accountNumber',
  '-accountNumber',
  'balance',
  '-balance',
  'overdue',
  '-overdue',
] as const;
export type CustomerSort = (typeof customerSorts)[number];

export interface CustomerListQuery {
  orgId: string;
  /** Part of the name, account number or tax id (ILIKE, its own % and _ taken literally). */
  q?: string | undefined;
  hold?: 'active' | 'on_hold' | undefined;
  collectorId?: string | undefined;
  /** Only customers with something overdue (in any currency). */
  overdue?: boolean | undefined;
  sort?: CustomerSort | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of the seller's customers with their balances. Sorting by balance or overdue happens in
 * the database: one grouped pass over the open invoices (the partial index invoices_open_idx,
 * `status = 'open' and open_amount > 0`) per customer, joined to the customers, ordered, then cut
 * to the page; the page's full balances (with unapplied cash and credits) are a second query over
 * those ids only. Balance and overdue sorts use the amounts in each customer's own currency.
 * Sorting by name walks customer_accounts_name_idx and touches no invoices at all.
 */
export async function listCustomers(
  db: Db,
  query: CustomerListQuery,
): Promise<{ items: CustomerSummary[]; total: number }> {
  const { orgId } = query;
  const sort = query.sort ?? 'name';
  const needsOpen = query.overdue === true || sort.endsWith('balance') || sort.endsWith('overdue');

  let base = selectSummaryColumns(db, orgId);
  if (query.q?.trim()) {
    const pattern = containsPattern(query.q.trim());
    base = base.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', pattern),
        eb('c.account_number', 'ilike', pattern),
        eb('c.tax_id', 'ilike', pattern),
      ]),
    );
  }
  if (query.hold) base = base.where('c.hold_status', '=', query.hold);
  if (query.collectorId) base = base.where('c.collector_user_id', '=', query.collectorId);

  const openPerCustomer = sql`(
    select i.customer_id, i.currency,
           sum(i.open_amount) as open_total,
           coalesce(sum(i.open_amount) filter (where i.due_date < (select ${orgToday(orgId)})), 0) as overdue
      from invoices i
     where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
     group by i.customer_id, i.currency
  )`;

  let filtered = base;
  if (query.overdue) {
    // The customers with an overdue invoice: one range scan of invoices_org_due_idx (due before today), hashed.
    filtered = filtered.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('invoices as oi')
        .select('oi.customer_id')
        .where('oi.org_id', '=', orgId)
        .where('oi.status', '=', 'open')
        .where('oi.open_amount', '>', 0n)
        .where('oi.due_date', '<', orgToday(orgId)),
    );
  }

  const countQuery = filtered
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();

  let pageQuery = filtered;
  if (needsOpen) {
    const desc = sort.startsWith('-');
    const direction = desc ? sql`desc` : sql`asc`;
    if (sort.endsWith('overdue')) {
      pageQuery = pageQuery
        .leftJoin(
          sql<{ customer_id: string; currency: string; overdue: bigint }>`${openPerCustomer}`.as('o'),
          (join) => join.onRef('o.customer_id', '=', 'c.id').onRef('o.currency', '=', 'c.currency'),
        )
        .orderBy(sql`coalesce(o.overdue, 0) ${direction}`);
    } else if (sort.endsWith('balance')) {
      // Balance in the customer's own currency: open invoices − unapplied cash − unapplied credits,
      // each side one grouped pass filtered to what is still open.
      pageQuery = pageQuery
        .leftJoin(
          sql<{ customer_id: string; currency: string; balance: bigint }>`(
            select x.customer_id, x.currency, sum(x.amount) as balance from (
              select i.customer_id, i.currency, i.open_amount as amount
                from invoices i
               where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
              union all
              select p.customer_id, p.currency, -p.unapplied_amount
                from payments p
               where p.org_id = ${orgId} and p.status = 'completed' and p.unapplied_amount > 0
              union all
              select m.customer_id, m.currency, -m.unapplied_amount
                from credit_memos m
               where m.org_id = ${orgId} and m.status = 'open' and m.unapplied_amount > 0
            ) x
            group by x.customer_id, x.currency
          )`.as('b'),
          (join) => join.onRef('b.customer_id', '=', 'c.id').onRef('b.currency', '=', 'c.currency'),
        )
        .orderBy(sql`coalesce(b.balance, 0) ${direction}`);
    }
  }
  if (sort === 'accountNumber' || sort === '-accountNumber') {
    pageQuery = pageQuery.orderBy('c.account_number', sort.startsWith('-') ? 'desc' : 'asc');
  } else if (sort === '-name') {
    pageQuery = pageQuery.orderBy(sql`lower(c.name)`, 'desc');
  } else {
    pageQuery = pageQuery.orderBy(sql`lower(c.name)`, 'asc');
  }
  pageQuery = pageQuery.orderBy('c.id', 'asc');

  const [rows, count] = await Promise.all([
    pageQuery
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute() as Promise<SummaryRow[]>,
    countQuery,
  ]);
  const balances = await balancesFor(
    db,
    orgId,
    rows.map((r) => ({ id: r.id, currency: r.currency.trim() })),
  );
  return {
    items: rows.map((r) => toSummary(r, balances.get(r.id) ?? [])),
    total: count.n,
  };
}
