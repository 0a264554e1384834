import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { openSecret } from '../../shared/sealed-secrets.ts';
import {
  WEBHOOK_DELIVER_TASK,
  type WebhookDeliverPayload,
  webhookDeliveryJobKey,
} from './record-integration-event.ts';
import type { WebhookSender } from './send-webhook-request.ts';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.ts';
import {
  checkUrlShape,
  type HostLookup,
  resolveDeliveryAddress,
  systemLookup,
  WebhookAddressRefused,
  type WebhookUrlPolicy,
} from './webhook-url.ts';
import {
  claimDelivery,
  insertAttempt,
  isDeliveryClaimed,
  settleDelivery,
  stopDelivery,
} from './webhooks.repository.ts';

/**
 * After the first attempt fails, the waits before each next one: 1 min, 5 min, 30 min, 2 h, 6 h,
 * 12 h, then 24 h twice — nine attempts over about three days; after the ninth the delivery is failed
 * (staff may still redeliver it).
 */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 21_600, 43_200, 86_400, 86_400] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Longer than a request may take, so a live worker never loses its claim mid-send. */
const CLAIM_SECONDS = 60;
export const USER_AGENT = 'Saldo-Webhooks/1';

/** Another worker is sending this delivery now: the job is retried later, not dropped. */
export class DeliveryBusy extends Error {
  constructor(deliveryId: string) {
    super(`webhook delivery ${deliveryId} is being sent by another worker`);
    this.name = 'DeliveryBusy';
  }
}

export interface DeliverWebhookDeps {
  db: Database;
  /** The instance key the endpoints' secrets are sealed under. */
  secretKey: Buffer;
  policy: WebhookUrlPolicy;
  send: WebhookSender;
  lookup?: HostLookup;
  now?: () => Date;
}

class SecretUnreadable extends Error {}

function openSealed(key: Buffer, orgId: string, sealed: string): string {
  try {
    return openSecret(key, orgId, sealed);
  } catch {
    throw new SecretUnreadable('the signing secret could not be opened with this instance key');
  }
}

export type DeliveryOutcome =
  | { outcome: 'delivered'; attempt: number; statusCode: number }
  | {
      outcome: 'retrying';
      attempt: number;
      nextAttemptAt: Date;
      statusCode: number | null;
      error: string | null;
    }
  | { outcome: 'failed'; attempt: number; statusCode: number | null; error: string | null }
  | { outcome: 'skipped' };

/**
 * Sends one delivery: claims it (a delivery already delivered, failed or being sent by another worker
 * is not sent), checks where its URL points now, signs the stored body with the endpoint's secret (and
 * the previous one while a roll lasts), POSTs it, and logs the attempt — time, status, duration, the
 * first 2 KB of the answer or the error. A 2xx is delivered; anything else schedules the next attempt
 * (RETRY_DELAYS_SECONDS) with its job in the same transaction as the log, or fails it after the last.
 * The secret is opened only here, for the signature, and never logged.
 */
export async function deliverWebhook(
  deps: DeliverWebhookDeps,
  input: WebhookDeliverPayload,
): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  const claimed = await claimDelivery(deps.db, {
    orgId: input.orgId,
    deliveryId: input.deliveryId,
    leaseSeconds: CLAIM_SECONDS,
  });
  if (!claimed) {
    if (await isDeliveryClaimed(deps.db, input)) throw new DeliveryBusy(input.deliveryId);
    return { outcome: 'skipped' };
  }
  if (!claimed.enabled) {
    await stopDelivery(deps.db, input);
    return { outcome: 'skipped' };
  }
  const attempt = claimed.attempts + 1;
  const startedAt = now();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'Saldo-Event-Id': claimed.eventId,
    'Saldo-Delivery-Attempt': String(attempt),
  };
  let statusCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  const started = performance.now();
  try {
    // A secret that does not open (the instance key was replaced) is this attempt's error, never its text.
    const secrets = [openSealed(deps.secretKey, input.orgId, claimed.secretSealed)];
    if (
      claimed.previousSecretSealed &&
      claimed.previousSecretExpiresAt &&
      claimed.previousSecretExpiresAt.getTime() > startedAt.getTime()
    )
      secrets.push(openSealed(deps.secretKey, input.orgId, claimed.previousSecretSealed));
    headers[SIGNATURE_HEADER] = signatureHeader(secrets, timestamp, claimed.body);
    const url = checkUrlShape(claimed.url, deps.policy);
    const target = await resolveDeliveryAddress(url, deps.policy, deps.lookup ?? systemLookup);
    const response = await deps.send({
      url,
      ...target,
      headers,
      body: claimed.body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    });
    statusCode = response.statusCode;
    responseBody = response.body;
  } catch (err) {
    error =
      err instanceof WebhookAddressRefused
        ? `address refused: ${err.reason}`
        : (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
  const durationMs = Math.max(0, Math.round(performance.now() - started));
  const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const finishedAt = now();
  const nextAttemptAt =
    !delivered && attempt < MAX_ATTEMPTS
      ? new Date(finishedAt.getTime() + RETRY_DELAYS_SECONDS[attempt - 1]! * 1000)
      : null;
  const status = delivered ? 'delivered' : nextAttemptAt ? 'pending' : 'failed';
  await inTransaction(deps.db, async (trx) => {
    const settled = await settleDelivery(trx, {
      orgId: input.orgId,
      deliveryId: input.deliveryId,
      claimedUntil: claimed.claimedUntil,
      attempts: attempt,
      status,
      attemptedAt: startedAt,
      statusCode,
      nextAttemptAt,
    });
    // The claim ran out and another worker took the delivery: its attempt is the one logged.
    if (!settled) return;
    await insertAttempt(trx, {
      orgId: input.orgId,
      deliveryId: input.deliveryId,
      attempt,
      manual: input.manual === true,
      startedAt,
      durationMs,
      statusCode,
      requestHeaders: headers,
      responseBody,
      error,
    });
    if (nextAttemptAt) {
      const payload: WebhookDeliverPayload = { orgId: input.orgId, deliveryId: input.deliveryId };
      await addJob(trx, WEBHOOK_DELIVER_TASK, payload, {
        jobKey: webhookDeliveryJobKey(input.deliveryId),
        runAt: nextAttemptAt,
      });
    }
  });
  if (delivered) return { outcome: 'delivered', attempt, statusCode: statusCode! };
  if (nextAttemptAt) return { outcome: 'retrying', attempt, nextAttemptAt, statusCode, error };
  return { outcome: 'failed', attempt, statusCode, error };
}
