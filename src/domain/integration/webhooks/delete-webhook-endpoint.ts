import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { deleteEndpointRow, lockEndpoint } from './webhooks.repository.ts';

/** Deletes an endpoint with its deliveries and their log; queued jobs for it then find nothing to send. */
export function deleteWebhookEndpoint(
  deps: { db: Database },
  input: { orgId: string; endpointId: string; actor: Actor },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const before = await lockEndpoint(trx, input);
    if (!before) throw new AppError('not_found');
    await deleteEndpointRow(trx, input);
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'webhook_endpoint.deleted',
      entityType: 'webhook_endpoint',
      entityId: input.endpointId,
      before: { url: before.url },
    });
  });
}
