import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { claimDueSlots } from './erp-sync-settings.repository.ts';

export const ERP_EXPORT_TASK = 'erp-sync.export';
export interface ErpExportPayload {
  orgId: string;
  /** The schedule slot the export is for (ISO instant). */
  slot: string;
}
/** One queued export per seller at a time. */
export const erpExportJobKey = (orgId: string) => `erp-export:${orgId}`;

/**
 * The schedule's sweep: each seller whose slot came (hourly, every 4 hours, daily at its time,
 * in its time zone) gets one export job, queued in the transaction that marks the slot taken.
 */
export function queueDueExports(deps: { db: Database }, input: { now: Date }): Promise<{ queued: number }> {
  return inTransaction(deps.db, async (trx) => {
    const due = await claimDueSlots(trx, input.now);
    for (const { orgId, slot } of due) {
      const payload: ErpExportPayload = { orgId, slot: slot.toISOString() };
      await addJob(trx, ERP_EXPORT_TASK, payload, { jobKey: erpExportJobKey(orgId) });
    }
    return { queued: due.length };
  });
}
