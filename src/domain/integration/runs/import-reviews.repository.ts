import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, ImportReviewsTable } from '../../../db/schema.ts';

/** The SQL of import reviews: documents an import held back for a person to decide on. */
type Db = Kysely<DB> | Transaction<DB>;
type ReviewStatus = 'open' | 'resolved' | 'dismissed';

export interface ImportReview {
  id: string;
  importId: string;
  kind: Selectable<ImportReviewsTable>['kind'];
  documentId: string | null;
  erpId: string | null;
  /** A stable code (`total_below_paid`, an aging difference…) with its raw values in `params`. */
  reason: string;
  params: Record<string, string | number>;
  status: ReviewStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  /** The run it came from: its file and kind, for the list. */
  import: { fileName: string; kind: string; createdAt: Date };
}

function selectReviews(db: Db) {
  return db
    .selectFrom('import_reviews as v')
    .innerJoin('import_runs as r', (join) =>
      join.onRef('r.org_id', '=', 'v.org_id').onRef('r.id', '=', 'v.import_id'),
    )
    .selectAll('v')
    .select(['r.file_name', 'r.kind as import_kind', 'r.created_at as import_created_at']);
}

type ReviewWithRun = Selectable<ImportReviewsTable> & {
  file_name: string;
  import_kind: string;
  import_created_at: Date;
};

function importReviewOf(row: ReviewWithRun): ImportReview {
  return {
    id: row.id,
    importId: row.import_id,
    kind: row.kind,
    documentId: row.document_id,
    erpId: row.erp_id,
    reason: row.reason,
    params: (row.params ?? {}) as unknown as Record<string, string | number>,
    status: row.status,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    import: { fileName: row.file_name, kind: row.import_kind, createdAt: row.import_created_at },
  };
}

interface ReviewFilter {
  orgId: string;
  status?: ReviewStatus | undefined;
  importId?: string | undefined;
}

export async function findReviews(db: Db, filter: ReviewFilter & { limit: number; offset: number }) {
  const rows = await selectReviews(db)
    .where('v.org_id', '=', filter.orgId)
    .$if(filter.status !== undefined, (q) => q.where('v.status', '=', filter.status!))
    .$if(filter.importId !== undefined, (q) => q.where('v.import_id', '=', filter.importId!))
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map(importReviewOf);
}

export async function countReviews(db: Db, filter: ReviewFilter): Promise<number> {
  const row = await db
    .selectFrom('import_reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', filter.orgId)
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(filter.importId !== undefined, (q) => q.where('import_id', '=', filter.importId!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReview(
  db: Db,
  key: { orgId: string; reviewId: string },
): Promise<ImportReview | null> {
  const row = await selectReviews(db)
    .where('v.org_id', '=', key.orgId)
    .where('v.id', '=', key.reviewId)
    .executeTakeFirst();
  return row ? importReviewOf(row) : null;
}

/** Closes an open review; answers false when it was not open (closed meanwhile). */
export async function closeReview(
  db: Db,
  key: { orgId: string; reviewId: string },
  close: { status: 'resolved' | 'dismissed'; by: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('import_reviews')
    .set({ status: close.status, resolved_at: sql<Date>`now()`, resolved_by: close.by })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.reviewId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
