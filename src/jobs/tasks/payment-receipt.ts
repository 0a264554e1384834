import type { Task } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../domain/mail/mail-port.ts';
import {
  type PaymentReceiptPayload,
  sendPaymentReceipt,
} from '../../domain/payments/send-payment-receipt.ts';

export interface PaymentReceiptTaskDeps {
  db: Database;
  mailer: Mailer;
  publicUrl?: string | undefined;
}

function payloadOf(payload: unknown): PaymentReceiptPayload | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { orgId, paymentId } = payload as { orgId?: unknown; paymentId?: unknown };
  return typeof orgId === 'string' && isUuid(orgId) && typeof paymentId === 'string' && isUuid(paymentId)
    ? { orgId, paymentId }
    : undefined;
}

/** Mails a completed payment's receipt (domain/payments/send-payment-receipt.ts); a rerun sends nothing more. */
export function paymentReceiptTask(deps: PaymentReceiptTaskDeps): Task {
  return async (payload, helpers) => {
    const input = payloadOf(payload);
    if (!input) {
      helpers.logger.error(`payment.receipt job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const { sent } = await sendPaymentReceipt(deps, input);
    if (sent) helpers.logger.info(`receipt of payment ${input.paymentId} queued to ${sent} recipient(s)`);
  };
}
