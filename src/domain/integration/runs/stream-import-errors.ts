import type { Database } from '../../../db/client.ts';
import type { ImportErrorRecord } from '../import-types.ts';
import { findErrors } from './import-runs.repository.ts';

/**
 * Every error of a run in order, read a page at a time (keyset), for the error report: a report
 * of 100,000 errors is never all in memory. Check the run is the seller's first (getImportRun).
 */
export async function* streamImportErrors(
  deps: { db: Database },
  input: { orgId: string; importId: string },
): AsyncGenerator<ImportErrorRecord> {
  let afterSeq = 0;
  for (;;) {
    const page = await findErrors(deps.db, { ...input, afterSeq, limit: 1000 });
    for (const { seq: _seq, ...error } of page) yield error;
    if (page.length < 1000) return;
    afterSeq = page.at(-1)!.seq;
  }
}
