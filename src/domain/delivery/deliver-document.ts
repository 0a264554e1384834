import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import type { DeliveryChannel } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';
import {
  type DocumentDelivery,
  findDelivery,
  insertDelivery,
  loadDeliveryPreference,
  takeControlNumbers,
} from './delivery.repository.ts';
import type { EInvoiceWriters } from './e-invoice-document.ts';
import { type EmailDeliveryDeps, type EmailedDocument, emailDocument } from './email-document.ts';
import { type DeliverableType, loadEInvoice } from './load-e-invoice.ts';

export const SEND_E_INVOICE_TASK = 'delivery.send-e-invoice';

export interface DeliverDocumentDeps {
  db: Database;
  writers: EInvoiceWriters;
  /** Where EDI files go: `<root>/<org slug>/` (config: `<dataDir>/edi-outbound`). */
  ediOutboundRoot: string;
  /** E-mail: the outbox, Saldo's address and the PDF writers (email-document.ts). */
  mail: EmailDeliveryDeps;
  now?: () => Date;
}

/** The audit action of a delivery event on its document ('invoice.delivery_queued'…): it shows in the customer's activity. */
export function deliveryAction(
  type: DeliverableType,
  event: 'queued' | 'sent' | 'failed' | 'printed',
): string {
  return `${type}.${event === 'printed' ? 'printed' : `delivery_${event}`}`;
}

/** Where every seller's EDI folder is: `<dataDir>/edi-outbound`. */
export function ediOutboundRootOf(dataDir: string): string {
  return path.join(dataDir, 'edi-outbound');
}

/** The seller's EDI outbound folder. */
export function ediOutboundFolder(root: string, orgSlug: string): string {
  return path.join(root, orgSlug.replace(/[^A-Za-z0-9._-]+/g, '_'));
}

/**
 * Delivers an invoice or credit memo the way its customer wants it (delivery_preferences):
 * - `ubl`: the UBL document is made now and kept on the delivery (so it is never lost), and a job
 *   posts it to the customer's AP endpoint (send-e-invoice.ts: retried, then reported failed and
 *   re-sendable);
 * - `edi`: the 810 is made with the seller's next control numbers (taken in this transaction) and
 *   written to the seller's outbound folder; it is also kept for downloading;
 * - `postal`: queued for the next print batch;
 * - `email` (and `ubl` by e-mail): the invoice or credit memo e-mail through the outbox, the PDF
 *   attached or a link only, the UBL document attached too for a UBL-by-e-mail customer
 *   (email-document.ts); the messages' delivery status shows in the customer's activity.
 * Each delivery is audited on its document, so the customer's activity shows it with its status.
 * `channel` overrides the preference (staff sending one document another way). The document's row
 * is locked and its `delivered_at` set in the same transaction; `onlyNew` (the automatic delivery of
 * new documents) answers null for a document delivered before, so a retried job sends nothing twice.
 */
export async function deliverDocument(
  deps: DeliverDocumentDeps,
  input: {
    orgId: string;
    type: DeliverableType;
    documentId: string;
    channel?: DeliveryChannel;
    onlyNew?: boolean;
    actor: Actor;
  },
): Promise<DocumentDelivery | EmailedDocument | null> {
  const now = deps.now?.() ?? new Date();
  return inTransaction(deps.db, async (trx) => {
    const table = input.type === 'invoice' ? 'invoices' : 'credit_memos';
    const locked = await trx
      .selectFrom(table)
      .select(['delivered_at', 'status', 'number'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.documentId)
      .forUpdate()
      .executeTakeFirst();
    if (input.onlyNew && locked?.delivered_at) return null;
    // A voided document is not sent (drafts are not documents yet: loadEInvoice answers not_found).
    if (locked?.status === 'void')
      throw input.type === 'invoice'
        ? new AppError('invoice_not_open', { number: locked.number, status: 'void' })
        : new AppError('credit_memo_void', { number: locked.number });
    const { doc, customerId } = await loadEInvoice(
      { db: trx },
      {
        orgId: input.orgId,
        type: input.type,
        id: input.documentId,
      },
    );
    const pref = await loadDeliveryPreference(trx, { orgId: input.orgId, customerId });
    const channel = input.channel ?? pref.channel;
    await trx
      .updateTable(table)
      .set({ delivered_at: now })
      .where('org_id', '=', input.orgId)
      .where('id', '=', doc.id)
      .where('delivered_at', 'is', null)
      .execute();
    if (channel === 'email' || (channel === 'ubl' && pref.ublVia === 'email')) {
      return emailDocument(deps.mail, trx, {
        orgId: input.orgId,
        type: input.type,
        documentId: doc.id,
        customerId,
        preference: pref,
        ubl:
          channel === 'ubl'
            ? { fileName: deps.writers.ublFileName(doc), content: deps.writers.ubl(doc) }
            : null,
        actor: input.actor,
      });
    }
    const id = newId();
    const base = {
      org_id: input.orgId,
      id,
      customer_id: customerId,
      document_type: input.type,
      document_id: doc.id,
      document_number: doc.number,
      created_by: input.actor.userId ?? null,
      last_error: null,
      last_attempt_at: null,
      delivered_at: null,
      control_number: null,
      print_batch_id: null,
      printed_at: null,
    } as const;
    if (channel === 'ubl') {
      if (!pref.apEndpointUrl)
        throw new AppError('delivery_setup_incomplete', { missing: 'AP endpoint' }, [
          { field: 'apEndpointUrl', code: 'required' },
        ]);
      await insertDelivery(trx, {
        ...base,
        channel: 'ubl',
        status: 'pending',
        file_name: deps.writers.ublFileName(doc),
        content_type: 'application/xml',
        content: deps.writers.ubl(doc),
      });
      await addJob(
        trx,
        SEND_E_INVOICE_TASK,
        { orgId: input.orgId, deliveryId: id },
        { jobKey: `e-invoice:${id}` },
      );
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: input.actor,
        action: deliveryAction(input.type, 'queued'),
        entityType: input.type,
        entityId: doc.id,
        after: { deliveryId: id, channel: 'ubl', status: 'pending' },
      });
    } else if (channel === 'edi') {
      if (!pref.edi)
        throw new AppError('delivery_setup_incomplete', { missing: 'EDI trading partner' }, [
          { field: 'edi', code: 'required' },
        ]);
      const numbers = await takeControlNumbers(trx, input.orgId);
      const content = deps.writers.x12810(doc, {
        ...pref.edi,
        interchangeControl: numbers.interchange,
        groupControl: numbers.group,
        transactionControl: numbers.transaction,
        at: now,
      });
      const fileName = deps.writers.x12FileName(doc, numbers.interchange);
      await insertDelivery(trx, {
        ...base,
        channel: 'edi',
        status: 'delivered',
        delivered_at: now,
        attempts: 1,
        last_attempt_at: now,
        file_name: fileName,
        content_type: 'application/edi-x12',
        content,
        control_number: BigInt(numbers.interchange),
      });
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: input.actor,
        action: deliveryAction(input.type, 'sent'),
        entityType: input.type,
        entityId: doc.id,
        after: {
          deliveryId: id,
          channel: 'edi',
          status: 'delivered',
          file: fileName,
          control: numbers.interchange,
        },
      });
      // Last, so that only the commit itself can fail after the file exists.
      const org = await trx
        .selectFrom('organizations')
        .select('slug')
        .where('id', '=', input.orgId)
        .executeTakeFirstOrThrow();
      const folder = ediOutboundFolder(deps.ediOutboundRoot, org.slug);
      mkdirSync(folder, { recursive: true });
      // Written beside and renamed into place: a VAN's pick-up never reads half a file.
      const temp = path.join(folder, `.${fileName}.${id}.tmp`);
      writeFileSync(temp, content);
      renameSync(temp, path.join(folder, fileName));
    } else {
      await insertDelivery(trx, {
        ...base,
        channel: 'postal',
        status: 'pending',
        file_name: null,
        content_type: null,
        content: null,
      });
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: input.actor,
        action: deliveryAction(input.type, 'queued'),
        entityType: input.type,
        entityId: doc.id,
        after: { deliveryId: id, channel: 'postal', status: 'pending' },
      });
    }
    return findDelivery(trx, { orgId: input.orgId, id });
  });
}
