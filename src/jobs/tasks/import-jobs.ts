import type { Task, TaskList } from 'graphile-worker';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { importKinds } from '../../domain/integration/import-types.ts';
import { executeImportRun } from '../../domain/integration/runs/execute-import-run.ts';
import { findDroppedFiles } from '../../domain/integration/runs/find-dropped-files.ts';
import { importDroppedFile } from '../../domain/integration/runs/import-dropped-file.ts';
import type { ImportFileReader } from '../../domain/integration/runs/import-file-reader.ts';
import { IMPORT_FILE_TASK } from '../../domain/integration/runs/import-run-jobs.ts';
import { recoverImportRuns } from '../../domain/integration/runs/recover-import-runs.ts';
import { isUuid } from '../../domain/shared/ids.ts';
import { importErrorReportCsv } from '../../formats/csv/import-error-report-csv.ts';
import { inspectImportFile, openImportRows } from '../../formats/import/read-import-file.ts';

export { IMPORT_FILE_TASK };
/** Every minute: runs left running by a process that died become interrupted (uploads queued again). */
export const IMPORTS_RECOVER_TASK = 'imports.recover';
/** Every minute: one job per file that has stopped growing in a seller's drop folder. */
export const DROP_FOLDER_SWEEP_TASK = 'imports.drop-folder-sweep';
/** One drop-folder file imported and moved (domain/integration/runs/import-dropped-file.ts). */
export const DROP_FOLDER_FILE_TASK = 'imports.drop-folder-file';

/** The runs' reader port over formats/import (the domain may not import formats/ itself). */
export const importFileReader: ImportFileReader = {
  inspect: (source, settings) => inspectImportFile(source, settings),
  openRows: (source, settings, onProgress) => openImportRows(source, settings, onProgress),
};

export interface ImportTaskDeps {
  db: Database;
  /** The sellers' drop folders (config.dropFolderRoot); without it the drop-folder sweep does nothing. */
  dropFolderRoot?: string | undefined;
}

interface Payload {
  orgId?: unknown;
  importId?: unknown;
  kind?: unknown;
  name?: unknown;
  size?: unknown;
  mtimeMs?: unknown;
}

/** Executes one queued upload (its job key is the run's: queued twice, it runs once). */
function importFileTask(deps: ImportTaskDeps): Task {
  return async (payload, helpers) => {
    const { orgId, importId } = (payload ?? {}) as Payload;
    if (!isUuid(orgId) || !isUuid(importId)) {
      helpers.logger.error(`${IMPORT_FILE_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const run = await executeImportRun({ db: deps.db, reader: importFileReader }, { orgId, importId });
    helpers.logger.info(`import ${importId} (${run.kind}, ${run.fileName}): ${run.status}`);
  };
}

function recoverTask(deps: ImportTaskDeps): Task {
  return async (_payload, helpers) => {
    const { interrupted, requeued } = await recoverImportRuns(deps);
    if (interrupted)
      helpers.logger.warn(`${interrupted} import run(s) interrupted, ${requeued} queued again`);
  };
}

/**
 * Fans out one job per file waiting in a drop folder, keyed by seller, name, mtime and size: the
 * same version of a file is never queued twice, a file rewritten since is a new job. Files a run
 * took but did not finish moving get a job keyed by their run.
 */
function dropFolderSweepTask(deps: ImportTaskDeps): Task {
  return async (_payload, helpers) => {
    if (!deps.dropFolderRoot) return;
    let found: Awaited<ReturnType<typeof findDroppedFiles>>;
    try {
      found = await findDroppedFiles({ db: deps.db, dropRoot: deps.dropFolderRoot }, { now: new Date() });
    } catch (err) {
      // A drop root that cannot be made or read (a read-only disk): said, not retried every minute.
      const code = (err as NodeJS.ErrnoException).code;
      if (!code) throw err;
      helpers.logger.warn(`drop folders at ${deps.dropFolderRoot} cannot be read (${code}); skipped`);
      return;
    }
    const { files, processing } = found;
    for (const file of files)
      await addJob(deps.db, DROP_FOLDER_FILE_TASK, file, {
        jobKey: `import-drop:${file.orgId}:${file.kind}/${file.name}:${file.mtimeMs}:${file.size}`,
        maxAttempts: 3,
      });
    for (const taken of processing)
      await addJob(deps.db, DROP_FOLDER_FILE_TASK, taken, {
        jobKey: `import-drop:${taken.orgId}:run:${taken.importId}`,
        maxAttempts: 3,
      });
    if (files.length) helpers.logger.info(`${files.length} drop-folder file(s) queued for import`);
  };
}

function dropFolderFileTask(deps: ImportTaskDeps): Task {
  return async (payload, helpers) => {
    if (!deps.dropFolderRoot) return;
    const p = (payload ?? {}) as Payload;
    const input = isUuid(p.importId)
      ? isUuid(p.orgId)
        ? { orgId: p.orgId, importId: p.importId }
        : null
      : isUuid(p.orgId) &&
          typeof p.kind === 'string' &&
          (importKinds as readonly string[]).includes(p.kind) &&
          typeof p.name === 'string' &&
          typeof p.size === 'number' &&
          typeof p.mtimeMs === 'number'
        ? {
            orgId: p.orgId,
            kind: p.kind as (typeof importKinds)[number],
            name: p.name,
            size: p.size,
            mtimeMs: p.mtimeMs,
          }
        : null;
    if (!input) {
      helpers.logger.error(`${DROP_FOLDER_FILE_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const outcome = await importDroppedFile(
      {
        db: deps.db,
        reader: importFileReader,
        dropRoot: deps.dropFolderRoot,
        renderErrorReport: importErrorReportCsv,
      },
      input,
    );
    if (outcome.status === 'moved')
      helpers.logger.info(`drop-folder import ${outcome.importId} → ${outcome.path}`);
  };
}

/** The import tasks, by identifier (jobs/task-list.ts spreads them in). */
export function importTasks(deps: ImportTaskDeps): TaskList {
  return {
    [IMPORT_FILE_TASK]: importFileTask(deps),
    [IMPORTS_RECOVER_TASK]: recoverTask(deps),
    [DROP_FOLDER_SWEEP_TASK]: dropFolderSweepTask(deps),
    [DROP_FOLDER_FILE_TASK]: dropFolderFileTask(deps),
  };
}
