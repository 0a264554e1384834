import type { Database } from '../../../db/client.ts';
import { notFound } from '../../errors.ts';
import { findRun, type ImportRun } from './import-runs.repository.ts';

/** One run of the seller's: status, progress (rows and bytes done of fileSize), summary, duplicateOf. */
export async function getImportRun(
  deps: { db: Database },
  input: { orgId: string; importId: string },
): Promise<ImportRun> {
  const run = await findRun(deps.db, input);
  if (!run) throw notFound();
  return run;
}
