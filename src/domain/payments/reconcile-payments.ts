import type { Database } from '../../db/client.ts';
import type { StepOutcome } from './capture-payment.ts';
import { failPayment } from './fail-payment.ts';
import { markProcessing } from './mark-processing.ts';
import { chargeKey } from './pay-online.ts';
import { type Gateways, GatewayUnavailableError } from './payment-gateway.ts';
import { findStalePayments, lockOnlinePayment } from './payments.repository.ts';
import { recordChargeResult } from './record-charge-result.ts';

/**
 * Settles online payments left in doubt — `initiated` or `processing` for longer than
 * `olderThanMinutes` (a timeout, a crash between storing the payment and hearing back) — by
 * asking the processor under the payment's own idempotency key: what it answers becomes the
 * payment's next step. A charge the processor does not know is failed (its invoices are payable
 * again) only once it is older than `giveUpAfterMinutes` (default 60): a processor's search can
 * lag behind its writes (Stripe's, by up to a minute), so a fresh "not found" is no proof. A
 * processor still unreachable leaves the payment for the next run. Returns how many it settled.
 */
export async function reconcilePayments(
  deps: { db: Database; gateways: Gateways },
  input: {
    now: Date;
    olderThanMinutes?: number;
    giveUpAfterMinutes?: number;
    limit?: number;
    orgId?: string;
  },
): Promise<{ settled: number; left: number }> {
  const olderThan = new Date(input.now.getTime() - (input.olderThanMinutes ?? 10) * 60_000);
  const stale = await findStalePayments(deps.db, {
    olderThan,
    limit: input.limit ?? 100,
    ...(input.orgId ? { orgId: input.orgId } : {}),
  });
  const giveUpBefore = input.now.getTime() - (input.giveUpAfterMinutes ?? 60) * 60_000;
  let settled = 0;
  let left = 0;
  for (const { orgId, id } of stale) {
    const payment = await lockOnlinePayment(deps.db, { orgId, paymentId: id });
    if (!payment || (payment.status !== 'initiated' && payment.status !== 'processing')) continue;
    let outcome: StepOutcome;
    try {
      const gateway = await deps.gateways.forSeller(orgId);
      const result = await gateway.retrieveCharge({
        processorPaymentId: payment.processorPaymentId,
        idempotencyKey: chargeKey(id),
      });
      if (result === null) {
        if (payment.updatedAt.getTime() > giveUpBefore) {
          left++;
          continue;
        }
        await markProcessing(deps, { orgId, paymentId: id });
        outcome = await failPayment(deps, {
          orgId,
          paymentId: id,
          failure: { code: 'processing_error', processorMessage: 'the processor never received the charge' },
        });
      } else {
        outcome = await recordChargeResult(deps, { orgId, paymentId: id, result });
      }
      // A run (or the charge's webhook) that got there first took the step: not counted twice.
      if (outcome === 'applied') settled++;
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError)) throw error;
      left++;
    }
  }
  return { settled, left };
}
