import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import type { WebhookEndpointDeps } from './create-webhook-endpoint.ts';
import type { WebhookEventType } from './webhook-events.ts';
import { assertWebhookUrl } from './webhook-url.ts';
import {
  findEndpoint,
  lockEndpoint,
  updateEndpointRow,
  type WebhookEndpoint,
} from './webhooks.repository.ts';

/**
 * Changes an endpoint's URL (checked again), description, event types or whether it is enabled.
 * Disabling stops what is queued for it: its pending deliveries are not sent (they can be redelivered
 * once it is enabled again).
 */
export async function updateWebhookEndpoint(
  deps: Omit<WebhookEndpointDeps, 'secretKey'>,
  input: {
    orgId: string;
    endpointId: string;
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: WebhookEventType[] | null | undefined;
    enabled?: boolean | undefined;
    actor: Actor;
  },
): Promise<WebhookEndpoint> {
  const url =
    input.url === undefined ? undefined : await assertWebhookUrl(input.url, deps.policy, deps.lookup);
  return inTransaction(deps.db, async (trx) => {
    const before = await lockEndpoint(trx, input);
    if (!before) throw new AppError('not_found');
    const eventTypes =
      input.eventTypes === undefined
        ? undefined
        : input.eventTypes?.length
          ? [...new Set(input.eventTypes)]
          : null;
    await updateEndpointRow(trx, {
      orgId: input.orgId,
      endpointId: input.endpointId,
      set: {
        ...(url !== undefined ? { url } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(eventTypes !== undefined ? { eventTypes } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'webhook_endpoint.updated',
      entityType: 'webhook_endpoint',
      entityId: input.endpointId,
      before: { url: before.url, eventTypes: before.eventTypes, enabled: before.enabled },
      after: {
        url: url ?? before.url,
        eventTypes: eventTypes === undefined ? before.eventTypes : eventTypes,
        enabled: input.enabled ?? before.enabled,
      },
    });
    return (await findEndpoint(trx, input))!;
  });
}
