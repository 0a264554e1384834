import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { type DeliverDocumentDeps, deliverDocument } from './deliver-document.ts';
import type { DeliverableType } from './load-e-invoice.ts';

/** Every minute: each seller's new invoices and credit memos go to their customers, each its way. */
export const DELIVER_NEW_TASK = 'delivery.deliver-new';

const PAGE = 100;
/** A run's bound: a big import is delivered over several runs, a minute apart. */
const MAX_PER_RUN = 2_000;

/**
 * Delivers the documents posted since the seller turned on "deliver new documents"
 * (delivery_settings.deliver_new_since) that Saldo has not delivered yet, oldest first, each in its
 * own transaction through deliverDocument (which locks the document and sets its `delivered_at`:
 * a retried or concurrent run skips it). A document that cannot go (no contact receives invoices,
 * an incomplete UBL or EDI set-up) is marked too and reported on its customer's activity
 * (`invoice.delivery_failed`, with the reason), so it is not tried again every minute: staff fix the
 * set-up and press "Deliver". A database failure throws and the job is retried.
 */
export async function deliverNewDocuments(
  deps: DeliverDocumentDeps,
): Promise<{ delivered: number; failed: number }> {
  const db = deps.db as Kysely<DB>;
  const sellers = await db
    .selectFrom('delivery_settings')
    .select(['org_id', 'deliver_new_since'])
    .where('deliver_new', '=', true)
    .where('deliver_new_since', 'is not', null)
    .execute();
  let delivered = 0;
  let failed = 0;
  for (const seller of sellers) {
    const since = seller.deliver_new_since!;
    const tried = new Set<string>();
    while (delivered + failed < MAX_PER_RUN) {
      const due = await db
        .selectFrom('invoices')
        .select(['id', sql<DeliverableType>`'invoice'`.as('type'), 'posted_at as at'])
        .where('org_id', '=', seller.org_id)
        .where('status', '=', 'open')
        .where('delivered_at', 'is', null)
        .where('posted_at', '>=', since)
        .unionAll(
          db
            .selectFrom('credit_memos')
            .select(['id', sql<DeliverableType>`'credit_memo'`.as('type'), 'created_at as at'])
            .where('org_id', '=', seller.org_id)
            .where('status', '=', 'open')
            .where('delivered_at', 'is', null)
            .where('created_at', '>=', since),
        )
        .orderBy('at')
        .limit(PAGE)
        .execute();
      const fresh = due.filter((d) => !tried.has(d.id));
      if (fresh.length === 0) break;
      for (const doc of fresh) {
        tried.add(doc.id);
        try {
          const done = await deliverDocument(deps, {
            orgId: seller.org_id,
            type: doc.type,
            documentId: doc.id,
            onlyNew: true,
            actor: systemActor,
          });
          if (done) delivered += 1;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          await reportUndeliverable(db, {
            orgId: seller.org_id,
            type: doc.type,
            id: doc.id,
            reason: err.code,
          });
          failed += 1;
        }
      }
    }
  }
  return { delivered, failed };
}

async function reportUndeliverable(
  db: Kysely<DB>,
  input: { orgId: string; type: DeliverableType; id: string; reason: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const table = input.type === 'invoice' ? 'invoices' : 'credit_memos';
    const marked = await trx
      .updateTable(table)
      .set({ delivered_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.id)
      .where('delivered_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!marked) return;
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: systemActor,
      action: `${input.type}.delivery_failed`,
      entityType: input.type,
      entityId: input.id,
      after: { automatic: true, reason: input.reason },
    });
  });
}
