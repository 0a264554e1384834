import type { Database } from '../../../db/client.ts';
import { type ExportSummary, listExports } from './erp-confirmations.repository.ts';

/** A seller's exports: newest first, or — after a sequence number — the ones since, oldest first. */
export function listConfirmationExports(
  deps: { db: Database },
  input: { orgId: string; afterSequence?: number | undefined; page: number; pageSize: number },
): Promise<{ exports: ExportSummary[]; total: number }> {
  return listExports(deps.db, input);
}
