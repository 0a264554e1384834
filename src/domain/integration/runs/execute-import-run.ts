import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import {
  ImportFileError,
  type ImportFileSettings,
  type ImportSettings,
  type ImportSummary,
} from '../import-types.ts';
import { runImport } from '../imports/run-import.ts';
import type { ByteSource, ImportFileReader } from './import-file-reader.ts';
import { chunkByteSource } from './import-file-sources.ts';
import { tryLockRun } from './import-run-jobs.ts';
import {
  claimRun,
  deleteChunks,
  findRun,
  finishedStatuses,
  finishRun,
  type ImportRun,
  insertError,
  markInterrupted,
  setProgress,
} from './import-runs.repository.ts';
import { onImportFinished } from './on-import-finished.ts';

export interface ImportProgress {
  rowsDone: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ExecuteImportRunInput {
  orgId: string;
  importId: string;
  /** The file, when the caller has it at hand (the CLI, the drop folder); default the run's stored chunks. */
  source?: ByteSource | undefined;
  /** In-process progress (the CLI's bar), called as rows and bytes are read. */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Progress is written at most this often, on the pool (outside the import's transaction), for pages to poll. */
const PROGRESS_EVERY_MS = 500;

/**
 * Executes a run: claims it (queued or interrupted → running; one left running by a process that
 * died is taken over; one a live process is executing is left alone and answered as it is), reads
 * its file through the reader port, imports it with the engine in ONE transaction, and records in
 * that same transaction how it ended — `completed`, `rejected` (an 'all' run with errors, or one
 * where no document was accepted), with its summary and error count — then deletes the stored
 * file. A file the reader cannot read ends the run `failed` with the reader's code (failure_code)
 * and one error row with its line. Any other failure leaves the run `interrupted` (nothing of it
 * landed: the engine's transaction rolled back) and is rethrown, so the job retries it.
 *
 * `deps.db` must be the pool, not a transaction: the claim and the progress are written on their
 * own connections so that others see them while the import's transaction is still open.
 */
export async function executeImportRun(
  deps: { db: Database; reader: ImportFileReader },
  input: ExecuteImportRunInput,
): Promise<ImportRun> {
  const key = { orgId: input.orgId, importId: input.importId };
  const run = await findRun(deps.db, key);
  if (!run) throw notFound();
  if (finishedStatuses.includes(run.status)) return run;
  const source = input.source ?? chunkByteSource(deps.db, { ...key, size: run.fileSize, name: run.fileName });
  const fileSettings = fileSettingsOf(run.settings);
  let progress: ProgressWriter | undefined;
  try {
    await inTransaction(deps.db, async (trx) => {
      if (!(await tryLockRun(trx, run.id))) return;
      // On the pool, committed at once: everyone sees the run running while its transaction works.
      if (!(await claimRun(deps.db, key))) return;
      progress = progressWriter(deps.db, key, run.fileSize, input.onProgress);
      const file = await deps.reader.openRows(source, fileSettings, progress.bytes);
      const { summary } = await runImport(
        { db: trx },
        {
          orgId: input.orgId,
          importId: run.id,
          kind: run.kind,
          header: file.header,
          rows: file.rows,
          settings: run.settings,
          actor: { userId: run.startedBy?.id ?? null },
          onProgress: progress.rows,
        },
      );
      await progress.stop();
      const status = statusOf(summary, run.settings);
      const end = {
        status,
        summary,
        errorCount: summary.errors,
        failureCode: null,
        rowsDone: summary.rows,
        bytesDone: run.fileSize,
      };
      await finishRun(trx, key, end);
      await deleteChunks(trx, key);
      await onImportFinished(trx, {
        ...key,
        kind: run.kind,
        channel: run.channel,
        fileName: run.fileName,
        ...end,
      });
    });
  } catch (err) {
    await progress?.stop();
    const problem = problemOf(err);
    if (!problem) {
      // Best effort: the recovery sweep marks it too if this cannot (the database is gone).
      await markInterrupted(deps.db, key).catch(() => {});
      throw err;
    }
    await failRun(deps.db, key, run, problem);
  }
  return (await findRun(deps.db, key))!;
}

interface ImportFileProblem {
  code: string;
  line: number | null;
  params: Record<string, string | number>;
}

/**
 * A file the reader cannot read (ImportFileError: its code, line and values), or a refusal of the
 * engine's own (an AppError below 500: its code): the run fails. Anything else is not the file's fault.
 */
function problemOf(err: unknown): ImportFileProblem | null {
  if (err instanceof ImportFileError) return { code: err.code, line: err.line, params: err.params };
  return err instanceof AppError && err.status < 500 ? { code: err.code, line: null, params: {} } : null;
}

/**
 * Ends a run the file could not be read for: `failed`, its code, one error row (the line where
 * reading stopped), the stored file deleted. Only a run still running (or marked interrupted by a
 * sweep in between) is ended; one that ended meanwhile keeps its end.
 */
async function failRun(
  db: Database,
  key: { orgId: string; importId: string },
  run: ImportRun,
  problem: ImportFileProblem,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await tryLockRun(trx, run.id))) return;
    const current = await findRun(trx, key);
    if (!current || finishedStatuses.includes(current.status)) return;
    await insertError(trx, key, {
      line: problem.line,
      column: null,
      code: problem.code,
      params: problem.params,
    });
    const end = {
      status: 'failed' as const,
      summary: null,
      errorCount: current.errorCount + 1,
      failureCode: problem.code,
      rowsDone: current.rowsDone,
      bytesDone: current.bytesDone,
    };
    await finishRun(trx, key, end);
    await deleteChunks(trx, key);
    await onImportFinished(trx, {
      ...key,
      kind: run.kind,
      channel: run.channel,
      fileName: run.fileName,
      ...end,
    });
  });
}

/**
 * Rejected: an 'all' run with any error (nothing was applied), or a run with errors where no
 * document was accepted (a file-level error, every row bad). Otherwise completed — a 'rows' run
 * with some bad rows is completed with its errors reported.
 */
function statusOf(summary: ImportSummary, settings: ImportSettings): 'completed' | 'rejected' {
  if (summary.errors === 0) return 'completed';
  if (settings.mode === 'all') return 'rejected';
  return summary.documents > summary.rejected ? 'completed' : 'rejected';
}

function fileSettingsOf(settings: ImportSettings): ImportFileSettings {
  return {
    format: settings.format,
    ...(settings.encoding !== undefined ? { encoding: settings.encoding } : {}),
    ...(settings.delimiter !== undefined ? { delimiter: settings.delimiter } : {}),
    ...(settings.sheet !== undefined ? { sheet: settings.sheet } : {}),
  };
}

interface ProgressWriter {
  rows: (rowsDone: number) => void;
  bytes: (bytesDone: number) => void;
  /** Stops writing and waits for the write in flight, if any. */
  stop: () => Promise<void>;
}

/**
 * Progress for pages to poll: the latest counts, written at most every PROGRESS_EVERY_MS and one
 * write at a time, on the pool. A write that fails is dropped (the next one carries newer counts).
 */
function progressWriter(
  db: Database,
  key: { orgId: string; importId: string },
  bytesTotal: number,
  onProgress: ExecuteImportRunInput['onProgress'],
): ProgressWriter {
  let rowsDone = 0;
  let bytesDone = 0;
  let dirty = false;
  let inFlight: Promise<void> | null = null;
  const flush = () => {
    if (!dirty || inFlight) return;
    dirty = false;
    inFlight = setProgress(db, key, { rowsDone, bytesDone })
      .catch(() => {})
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(flush, PROGRESS_EVERY_MS);
  timer.unref();
  const changed = () => {
    dirty = true;
    onProgress?.({ rowsDone, bytesDone, bytesTotal });
  };
  return {
    rows: (n) => {
      rowsDone = n;
      changed();
    },
    bytes: (n) => {
      bytesDone = Math.min(n, bytesTotal);
      changed();
    },
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}
