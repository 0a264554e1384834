import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type {
  Address,
  DB,
  Locale,
  PaymentLifecycleStatus,
  PaymentMethod,
  PaymentSource,
  PaymentsTable,
  ProcessorName,
} from '../../db/schema.ts';
import { isUuid, newId } from '../shared/ids.ts';
import { pageWindow } from '../shared/page-window.ts';
import { containsPattern } from '../shared/search-pattern.ts';

/**
 * The payment aggregate's data layer: every query of `payments` (load, list, insert, lock, state
 * changes) and the one mapper of a payment row. Plain functions over a pool or a transaction: the
 * caller owns the transaction.
 */
type Db = Kysely<DB> | Transaction<DB>;

/** Every state of a payment's life (migration 0006); lists filter on any of them. */
export type PaymentStatusFilter = PaymentLifecycleStatus;

/** A payment as lists show it (docs/api.md `PaymentSummary`); amounts in minor units. */
export interface PaymentSummary {
  id: string;
  number: string;
  customer: { id: string; name: string; accountNumber: string };
  receivedOn: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: bigint;
  /** What is left to apply: 0 once reversed (the money went back). */
  unappliedAmount: bigint;
  status: PaymentStatusFilter;
}

/** One application of a payment or a credit memo to an invoice; `unappliedAt` set once undone. */
export interface ApplicationView {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  amount: bigint;
  createdAt: Date;
  unappliedAt: Date | null;
  unapplyReason: string | null;
}

/** An application with the invoice as a receipt or credit memo document prints it. */
export interface DocumentApplication extends ApplicationView {
  invoice: { issueDate: string; dueDate: string; total: bigint; openAmount: bigint };
}

/** The customer as a document names it (the party a receipt is from), and its language. */
export interface PaymentCustomer {
  id: string;
  name: string;
  accountNumber: string;
  taxId: string | null;
  /** The billing address as stored. */
  address: Address;
  locale: Locale;
}

/**
 * One payment with every application (live and undone, oldest first) and its reversal: what the
 * JSON detail and the receipt are built from. `unappliedAmount` is already the journal's (0 once
 * reversed, see unappliedOf).
 */
export interface Payment extends Omit<PaymentSummary, 'customer'> {
  customer: PaymentCustomer;
  createdAt: Date;
  applications: DocumentApplication[];
  reversedAt: Date | null;
  reverseReason: string | null;
}

export interface ListPaymentsInput {
  orgId: string;
  /** One customer's payments only (the portal always passes its own account). */
  customerId?: string | undefined;
  status?: PaymentStatusFilter | undefined;
  /** Matches the payment number, the reference, or the customer's name or account number. */
  q?: string | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The base query of payments with their customer, for lists and for one payment. */
function paymentsWithCustomer(db: Db, orgId: string) {
  return db
    .selectFrom('payments as p')
    .innerJoin('customer_accounts as c', (join) =>
      join.onRef('c.org_id', '=', 'p.org_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .where('p.org_id', '=', orgId);
}

const paymentSummaryColumns = [
  'p.id',
  'p.number',
  'p.customer_id',
  'c.name as customer_name',
  'c.account_number as customer_account_number',
  'p.received_on',
  'p.method',
  'p.reference',
  'p.currency',
  'p.amount',
  'p.unapplied_amount',
  'p.status',
] as const;

interface PaymentSummaryRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  customer_account_number: string;
  received_on: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: bigint;
  unapplied_amount: bigint;
  status: PaymentStatusFilter;
}

/** The one mapper of a payment row. */
function toPaymentSummary(row: PaymentSummaryRow): PaymentSummary {
  return {
    id: row.id,
    number: row.number,
    customer: { id: row.customer_id, name: row.customer_name, accountNumber: row.customer_account_number },
    receivedOn: row.received_on,
    method: row.method,
    reference: row.reference,
    currency: row.currency.trim(),
    amount: row.amount,
    unappliedAmount: unappliedOf(row),
    status: row.status,
  };
}

/**
 * What a payment still has to apply, as the journal says: only money that arrived holds cash —
 * a completed payment, or one under dispute (the money is still the seller's until the dispute is
 * lost). A reversed or returned payment holds none (its unapplied_cash lines net to 0), although
 * its stored unapplied_amount stays = amount; one still in flight, failed or refunded holds none
 * either. Every read of a payment goes through here.
 */
export function unappliedOf(row: { status: PaymentStatusFilter; unapplied_amount: bigint }): bigint {
  return row.status === 'completed' || row.status === 'disputed' ? row.unapplied_amount : 0n;
}

/** The org's payments, newest received first, one page at a time. */
export async function findPayments(
  db: Db,
  input: ListPaymentsInput,
): Promise<{ items: PaymentSummary[]; total: number }> {
  const { limit, offset } = pageWindow(input, 100);
  let query = paymentsWithCustomer(db, input.orgId);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  if (input.status) query = query.where('p.status', '=', input.status);
  const q = input.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('p.number', 'ilike', pattern),
        eb('p.reference', 'ilike', pattern),
        eb('c.name', 'ilike', pattern),
        eb('c.account_number', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(paymentSummaryColumns)
      .orderBy('p.received_on', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPaymentSummary), total: count.n };
}

/**
 * The payment aggregate: the payment, its customer as documents name it, every application with
 * the invoice it went to, its reversal. Null when the seller has no such payment, or — with
 * `customerId` (the portal) — when it is another account's.
 */
export async function loadPayment(
  db: Db,
  input: { orgId: string; paymentId: string; customerId?: string | undefined },
): Promise<Payment | null> {
  if (!isUuid(input.paymentId)) return null;
  let query = paymentsWithCustomer(db, input.orgId).where('p.id', '=', input.paymentId);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  const row = await query
    .select([
      ...paymentSummaryColumns,
      'p.created_at',
      'p.reversed_at',
      'p.reverse_reason',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale as customer_locale',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const applications = await db
    .selectFrom('payment_applications as a')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .select([
      'a.id',
      'a.invoice_id',
      'i.number',
      'i.issue_date',
      'i.due_date',
      'i.total',
      'i.open_amount',
      'a.amount',
      'a.created_at',
      'a.unapplied_at',
      'a.unapply_reason',
    ])
    .where('a.org_id', '=', input.orgId)
    .where('a.payment_id', '=', row.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const summary = toPaymentSummary(row);
  return {
    ...summary,
    customer: {
      ...summary.customer,
      taxId: row.customer_tax_id,
      address: row.billing_address as Address,
      locale: row.customer_locale,
    },
    createdAt: row.created_at,
    applications: applications.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number,
      amount: a.amount,
      createdAt: a.created_at,
      unappliedAt: a.unapplied_at,
      unapplyReason: a.unapply_reason,
      invoice: { issueDate: a.issue_date, dueDate: a.due_date, total: a.total, openAmount: a.open_amount },
    })),
    reversedAt: row.reversed_at,
    reverseReason: row.reverse_reason,
  };
}

/** What applying, unapplying and reversing check, as locked (stored unapplied amount). */
export interface PaymentState {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  amount: bigint;
  unappliedAmount: bigint;
  status: PaymentStatusFilter;
  /** Null for a payment recorded by hand; the processor for one taken online. */
  processor: ProcessorName | null;
}

/** Locks a payment (SELECT … FOR UPDATE) before anything is applied from it or undone. */
export function lockPayment(
  trx: Db,
  input: { orgId: string; paymentId: string },
): Promise<PaymentState | undefined> {
  return trx
    .selectFrom('payments')
    .select([
      'id',
      'number',
      'customer_id as customerId',
      'currency',
      'amount',
      'unapplied_amount as unappliedAmount',
      'status',
      'processor',
    ])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Holds (seller, idempotency key) until the transaction ends: concurrent requests under one key
 * queue here, so the later ones find the first one's payment instead of racing its insert.
 */
export async function lockIdempotencyKey(
  trx: Transaction<DB>,
  input: { orgId: string; idempotencyKey: string },
): Promise<void> {
  const name = `payment-idempotency:${input.orgId}:${input.idempotencyKey}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

/** The payment recorded under an idempotency key, with what a replay compares and answers. */
export function findPaymentByIdempotencyKey(db: Db, input: { orgId: string; idempotencyKey: string }) {
  return db
    .selectFrom('payments')
    .select(['id', 'number', 'amount', 'unapplied_amount', 'customer_id', 'idempotency_fingerprint'])
    .where('org_id', '=', input.orgId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
}

/**
 * Inserts a payment; false when its idempotency key is already taken. ON CONFLICT DO NOTHING, so a
 * taken key never aborts the caller's transaction.
 */
export async function insertPayment(trx: Db, values: Insertable<PaymentsTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('payments')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['org_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Moves a payment's stored unapplied amount by `delta`, with its applications, in the same transaction. */
export async function changePaymentUnapplied(
  trx: Db,
  input: { orgId: string; paymentId: string; delta: bigint },
): Promise<void> {
  if (input.delta === 0n) return;
  await trx
    .updateTable('payments')
    .set({ unapplied_amount: sql`unapplied_amount + ${input.delta}` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .execute();
}

export async function markPaymentReversed(
  trx: Db,
  input: { orgId: string; paymentId: string; reason: string },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({ status: 'reversed', reversed_at: sql`now()`, reverse_reason: input.reason })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Online payments (migration 0006): the payment's life, what it is meant for, its timeline and
// the processor's events.
// ---------------------------------------------------------------------------------------------

/** An online payment as its lifecycle steps read and lock it. */
export interface OnlinePaymentState {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  amount: bigint;
  feeAmount: bigint;
  refundedAmount: bigint;
  unappliedAmount: bigint;
  status: PaymentLifecycleStatus;
  method: PaymentMethod;
  source: PaymentSource;
  processor: ProcessorName | null;
  processorPaymentId: string | null;
  idempotencyFingerprint: string | null;
  createdBy: string | null;
  failureCode: string | null;
  /** The ERP order a prepayment is for (a pay link of a credit check); null for invoices. */
  orderReference: string | null;
  updatedAt: Date;
}

function selectOnlineState(db: Db, orgId: string) {
  return db
    .selectFrom('payments')
    .select([
      'id',
      'number',
      'customer_id as customerId',
      'currency',
      'amount',
      'fee_amount as feeAmount',
      'refunded_amount as refundedAmount',
      'unapplied_amount as unappliedAmount',
      'status',
      'method',
      'source',
      'processor',
      'processor_payment_id as processorPaymentId',
      'idempotency_fingerprint as idempotencyFingerprint',
      'created_by as createdBy',
      'failure_code as failureCode',
      'order_reference as orderReference',
      'updated_at as updatedAt',
    ])
    .where('org_id', '=', orgId);
}

/** Locks an online payment by Saldo's id, or by the processor's id when Saldo's is not known. */
export async function lockOnlinePayment(
  trx: Db,
  input: { orgId: string; paymentId?: string | null; processor?: string; processorPaymentId?: string | null },
): Promise<OnlinePaymentState | undefined> {
  let query = selectOnlineState(trx, input.orgId);
  if (input.paymentId) {
    if (!isUuid(input.paymentId)) return undefined;
    query = query.where('id', '=', input.paymentId);
  } else if (input.processorPaymentId && input.processor) {
    query = query
      .where('processor', '=', input.processor as 'sandbox' | 'stripe')
      .where('processor_payment_id', '=', input.processorPaymentId);
  } else return undefined;
  return (await query.forUpdate().executeTakeFirst()) as OnlinePaymentState | undefined;
}

/** The online payment started under an idempotency key, if any. */
export async function findOnlinePaymentByKey(
  db: Db,
  input: { orgId: string; idempotencyKey: string },
): Promise<OnlinePaymentState | undefined> {
  return (await selectOnlineState(db, input.orgId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst()) as OnlinePaymentState | undefined;
}

/** Moves a payment to another status with whatever the step learnt; the caller checked the step. */
export async function updateOnlinePayment(
  trx: Db,
  input: {
    orgId: string;
    paymentId: string;
    status: PaymentLifecycleStatus;
    processorPaymentId?: string | null;
    failureCode?: string | null;
    failureMessage?: string | null;
    returnCode?: string | null;
    expectedSettlement?: string | null;
    receivedOn?: string;
    completed?: boolean;
    reversed?: { reason: string };
    unappliedAmount?: bigint;
    refundedDelta?: bigint;
  },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({
      status: input.status,
      updated_at: sql`now()`,
      ...(input.processorPaymentId !== undefined ? { processor_payment_id: input.processorPaymentId } : {}),
      ...(input.failureCode !== undefined ? { failure_code: input.failureCode } : {}),
      ...(input.failureMessage !== undefined ? { failure_message: input.failureMessage } : {}),
      ...(input.returnCode !== undefined ? { return_code: input.returnCode } : {}),
      ...(input.expectedSettlement !== undefined ? { expected_settlement: input.expectedSettlement } : {}),
      ...(input.receivedOn !== undefined ? { received_on: input.receivedOn } : {}),
      ...(input.completed ? { completed_at: sql`now()` } : {}),
      ...(input.reversed ? { reversed_at: sql`now()`, reverse_reason: input.reversed.reason } : {}),
      ...(input.unappliedAmount !== undefined ? { unapplied_amount: input.unappliedAmount } : {}),
      ...(input.refundedDelta !== undefined
        ? { refunded_amount: sql`refunded_amount + ${input.refundedDelta}` }
        : {}),
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .execute();
}

export interface IntendedAllocation {
  invoiceId: string;
  amount: bigint;
}

export async function insertIntendedAllocations(
  trx: Db,
  input: { orgId: string; paymentId: string; allocations: IntendedAllocation[] },
): Promise<void> {
  if (input.allocations.length === 0) return;
  await trx
    .insertInto('payment_allocations_intended')
    .values(
      input.allocations.map((a) => ({
        org_id: input.orgId,
        payment_id: input.paymentId,
        invoice_id: a.invoiceId,
        amount: a.amount,
      })),
    )
    .execute();
}

/** What the payer meant for each invoice, by invoice id. */
export async function findIntendedAllocations(
  db: Db,
  input: { orgId: string; paymentId: string },
): Promise<(IntendedAllocation & { number: string })[]> {
  const rows = await db
    .selectFrom('payment_allocations_intended as a')
    .innerJoin('invoices as i', (join) =>
      join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .select(['a.invoice_id', 'a.amount', 'i.number'])
    .where('a.org_id', '=', input.orgId)
    .where('a.payment_id', '=', input.paymentId)
    .orderBy('a.invoice_id')
    .execute();
  return rows.map((r) => ({ invoiceId: r.invoice_id, amount: r.amount, number: r.number }));
}

export interface TimelineStep {
  at: Date;
  fromStatus: PaymentLifecycleStatus | null;
  status: PaymentLifecycleStatus;
  journalEntryId: string | null;
  processorEventId: string | null;
  detail: Record<string, string | number | null>;
  actorUserId: string | null;
}

/** Appends one step to a payment's timeline (append-only). */
export async function appendTimeline(
  trx: Db,
  input: {
    orgId: string;
    paymentId: string;
    from: PaymentLifecycleStatus | null;
    to: PaymentLifecycleStatus;
    journalEntryId?: string | null;
    processorEventId?: string | null;
    detail?: Record<string, string | number | null>;
    actorUserId?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('payment_timeline')
    .values({
      org_id: input.orgId,
      id: newId(),
      payment_id: input.paymentId,
      from_status: input.from,
      to_status: input.to,
      journal_entry_id: input.journalEntryId ?? null,
      processor_event_id: input.processorEventId ?? null,
      detail: JSON.stringify(input.detail ?? {}),
      actor_user_id: input.actorUserId ?? null,
    })
    .execute();
}

export async function findTimeline(
  db: Db,
  input: { orgId: string; paymentId: string },
): Promise<TimelineStep[]> {
  const rows = await db
    .selectFrom('payment_timeline')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.created_at,
    fromStatus: r.from_status,
    status: r.to_status,
    journalEntryId: r.journal_entry_id,
    processorEventId: r.processor_event_id,
    detail: r.detail,
    actorUserId: r.actor_user_id,
  }));
}

/**
 * Records a processor event before it takes effect; false when it was already recorded (a
 * redelivery), in which case the caller does nothing. ON CONFLICT DO NOTHING, so a duplicate
 * never aborts the caller's transaction.
 */
export async function recordProcessorEvent(
  trx: Db,
  input: {
    orgId: string;
    processor: 'sandbox' | 'stripe';
    eventId: string;
    type: string;
    occurredAt: Date;
    paymentId: string | null;
    outcome: 'applied' | 'ignored' | 'stale' | 'unknown_payment';
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('processor_events')
    .values({
      org_id: input.orgId,
      processor: input.processor,
      event_id: input.eventId,
      type: input.type,
      occurred_at: input.occurredAt,
      payment_id: input.paymentId,
      outcome: input.outcome,
    })
    .onConflict((oc) => oc.columns(['org_id', 'processor', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function setProcessorEventOutcome(
  trx: Db,
  input: {
    orgId: string;
    processor: 'sandbox' | 'stripe';
    eventId: string;
    paymentId: string | null;
    outcome: 'applied' | 'ignored' | 'stale' | 'unknown_payment';
  },
): Promise<void> {
  await trx
    .updateTable('processor_events')
    .set({ outcome: input.outcome, payment_id: input.paymentId })
    .where('org_id', '=', input.orgId)
    .where('processor', '=', input.processor)
    .where('event_id', '=', input.eventId)
    .execute();
}

/** Online payments still in flight at the processor and older than `olderThan`: what reconciliation asks about. */
export async function findStalePayments(
  db: Db,
  input: { orgId?: string; olderThan: Date; limit: number },
): Promise<{ orgId: string; id: string }[]> {
  let query = db
    .selectFrom('payments')
    .select(['org_id', 'id'])
    .where('status', 'in', ['initiated', 'processing'])
    .where('updated_at', '<', input.olderThan);
  if (input.orgId) query = query.where('org_id', '=', input.orgId);
  const rows = await query.orderBy('updated_at').limit(input.limit).execute();
  return rows.map((r) => ({ orgId: r.org_id, id: r.id }));
}

/** The saved method a payment was charged to (saved while paying). */
export async function setPaymentMethod(
  trx: Db,
  input: { orgId: string; paymentId: string; methodId: string },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({ payment_method_id: input.methodId })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .execute();
}

/** What a payment was paid with, as the processor describes it (brand, bank, last four). */
export async function setPaymentMethodDetails(
  trx: Db,
  input: { orgId: string; paymentId: string; brand: string | null; last4: string; bankName: string | null },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({
      method_brand: input.brand?.slice(0, 40) ?? null,
      method_last4: /^[0-9]{4}$/.test(input.last4) ? input.last4 : null,
      method_bank_name: input.bankName?.slice(0, 200) ?? null,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .execute();
}
