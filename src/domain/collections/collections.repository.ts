import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { CollectionDocuments, Locale } from '../../db/schema.ts';
import { pausedAmountSql } from '../promises/chase-pauses.ts';

/** The weekly collection's data layer: schedules, subscriptions, runs and what a run takes. */
type Db = Database;

export interface CollectionSchedule {
  enabled: boolean;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Local hour, 0–23, in the seller's time zone. */
  hour: number;
  template: 'weekly_collection';
  documents: CollectionDocuments;
  lastSlot: Date | null;
  updatedAt: Date | null;
}

export const defaultSchedule: CollectionSchedule = {
  enabled: false,
  weekday: 1,
  hour: 9,
  template: 'weekly_collection',
  documents: 'all_open',
  lastSlot: null,
  updatedAt: null,
};

export async function loadCollectionSchedule(db: Db, orgId: string): Promise<CollectionSchedule> {
  const row = await db
    .selectFrom('collection_schedules')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return defaultSchedule;
  return {
    enabled: row.enabled,
    weekday: row.weekday,
    hour: row.hour,
    template: row.template,
    documents: row.documents,
    lastSlot: row.last_slot,
    updatedAt: row.updated_at,
  };
}

/**
 * Stores the schedule. `last_slot` becomes now when the schedule is saved: the slot that has just
 * passed counts as done, so the first run is the next slot, not an immediate one.
 */
export async function saveCollectionSchedule(
  db: Db,
  input: {
    orgId: string;
    enabled: boolean;
    weekday: number;
    hour: number;
    documents: CollectionDocuments;
    userId: string | null;
  },
): Promise<void> {
  const values = {
    enabled: input.enabled,
    weekday: input.weekday,
    hour: input.hour,
    documents: input.documents,
    updated_by: input.userId,
  };
  await db
    .insertInto('collection_schedules')
    .values({ org_id: input.orgId, ...values, last_slot: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ ...values, last_slot: sql<Date>`now()`, updated_at: sql`now()` }),
    )
    .execute();
}

/**
 * The weekly slot at or before `now` in the seller's time zone: the latest `weekday` at `hour`
 * local wall-clock time, as an instant (PostgreSQL turns local time into an instant across DST
 * changes; an hour a spring-forward skips runs an hour later).
 */
const slotSql = () => sql<Date>`(
  (date_trunc('day', local.t)
     - make_interval(days => ((extract(isodow from local.t)::int - s.weekday + 7) % 7))
     + make_interval(hours => s.hour)
     - case when date_trunc('day', local.t)
                 - make_interval(days => ((extract(isodow from local.t)::int - s.weekday + 7) % 7))
                 + make_interval(hours => s.hour) > local.t
            then interval '7 days' else interval '0' end)
  at time zone o.time_zone)`;

/**
 * The sellers whose latest weekly slot has no run yet, each moved to that slot in the same
 * statement: a conditional update, so two sweeps at once take a slot once, and a sweep after
 * downtime finds only the latest slot (a missed run catches up once, never twice).
 */
export async function claimDueCollectionSlots(db: Db, now: Date): Promise<{ orgId: string; slot: Date }[]> {
  const { rows } = await sql<{ org_id: string; slot: Date }>`
    with due as (
      select s.org_id, ${slotSql()} as slot
        from collection_schedules s
        join organizations o on o.id = s.org_id
        cross join lateral (select (${now}::timestamptz at time zone o.time_zone) as t) local
       where s.enabled
    )
    update collection_schedules s
       set last_slot = due.slot
      from due
     where s.org_id = due.org_id and (s.last_slot is null or s.last_slot < due.slot)
    returning s.org_id, due.slot
  `.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, slot: r.slot }));
}

/** The next slot after `now` (what the console shows as "next run"), or null when off. */
export async function nextCollectionSlot(db: Db, orgId: string, now: Date): Promise<Date | null> {
  const { rows } = await sql<{ slot: Date }>`
    select (${slotSql()} + interval '0') as slot
      from collection_schedules s
      join organizations o on o.id = s.org_id
      cross join lateral (select ((${now}::timestamptz + interval '7 days') at time zone o.time_zone) as t) local
     where s.org_id = ${orgId} and s.enabled
  `.execute(db);
  const slot = rows[0]?.slot ?? null;
  if (!slot) return null;
  // The latest slot at or before now + 7 days is the next one after now, unless it is now itself.
  return slot;
}

// ── subscriptions ──────────────────────────────────────────────────────────

export interface CollectionRecipient {
  contactId: string;
  name: string;
  email: string;
  locale: Locale;
}

/** The contacts who receive the weekly e-mail: those with an e-mail that receive reminders. */
export async function collectionRecipients(
  db: Db,
  orgId: string,
  customerId: string,
): Promise<CollectionRecipient[]> {
  const rows = await db
    .selectFrom('customer_contacts')
    .select(['id', 'name', 'email', 'locale'])
    .where('org_id', '=', orgId)
    .where('account_id', '=', customerId)
    .where('email', 'is not', null)
    .where(sql<boolean>`'reminders' = any(receives)`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ contactId: r.id, name: r.name, email: r.email!, locale: r.locale }));
}

export interface CollectionSubscription {
  subscribed: boolean;
  subscribedAt: Date | null;
  subscribedBy: { id: string; name: string } | null;
  unsubscribedAt: Date | null;
}

export async function loadSubscription(
  db: Db,
  orgId: string,
  customerId: string,
): Promise<CollectionSubscription> {
  const row = await db
    .selectFrom('collection_subscriptions as s')
    .leftJoin('users as u', 'u.id', 's.subscribed_by')
    .select(['s.subscribed', 's.subscribed_at', 's.subscribed_by', 's.unsubscribed_at', 'u.name as by_name'])
    .where('s.org_id', '=', orgId)
    .where('s.customer_id', '=', customerId)
    .executeTakeFirst();
  if (!row) return { subscribed: false, subscribedAt: null, subscribedBy: null, unsubscribedAt: null };
  return {
    subscribed: row.subscribed,
    subscribedAt: row.subscribed_at,
    subscribedBy: row.subscribed_by ? { id: row.subscribed_by, name: row.by_name ?? '' } : null,
    unsubscribedAt: row.unsubscribed_at,
  };
}

export async function setSubscription(
  db: Db,
  input: { orgId: string; customerId: string; subscribed: boolean; userId: string | null },
): Promise<void> {
  const on = input.subscribed;
  const values = on
    ? { subscribed: true, subscribed_at: sql<Date>`now()`, subscribed_by: input.userId }
    : { subscribed: false, unsubscribed_at: sql<Date>`now()`, unsubscribed_by: input.userId };
  await db
    .insertInto('collection_subscriptions')
    .values({ org_id: input.orgId, customer_id: input.customerId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id']).doUpdateSet(values))
    .execute();
}

export async function countSubscribed(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('collection_subscriptions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('subscribed', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of `customerIds` are subscribed (the customer list's marks). */
export async function subscribedAmong(db: Db, orgId: string, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('collection_subscriptions')
    .select('customer_id')
    .where('org_id', '=', orgId)
    .where('subscribed', '=', true)
    .where('customer_id', 'in', customerIds)
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}

// ── what a run takes ──────────────────────────────────────────────────────

export interface CollectionDocument {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amountDue: bigint;
  daysOverdue: number;
}

export interface CollectionCustomer {
  customerId: string;
  name: string;
  accountNumber: string;
  currency: string;
  documents: CollectionDocument[];
}

interface PlanRow {
  customer_id: string;
  name: string;
  account_number: string;
  customer_currency: string;
  invoice_id: string;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  open_amount: bigint;
  days_overdue: number;
}

/**
 * One page of the subscribed customers (by id, after `after`) with the documents the run sends
 * them: open invoices in the customer's currency with something left to pay, oldest due first;
 * only the overdue ones when the schedule says so. An invoice with a payment in flight
 * (pending_amount > 0, an ACH debit not yet settled) is never chased, nor what an open dispute
 * or a current promise to pay holds (domain/promises/chase-pauses.ts): an invoice is sent for what
 * is left of it, or not at all. Customers left with no
 * documents are left out. One query per page, using invoices_open_idx. The page's lower bound
 * (`after`) is repeated on each table the subscriptions join: the planner does not carry a range
 * across a join, and without it a merge join read every invoice before the page, so the run's
 * pages grew slower as it went (quadratic in the seller's customers).
 */
export async function collectionPage(
  db: Db,
  input: {
    orgId: string;
    documents: CollectionDocuments;
    after: string | null;
    limit: number;
    customerId?: string | undefined;
  },
): Promise<CollectionCustomer[]> {
  const { rows } = await sql<PlanRow>`
    with org as (
      select (now() at time zone time_zone)::date as today from organizations where id = ${input.orgId}
    ), subs as (
      select s.customer_id
        from collection_subscriptions s
       where s.org_id = ${input.orgId} and s.subscribed
         and (${input.after}::uuid is null or s.customer_id > ${input.after}::uuid)
         and (${input.customerId ?? null}::uuid is null or s.customer_id = ${input.customerId ?? null}::uuid)
         and exists (
           select 1 from invoices i cross join org
            where i.org_id = ${input.orgId} and i.customer_id = s.customer_id
              and (${input.after}::uuid is null or i.customer_id > ${input.after}::uuid)
              and i.status = 'open' and i.open_amount > 0 and i.pending_amount = 0
              and i.open_amount > ${pausedAmountSql(input.orgId, 'i')}
              and (${input.documents} = 'all_open' or i.due_date < org.today))
       order by s.customer_id
       limit ${input.limit}
    )
    select c.id as customer_id, c.name, c.account_number, c.currency as customer_currency,
           i.id as invoice_id, i.number, i.issue_date::text as issue_date, i.due_date::text as due_date,
           i.currency, i.open_amount - paused.amount as open_amount,
           greatest(org.today - i.due_date, 0)::int as days_overdue
      from subs
      join customer_accounts c on c.org_id = ${input.orgId} and c.id = subs.customer_id
       and (${input.after}::uuid is null or c.id > ${input.after}::uuid)
      join invoices i on i.org_id = ${input.orgId} and i.customer_id = subs.customer_id
       and (${input.after}::uuid is null or i.customer_id > ${input.after}::uuid)
      cross join org
      cross join lateral (select ${pausedAmountSql(input.orgId, 'i')} as amount) paused
     where i.status = 'open' and i.open_amount > 0 and i.pending_amount = 0
       and i.open_amount > paused.amount
       and i.currency = c.currency
       and (${input.documents} = 'all_open' or i.due_date < org.today)
     order by subs.customer_id, i.due_date, i.issue_date, i.number
  `.execute(db);
  const out: CollectionCustomer[] = [];
  let current: CollectionCustomer | undefined;
  for (const r of rows) {
    if (!current || current.customerId !== r.customer_id) {
      current = {
        customerId: r.customer_id,
        name: r.name,
        accountNumber: r.account_number,
        currency: r.customer_currency,
        documents: [],
      };
      out.push(current);
    }
    current.documents.push({
      invoiceId: r.invoice_id,
      number: r.number,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      currency: r.currency,
      amountDue: r.open_amount,
      daysOverdue: r.days_overdue,
    });
  }
  return out;
}

/** Every recipient of the given customers, in one query (the run's batch). */
export async function recipientsOf(
  db: Db,
  orgId: string,
  customerIds: string[],
): Promise<Map<string, CollectionRecipient[]>> {
  const map = new Map<string, CollectionRecipient[]>();
  if (customerIds.length === 0) return map;
  const rows = await db
    .selectFrom('customer_contacts')
    .select(['id', 'account_id', 'name', 'email', 'locale'])
    .where('org_id', '=', orgId)
    .where('account_id', '=', sql<string>`any(${customerIds}::uuid[])`)
    .where('email', 'is not', null)
    .where(sql<boolean>`'reminders' = any(receives)`)
    .orderBy('account_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.account_id) ?? [];
    list.push({ contactId: r.id, name: r.name, email: r.email!, locale: r.locale });
    map.set(r.account_id, list);
  }
  return map;
}

// ── runs ──────────────────────────────────────────────────────────────────

export interface CollectionRun {
  id: string;
  slot: Date | null;
  trigger: 'schedule' | 'manual';
  status: 'queued' | 'running' | 'done';
  customers: number;
  messages: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A run row for a slot; nothing when that slot already has one (answers null). */
export async function insertCollectionRun(
  db: Db,
  input: {
    orgId: string;
    id: string;
    slot: Date | null;
    trigger: 'schedule' | 'manual';
    userId: string | null;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('collection_runs')
    .values({
      org_id: input.orgId,
      id: input.id,
      slot: input.slot,
      trigger: input.trigger,
      created_by: input.userId,
    })
    .onConflict((oc) => oc.columns(['org_id', 'slot']).where('slot', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Claims a run that is not done yet (a retried job resumes it). */
export async function claimCollectionRun(db: Db, orgId: string, runId: string): Promise<boolean> {
  const row = await db
    .updateTable('collection_runs')
    .set({ status: 'running' })
    .where('org_id', '=', orgId)
    .where('id', '=', runId)
    .where('status', '<>', 'done')
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function finishCollectionRun(
  db: Db,
  input: { orgId: string; runId: string; customers: number; messages: number },
): Promise<void> {
  await db
    .updateTable('collection_runs')
    .set({ status: 'done', customers: input.customers, messages: input.messages, finished_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.runId)
    .execute();
}

export async function listCollectionRuns(db: Db, orgId: string, limit = 10): Promise<CollectionRun[]> {
  const rows = await db
    .selectFrom('collection_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slot: r.slot,
    trigger: r.trigger,
    status: r.status,
    customers: r.customers,
    messages: r.messages,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}
