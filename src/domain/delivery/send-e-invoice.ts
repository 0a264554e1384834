import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import type { WebhookSender } from '../integration/webhooks/send-webhook-request.ts';
import {
  checkUrlShape,
  type HostLookup,
  resolveDeliveryAddress,
  systemLookup,
  type WebhookUrlPolicy,
} from '../integration/webhooks/webhook-url.ts';
import { openSecret } from '../shared/sealed-secrets.ts';
import { deliveryAction, SEND_E_INVOICE_TASK } from './deliver-document.ts';
import { loadDeliveryPreference } from './delivery.repository.ts';

/** After a failed attempt, the wait before the next: 1 min, 5 min, 30 min, 2 h, 6 h; then failed. */
export const E_INVOICE_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];
export const E_INVOICE_MAX_ATTEMPTS = E_INVOICE_RETRY_DELAYS_MS.length + 1;

export interface SendEInvoiceDeps {
  db: Database;
  secretKey: Buffer;
  policy: WebhookUrlPolicy;
  send: WebhookSender;
  lookup?: HostLookup;
  timeoutMs?: number;
  now?: () => Date;
}

export type SendEInvoiceResult =
  | { outcome: 'delivered'; attempt: number; statusCode: number }
  | { outcome: 'retrying' | 'failed'; attempt: number; statusCode: number | null; error: string }
  | { outcome: 'skipped' };

/**
 * One attempt to post a UBL delivery to its customer's AP endpoint (the job's use case). The
 * delivery is claimed with a conditional update (still pending, attempts counted), the document
 * posted as `application/xml` with the endpoint's bearer secret, and the answer recorded: 2xx is
 * delivered; anything else is retried on the schedule above (the next job queued in the same
 * transaction as the recorded failure), and after the last attempt the delivery is `failed` — kept
 * with its document and last error, reported in the customer's activity and the deliveries list,
 * and sent again by `resendEInvoice`.
 */
export async function sendEInvoice(
  deps: SendEInvoiceDeps,
  input: { orgId: string; deliveryId: string },
): Promise<SendEInvoiceResult> {
  const now = deps.now?.() ?? new Date();
  const claimed = await deps.db
    .updateTable('document_deliveries')
    .set({ attempts: sql`attempts + 1`, last_attempt_at: now })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.deliveryId)
    .where('channel', '=', 'ubl')
    .where('status', '=', 'pending')
    .returning(['attempts', 'customer_id', 'document_type', 'document_id', 'content'])
    .executeTakeFirst();
  if (!claimed?.content) return { outcome: 'skipped' };
  const pref = await loadDeliveryPreference(deps.db, { orgId: input.orgId, customerId: claimed.customer_id });

  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    if (!pref.apEndpointUrl) throw new Error('the customer has no AP endpoint');
    const url = checkUrlShape(pref.apEndpointUrl, deps.policy);
    const target = await resolveDeliveryAddress(url, deps.policy, deps.lookup ?? systemLookup);
    const headers: Record<string, string> = {
      'Content-Type': 'application/xml; charset=utf-8',
      'User-Agent': 'Saldo-EInvoice/1',
      'X-Saldo-Delivery': input.deliveryId,
    };
    if (pref.apAuthSealed)
      headers.Authorization = `Bearer ${openSecret(deps.secretKey, input.orgId, pref.apAuthSealed)}`;
    const response = await deps.send({
      url,
      address: target.address,
      family: target.family,
      headers,
      body: claimed.content.toString('utf8'),
      timeoutMs: deps.timeoutMs ?? 15_000,
    });
    statusCode = response.statusCode;
    if (statusCode < 200 || statusCode > 299)
      error = `HTTP ${statusCode}${response.body ? `: ${response.body.slice(0, 300)}` : ''}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }

  const attempt = claimed.attempts;
  const type = claimed.document_type;
  return inTransaction(deps.db, async (trx) => {
    if (error === null) {
      await trx
        .updateTable('document_deliveries')
        .set({ status: 'delivered', delivered_at: now, last_error: null })
        .where('org_id', '=', input.orgId)
        .where('id', '=', input.deliveryId)
        .execute();
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: systemActor,
        action: deliveryAction(type, 'sent'),
        entityType: type,
        entityId: claimed.document_id,
        after: { deliveryId: input.deliveryId, channel: 'ubl', status: 'delivered', attempt, statusCode },
      });
      return { outcome: 'delivered', attempt, statusCode: statusCode ?? 200 } as const;
    }
    const delay = E_INVOICE_RETRY_DELAYS_MS[attempt - 1];
    const final = delay === undefined;
    await trx
      .updateTable('document_deliveries')
      .set({ status: final ? 'failed' : 'pending', last_error: error.slice(0, 2000) })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.deliveryId)
      .execute();
    if (final) {
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: systemActor,
        action: deliveryAction(type, 'failed'),
        entityType: type,
        entityId: claimed.document_id,
        after: {
          deliveryId: input.deliveryId,
          channel: 'ubl',
          status: 'failed',
          attempt,
          error: error.slice(0, 300),
        },
      });
    } else {
      await addJob(
        trx,
        SEND_E_INVOICE_TASK,
        { orgId: input.orgId, deliveryId: input.deliveryId },
        { jobKey: `e-invoice:${input.deliveryId}`, runAt: new Date(now.getTime() + delay) },
      );
    }
    return { outcome: final ? 'failed' : 'retrying', attempt, statusCode, error } as const;
  });
}

/** Sends a failed (or still pending) UBL delivery again now: the same document, a fresh set of attempts. */
export async function resendEInvoice(
  deps: { db: Database },
  input: { orgId: string; deliveryId: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await trx
      .selectFrom('document_deliveries')
      .select(['status', 'channel', 'document_type', 'document_id'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.deliveryId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    if (row.channel !== 'ubl' || row.status === 'delivered')
      throw new AppError('delivery_not_resendable', { status: row.status });
    await trx
      .updateTable('document_deliveries')
      .set({ status: 'pending', attempts: 0 })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.deliveryId)
      .execute();
    await addJob(
      trx,
      SEND_E_INVOICE_TASK,
      { orgId: input.orgId, deliveryId: input.deliveryId },
      { jobKey: `e-invoice:${input.deliveryId}` },
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: deliveryAction(row.document_type, 'queued'),
      entityType: row.document_type,
      entityId: row.document_id,
      after: { deliveryId: input.deliveryId, channel: 'ubl', status: 'pending', resent: true },
    });
  });
}
