import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/client.ts';
import type { DB, Locale } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { RenderedExport } from './confirmation-document.ts';
import { claimExportMail, type ExportSummary, findExport } from './erp-confirmations.repository.ts';
import { loadErpSyncSettings } from './erp-sync-settings.repository.ts';

export interface ErpExportMail {
  orgId: string;
  to: string;
  locale: Locale;
  export: ExportSummary;
  file: RenderedExport;
}

/**
 * The port the export's e-mail goes out through: it writes the message with the file attached to
 * the outbox and queues its delivery, in the caller's transaction.
 */
export interface ErpExportMailer {
  enqueue(db: Kysely<DB> | Transaction<DB>, mail: ErpExportMail): Promise<{ id: string }>;
}

/**
 * Mails an export (manual marking) to the seller's recipients, in the seller's language, once:
 * the export's `mailed_at` is claimed in the transaction that writes the messages.
 */
export async function sendExportMail(
  deps: { db: Database; mailer: ErpExportMailer },
  input: { orgId: string; exportId: string },
): Promise<{ sent: number }> {
  const found = await findExport(deps.db, input);
  if (!found) return { sent: 0 };
  const { file, ...summary } = found;
  return inTransaction(deps.db, async (trx) => {
    if (!(await claimExportMail(trx, input))) return { sent: 0 };
    const [settings, org] = await Promise.all([
      loadErpSyncSettings(trx, input.orgId),
      trx
        .selectFrom('organizations')
        .select('locale')
        .where('id', '=', input.orgId)
        .executeTakeFirstOrThrow(),
    ]);
    for (const to of settings.recipients)
      await deps.mailer.enqueue(trx, { orgId: input.orgId, to, locale: org.locale, export: summary, file });
    return { sent: settings.recipients.length };
  });
}
