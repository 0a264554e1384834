import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { Database } from '../../../db/client.ts';
import type { Locale } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { systemActor } from '../../audit/record-audit.ts';
import {
  type ImportErrorRecord,
  ImportFileError,
  type ImportFileInfo,
  type ImportFormat,
  type ImportKind,
} from '../import-types.ts';
import { suggestMapping } from '../suggest-mapping.ts';
import { createImportRun } from './create-import-run.ts';
import { type DropFolder, dropFolderOf } from './drop-folder-layout.ts';
import { executeImportRun } from './execute-import-run.ts';
import type { DroppedFile, ProcessingFile } from './find-dropped-files.ts';
import type { ByteSource, ImportFileReader } from './import-file-reader.ts';
import { fileByteSource, sha256Of } from './import-file-sources.ts';
import { findProfiles } from './import-profiles.repository.ts';
import { findRun, finishedStatuses, type ImportRun, unfinishedDropRun } from './import-runs.repository.ts';
import { settingsForFile } from './import-settings.ts';
import { streamImportErrors } from './stream-import-errors.ts';

export interface ImportDroppedFileDeps {
  db: Database;
  reader: ImportFileReader;
  dropRoot: string;
  /** Writes a run's error report (formats/csv/import-error-report-csv.ts), in the seller's language. */
  renderErrorReport: (errors: AsyncIterable<ImportErrorRecord>, locale: Locale) => AsyncIterable<string>;
}

export type DropOutcome =
  | { status: 'moved'; importId: string; to: 'processed' | 'failed'; path: string }
  | { status: 'skipped'; reason: 'gone' | 'changed' | 'busy' | 'unknown_seller' };

/**
 * Imports one file of a seller's drop folder, so that it is imported exactly once whatever dies
 * when. Each step leaves a mark the next attempt reads:
 * 1. A run row is made for the file (channel `drop_folder`, its name and SHA-256) — or the
 *    unfinished one found for the same name and bytes is reused (a process died before step 2).
 * 2. The file moves into processing/<run id>/: from then on the file belongs to that run.
 * 3. The run executes (one transaction: it lands whole or not at all; a run left running by a dead
 *    process is taken over, one a live process executes is left to it).
 * 4. Its summary (and error report) are written into processed/ or failed/, then the file moves
 *    beside them — the move is the end; a file found in processing/ with its run ended is only moved.
 * The file is read with the kind's default profile (named "default", or the kind's only one),
 * else with the mapping suggested from its header.
 */
export async function importDroppedFile(
  deps: ImportDroppedFileDeps,
  input: DroppedFile | ProcessingFile,
): Promise<DropOutcome> {
  const org = await deps.db
    .selectFrom('organizations')
    .select(['id', 'slug', 'country', 'locale'])
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  if (!org) return { status: 'skipped', reason: 'unknown_seller' };
  const folder = dropFolderOf(deps.dropRoot, org.slug);
  if ('importId' in input) return finishProcessing(deps, org, folder, input.importId);

  const inbox = path.join(folder.kind(input.kind), input.name);
  const seen = await stat(inbox).catch(() => null);
  if (!seen?.isFile()) return { status: 'skipped', reason: 'gone' };
  if (seen.size !== input.size || Math.trunc(seen.mtimeMs) !== input.mtimeMs)
    return { status: 'skipped', reason: 'changed' };
  const source = await fileByteSource(inbox, input.name);
  const sha256 = await sha256Of(source);
  const { settings, profileId } = await settingsFor(deps, org, input.kind, source);
  if (!acceptableFileName(input.name)) return refuseFile(folder, inbox, input.name);
  const importId = await inTransaction(deps.db, async (trx) => {
    // One taker per file name at a time: two sweeps racing make one run.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`saldo.drop:${org.id}:${input.kind}/${input.name}`}, 0))`.execute(
      trx,
    );
    const found = await unfinishedDropRun(trx, {
      orgId: org.id,
      kind: input.kind,
      fileName: input.name,
      sha256,
    });
    if (found) return found;
    const created = await createImportRun(
      { db: trx },
      {
        orgId: org.id,
        kind: input.kind,
        channel: 'drop_folder',
        fileName: input.name,
        settings,
        profileId,
        actor: systemActor,
        source,
        sha256,
      },
    );
    return created.id;
  });
  const work = path.join(folder.processing, importId);
  await mkdir(work, { recursive: true, mode: 0o700 });
  try {
    await rename(inbox, path.join(work, input.name));
  } catch (err) {
    // Another taker moved it first: the run (the same one) is taken further below or by it.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return finishProcessing(deps, org, folder, importId);
}

/** Executes the run that took a file into processing/ (unless it has ended), then moves the file out. */
async function finishProcessing(
  deps: ImportDroppedFileDeps,
  org: { id: string; locale: Locale },
  folder: DropFolder,
  importId: string,
): Promise<DropOutcome> {
  const work = path.join(folder.processing, importId);
  const name = (await readdir(work).catch(() => [] as string[]))[0];
  if (name === undefined) {
    await rm(work, { recursive: true, force: true });
    return { status: 'skipped', reason: 'gone' };
  }
  const file = path.join(work, name);
  let run = await findRun(deps.db, { orgId: org.id, importId });
  if (run && !finishedStatuses.includes(run.status)) {
    run = await executeImportRun(deps, { orgId: org.id, importId, source: await fileByteSource(file, name) });
    if (!finishedStatuses.includes(run.status)) return { status: 'skipped', reason: 'busy' };
  }
  const to = run?.status === 'completed' ? 'processed' : 'failed';
  const dir = to === 'processed' ? folder.processed : folder.failed;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const finalName = await freeName(dir, name, importId);
  if (run) await writeReports(deps, org, run, path.join(dir, finalName));
  await rename(file, path.join(dir, finalName));
  await rm(work, { recursive: true, force: true });
  return { status: 'moved', importId, to, path: path.join(dir, finalName) };
}

/** Names a run can carry (create-import-run.ts): at most 255 characters, no control characters. */
const acceptableFileName = (name: string) => name.length <= 255 && /^[^\p{Cc}]+$/u.test(name);

/** A file no run can be made for (its name): straight to failed/, with a summary saying why. */
async function refuseFile(folder: DropFolder, inbox: string, name: string): Promise<DropOutcome> {
  await mkdir(folder.failed, { recursive: true, mode: 0o700 });
  const safe = `${Date.now()}-${name.replace(/\p{Cc}/gu, '_').slice(0, 200)}`;
  const target = path.join(folder.failed, safe);
  await writeFile(
    `${target}.summary.json`,
    `${JSON.stringify({ file: safe, status: 'failed', failureCode: 'invalid_file_name' }, null, 2)}\n`,
    { mode: 0o600 },
  );
  await rename(inbox, target);
  return { status: 'moved', importId: '', to: 'failed', path: target };
}

/** `<name>`, or `<stem> (<run id's end>)<ext>` when an earlier file of that name is there already. */
async function freeName(dir: string, name: string, importId: string): Promise<string> {
  const taken = await stat(path.join(dir, name)).then(
    () => true,
    () => false,
  );
  if (!taken) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${importId.slice(-8)})${ext}`;
}

/** `<file>.summary.json` always; `<file>.report.csv` when the run has errors (written whole, then renamed). */
async function writeReports(
  deps: ImportDroppedFileDeps,
  org: { id: string; locale: Locale },
  run: ImportRun,
  target: string,
): Promise<void> {
  const summary = {
    id: run.id,
    kind: run.kind,
    file: run.fileName,
    status: run.status,
    summary: run.summary,
    errors: run.errorCount,
    failureCode: run.failureCode,
    duplicateOf: run.duplicateOf,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    report: run.errorCount > 0 ? `${path.basename(target)}.report.csv` : null,
  };
  await writeFile(`${target}.summary.json.tmp`, `${JSON.stringify(summary, null, 2)}\n`, { mode: 0o600 });
  await rename(`${target}.summary.json.tmp`, `${target}.summary.json`);
  if (run.errorCount === 0) return;
  const errors = streamImportErrors(deps, { orgId: org.id, importId: run.id });
  await pipeline(
    Readable.from(deps.renderErrorReport(errors, org.locale)),
    createWriteStream(`${target}.report.csv.tmp`, { mode: 0o600 }),
  );
  await rename(`${target}.report.csv.tmp`, `${target}.report.csv`);
}

const formatByExtension: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.ndjson': 'json',
  '.xml': 'ubl',
};

/**
 * The kind's default profile (named "default", or the only one), else the suggestion from the
 * file's header. A file that cannot even be inspected still gets a run (its settings guessed from
 * its name): executing it then records why it could not be read, and it moves to failed/.
 */
async function settingsFor(
  deps: ImportDroppedFileDeps,
  org: { id: string; country: string },
  kind: ImportKind,
  source: ByteSource,
) {
  const profiles = await findProfiles(deps.db, { orgId: org.id, kind });
  const profile =
    profiles.find((p) => p.name.trim().toLowerCase() === 'default') ??
    (profiles.length === 1 ? profiles[0]! : null);
  let info: Pick<ImportFileInfo, 'format' | 'header' | 'impliedSettings'>;
  try {
    info = await deps.reader.inspect(source);
    // The profile's encoding, delimiter or sheet, when it reads this format: the header as it will be read.
    const own = profile?.settings;
    if (own && own.format === info.format && (own.encoding || own.delimiter || own.sheet))
      info = await deps.reader.inspect(source, {
        format: own.format,
        ...(own.encoding ? { encoding: own.encoding } : {}),
        ...(own.delimiter ? { delimiter: own.delimiter } : {}),
        ...(own.sheet ? { sheet: own.sheet } : {}),
      });
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    const format = formatByExtension[path.extname(source.name).toLowerCase()] ?? 'csv';
    info = { format, header: [], impliedSettings: {} };
  }
  const { settings } = settingsForFile({
    kind,
    info,
    profile,
    suggested: suggestMapping(kind, info.header).mapping,
    country: org.country,
  });
  return { settings, profileId: profile?.id ?? null };
}
