import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { ReminderTemplate } from '../../db/schema.ts';
import { pausedAmountSql, pausedBySql } from '../promises/chase-pauses.ts';
import { newId } from '../shared/ids.ts';

/** Dunning's data layer: settings and steps, customer policies, runs, what is due, what was sent. */
type Db = Database;

export const reminderTemplates = ['reminder_upcoming', 'reminder', 'reminder_final'] as const;
export const MAX_STEPS = 10;

export interface DunningStep {
  offsetDays: number;
  template: ReminderTemplate;
}

export interface HoldRules {
  /** Overdue more than this many days places a hold; null: off. */
  overdueDays: number | null;
  /** A balance over the credit limit places a hold. */
  overLimit: boolean;
}

export interface DunningSettings {
  enabled: boolean;
  /** Local hour 0–23 of the daily run, in the seller's time zone. */
  hour: number;
  holdRules: HoldRules;
  lastRunOn: string | null;
}

export const defaultDunningSettings: DunningSettings = {
  enabled: false,
  hour: 9,
  holdRules: { overdueDays: null, overLimit: false },
  lastRunOn: null,
};

/** A new seller's sequence, as the issue gives it: a heads-up, the day, then firmer, then final. */
export const defaultSteps: DunningStep[] = [
  { offsetDays: -3, template: 'reminder_upcoming' },
  { offsetDays: 0, template: 'reminder' },
  { offsetDays: 7, template: 'reminder' },
  { offsetDays: 15, template: 'reminder' },
  { offsetDays: 30, template: 'reminder_final' },
];

export async function loadDunningSettings(db: Db, orgId: string): Promise<DunningSettings> {
  const row = await db
    .selectFrom('dunning_settings')
    .select([
      'enabled',
      'hour',
      'hold_overdue_days',
      'hold_over_limit',
      sql<string | null>`last_run_on::text`.as('last_run_on'),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return defaultDunningSettings;
  return {
    enabled: row.enabled,
    hour: row.hour,
    holdRules: { overdueDays: row.hold_overdue_days, overLimit: row.hold_over_limit },
    lastRunOn: row.last_run_on,
  };
}

/**
 * The steps of the seller (`customerId` null) or of one customer, by offset. A seller that never
 * saved its steps has the default sequence (stored the first time its settings are saved).
 */
export async function loadSteps(db: Db, orgId: string, customerId: string | null): Promise<DunningStep[]> {
  let q = db.selectFrom('dunning_steps').select(['offset_days', 'template']).where('org_id', '=', orgId);
  q = customerId ? q.where('customer_id', '=', customerId) : q.where('customer_id', 'is', null);
  const rows = await q.orderBy('offset_days').execute();
  if (rows.length === 0 && customerId === null) {
    const saved = await db
      .selectFrom('dunning_settings')
      .select('org_id')
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!saved) return defaultSteps;
  }
  return rows.map((r) => ({ offsetDays: r.offset_days, template: r.template }));
}

export async function replaceSteps(
  db: Db,
  input: { orgId: string; customerId: string | null; steps: DunningStep[] },
): Promise<void> {
  let del = db.deleteFrom('dunning_steps').where('org_id', '=', input.orgId);
  del = input.customerId
    ? del.where('customer_id', '=', input.customerId)
    : del.where('customer_id', 'is', null);
  await del.execute();
  if (input.steps.length === 0) return;
  await db
    .insertInto('dunning_steps')
    .values(
      input.steps.map((s) => ({
        org_id: input.orgId,
        id: newId(),
        customer_id: input.customerId,
        offset_days: s.offsetDays,
        template: s.template,
      })),
    )
    .execute();
}

/**
 * Stores the settings. Turning reminders on counts today's run as done when its hour has already
 * passed, so saving at 15:00 does not send at once: the first run is the next one (or "run now").
 */
export async function saveDunningSettings(
  db: Db,
  input: { orgId: string; enabled: boolean; hour: number; holdRules: HoldRules; userId: string | null },
): Promise<void> {
  const values = {
    enabled: input.enabled,
    hour: input.hour,
    hold_overdue_days: input.holdRules.overdueDays,
    hold_over_limit: input.holdRules.overLimit,
    updated_by: input.userId,
  };
  const firstDay = sql<string>`(select case
      when extract(hour from now() at time zone o.time_zone) >= ${input.hour}
      then (now() at time zone o.time_zone)::date
      else (now() at time zone o.time_zone)::date - 1 end
    from organizations o where o.id = ${input.orgId})`;
  await db
    .insertInto('dunning_settings')
    .values({ org_id: input.orgId, ...values, last_run_on: firstDay })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        ...values,
        updated_at: sql`now()`,
        last_run_on: sql`case when dunning_settings.enabled then dunning_settings.last_run_on else ${firstDay} end`,
      }),
    )
    .execute();
}

// ── customer policies ─────────────────────────────────────────────────────

export type DunningMode = 'default' | 'custom' | 'off';

export async function loadCustomerMode(db: Db, orgId: string, customerId: string): Promise<DunningMode> {
  const row = await db
    .selectFrom('dunning_customer_policies')
    .select('mode')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row?.mode ?? 'default';
}

export async function saveCustomerMode(
  db: Db,
  input: { orgId: string; customerId: string; mode: DunningMode; userId: string | null },
): Promise<void> {
  if (input.mode === 'default') {
    await db
      .deleteFrom('dunning_customer_policies')
      .where('org_id', '=', input.orgId)
      .where('customer_id', '=', input.customerId)
      .execute();
    return;
  }
  const values = { mode: input.mode, updated_by: input.userId };
  await db
    .insertInto('dunning_customer_policies')
    .values({ org_id: input.orgId, customer_id: input.customerId, ...values })
    .onConflict((oc) =>
      oc.columns(['org_id', 'customer_id']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

// ── the daily sweep and runs ──────────────────────────────────────────────

/**
 * The sellers whose run hour has come today (local wall-clock time, their time zone) and whose
 * day has no run yet, each moved to today in the same statement: a conditional update, so two
 * sweeps take a day once, and a sweep after downtime finds only today (a missed day catches up
 * once, never twice). An hour a spring-forward skips runs at the first hour after it; the hour a
 * fall-back repeats runs once.
 */
export async function claimDueDunningDays(db: Db, now: Date): Promise<{ orgId: string; runOn: string }[]> {
  const { rows } = await sql<{ org_id: string; run_on: string }>`
    with due as (
      select s.org_id, (${now}::timestamptz at time zone o.time_zone) as t
        from dunning_settings s
        join organizations o on o.id = s.org_id
       where s.enabled
    )
    update dunning_settings s
       set last_run_on = due.t::date
      from due
     where s.org_id = due.org_id
       and extract(hour from due.t) >= s.hour
       and (s.last_run_on is null or s.last_run_on < due.t::date)
    returning s.org_id, due.t::date::text as run_on
  `.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, runOn: r.run_on }));
}

/** The next run's instant (the console's "next run"), or null when reminders are off. */
export async function nextDunningRun(db: Db, orgId: string, now: Date): Promise<Date | null> {
  const { rows } = await sql<{ at: Date }>`
    select ((case when s.last_run_on >= local.today then local.today + 1 else local.today end)
            + make_interval(hours => s.hour)) at time zone o.time_zone as at
      from dunning_settings s
      join organizations o on o.id = s.org_id
      cross join lateral (select (${now}::timestamptz at time zone o.time_zone)::date as today) local
     where s.org_id = ${orgId} and s.enabled
  `.execute(db);
  return rows[0]?.at ?? null;
}

export interface DunningRun {
  id: string;
  runOn: string;
  trigger: 'schedule' | 'manual';
  status: 'queued' | 'running' | 'done';
  reminders: number;
  messages: number;
  holdsPlaced: number;
  holdsReleased: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A run row; for a scheduled one, nothing when its day already has one (answers false). */
export async function insertDunningRun(
  db: Db,
  input: { orgId: string; id: string; runOn: string; trigger: 'schedule' | 'manual'; userId: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto('dunning_runs')
    .values({
      org_id: input.orgId,
      id: input.id,
      run_on: input.runOn,
      trigger: input.trigger,
      created_by: input.userId,
    })
    .onConflict((oc) => oc.columns(['org_id', 'run_on']).where('trigger', '=', 'schedule').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Claims a run that is not done yet (a retried job resumes it); its day and who asked. */
export async function claimDunningRun(
  db: Db,
  orgId: string,
  runId: string,
): Promise<{ runOn: string; createdBy: string | null } | null> {
  const row = await db
    .updateTable('dunning_runs')
    .set({ status: 'running' })
    .where('org_id', '=', orgId)
    .where('id', '=', runId)
    .where('status', '<>', 'done')
    .returning([sql<string>`run_on::text`.as('run_on'), 'created_by'])
    .executeTakeFirst();
  return row ? { runOn: row.run_on, createdBy: row.created_by } : null;
}

export async function addToDunningRun(
  db: Db,
  input: {
    orgId: string;
    runId: string;
    reminders?: number;
    messages?: number;
    holdsPlaced?: number;
    holdsReleased?: number;
    done?: boolean;
  },
): Promise<void> {
  await db
    .updateTable('dunning_runs')
    .set((eb) => ({
      reminders: eb('reminders', '+', input.reminders ?? 0),
      messages: eb('messages', '+', input.messages ?? 0),
      holds_placed: eb('holds_placed', '+', input.holdsPlaced ?? 0),
      holds_released: eb('holds_released', '+', input.holdsReleased ?? 0),
      ...(input.done ? { status: 'done' as const, finished_at: sql<Date>`now()` } : {}),
    }))
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.runId)
    .execute();
}

export async function listDunningRuns(db: Db, orgId: string, limit = 10): Promise<DunningRun[]> {
  const rows = await db
    .selectFrom('dunning_runs')
    .select([
      'id',
      sql<string>`run_on::text`.as('run_on'),
      'trigger',
      'status',
      'reminders',
      'messages',
      'holds_placed',
      'holds_released',
      'created_at',
      'finished_at',
    ])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    runOn: r.run_on,
    trigger: r.trigger,
    status: r.status,
    reminders: r.reminders,
    messages: r.messages,
    holdsPlaced: r.holds_placed,
    holdsReleased: r.holds_released,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}

// ── what is due ───────────────────────────────────────────────────────────

export type ReminderSkip = 'pending_payment' | 'dispute' | 'promise' | 'opted_out';

export interface DueReminder {
  invoiceId: string;
  customerId: string;
  customerName: string;
  accountNumber: string;
  number: string;
  dueDate: string;
  currency: string;
  /** What the reminder chases: the open amount less what a dispute or promise holds. */
  amountDue: bigint;
  daysFromDue: number;
  offsetDays: number;
  template: ReminderTemplate;
  /** Why it is held back today; null when it goes. */
  skip: ReminderSkip | null;
}

interface DueRow {
  invoice_id: string;
  customer_id: string;
  customer_name: string;
  account_number: string;
  number: string;
  due_date: string;
  currency: string;
  amount: bigint;
  days_from_due: number;
  offset_days: number;
  template: ReminderTemplate;
  skip: ReminderSkip | null;
}

/**
 * The reminders due on the seller's day `today`: for every open invoice, the latest step of its
 * customer's sequence (its own, or the seller's) whose day has come, unless that step or a later
 * one was already sent. So each step goes at most once per invoice, and after a pause (a dispute,
 * a promise, a payment in flight, a missed run) only the latest step reached goes, once. Held-back
 * invoices come with why (`skip`) when `withSkipped`; a customer with reminders off appears only
 * then, against the seller's steps. Customers by id after `after`, at most `customers` of them,
 * each with all its due invoices (oldest due first).
 */
export async function dueReminders(
  db: Db,
  input: {
    orgId: string;
    today: string;
    after?: string | null;
    customers: number;
    customerId?: string | null;
    withSkipped?: boolean;
  },
): Promise<DueReminder[]> {
  const { orgId } = input;
  const after = input.after ?? null;
  const only = input.customerId ?? null;
  const { rows } = await sql<DueRow>`
    with due as materialized (
      select i.id as invoice_id, i.customer_id, i.number, i.due_date, i.currency,
             i.open_amount - paused.amount as amount,
             (${input.today}::date - i.due_date) as days_from_due,
             step.offset_days, step.template,
             case when p.mode = 'off' then 'opted_out'
                  when i.pending_amount > 0 then 'pending_payment'
                  when paused.amount >= i.open_amount then ${pausedBySql(orgId, 'i')}
             end as skip
        from invoices i
        left join dunning_customer_policies p on p.org_id = i.org_id and p.customer_id = i.customer_id
        cross join lateral (
          select s.offset_days, s.template from dunning_steps s
           where s.org_id = i.org_id
             and case when p.mode = 'custom' then s.customer_id = i.customer_id else s.customer_id is null end
             and s.offset_days <= ${input.today}::date - i.due_date
           order by s.offset_days desc
           limit 1
        ) step
        cross join lateral (select ${pausedAmountSql(orgId, 'i')} as amount) paused
       where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
         and (${after}::uuid is null or i.customer_id > ${after}::uuid)
         and (${only}::uuid is null or i.customer_id = ${only}::uuid)
         and not exists (
           select 1 from reminder_sends r
            where r.org_id = i.org_id and r.invoice_id = i.id and r.kind = 'step'
              and r.offset_days >= step.offset_days)
    ), page as (
      select distinct customer_id from due
       where ${input.withSkipped ?? false} or skip is null
       order by customer_id
       limit ${input.customers}
    )
    select due.invoice_id, due.customer_id, c.name as customer_name, c.account_number,
           due.number, due.due_date::text as due_date, due.currency, due.amount::int8 as amount,
           due.days_from_due, due.offset_days, due.template, due.skip
      from due
      join page using (customer_id)
      join customer_accounts c on c.org_id = ${orgId} and c.id = due.customer_id
     where ${input.withSkipped ?? false} or due.skip is null
     order by due.customer_id, due.due_date, due.number
  `.execute(db);
  return rows.map((r) => ({
    invoiceId: r.invoice_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    accountNumber: r.account_number,
    number: r.number,
    dueDate: r.due_date,
    currency: r.currency,
    amountDue: r.amount,
    daysFromDue: r.days_from_due,
    offsetDays: r.offset_days,
    template: r.template,
    skip: r.skip,
  }));
}

// ── what was sent ─────────────────────────────────────────────────────────

export interface ReminderSendRow {
  id: string;
  customerId: string;
  invoiceId: string;
  kind: 'step' | 'manual';
  offsetDays: number | null;
  template: ReminderTemplate;
  daysFromDue: number;
  currency: string;
  amount: bigint;
}

/**
 * Records the invoices a reminder chases. A step's row is unique per invoice and step: the rows
 * that already exist (a retried or concurrent run) are left out of what is returned, and so out
 * of what is mailed.
 */
export async function insertReminderSends(
  db: Db,
  input: { orgId: string; runId: string | null; userId: string | null; rows: ReminderSendRow[] },
): Promise<Set<string>> {
  if (input.rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('reminder_sends')
    .values(
      input.rows.map((r) => ({
        org_id: input.orgId,
        id: r.id,
        customer_id: r.customerId,
        invoice_id: r.invoiceId,
        kind: r.kind,
        offset_days: r.offsetDays,
        template: r.template,
        days_from_due: r.daysFromDue,
        currency: r.currency,
        amount: r.amount,
        run_id: input.runId,
        sent_by: input.userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'invoice_id', 'offset_days']).where('kind', '=', 'step').doNothing(),
    )
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/** Ties each send to the messages that carried it, in one statement. */
export async function attachReminderMessages(
  db: Db,
  orgId: string,
  links: { sendIds: string[]; messageIds: string[] }[],
): Promise<void> {
  const pairs = links.flatMap((l) =>
    l.sendIds.map((id) => ({ id, messages: `{${l.messageIds.join(',')}}` })),
  );
  if (pairs.length === 0) return;
  await sql`
    update reminder_sends r
       set mail_message_ids = v.messages::uuid[]
      from unnest(${pairs.map((p) => p.id)}::uuid[], ${pairs.map((p) => p.messages)}::text[]) as v(id, messages)
     where r.org_id = ${orgId} and r.id = v.id
  `.execute(db);
}

export interface RecentReminder {
  sentAt: Date;
  kind: 'step' | 'manual';
  template: ReminderTemplate;
  offsetDays: number | null;
  invoiceNumbers: string[];
  messages: number;
}

/** A customer's latest reminders, one entry per message group (a step or "send now" on a day). */
export async function recentReminders(db: Db, orgId: string, customerId: string, limit = 10) {
  const { rows } = await sql<{
    sent_at: Date;
    kind: 'step' | 'manual';
    template: ReminderTemplate;
    offset_days: number | null;
    invoice_numbers: string[];
    messages: number;
  }>`
    select max(r.sent_at) as sent_at, r.kind, r.template, r.offset_days,
           array_agg(i.number order by i.number) as invoice_numbers,
           max(cardinality(r.mail_message_ids))::int as messages
      from reminder_sends r
      join invoices i on i.org_id = r.org_id and i.id = r.invoice_id
     where r.org_id = ${orgId} and r.customer_id = ${customerId}
     group by r.mail_message_ids, r.kind, r.template, r.offset_days
     order by max(r.sent_at) desc
     limit ${limit}
  `.execute(db);
  return rows.map(
    (r): RecentReminder => ({
      sentAt: r.sent_at,
      kind: r.kind,
      template: r.template,
      offsetDays: r.offset_days,
      invoiceNumbers: r.invoice_numbers,
      messages: r.messages,
    }),
  );
}

export interface ReminderStatsRow {
  template: ReminderTemplate;
  offsetDays: number | null;
  sent: number;
  eligible7: number;
  paid7: number;
  eligible14: number;
  paid14: number;
  eligible30: number;
  paid30: number;
}

/**
 * For each template and step, how many invoices its reminders chased and how many of them were
 * paid within 7, 14 and 30 days of the reminder. A reminder counts towards "within N days" once
 * N days have passed since it went, or earlier when the invoice was already paid within them, so
 * a reminder sent yesterday does not count as unpaid after 30 days.
 */
export async function reminderStats(db: Db, orgId: string): Promise<ReminderStatsRow[]> {
  const within = (days: number) =>
    sql`i.paid_at is not null and i.paid_at >= r.sent_at and i.paid_at < r.sent_at + make_interval(days => ${days})`;
  const eligible = (days: number) =>
    sql`(r.sent_at <= now() - make_interval(days => ${days}) or (${within(days)}))`;
  const { rows } = await sql<{
    template: ReminderTemplate;
    offset_days: number | null;
    sent: number;
    eligible7: number;
    paid7: number;
    eligible14: number;
    paid14: number;
    eligible30: number;
    paid30: number;
  }>`
    select r.template, r.offset_days, count(*)::int as sent,
           count(*) filter (where ${eligible(7)})::int as eligible7,
           count(*) filter (where ${within(7)})::int as paid7,
           count(*) filter (where ${eligible(14)})::int as eligible14,
           count(*) filter (where ${within(14)})::int as paid14,
           count(*) filter (where ${eligible(30)})::int as eligible30,
           count(*) filter (where ${within(30)})::int as paid30
      from reminder_sends r
      join invoices i on i.org_id = r.org_id and i.id = r.invoice_id
     where r.org_id = ${orgId} and i.status <> 'void'
     group by r.template, r.offset_days
     order by r.offset_days nulls last, r.template
  `.execute(db);
  return rows.map((r) => ({
    template: r.template,
    offsetDays: r.offset_days,
    sent: r.sent,
    eligible7: r.eligible7,
    paid7: r.paid7,
    eligible14: r.eligible14,
    paid14: r.paid14,
    eligible30: r.eligible30,
    paid30: r.paid30,
  }));
}
