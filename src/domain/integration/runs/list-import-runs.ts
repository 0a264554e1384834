import type { Database } from '../../../db/client.ts';
import { pageWindow } from '../../shared/page-window.ts';
import type { ImportKind } from '../import-types.ts';
import { countRuns, findRuns, type ImportRun } from './import-runs.repository.ts';

/** The seller's import history, newest first (one kind's when given): who, channel, status, summary. */
export async function listImportRuns(
  deps: { db: Database },
  input: { orgId: string; kind?: ImportKind | undefined; page: number; pageSize?: number | undefined },
): Promise<{ runs: ImportRun[]; total: number }> {
  const { limit, offset } = pageWindow({ page: input.page, pageSize: input.pageSize ?? 25 }, 100);
  const filter = { orgId: input.orgId, kind: input.kind };
  const [runs, total] = await Promise.all([
    findRuns(deps.db, { ...filter, limit, offset }),
    countRuns(deps.db, filter),
  ]);
  return { runs, total };
}
