import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import type { StepOutcome } from './capture-payment.ts';
import type { ChargeFailure } from './payment-gateway.ts';
import { assertTransition } from './payment-lifecycle.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';
import { releaseIntended } from './release-intended.ts';

/**
 * The charge did not go through (declined, or an ACH debit that failed before it settled): the
 * payment becomes failed with the reason, and its invoices' pending amounts are released, so
 * they are payable again. Nothing was posted, so nothing is reversed. Idempotent (`stale`).
 */
export function failPayment(
  deps: { db: Database },
  input: {
    orgId: string;
    paymentId: string;
    failure: Pick<ChargeFailure, 'code' | 'processorMessage'>;
    processorPaymentId?: string | null;
    eventId?: string | null;
    actor?: Actor;
  },
): Promise<StepOutcome> {
  const actor = input.actor ?? systemActor;
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status === 'failed') return 'stale';
    assertTransition(payment.status, 'failed');
    await releaseIntended(trx, { orgId: input.orgId, paymentId: payment.id });
    await updateOnlinePayment(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      status: 'failed',
      failureCode: input.failure.code,
      failureMessage: input.failure.processorMessage?.slice(0, 500) ?? null,
      ...(input.processorPaymentId ? { processorPaymentId: input.processorPaymentId } : {}),
    });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: payment.status,
      to: 'failed',
      processorEventId: input.eventId ?? null,
      detail: { code: input.failure.code },
      actorUserId: actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'payment.failed',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: payment.status },
      after: { status: 'failed', code: input.failure.code },
    });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'payment.failed',
      data: {
        paymentId: payment.id,
        number: payment.number,
        customerId: payment.customerId,
        amount: payment.amount,
        currency: payment.currency,
        method: payment.method,
        source: payment.source,
        failureCode: input.failure.code,
      },
    });
    return 'applied';
  });
}
