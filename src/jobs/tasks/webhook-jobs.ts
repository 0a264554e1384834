import type { Task, TaskList } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import {
  type DeliverWebhookDeps,
  deliverWebhook,
} from '../../domain/integration/webhooks/deliver-webhook.ts';
import {
  WEBHOOK_DELIVER_TASK,
  type WebhookDeliverPayload,
} from '../../domain/integration/webhooks/record-integration-event.ts';
import { sendWebhookRequest } from '../../domain/integration/webhooks/send-webhook-request.ts';
import { isLoopbackPublicUrl } from '../../domain/integration/webhooks/webhook-url.ts';

export { WEBHOOK_DELIVER_TASK };

export type WebhookTaskDeps = Pick<DeliverWebhookDeps, 'db' | 'secretKey'> &
  Partial<Omit<DeliverWebhookDeps, 'db' | 'secretKey'>>;

/** The worker's deps for webhooks: loopback receivers only when Saldo itself runs on localhost. */
export function webhookTaskDeps(deps: {
  db: Database;
  secretKey: Buffer;
  publicUrl?: string | undefined;
}): WebhookTaskDeps {
  return {
    db: deps.db,
    secretKey: deps.secretKey,
    policy: { allowLoopback: isLoopbackPublicUrl(deps.publicUrl) },
  };
}

function payloadOf(payload: unknown): WebhookDeliverPayload | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { orgId, deliveryId, manual } = payload as {
    orgId?: unknown;
    deliveryId?: unknown;
    manual?: unknown;
  };
  if (typeof orgId !== 'string' || !isUuid(orgId) || typeof deliveryId !== 'string' || !isUuid(deliveryId))
    return undefined;
  return { orgId, deliveryId, ...(manual === true ? { manual: true } : {}) };
}

/**
 * Sends one webhook delivery (domain/integration/webhooks/deliver-webhook.ts). Retries follow the
 * delivery's own schedule, queued by the use case; the job fails (and graphile-worker retries it) only
 * when another worker holds the delivery or the database did not answer.
 */
export function webhookDeliverTask(deps: WebhookTaskDeps): Task {
  const full: DeliverWebhookDeps = {
    policy: { allowLoopback: false },
    send: sendWebhookRequest,
    ...deps,
  };
  return async (payload, helpers) => {
    const input = payloadOf(payload);
    if (!input) {
      helpers.logger.error(`webhook.deliver job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const result = await deliverWebhook(full, input);
    if (result.outcome === 'retrying' || result.outcome === 'failed')
      helpers.logger.info(
        `webhook delivery ${input.deliveryId} attempt ${result.attempt}: ${result.statusCode ?? result.error} (${result.outcome})`,
      );
  };
}

export function webhookTasks(deps: WebhookTaskDeps): TaskList {
  return { [WEBHOOK_DELIVER_TASK]: webhookDeliverTask(deps) };
}
