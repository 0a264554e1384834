import type { Database } from '../../../db/client.ts';
import { loadPaymentSettings } from '../../payments/payment-settings.repository.ts';
import { type ExportSummary, listExports } from './erp-confirmations.repository.ts';
import {
  type ErpSyncSettings,
  type ErpSyncState,
  loadErpSyncSettings,
} from './erp-sync-settings.repository.ts';

export interface LastImport {
  id: string;
  kind: string;
  channel: string;
  status: string;
  fileName: string;
  errorCount: number;
  failureCode: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ErpSyncOverview {
  settings: ErpSyncSettings;
  /** Card and ACH accounts, kept in payment settings (shown here, edited there). */
  onlineErpAccounts: { card: string | null; ach: string | null };
  lastError: ErpSyncState['lastError'];
  lastExport: ExportSummary | null;
  lastImport: LastImport | null;
  /** The seller's slug, which names its drop folder. */
  orgSlug: string;
}

/** The sync settings page: the settings, the card/ACH accounts, the last export and the last import. */
export async function getErpSyncSettings(
  deps: { db: Database },
  input: { orgId: string },
): Promise<ErpSyncOverview> {
  const { db } = deps;
  const [settings, payments, last, lastImport, org] = await Promise.all([
    loadErpSyncSettings(db, input.orgId),
    loadPaymentSettings(db, input.orgId),
    listExports(db, { orgId: input.orgId, page: 1, pageSize: 1 }),
    db
      .selectFrom('import_runs')
      .select([
        'id',
        'kind',
        'channel',
        'status',
        'file_name',
        'error_count',
        'failure_code',
        'created_at',
        'finished_at',
      ])
      .where('org_id', '=', input.orgId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('organizations').select('slug').where('id', '=', input.orgId).executeTakeFirstOrThrow(),
  ]);
  const { lastError, ...rest } = settings;
  return {
    settings: rest,
    onlineErpAccounts: payments.erpAccounts,
    lastError,
    lastExport: last.exports[0] ?? null,
    lastImport: lastImport
      ? {
          id: lastImport.id,
          kind: lastImport.kind,
          channel: lastImport.channel,
          status: lastImport.status,
          fileName: lastImport.file_name,
          errorCount: lastImport.error_count,
          failureCode: lastImport.failure_code,
          createdAt: lastImport.created_at,
          finishedAt: lastImport.finished_at,
        }
      : null,
    orgSlug: org.slug,
  };
}
