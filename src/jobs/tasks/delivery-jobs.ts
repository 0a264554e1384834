import type { TaskList } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import { SEND_E_INVOICE_TASK } from '../../domain/delivery/deliver-document.ts';
import { DELIVER_NEW_TASK, deliverNewDocuments } from '../../domain/delivery/deliver-new-documents.ts';
import { type SendEInvoiceDeps, sendEInvoice } from '../../domain/delivery/send-e-invoice.ts';
import { sendWebhookRequest } from '../../domain/integration/webhooks/send-webhook-request.ts';
import { isLoopbackPublicUrl } from '../../domain/integration/webhooks/webhook-url.ts';
import type { Mailer } from '../../domain/mail/mail-port.ts';
import { eInvoiceWriters } from '../../formats/e-invoice-writers.ts';
import { creditMemoPdf } from '../../formats/pdf/credit-memo-pdf.ts';
import { invoicePdf } from '../../formats/pdf/invoice-pdf.ts';

export { DELIVER_NEW_TASK, SEND_E_INVOICE_TASK };

/**
 * `delivery.deliver-new` (every minute): the sellers' new invoices and credit memos, each to its
 * customer its way (domain/delivery/deliver-new-documents.ts). Needs the outbox and Saldo's address.
 */
export function deliverNewTask(deps: {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  ediOutboundRoot: string;
}): TaskList {
  return {
    [DELIVER_NEW_TASK]: async (_payload, helpers) => {
      const { delivered, failed } = await deliverNewDocuments({
        db: deps.db,
        writers: eInvoiceWriters,
        ediOutboundRoot: deps.ediOutboundRoot,
        mail: { mailer: deps.mailer, publicUrl: deps.publicUrl, invoicePdf, creditMemoPdf },
      });
      if (delivered || failed)
        helpers.logger.info(`new documents: ${delivered} delivered, ${failed} could not be delivered`);
    },
  };
}

/**
 * `delivery.send-e-invoice`: one attempt to post a UBL delivery to its customer's AP endpoint
 * (domain/delivery/send-e-invoice.ts). The use case queues the next attempt itself on its schedule
 * and reports the last as failed; the job fails (graphile-worker retries it) only when the database
 * did not answer.
 */
export function deliveryTasks(deps: {
  db: Database;
  secretKey: Buffer;
  publicUrl?: string | undefined;
  send?: SendEInvoiceDeps['send'];
}): TaskList {
  const full: SendEInvoiceDeps = {
    db: deps.db,
    secretKey: deps.secretKey,
    policy: { allowLoopback: isLoopbackPublicUrl(deps.publicUrl) },
    send: deps.send ?? sendWebhookRequest,
  };
  return {
    [SEND_E_INVOICE_TASK]: async (payload, helpers) => {
      const { orgId, deliveryId } = (payload ?? {}) as { orgId?: unknown; deliveryId?: unknown };
      if (
        typeof orgId !== 'string' ||
        !isUuid(orgId) ||
        typeof deliveryId !== 'string' ||
        !isUuid(deliveryId)
      ) {
        helpers.logger.error(`${SEND_E_INVOICE_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
        return;
      }
      const result = await sendEInvoice(full, { orgId, deliveryId });
      if (result.outcome === 'retrying' || result.outcome === 'failed')
        helpers.logger.info(
          `e-invoice ${deliveryId} attempt ${result.attempt}: ${result.error} (${result.outcome})`,
        );
    },
  };
}
