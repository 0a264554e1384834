import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import {
  WEBHOOK_DELIVER_TASK,
  type WebhookDeliverPayload,
  webhookDeliveryJobKey,
} from './record-integration-event.ts';
import { requeueDelivery } from './webhooks.repository.ts';

/**
 * "Redeliver": one more attempt of the same delivery now — the same body and event id, a new
 * signature and attempt number. Its job takes the delivery's key, so a retry scheduled for later is
 * replaced by this one; if that attempt fails the usual schedule goes on from the attempts made.
 */
export function redeliverWebhook(
  deps: { db: Database },
  input: { orgId: string; deliveryId: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const before = await requeueDelivery(trx, {
      orgId: input.orgId,
      deliveryId: input.deliveryId,
      at: new Date(),
    });
    if (!before) throw new AppError('not_found');
    const payload: WebhookDeliverPayload = { orgId: input.orgId, deliveryId: input.deliveryId, manual: true };
    await addJob(trx, WEBHOOK_DELIVER_TASK, payload, { jobKey: webhookDeliveryJobKey(input.deliveryId) });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'webhook_delivery.redelivered',
      entityType: 'webhook_delivery',
      entityId: input.deliveryId,
      before: { status: before.status },
    });
  });
}
