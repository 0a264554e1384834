import type { Database } from '../../../db/client.ts';
import type { RenderedExport } from './confirmation-document.ts';
import { type ExportSummary, findExport } from './erp-confirmations.repository.ts';

/** One export with the file it produced, byte for byte as first handed out; null: not this seller's. */
export function getConfirmationExport(
  deps: { db: Database },
  input: { orgId: string; exportId: string },
): Promise<(ExportSummary & { file: RenderedExport }) | null> {
  return findExport(deps.db, input);
}
