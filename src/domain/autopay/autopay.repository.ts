import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type {
  AutopayAttemptStatus,
  AutopayEnrollmentsTable,
  AutopayScope,
  AutopayStatus,
  AutopayTiming,
  DB,
  Locale,
  PaymentLifecycleStatus,
} from '../../db/schema.ts';
import { isUuid, newId } from '../shared/ids.ts';
import { type PayableInvoice, SWEEP_FROM_HOUR } from './autopay-rules.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The job that charges one planned autopay attempt. */
export const AUTOPAY_CHARGE_TASK = 'autopay.charge';
/** The processor's idempotency key and the job's key are the same: one charge per enrollment, day and attempt. */
export const autopayChargeKey = (enrollmentId: string, chargeOn: string, attempt: number) =>
  `autopay:${enrollmentId}:${chargeOn}:${attempt}`;

export const DEFAULT_NOTICE_DAYS = 3;

export interface AutopayEnrollment {
  id: string;
  customerId: string;
  status: AutopayStatus;
  paymentMethodId: string;
  timing: AutopayTiming;
  daysBefore: number | null;
  scope: AutopayScope;
  maxPerCharge: bigint | null;
  currency: string;
  authorizationId: string;
  pausedAt: Date | null;
  pauseReason: 'customer' | 'staff' | 'method_unusable' | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function toEnrollment(row: Selectable<AutopayEnrollmentsTable>): AutopayEnrollment {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    paymentMethodId: row.payment_method_id,
    timing: row.timing,
    daysBefore: row.days_before,
    scope: row.scope,
    maxPerCharge: row.max_per_charge,
    currency: row.currency.trim(),
    authorizationId: row.authorization_id,
    pausedAt: row.paused_at,
    pauseReason: row.pause_reason,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function loadNoticeDays(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('autopay_settings')
    .select('notice_days')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.notice_days ?? DEFAULT_NOTICE_DAYS;
}

export async function saveNoticeDays(
  db: Db,
  input: { orgId: string; noticeDays: number; updatedBy: string | null },
): Promise<void> {
  await db
    .insertInto('autopay_settings')
    .values({ org_id: input.orgId, notice_days: input.noticeDays, updated_by: input.updatedBy })
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ notice_days: input.noticeDays, updated_by: input.updatedBy, updated_at: new Date() }),
    )
    .execute();
}

/**
 * The account's enrollment people see: the live one (active or paused), else the latest cancelled
 * one (its history stays readable), else none. `forUpdate` (in a transaction) locks the live one.
 */
export async function findEnrollment(
  db: Db,
  input: { orgId: string; customerId: string; liveOnly?: boolean; forUpdate?: boolean },
): Promise<AutopayEnrollment | undefined> {
  let query = db
    .selectFrom('autopay_enrollments')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .orderBy(sql`status = 'cancelled'`)
    .orderBy('created_at', 'desc')
    .limit(1);
  if (input.liveOnly || input.forUpdate) query = query.where('status', '<>', 'cancelled');
  if (input.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toEnrollment(row) : undefined;
}

export async function findEnrollmentById(
  db: Db,
  input: { orgId: string; enrollmentId: string; forUpdate?: boolean },
): Promise<AutopayEnrollment | undefined> {
  if (!isUuid(input.enrollmentId)) return undefined;
  let query = db
    .selectFrom('autopay_enrollments')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.enrollmentId);
  if (input.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toEnrollment(row) : undefined;
}

/** Serialises changes to one account's autopay (two first enrolments at once cannot both insert). */
export async function lockAccountAutopay(
  trx: Db,
  input: { orgId: string; customerId: string },
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`autopay:${input.orgId}:${input.customerId}`}, 0))`.execute(
    trx,
  );
}

export interface EnrollmentValues {
  paymentMethodId: string;
  timing: AutopayTiming;
  daysBefore: number | null;
  scope: AutopayScope;
  maxPerCharge: bigint | null;
  currency: string;
}

export async function insertEnrollment(
  trx: Db,
  input: EnrollmentValues & {
    orgId: string;
    id: string;
    customerId: string;
    authorizationId: string;
    createdBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('autopay_enrollments')
    .values({
      org_id: input.orgId,
      id: input.id,
      customer_id: input.customerId,
      status: 'active',
      payment_method_id: input.paymentMethodId,
      timing: input.timing,
      days_before: input.daysBefore,
      scope: input.scope,
      max_per_charge: input.maxPerCharge,
      currency: input.currency,
      authorization_id: input.authorizationId,
      created_by: input.createdBy,
    })
    .execute();
}

/** New rules and consent for a live enrollment; it becomes active again. */
export async function replaceEnrollmentTerms(
  trx: Db,
  input: EnrollmentValues & { orgId: string; id: string; authorizationId: string },
): Promise<void> {
  await trx
    .updateTable('autopay_enrollments')
    .set({
      status: 'active',
      paused_at: null,
      pause_reason: null,
      payment_method_id: input.paymentMethodId,
      timing: input.timing,
      days_before: input.daysBefore,
      scope: input.scope,
      max_per_charge: input.maxPerCharge,
      currency: input.currency,
      authorization_id: input.authorizationId,
      updated_at: new Date(),
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .execute();
}

export async function setEnrollmentStatus(
  trx: Db,
  input: {
    orgId: string;
    id: string;
    status: AutopayStatus;
    pauseReason?: 'customer' | 'staff' | 'method_unusable' | null;
  },
): Promise<void> {
  const now = new Date();
  await trx
    .updateTable('autopay_enrollments')
    .set({
      status: input.status,
      paused_at: input.status === 'paused' ? now : null,
      pause_reason: input.status === 'paused' ? (input.pauseReason ?? null) : null,
      ...(input.status === 'cancelled' ? { cancelled_at: now } : {}),
      updated_at: now,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .execute();
}

export interface AutopayAuthorization {
  id: string;
  text: string;
  locale: Locale;
  acceptedAt: Date;
  acceptedBy: { kind: 'customer' | 'staff'; userId: string | null; name: string; email: string };
  ip: string | null;
  userAgent: string | null;
  terms: Record<string, unknown>;
}

export async function insertAuthorization(
  trx: Db,
  input: {
    orgId: string;
    id: string;
    enrollmentId: string;
    text: string;
    locale: Locale;
    acceptedBy: AutopayAuthorization['acceptedBy'];
    ip: string | null;
    userAgent: string | null;
    terms: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('autopay_authorizations')
    .values({
      org_id: input.orgId,
      id: input.id,
      enrollment_id: input.enrollmentId,
      text: input.text,
      locale: input.locale,
      accepted_by_kind: input.acceptedBy.kind,
      accepted_by_user_id: input.acceptedBy.userId,
      accepted_by_name: input.acceptedBy.name.slice(0, 300),
      accepted_by_email: input.acceptedBy.email.slice(0, 320),
      ip: input.ip?.slice(0, 100) ?? null,
      user_agent: input.userAgent?.slice(0, 1000) ?? null,
      terms: JSON.stringify(input.terms),
    })
    .execute();
}

export async function findAuthorization(
  db: Db,
  input: { orgId: string; id: string },
): Promise<AutopayAuthorization | undefined> {
  const row = await db
    .selectFrom('autopay_authorizations')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    text: row.text,
    locale: row.locale,
    acceptedAt: row.accepted_at,
    acceptedBy: {
      kind: row.accepted_by_kind,
      userId: row.accepted_by_user_id,
      name: row.accepted_by_name,
      email: row.accepted_by_email,
    },
    ip: row.ip,
    userAgent: row.user_agent,
    terms: row.terms,
  };
}

/** Saved methods a live enrollment of the account charges (a method in use may not be removed). */
export async function autopayMethodIds(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('autopay_enrollments')
    .select('payment_method_id')
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('status', '<>', 'cancelled')
    .execute();
  return new Set(rows.map((r) => r.payment_method_id));
}

export interface AutopayAttempt {
  id: string;
  enrollmentId: string;
  authorizationId: string;
  chargeOn: string;
  attempt: number;
  runOn: string;
  status: AutopayAttemptStatus;
  paymentId: string | null;
  amount: bigint;
  currency: string;
  failureCode: string | null;
  failureRetryable: boolean | null;
  nextRetryOn: string | null;
  stopped: boolean;
  createdAt: Date;
}

const attemptColumns = [
  'id',
  'enrollment_id',
  'authorization_id',
  'charge_on',
  'attempt',
  'run_on',
  'status',
  'payment_id',
  'amount',
  'currency',
  'failure_code',
  'failure_retryable',
  'next_retry_on',
  'stopped',
  'created_at',
] as const;

function toAttempt(row: object): AutopayAttempt {
  const r = row as Record<string, unknown>;
  return {
    id: r.id as string,
    enrollmentId: r.enrollment_id as string,
    authorizationId: r.authorization_id as string,
    chargeOn: r.charge_on as string,
    attempt: r.attempt as number,
    runOn: r.run_on as string,
    status: r.status as AutopayAttemptStatus,
    paymentId: r.payment_id as string | null,
    amount: r.amount as bigint,
    currency: (r.currency as string).trim(),
    failureCode: r.failure_code as string | null,
    failureRetryable: r.failure_retryable as boolean | null,
    nextRetryOn: r.next_retry_on as string | null,
    stopped: r.stopped as boolean,
    createdAt: r.created_at as Date,
  };
}

export async function findAttempt(
  db: Db,
  input: { orgId: string; enrollmentId: string; chargeOn: string; attempt: number; forUpdate?: boolean },
): Promise<AutopayAttempt | undefined> {
  let query = db
    .selectFrom('autopay_attempts')
    .select(attemptColumns)
    .where('org_id', '=', input.orgId)
    .where('enrollment_id', '=', input.enrollmentId)
    .where('charge_on', '=', input.chargeOn)
    .where('attempt', '=', input.attempt);
  if (input.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toAttempt(row) : undefined;
}

/** Claims an attempt: only the first insert of (enrollment, day, attempt) wins; the others get nothing. */
export async function claimAttempt(
  trx: Db,
  input: {
    orgId: string;
    enrollmentId: string;
    authorizationId: string;
    customerId: string;
    chargeOn: string;
    attempt: number;
    runOn: string;
    status: 'processing' | 'skipped';
    amount: bigint;
    currency: string;
  },
): Promise<string | undefined> {
  const row = await trx
    .insertInto('autopay_attempts')
    .values({
      org_id: input.orgId,
      id: newId(),
      enrollment_id: input.enrollmentId,
      authorization_id: input.authorizationId,
      customer_id: input.customerId,
      charge_on: input.chargeOn,
      attempt: input.attempt,
      run_on: input.runOn,
      status: input.status,
      amount: input.amount,
      currency: input.currency,
    })
    .onConflict((oc) => oc.columns(['org_id', 'enrollment_id', 'charge_on', 'attempt']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertAttemptItems(
  trx: Db,
  input: {
    orgId: string;
    attemptId: string;
    authorizationId: string;
    items: { invoiceId: string; amount: bigint }[];
  },
): Promise<void> {
  if (input.items.length === 0) return;
  await trx
    .insertInto('autopay_attempt_items')
    .values(
      input.items.map((i) => ({
        org_id: input.orgId,
        attempt_id: input.attemptId,
        invoice_id: i.invoiceId,
        authorization_id: input.authorizationId,
        amount: i.amount,
      })),
    )
    .execute();
}

/** What an attempt meant to pay (amount 0: an invoice the maximum left out). */
export async function findAttemptItems(
  db: Db,
  input: { orgId: string; attemptId: string },
): Promise<{ invoiceId: string; amount: bigint }[]> {
  const rows = await db
    .selectFrom('autopay_attempt_items')
    .select(['invoice_id', 'amount'])
    .where('org_id', '=', input.orgId)
    .where('attempt_id', '=', input.attemptId)
    .orderBy('invoice_id')
    .execute();
  return rows.map((r) => ({ invoiceId: r.invoice_id, amount: r.amount }));
}

/**
 * Moves an attempt on from `processing`, once: answers false when another run already did (a
 * retried job recording the same answer sends no second e-mail).
 */
export async function finishAttempt(
  trx: Db,
  input: {
    orgId: string;
    attemptId: string;
    status: AutopayAttemptStatus;
    paymentId: string | null;
    failureCode?: string | null;
    failureRetryable?: boolean | null;
    nextRetryOn?: string | null;
    stopped?: boolean;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('autopay_attempts')
    .set({
      status: input.status,
      payment_id: input.paymentId,
      failure_code: input.failureCode ?? null,
      failure_retryable: input.failureRetryable ?? null,
      next_retry_on: input.nextRetryOn ?? null,
      stopped: input.stopped ?? false,
      updated_at: new Date(),
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.attemptId)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setAttemptPayment(
  trx: Db,
  input: { orgId: string; attemptId: string; paymentId: string },
): Promise<void> {
  await trx
    .updateTable('autopay_attempts')
    .set({ payment_id: input.paymentId, updated_at: new Date() })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.attemptId)
    .execute();
}

export interface HistoryRow extends AutopayAttempt {
  paymentNumber: string | null;
  paymentStatus: PaymentLifecycleStatus | null;
  paymentFailureCode: string | null;
}

/** The enrollment's attempts, newest first, with their payments. */
export async function listAttempts(
  db: Db,
  input: { orgId: string; enrollmentId: string; limit: number },
): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('autopay_attempts as a')
    .leftJoin('payments as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.payment_id'))
    .select(attemptColumns.map((c) => `a.${c}` as const))
    .select(['p.number as payment_number', 'p.status as payment_status', 'p.failure_code as payment_failure'])
    .where('a.org_id', '=', input.orgId)
    .where('a.enrollment_id', '=', input.enrollmentId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({
    ...toAttempt(r),
    paymentNumber: r.payment_number,
    paymentStatus: r.payment_status,
    paymentFailureCode: r.payment_failure,
  }));
}

/** A soft-declined attempt waiting for its retry (the enrollment's, under its current consent). */
export async function findPendingRetry(
  db: Db,
  input: { orgId: string; enrollmentId: string; authorizationId: string },
): Promise<AutopayAttempt | undefined> {
  const row = await db
    .selectFrom('autopay_attempts as a')
    .select(attemptColumns.map((c) => `a.${c}` as const))
    .where('a.org_id', '=', input.orgId)
    .where('a.enrollment_id', '=', input.enrollmentId)
    .where('a.authorization_id', '=', input.authorizationId)
    .where('a.status', '=', 'failed')
    .where('a.next_retry_on', 'is not', null)
    .where('a.stopped', '=', false)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('autopay_attempts as b')
            .select(sql`1`.as('x'))
            .whereRef('b.org_id', '=', 'a.org_id')
            .whereRef('b.enrollment_id', '=', 'a.enrollment_id')
            .whereRef('b.charge_on', '=', 'a.charge_on')
            .where(sql<boolean>`b.attempt = a.attempt + 1`),
        ),
      ),
    )
    .orderBy('a.next_retry_on')
    .executeTakeFirst();
  return row ? toAttempt(row) : undefined;
}

/**
 * The account's invoices autopay may still take, in the enrollment's currency: open, owing, with
 * no money in flight (an ACH debit pending, a payment being made), and not yet taken by an attempt
 * under this consent. `forUpdate` locks them (the charge job, in its claim transaction).
 */
export async function findChargeableInvoices(
  db: Db,
  input: { orgId: string; customerId: string; currency: string; authorizationId: string },
): Promise<PayableInvoice[]> {
  const rows = await db
    .selectFrom('invoices as i')
    .select(['i.id', 'i.due_date', 'i.issue_date', 'i.number', 'i.open_amount'])
    .where('i.org_id', '=', input.orgId)
    .where('i.customer_id', '=', input.customerId)
    .where('i.status', '=', 'open')
    .where('i.open_amount', '>', 0n)
    .where('i.pending_amount', '=', 0n)
    .where('i.currency', '=', input.currency)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('autopay_attempt_items as t')
            .select(sql`1`.as('x'))
            .whereRef('t.org_id', '=', 'i.org_id')
            .whereRef('t.invoice_id', '=', 'i.id')
            .where('t.authorization_id', '=', input.authorizationId),
        ),
      ),
    )
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    invoiceId: r.id,
    dueDate: r.due_date,
    issueDate: r.issue_date,
    number: r.number,
    payable: r.open_amount,
  }));
}

/** Today's payable amount of some invoices (open, owing, nothing in flight), by id. */
export async function payableNow(
  db: Db,
  input: { orgId: string; customerId: string; invoiceIds: string[] },
): Promise<Map<string, PayableInvoice>> {
  if (input.invoiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'due_date', 'issue_date', 'number', 'open_amount', 'pending_amount', 'status'])
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('id', 'in', input.invoiceIds)
    .execute();
  return new Map(
    rows
      .filter((r) => r.status === 'open' && r.pending_amount === 0n && r.open_amount > 0n)
      .map((r) => [
        r.id,
        {
          invoiceId: r.id,
          dueDate: r.due_date,
          issueDate: r.issue_date,
          number: r.number,
          payable: r.open_amount,
        },
      ]),
  );
}

/** One calendar of the sweep: sellers of `country` whose day is `today`, and its charge horizon. */
export interface SweepDay {
  country: string;
  today: string;
  horizon: string;
}

/** The (country, local day, local hour) of sellers with active autopay: what the sweep computes calendars for. */
export async function sweepCalendars(
  db: Db,
  input: { orgId?: string | undefined },
): Promise<{ country: string; today: string; hour: number }[]> {
  const { rows } = await sql<{ country: string; today: string; hour: number }>`
    select distinct o.country, (now() at time zone o.time_zone)::date::text as today,
           extract(hour from now() at time zone o.time_zone)::int as hour
      from organizations o
     where exists (select 1 from autopay_enrollments e where e.org_id = o.id and e.status = 'active')
       ${input.orgId ? sql`and o.id = ${input.orgId}` : sql``}`.execute(db);
  return rows;
}

/**
 * The set-based selection of the sweep: every active enrollment with an invoice whose charge day
 * has come (the horizon rule, autopay-rules.ts: chargeHorizon) and no attempt yet that day, plus
 * every soft-declined attempt whose retry day has come. With `orgId` and `today`, one seller on
 * that day (the CLI, tests); otherwise each seller on its own local day.
 */
export function dueChargesSql(input: { days: SweepDay[]; orgId?: string | undefined; explicitDay: boolean }) {
  const days = JSON.stringify(input.days);
  const orgFilter = input.orgId ? sql`and e.org_id = ${input.orgId}` : sql``;
  const dayMatch = input.explicitDay
    ? sql`c.country = o.country`
    : sql`c.country = o.country and c.today = (now() at time zone o.time_zone)::date
           and extract(hour from now() at time zone o.time_zone) >= ${SWEEP_FROM_HOUR}`;
  return sql<{ org_id: string; enrollment_id: string; charge_on: string; attempt: number; run_on: string }>`
    with cal as (
      select * from json_to_recordset(${days}::json) as c(country text, today date, horizon date)
    )
    select e.org_id, e.id as enrollment_id, c.today::text as charge_on, 1 as attempt, c.today::text as run_on
      from autopay_enrollments e
      join organizations o on o.id = e.org_id
      join cal c on ${dayMatch}
     where e.status = 'active' ${orgFilter}
       and not exists (select 1 from autopay_attempts a
                        where a.org_id = e.org_id and a.enrollment_id = e.id and a.charge_on = c.today)
       and exists (
         select 1 from invoices i
          where i.org_id = e.org_id and i.customer_id = e.customer_id and i.status = 'open'
            and i.open_amount > 0 and i.pending_amount = 0 and i.currency = e.currency
            and i.due_date <= case when e.scope = 'overdue_only' then c.today - 1
                                   when e.timing = 'days_before' then c.horizon + e.days_before
                                   else c.horizon end
            and not exists (select 1 from autopay_attempt_items t
                             where t.org_id = i.org_id and t.invoice_id = i.id
                               and t.authorization_id = e.authorization_id))
    union all
    select a.org_id, a.enrollment_id, a.charge_on::text, a.attempt + 1, c.today::text
      from autopay_attempts a
      join autopay_enrollments e on e.org_id = a.org_id and e.id = a.enrollment_id
      join organizations o on o.id = e.org_id
      join cal c on ${dayMatch}
     where a.next_retry_on is not null and a.next_retry_on <= c.today and a.status = 'failed'
       and not a.stopped and e.status = 'active' and e.authorization_id = a.authorization_id ${orgFilter}
       and not exists (select 1 from autopay_attempts b
                        where b.org_id = a.org_id and b.enrollment_id = a.enrollment_id
                          and b.charge_on = a.charge_on and b.attempt = a.attempt + 1)`;
}

/**
 * Charges are fanned out to jobs by a hash of their enrollment into this many buckets per seller
 * and day: a big seller's 20,000 charges become ~1,000 jobs of ~20 (enqueueing a row per charge
 * would cost several times the selection itself, bench/autopay-run), a small one's a job each.
 */
export const AUTOPAY_JOB_BUCKETS = 1024; // 10 bits of the enrollment id, below

/**
 * Plans and enqueues in one statement: the selection above, grouped by seller, day and bucket,
 * each group one graphile-worker job (graphile_worker.add_jobs, in bulk) under the key
 * autopay:<seller>:<day>:<bucket>. The same enrollment always lands in the same bucket, so a sweep
 * run again while the jobs wait replaces them with the same charges and adds nothing; each charge
 * is claimed by its own attempt row before it is made (runAutopayCharge), whichever job runs it.
 * Answers how many charges and jobs were enqueued.
 */
export async function enqueueDueCharges(
  db: Db,
  input: { days: SweepDay[]; orgId?: string | undefined; explicitDay: boolean },
): Promise<{ charges: number; jobs: number }> {
  const selection = dueChargesSql(input);
  const { rows } = await sql<{ charges: number; jobs: number }>`
    with planned as (${selection}),
    grouped as (
      -- The bucket: the low 10 bits of the enrollment's id (UUIDv7: random there), stable across runs.
      select org_id, run_on,
             ((get_byte(uuid_send(enrollment_id), 14) & 3) << 8) | get_byte(uuid_send(enrollment_id), 15) as bucket,
             array_agg(enrollment_id::text || '/' || charge_on || '/' || attempt) as charges,
             count(*) as n
        from planned
       group by 1, 2, 3
    ),
    added as (
      select count(*) as jobs from graphile_worker.add_jobs(
        array(
          select row(
            ${AUTOPAY_CHARGE_TASK}::text,
            json_build_object('orgId', g.org_id, 'charges', to_json(g.charges)),
            null::text, null::timestamptz, 10,
            'autopay:' || g.org_id || ':' || g.run_on || ':' || g.bucket,
            null::integer, null::text[]
          )::graphile_worker.job_spec
            from grouped g
        ),
        true
      )
    )
    select (select coalesce(sum(n), 0) from grouped)::int as charges, (select jobs from added)::int as jobs`.execute(
    db,
  );
  return { charges: rows[0]?.charges ?? 0, jobs: rows[0]?.jobs ?? 0 };
}

/** Active enrollments of the sweep's sellers, with what notices need, for one calendar. */
export async function findNoticeCandidates(
  db: Db,
  input: { country: string; today: string; orgId?: string | undefined; explicitDay: boolean },
): Promise<(AutopayEnrollment & { orgId: string; noticeDays: number })[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select e.*, coalesce(s.notice_days, ${DEFAULT_NOTICE_DAYS}) as notice_days
      from autopay_enrollments e
      join organizations o on o.id = e.org_id
      left join autopay_settings s on s.org_id = e.org_id
     where e.status = 'active' and o.country = ${input.country}
       and coalesce(s.notice_days, ${DEFAULT_NOTICE_DAYS}) > 0
       ${input.orgId ? sql`and e.org_id = ${input.orgId}` : sql``}
       ${
         input.explicitDay
           ? sql``
           : sql`and (now() at time zone o.time_zone)::date = ${input.today}::date
                                         and extract(hour from now() at time zone o.time_zone) >= ${SWEEP_FROM_HOUR}`
       }
     order by e.org_id, e.id`.execute(db);
  return rows.map((r) => ({
    ...toEnrollment(r as never),
    orgId: r.org_id as string,
    noticeDays: Number(r.notice_days),
  }));
}

/** Claims the notice of one charge day: true only for the first caller. */
export async function claimNotice(
  trx: Db,
  input: {
    orgId: string;
    enrollmentId: string;
    authorizationId: string;
    chargeOn: string;
    amount: bigint;
    invoiceCount: number;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('autopay_notices')
    .values({
      org_id: input.orgId,
      enrollment_id: input.enrollmentId,
      authorization_id: input.authorizationId,
      charge_on: input.chargeOn,
      amount: input.amount,
      invoice_count: input.invoiceCount,
    })
    .onConflict((oc) => oc.columns(['org_id', 'enrollment_id', 'authorization_id', 'charge_on']).doNothing())
    .returning('charge_on')
    .executeTakeFirst();
  return row !== undefined;
}

/** What messages about an account say: the seller, its country (for formats), the account. */
export async function findMailContext(
  db: Db,
  input: { orgId: string; customerId: string; paymentMethodId: string },
): Promise<{
  orgName: string;
  country: string;
  accountName: string;
  method: { kind: 'card' | 'ach'; brand: string | null; bankName: string | null; last4: string } | null;
}> {
  const [org, account, method] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'country'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('customer_accounts')
      .select('name')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payment_methods')
      .select(['kind', 'brand', 'bank_name', 'last4'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.paymentMethodId)
      .executeTakeFirst(),
  ]);
  return {
    orgName: org.name,
    country: org.country,
    accountName: account.name,
    method: method
      ? { kind: method.kind, brand: method.brand, bankName: method.bank_name, last4: method.last4 }
      : null,
  };
}

export async function findInvoiceNumbers(
  db: Db,
  input: { orgId: string; invoiceIds: string[] },
): Promise<Map<string, string>> {
  if (input.invoiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'number'])
    .where('org_id', '=', input.orgId)
    .where('id', 'in', input.invoiceIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
