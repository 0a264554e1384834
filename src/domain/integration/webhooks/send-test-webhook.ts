import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { storeEvent } from './record-integration-event.ts';
import { TEST_EVENT_TYPE } from './webhook-events.ts';
import { findEndpoint } from './webhooks.repository.ts';

/**
 * "Send test event": a `webhook.test` event delivered to this endpoint alone (enabled or not: it is
 * how staff check a receiver before turning it on), signed and logged like any other.
 */
export function sendTestWebhook(
  deps: { db: Database },
  input: { orgId: string; endpointId: string },
): Promise<{ eventId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const endpoint = await findEndpoint(trx, input);
    if (!endpoint) throw new AppError('not_found');
    const { eventId } = await storeEvent(trx, {
      orgId: input.orgId,
      type: TEST_EVENT_TYPE,
      data: { endpointId: endpoint.id, message: 'A test event from Saldo.' },
      endpointIds: [endpoint.id],
    });
    return { eventId };
  });
}
