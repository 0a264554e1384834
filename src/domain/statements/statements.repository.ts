import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { StatementLine } from './statement-port.ts';

type Db = Database;

interface LineRow {
  date: string;
  kind: StatementLine['kind'];
  number: string;
  amount: bigint;
  due_date: string | null;
}

/**
 * A customer's movements between two calendar days (inclusive), in its currency, dated as the
 * aging as of a day counts them (reports/aging-report.ts: agingAsOfSql): an invoice from its issue
 * date until the day it was voided, a payment from the day its money was received (never in
 * flight or failed) until it was reversed, less refunds from their day, a credit memo from its
 * date until voided. So opening + Σ lines = closing, the two balances that aging gives.
 */
export async function statementLines(
  db: Db,
  input: { orgId: string; customerId: string; currency: string; from: string; to: string },
): Promise<StatementLine[]> {
  const { orgId, customerId, currency, from, to } = input;
  const { rows } = await sql<LineRow>`
    with org as (select time_zone as tz from organizations where id = ${orgId}),
    inv as (
      select i.number, i.issue_date, i.due_date, i.total, i.status,
             case when i.status = 'void' and i.voided_at is not null
                  then greatest(i.issue_date, (i.voided_at at time zone org.tz)::date) end as void_day
        from invoices i cross join org
       where i.org_id = ${orgId} and i.customer_id = ${customerId} and i.currency = ${currency}
         and i.status in ('open', 'void')
    ), memo as (
      select m.number, m.issue_date, m.amount, m.status,
             case when m.status = 'void' and m.voided_at is not null
                  then greatest(m.issue_date, (m.voided_at at time zone org.tz)::date) end as void_day
        from credit_memos m cross join org
       where m.org_id = ${orgId} and m.customer_id = ${customerId} and m.currency = ${currency}
    ), pay as (
      select p.id, p.number, p.amount, p.received_on,
             case when p.reversed_at is not null
                  then greatest(p.received_on, (p.reversed_at at time zone org.tz)::date) end as rev_day
        from payments p cross join org
       where p.org_id = ${orgId} and p.customer_id = ${customerId} and p.currency = ${currency}
         and p.status not in ('initiated', 'processing', 'requires_action', 'pending', 'failed')
    ), refund as (
      select p.number, r.amount, greatest(p.received_on, (r.updated_at at time zone org.tz)::date) as day, p.rev_day
        from payment_refunds r cross join org
        join pay p on p.id = r.payment_id
       where r.org_id = ${orgId} and r.status in ('pending', 'succeeded')
    ), lines as (
      select issue_date as date, 'invoice' as kind, number, total as amount, due_date
        from inv where status = 'open' or void_day > issue_date
      union all
      select void_day, 'invoice_void', number, -total, null from inv where void_day > issue_date
      union all
      select issue_date, 'credit', number, -amount, null
        from memo where status = 'open' or void_day > issue_date
      union all
      select void_day, 'credit_void', number, amount, null from memo where void_day > issue_date
      union all
      select received_on, 'payment', number, -amount, null
        from pay where rev_day is null or rev_day > received_on
      union all
      select day, 'refund', number, amount, null from refund where rev_day is null or day < rev_day
      union all
      select p.rev_day, 'payment_reversed', p.number,
             p.amount - coalesce((select sum(f.amount) from refund f
                                   where f.number = p.number and f.day < p.rev_day), 0), null
        from pay p where p.rev_day > p.received_on
    )
    select date::text as date, kind, number, amount::int8 as amount, due_date::text as due_date
      from lines
     where date between ${from}::date and ${to}::date and amount <> 0
     order by date, case kind when 'invoice' then 0 when 'credit' then 1 else 2 end, number
  `.execute(db);
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    number: r.number,
    amount: r.amount,
    dueDate: r.due_date,
  }));
}

export interface StatementRecord {
  id: string;
  customerId: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  openingBalance: bigint;
  closingBalance: bigint;
  channel: 'monthly' | 'on_demand';
  messages: number;
  createdAt: Date;
}

/** Keeps a statement that was sent; a monthly one once per customer and period (answers false when it exists). */
export async function insertStatement(
  db: Db,
  row: {
    orgId: string;
    id: string;
    customerId: string;
    periodStart: string;
    periodEnd: string;
    currency: string;
    openingBalance: bigint;
    closingBalance: bigint;
    channel: 'monthly' | 'on_demand';
    messageIds: string[];
    userId: string | null;
  },
): Promise<void> {
  await db
    .insertInto('statements')
    .values({
      org_id: row.orgId,
      id: row.id,
      customer_id: row.customerId,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      currency: row.currency,
      opening_balance: row.openingBalance,
      closing_balance: row.closingBalance,
      channel: row.channel,
      mail_message_ids: row.messageIds,
      created_by: row.userId,
    })
    .execute();
}

export async function monthlyStatementExists(
  db: Db,
  input: { orgId: string; customerId: string; periodStart: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('statements')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('period_start', '=', input.periodStart)
    .where('channel', '=', 'monthly')
    .executeTakeFirst();
  return Boolean(row);
}

export async function listStatements(
  db: Db,
  input: { orgId: string; customerId: string; limit?: number },
): Promise<StatementRecord[]> {
  const rows = await db
    .selectFrom('statements')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .orderBy('created_at', 'desc')
    .limit(input.limit ?? 24)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    currency: r.currency,
    openingBalance: r.opening_balance,
    closingBalance: r.closing_balance,
    channel: r.channel,
    messages: r.mail_message_ids.length,
    createdAt: r.created_at,
  }));
}

export interface StatementSettings {
  enabled: boolean;
  dayOfMonth: number;
  lastPeriod: string | null;
}

export async function loadStatementSettings(db: Db, orgId: string): Promise<StatementSettings> {
  const row = await db
    .selectFrom('statement_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row
    ? { enabled: row.enabled, dayOfMonth: row.day_of_month, lastPeriod: row.last_period }
    : { enabled: false, dayOfMonth: 1, lastPeriod: null };
}

export async function saveStatementSettings(
  db: Db,
  input: { orgId: string; enabled: boolean; dayOfMonth: number; userId: string | null },
): Promise<void> {
  // Saving counts the current month as taken when its day has passed: no statements at once.
  const values = { enabled: input.enabled, day_of_month: input.dayOfMonth, updated_by: input.userId };
  const taken = sql<
    string | null
  >`(select case when extract(day from (now() at time zone o.time_zone)) >= ${input.dayOfMonth}
                   then to_char((now() at time zone o.time_zone) - interval '1 month', 'YYYY-MM')
                   else to_char((now() at time zone o.time_zone) - interval '2 months', 'YYYY-MM') end
              from organizations o where o.id = ${input.orgId})`;
  await db
    .insertInto('statement_settings')
    .values({ org_id: input.orgId, ...values, last_period: taken })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ ...values, last_period: taken, updated_at: sql`now()` }),
    )
    .execute();
}

/**
 * The sellers whose statement day of this month came (in their time zone) and whose previous
 * month has not been queued: each moved to that month in the same statement (a conditional
 * update), so a month is sent once and a missed day catches up once.
 */
export async function claimDueStatementPeriods(
  db: Db,
  now: Date,
): Promise<{ orgId: string; period: string }[]> {
  const { rows } = await sql<{ org_id: string; period: string }>`
    with due as (
      select s.org_id, to_char(local.t - interval '1 month', 'YYYY-MM') as period
        from statement_settings s
        join organizations o on o.id = s.org_id
        cross join lateral (select (${now}::timestamptz at time zone o.time_zone) as t) local
       where s.enabled and extract(day from local.t) >= s.day_of_month
    )
    update statement_settings s
       set last_period = due.period
      from due
     where s.org_id = due.org_id and (s.last_period is null or s.last_period < due.period)
    returning s.org_id, due.period
  `.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, period: r.period }));
}
