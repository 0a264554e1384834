import type { Database } from '../../../db/client.ts';
import { pageWindow } from '../../shared/page-window.ts';
import { countReviews, findReviews, type ImportReview } from './import-reviews.repository.ts';

/**
 * The documents imports held back for review (an invoice whose new total is below what is paid,
 * the ERP's aging differences…), newest first; the open ones by default, one run's when given.
 */
export async function listImportReviews(
  deps: { db: Database },
  input: {
    orgId: string;
    status?: 'open' | 'resolved' | 'dismissed' | 'all' | undefined;
    importId?: string | undefined;
    page: number;
    pageSize?: number | undefined;
  },
): Promise<{ reviews: ImportReview[]; total: number }> {
  const { limit, offset } = pageWindow({ page: input.page, pageSize: input.pageSize ?? 25 }, 100);
  const status = input.status === 'all' ? undefined : (input.status ?? 'open');
  const filter = { orgId: input.orgId, status, importId: input.importId };
  const [reviews, total] = await Promise.all([
    findReviews(deps.db, { ...filter, limit, offset }),
    countReviews(deps.db, filter),
  ]);
  return { reviews, total };
}
