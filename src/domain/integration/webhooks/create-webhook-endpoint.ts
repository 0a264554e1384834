import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { newId } from '../../shared/ids.ts';
import { sealSecret } from '../../shared/sealed-secrets.ts';
import type { WebhookEventType } from './webhook-events.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { assertWebhookUrl, type HostLookup, type WebhookUrlPolicy } from './webhook-url.ts';
import { findEndpoint, insertEndpoint, type WebhookEndpoint } from './webhooks.repository.ts';

export interface WebhookEndpointDeps {
  db: Database;
  secretKey: Buffer;
  policy: WebhookUrlPolicy;
  lookup?: HostLookup;
}

/**
 * Adds an endpoint: its URL checked (https, a public address: webhook-url.ts), and a signing secret
 * made by Saldo, sealed at rest. The secret is in this answer and nowhere else, ever: staff copy it
 * into the ERP now, or roll a new one later.
 */
export async function createWebhookEndpoint(
  deps: WebhookEndpointDeps,
  input: {
    orgId: string;
    url: string;
    description?: string | undefined;
    /** Null or absent: every event type. */
    eventTypes?: WebhookEventType[] | null | undefined;
    enabled?: boolean | undefined;
    actor: Actor;
  },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = await assertWebhookUrl(input.url, deps.policy, deps.lookup);
  const secret = newWebhookSecret();
  const id = newId();
  return inTransaction(deps.db, async (trx) => {
    await insertEndpoint(trx, {
      orgId: input.orgId,
      id,
      url,
      description: input.description?.trim() ?? '',
      eventTypes: input.eventTypes?.length ? [...new Set(input.eventTypes)] : null,
      enabled: input.enabled ?? true,
      secretSealed: sealSecret(deps.secretKey, input.orgId, secret),
      secretLast4: secret.slice(-4),
      createdBy: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'webhook_endpoint.created',
      entityType: 'webhook_endpoint',
      entityId: id,
      after: { url, eventTypes: input.eventTypes ?? null },
    });
    const endpoint = await findEndpoint(trx, { orgId: input.orgId, endpointId: id });
    return { endpoint: endpoint!, secret };
  });
}
