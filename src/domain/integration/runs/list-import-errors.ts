import type { Database } from '../../../db/client.ts';
import { notFound } from '../../errors.ts';
import { pageWindow } from '../../shared/page-window.ts';
import { countErrors, findErrors, findRun, type ImportErrorEntry } from './import-runs.repository.ts';

/** One page of a run's errors in line order (`seq` orders them); `not_found` for another seller's run. */
export async function listImportErrors(
  deps: { db: Database },
  input: { orgId: string; importId: string; page: number; pageSize?: number | undefined },
): Promise<{ errors: ImportErrorEntry[]; total: number }> {
  if (!(await findRun(deps.db, input))) throw notFound();
  const { limit, offset } = pageWindow({ page: input.page, pageSize: input.pageSize ?? 50 }, 500);
  const [errors, total] = await Promise.all([
    findErrors(deps.db, { orgId: input.orgId, importId: input.importId, limit, offset }),
    countErrors(deps.db, input),
  ]);
  return { errors, total };
}
