import type { Database } from '../../db/client.ts';
import { isUuid } from '../shared/ids.ts';

export interface RefundView {
  id: string;
  amount: bigint;
  status: 'initiated' | 'pending' | 'succeeded' | 'failed';
  reason: string | null;
  failureCode: string | null;
  createdAt: Date;
}

export interface PaymentRefunds {
  refunds: RefundView[];
  /**
   * What may still be refunded: amount − refunded − refunds the processor has not answered yet; 0 unless the payment
   * is a completed online one (the same rule refundPayment checks under its lock).
   */
  refundable: bigint;
}

/** A payment's refunds, oldest first, and what is left to refund. Undefined when there is no such payment. */
export async function listRefunds(
  deps: { db: Database },
  input: { orgId: string; paymentId: string },
): Promise<PaymentRefunds | undefined> {
  if (!isUuid(input.paymentId)) return undefined;
  const payment = await deps.db
    .selectFrom('payments')
    .select(['amount', 'refunded_amount', 'status', 'processor', 'processor_payment_id'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .executeTakeFirst();
  if (!payment) return undefined;
  const rows = await deps.db
    .selectFrom('payment_refunds')
    .select(['id', 'amount', 'status', 'reason', 'failure_code', 'created_at'])
    .where('org_id', '=', input.orgId)
    .where('payment_id', '=', input.paymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // A pending refund already moved the money (refunded_amount counts it); an initiated one waits
  // for the processor's answer.
  const inFlight = rows.filter((r) => r.status === 'initiated').reduce((sum, r) => sum + r.amount, 0n);
  const online =
    payment.status === 'completed' && payment.processor !== null && payment.processor_payment_id !== null;
  const left = payment.amount - payment.refunded_amount - inFlight;
  return {
    refunds: rows.map((r) => ({
      id: r.id,
      amount: r.amount,
      status: r.status,
      reason: r.reason,
      failureCode: r.failure_code,
      createdAt: r.created_at,
    })),
    refundable: online && left > 0n ? left : 0n,
  };
}
