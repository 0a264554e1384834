import type { Database } from '../../../db/client.ts';
import { systemActor } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import type { RenderConfirmations } from './confirmation-document.ts';
import {
  clearScheduledExportError,
  loadErpSyncSettings,
  recordScheduledExportError,
} from './erp-sync-settings.repository.ts';
import { exportPaymentConfirmations } from './export-payment-confirmations.ts';

/**
 * A scheduled export: CSV when people mark invoices paid (manual), JSON when the ERP reads it
 * (automatic). A failure is kept on the settings for the page to show (and the job retried); a
 * success clears it.
 */
export async function runScheduledExport(
  deps: { db: Database; render: RenderConfirmations },
  input: { orgId: string },
): Promise<{ exportId: string | null; items: number }> {
  try {
    const settings = await loadErpSyncSettings(deps.db, input.orgId);
    const result = await exportPaymentConfirmations(deps, {
      orgId: input.orgId,
      format: settings.marking === 'manual' ? 'csv' : 'json',
      channel: 'schedule',
      actor: systemActor,
    });
    await clearScheduledExportError(deps.db, input.orgId);
    return { exportId: result?.export.id ?? null, items: result?.document.itemCount ?? 0 };
  } catch (error) {
    await recordScheduledExportError(deps.db, {
      orgId: input.orgId,
      code: error instanceof AppError ? error.code : 'internal',
    });
    throw error;
  }
}
