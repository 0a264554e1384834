import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { sealSecret } from '../../shared/sealed-secrets.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import {
  findEndpoint,
  lockEndpoint,
  updateEndpointRow,
  type WebhookEndpoint,
} from './webhooks.repository.ts';

/**
 * Replaces an endpoint's signing secret with a new one, returned here only. For `overlapHours` (0 to 72,
 * default 24) deliveries are signed with both, so the ERP can switch to the new secret without
 * refusing what is in flight; 0 ends the old secret now (it leaked).
 */
export function rollWebhookSecret(
  deps: { db: Database; secretKey: Buffer },
  input: { orgId: string; endpointId: string; overlapHours?: number | undefined; actor: Actor },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const hours = input.overlapHours ?? 24;
  if (!Number.isInteger(hours) || hours < 0 || hours > 72)
    throw new AppError('validation_failed', {}, [
      { field: 'overlapHours', code: 'maximum', params: { limit: 72 } },
    ]);
  return inTransaction(deps.db, async (trx) => {
    const current = await lockEndpoint(trx, input);
    if (!current) throw new AppError('not_found');
    const secret = newWebhookSecret();
    await updateEndpointRow(trx, {
      orgId: input.orgId,
      endpointId: input.endpointId,
      set: {
        secretSealed: sealSecret(deps.secretKey, input.orgId, secret),
        secretLast4: secret.slice(-4),
        previousSecretSealed: hours > 0 ? current.secretSealed : null,
        previousSecretExpiresAt: hours > 0 ? new Date(Date.now() + hours * 3_600_000) : null,
      },
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'webhook_endpoint.secret_rolled',
      entityType: 'webhook_endpoint',
      entityId: input.endpointId,
      after: { overlapHours: hours },
    });
    return { endpoint: (await findEndpoint(trx, input))!, secret };
  });
}
