import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, ImportChannel, ImportRunStatus, ImportRunsTable } from '../../../db/schema.ts';
import type { ImportErrorRecord, ImportKind, ImportSettings, ImportSummary } from '../import-types.ts';

/** The SQL of import runs: the run row, its stored file (chunks) and its errors. */
type Db = Kysely<DB> | Transaction<DB>;
export type ImportRunRow = Selectable<ImportRunsTable>;

/** A run as the console, the CLI and the API show it. */
export interface ImportRun {
  id: string;
  kind: ImportKind;
  channel: ImportChannel;
  status: ImportRunStatus;
  profileId: string | null;
  fileName: string;
  /** Bytes; a number: files are bounded far below 2^53 (the size limit). */
  fileSize: number;
  fileSha256: string;
  settings: ImportSettings;
  rowsDone: number;
  bytesDone: number;
  summary: ImportSummary | null;
  errorCount: number;
  failureCode: string | null;
  /** An earlier completed run of the same kind with the same bytes: this one then changes nothing. */
  duplicateOf: { id: string; finishedAt: Date | null } | null;
  startedBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const finishedStatuses: readonly ImportRunStatus[] = ['completed', 'rejected', 'failed'];

export async function insertRun(
  db: Db,
  row: Omit<
    ImportRunRow,
    | 'status'
    | 'rows_done'
    | 'bytes_done'
    | 'error_count'
    | 'created_at'
    | 'started_at'
    | 'finished_at'
    | 'summary'
    | 'failure_code'
  >,
) {
  await db
    .insertInto('import_runs')
    .values({ ...row, settings: JSON.stringify(row.settings) })
    .execute();
}

export async function setRunFile(
  db: Db,
  key: { orgId: string; importId: string },
  file: { size: number; sha256: string; duplicateOf: string | null },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ file_size: BigInt(file.size), file_sha256: file.sha256, duplicate_of: file.duplicateOf })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.importId)
    .execute();
}

export async function insertChunk(
  db: Db,
  chunk: { orgId: string; importId: string; seq: number; data: Buffer },
): Promise<void> {
  await db
    .insertInto('import_file_chunks')
    .values({ org_id: chunk.orgId, import_id: chunk.importId, seq: chunk.seq, data: chunk.data })
    .execute();
}

export async function readChunk(
  db: Db,
  key: { orgId: string; importId: string; seq: number },
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('import_file_chunks')
    .select('data')
    .where('org_id', '=', key.orgId)
    .where('import_id', '=', key.importId)
    .where('seq', '=', key.seq)
    .executeTakeFirst();
  return row?.data;
}

export async function deleteChunks(db: Db, key: { orgId: string; importId: string }): Promise<void> {
  await db
    .deleteFrom('import_file_chunks')
    .where('org_id', '=', key.orgId)
    .where('import_id', '=', key.importId)
    .execute();
}

export async function hasChunks(db: Db, key: { orgId: string; importId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('import_file_chunks')
    .select('seq')
    .where('org_id', '=', key.orgId)
    .where('import_id', '=', key.importId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The latest completed run of the kind with these bytes, other than `except`. */
export async function completedRunWithSha(
  db: Db,
  key: { orgId: string; kind: ImportKind; sha256: string; except: string },
): Promise<{ id: string; finishedAt: Date | null } | null> {
  const row = await db
    .selectFrom('import_runs')
    .select(['id', 'finished_at'])
    .where('org_id', '=', key.orgId)
    .where('kind', '=', key.kind)
    .where('file_sha256', '=', key.sha256)
    .where('status', '=', 'completed')
    .where('id', '<>', key.except)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, finishedAt: row.finished_at } : null;
}

function selectRuns(db: Db) {
  return db
    .selectFrom('import_runs as r')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .leftJoin('import_runs as d', (join) =>
      join.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.duplicate_of'),
    )
    .selectAll('r')
    .select(['u.name as user_name', 'u.email as user_email', 'd.finished_at as duplicate_finished_at']);
}

type RunWithJoins = ImportRunRow & {
  user_name: string | null;
  user_email: string | null;
  duplicate_finished_at: Date | null;
};

export function importRunOf(row: RunWithJoins): ImportRun {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    profileId: row.profile_id,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    fileSha256: row.file_sha256,
    settings: row.settings as ImportSettings,
    rowsDone: row.rows_done,
    bytesDone: Number(row.bytes_done),
    summary: (row.summary as ImportSummary | null) ?? null,
    errorCount: row.error_count,
    failureCode: row.failure_code,
    duplicateOf: row.duplicate_of ? { id: row.duplicate_of, finishedAt: row.duplicate_finished_at } : null,
    startedBy:
      row.started_by && row.user_email
        ? { id: row.started_by, name: row.user_name ?? '', email: row.user_email }
        : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export async function findRun(db: Db, key: { orgId: string; importId: string }): Promise<ImportRun | null> {
  const row = await selectRuns(db)
    .where('r.org_id', '=', key.orgId)
    .where('r.id', '=', key.importId)
    .executeTakeFirst();
  return row ? importRunOf(row) : null;
}

export async function findRuns(
  db: Db,
  filter: { orgId: string; kind?: ImportKind | undefined; limit: number; offset: number },
): Promise<ImportRun[]> {
  const rows = await selectRuns(db)
    .where('r.org_id', '=', filter.orgId)
    .$if(filter.kind !== undefined, (q) => q.where('r.kind', '=', filter.kind!))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map(importRunOf);
}

export async function countRuns(
  db: Db,
  filter: { orgId: string; kind?: ImportKind | undefined },
): Promise<number> {
  const row = await db
    .selectFrom('import_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', filter.orgId)
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A queued or interrupted run becomes running; so does one left running by a process that died (the caller holds its lock). */
export async function claimRun(
  db: Db,
  key: { orgId: string; importId: string },
): Promise<ImportRunRow | undefined> {
  return db
    .updateTable('import_runs')
    .set({ status: 'running', started_at: sql<Date>`now()`, rows_done: 0, bytes_done: 0n })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.importId)
    .where('status', 'in', ['queued', 'interrupted', 'running'])
    .returningAll()
    .executeTakeFirst();
}

export async function setProgress(
  db: Db,
  key: { orgId: string; importId: string },
  progress: { rowsDone: number; bytesDone: number },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ rows_done: progress.rowsDone, bytes_done: BigInt(progress.bytesDone) })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.importId)
    .where('status', '=', 'running')
    .execute();
}

export async function finishRun(
  db: Db,
  key: { orgId: string; importId: string },
  end: {
    status: 'completed' | 'rejected' | 'failed';
    summary: ImportSummary | null;
    errorCount: number;
    failureCode: string | null;
    rowsDone: number;
    bytesDone: number;
  },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      status: end.status,
      summary: end.summary === null ? null : JSON.stringify(end.summary),
      error_count: end.errorCount,
      failure_code: end.failureCode,
      rows_done: end.rowsDone,
      bytes_done: BigInt(end.bytesDone),
      finished_at: sql<Date>`now()`,
    })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.importId)
    .execute();
}

export async function markInterrupted(db: Db, key: { orgId: string; importId: string }): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'interrupted' })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.importId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every seller's runs marked running (few at any time): the recovery sweep checks each one's lock. */
export async function runningRuns(
  db: Db,
): Promise<{ orgId: string; importId: string; channel: ImportChannel }[]> {
  const rows = await db
    .selectFrom('import_runs')
    .select(['org_id', 'id', 'channel'])
    .where('status', '=', 'running')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, importId: r.id, channel: r.channel }));
}

/** An unfinished drop-folder run for this file (name and bytes), if one was started and not taken further. */
export async function unfinishedDropRun(
  db: Db,
  key: { orgId: string; kind: ImportKind; fileName: string; sha256: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('import_runs')
    .select('id')
    .where('org_id', '=', key.orgId)
    .where('kind', '=', key.kind)
    .where('channel', '=', 'drop_folder')
    .where('file_name', '=', key.fileName)
    .where('file_sha256', '=', key.sha256)
    .where('status', 'in', ['queued', 'interrupted', 'running'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertError(
  db: Db,
  key: { orgId: string; importId: string },
  error: ImportErrorRecord,
): Promise<void> {
  await sql`
    insert into import_errors (org_id, import_id, seq, line, column_name, code, params)
    values (${key.orgId}, ${key.importId},
            coalesce((select max(seq) from import_errors where org_id = ${key.orgId} and import_id = ${key.importId}), 0) + 1,
            ${error.line}, ${error.column}, ${error.code}, ${JSON.stringify(error.params ?? {})}::jsonb)`.execute(
    db,
  );
}

export async function countErrors(db: Db, key: { orgId: string; importId: string }): Promise<number> {
  const row = await db
    .selectFrom('import_errors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', key.orgId)
    .where('import_id', '=', key.importId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ImportErrorEntry extends ImportErrorRecord {
  seq: number;
}

/** Errors in order after `afterSeq` (keyset: a report of 100,000 errors is read a page at a time). */
export async function findErrors(
  db: Db,
  key: { orgId: string; importId: string; afterSeq?: number; limit: number; offset?: number },
): Promise<ImportErrorEntry[]> {
  const rows = await db
    .selectFrom('import_errors')
    .select(['seq', 'line', 'column_name', 'code', 'params'])
    .where('org_id', '=', key.orgId)
    .where('import_id', '=', key.importId)
    .$if(key.afterSeq !== undefined, (q) => q.where('seq', '>', key.afterSeq!))
    .orderBy('seq')
    .limit(key.limit)
    .$if(key.offset !== undefined, (q) => q.offset(key.offset!))
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    line: r.line,
    column: r.column_name,
    code: r.code,
    params: (r.params ?? {}) as unknown as Record<string, string | number>,
  }));
}
