import type { Database } from '../../../db/client.ts';
import type { WebhookDeliveryStatus } from '../../../db/schema.ts';
import { AppError } from '../../errors.ts';
import {
  type DeliveryAttempt,
  type DeliverySummary,
  findDeliveries,
  findDelivery,
  listEndpoints,
  type WebhookEndpoint,
} from './webhooks.repository.ts';

/** The seller's endpoints, oldest first. */
export function listWebhookEndpoints(
  deps: { db: Database },
  input: { orgId: string },
): Promise<WebhookEndpoint[]> {
  return listEndpoints(deps.db, input);
}

/** The delivery log, newest first, filtered by endpoint, status, event type or event. */
export function listWebhookDeliveries(
  deps: { db: Database },
  input: {
    orgId: string;
    endpointId?: string | undefined;
    status?: WebhookDeliveryStatus | undefined;
    eventType?: string | undefined;
    eventId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: DeliverySummary[]; total: number }> {
  return findDeliveries(deps.db, {
    ...input,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
}

/** One delivery: the body it sends and every attempt, newest first. */
export async function getWebhookDelivery(
  deps: { db: Database },
  input: { orgId: string; deliveryId: string },
): Promise<DeliverySummary & { body: string; attemptsLog: DeliveryAttempt[] }> {
  const delivery = await findDelivery(deps.db, input);
  if (!delivery) throw new AppError('not_found');
  return delivery;
}
