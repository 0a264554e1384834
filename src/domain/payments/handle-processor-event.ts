import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import { capturePayment } from './capture-payment.ts';
import { failPayment } from './fail-payment.ts';
import type { GatewayEvent, ProcessorName } from './payment-gateway.ts';
import { assertTransition } from './payment-lifecycle.ts';
import {
  appendTimeline,
  lockOnlinePayment,
  recordProcessorEvent,
  setProcessorEventOutcome,
  updateOnlinePayment,
} from './payments.repository.ts';
import { recordRefundFailure } from './record-refund-failure.ts';
import { returnPayment } from './return-payment.ts';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'stale' | 'unknown_payment';

/**
 * One verified processor event, in one transaction: the event id is recorded first (unique per
 * seller and processor), so a redelivery does nothing (`duplicate`); then the payment it names
 * takes the step the event means. Out-of-order and late events are tolerated: a step the
 * payment's life does not allow from where it is (a "succeeded" after it completed, a "failed"
 * after it settled) changes nothing and is recorded as `stale`. The caller has verified the event
 * for an existing seller (`Gateways.forWebhook`).
 */
export function handleProcessorEvent(
  deps: { db: Database },
  input: { orgId: string; processor: ProcessorName; event: GatewayEvent },
): Promise<EventOutcome> {
  const { event, orgId, processor } = input;
  return inTransaction(deps.db, async (trx) => {
    const fresh = await recordProcessorEvent(trx, {
      orgId,
      processor,
      eventId: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      paymentId: null,
      outcome: 'ignored',
    });
    if (!fresh) return 'duplicate';
    if (!('processorPaymentId' in event)) return 'ignored';
    const payment = await lockOnlinePayment(trx, {
      orgId,
      paymentId: event.paymentId,
      processor,
      processorPaymentId: event.processorPaymentId,
    });
    if (!payment) {
      await setProcessorEventOutcome(trx, {
        orgId,
        processor,
        eventId: event.id,
        paymentId: null,
        outcome: 'unknown_payment',
      });
      return 'unknown_payment';
    }
    const step = { db: trx };
    const common = { orgId, paymentId: payment.id, eventId: event.id };
    let outcome: 'applied' | 'stale' | 'ignored';
    try {
      switch (event.type) {
        case 'charge.succeeded':
        case 'charge.settled':
          outcome = await capturePayment(step, { ...common, processorPaymentId: event.processorPaymentId });
          break;
        case 'charge.failed':
          outcome = await failPayment(step, { ...common, failure: event.failure });
          break;
        case 'charge.returned':
          outcome = await returnPayment(step, { ...common, returnCode: event.returnCode });
          break;
        case 'dispute.opened':
          outcome = await moveDispute(trx, payment, 'disputed', event.id, { reason: event.reason });
          break;
        case 'dispute.closed':
          outcome =
            event.outcome === 'lost'
              ? await returnPayment(step, { ...common, returnCode: 'dispute_lost' })
              : await moveDispute(trx, payment, 'completed', event.id, { outcome: event.outcome ?? 'won' });
          break;
        case 'refund.failed':
          // A refund the processor had accepted came back: its money returns to the payment.
          outcome = await recordRefundFailure(step, {
            ...common,
            processorRefundId: event.processorRefundId,
          });
          break;
        default:
          // refund.succeeded: the refund's own step (refundPayment) already moved the money.
          outcome = 'ignored';
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'payment_state_conflict') throw error;
      outcome = 'stale';
    }
    await setProcessorEventOutcome(trx, {
      orgId,
      processor,
      eventId: event.id,
      paymentId: payment.id,
      outcome,
    });
    return outcome;
  });

  async function moveDispute(
    trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
    payment: { id: string; status: Parameters<typeof assertTransition>[0] },
    to: 'disputed' | 'completed',
    eventId: string,
    detail: Record<string, string>,
  ): Promise<'applied' | 'stale'> {
    if (payment.status === to) return 'stale';
    assertTransition(payment.status, to);
    await updateOnlinePayment(trx, { orgId, paymentId: payment.id, status: to });
    await appendTimeline(trx, {
      orgId,
      paymentId: payment.id,
      from: payment.status,
      to,
      processorEventId: eventId,
      detail,
    });
    return 'applied';
  }
}
