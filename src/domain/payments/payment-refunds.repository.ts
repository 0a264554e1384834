import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The data layer of a payment's refunds (`payment_refunds`, migration 0006) and what refunding
 * reads of the payment's applications. Plain functions over a pool or a transaction: the caller
 * owns the transaction (and locked the payment first).
 */
type Db = Kysely<DB> | Transaction<DB>;

export type RefundStatus = 'initiated' | 'succeeded' | 'pending' | 'failed';

/** The refund started under an idempotency key, with what a replay compares and answers. */
export function findRefundByIdempotencyKey(db: Db, input: { orgId: string; idempotencyKey: string }) {
  return db
    .selectFrom('payment_refunds')
    .select(['id', 'status', 'amount', 'payment_id'])
    .where('org_id', '=', input.orgId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
}

/**
 * What a payment's refunds the processor has not answered yet add up to. A pending one is not
 * counted: it already moved the money (refunded_amount counts it).
 */
export async function sumRefundsInFlight(
  db: Db,
  input: { orgId: string; paymentId: string },
): Promise<bigint> {
  const row = await db
    .selectFrom('payment_refunds')
    .select(sql<bigint>`coalesce(sum(amount), 0)::int8`.as('sum'))
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .where('status', '=', 'initiated')
    .executeTakeFirstOrThrow();
  return row.sum;
}

/** Stores a refund as `initiated`, before the processor is asked. */
export async function insertRefund(
  db: Db,
  input: {
    orgId: string;
    id: string;
    paymentId: string;
    amount: bigint;
    reason: string | null;
    idempotencyKey: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('payment_refunds')
    .values({
      org_id: input.orgId,
      id: input.id,
      payment_id: input.paymentId,
      amount: input.amount,
      status: 'initiated',
      reason: input.reason,
      idempotency_key: input.idempotencyKey,
      created_by: input.createdBy,
    })
    .execute();
}

/** A refund's status as stored; the caller locked its payment. */
export async function findRefundStatus(
  db: Db,
  input: { orgId: string; refundId: string },
): Promise<RefundStatus> {
  const row = await db
    .selectFrom('payment_refunds')
    .select('status')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.refundId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** Locks a payment's refund by the processor's id for it (SELECT … FOR UPDATE). */
export function lockRefundByProcessorId(
  trx: Db,
  input: { orgId: string; paymentId: string; processorRefundId: string },
) {
  return trx
    .selectFrom('payment_refunds')
    .select(['id', 'amount', 'status', 'journal_entry_id'])
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .where('processor_refund_id', '=', input.processorRefundId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records what the processor answered for a refund (and the entry that moved its money). */
export async function updateRefund(
  db: Db,
  input: {
    orgId: string;
    refundId: string;
    status: Exclude<RefundStatus, 'initiated'>;
    processorRefundId?: string | null;
    failureCode?: string | null;
    journalEntryId?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('payment_refunds')
    // Kysely leaves out what is undefined: a column not given keeps what it holds.
    .set({
      status: input.status,
      processor_refund_id: input.processorRefundId,
      failure_code: input.failureCode,
      journal_entry_id: input.journalEntryId,
      updated_at: sql`now()`,
    })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.refundId)
    .execute();
}

/** A payment's live (not undone) applications, newest first: the order a refund undoes them in. */
export function findLiveApplicationsNewestFirst(
  db: Db,
  input: { orgId: string; paymentId: string },
): Promise<{ id: string; amount: bigint }[]> {
  return db
    .selectFrom('payment_applications')
    .select(['id', 'amount'])
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .where('unapplied_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
