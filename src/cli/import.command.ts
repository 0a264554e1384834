import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { Argument, type Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Locale } from '../db/schema.ts';
import { systemActor } from '../domain/audit/record-audit.ts';
import {
  type DateFormat,
  dateFormats,
  type ImportEncoding,
  ImportFileError,
  type ImportFileInfo,
  type ImportFormat,
  type ImportKind,
  type ImportSettings,
  type ImportSummary,
  importEncodings,
  importFormats,
  importKinds,
} from '../domain/integration/import-types.ts';
import { createImportRun } from '../domain/integration/runs/create-import-run.ts';
import { executeImportRun, type ImportProgress } from '../domain/integration/runs/execute-import-run.ts';
import { fileByteSource } from '../domain/integration/runs/import-file-sources.ts';
import { findProfileByName, findProfiles } from '../domain/integration/runs/import-profiles.repository.ts';
import type { ImportRun } from '../domain/integration/runs/import-runs.repository.ts';
import { settingsForFile } from '../domain/integration/runs/import-settings.ts';
import { listImportErrors } from '../domain/integration/runs/list-import-errors.ts';
import { streamImportErrors } from '../domain/integration/runs/stream-import-errors.ts';
import { suggestMapping } from '../domain/integration/suggest-mapping.ts';
import { formatMoney } from '../domain/money/money.ts';
import { isUuid } from '../domain/shared/ids.ts';
import { importErrorReason, importErrorReportCsv } from '../formats/csv/import-error-report-csv.ts';
import { importFileReader } from '../jobs/tasks/import-jobs.ts';
import { openDatabase } from './database.ts';
import { makeLogger } from './serve.ts';

/**
 * `saldo import <kind> <file> --org <seller>`: the ERP's file path into Saldo. The file is read
 * straight from disk (a 1 GB export is streamed, never copied into the database), with a saved
 * profile or the mapping Saldo suggests from its header (refused, saying which, when a required
 * field has no column), and imported in this process as a run of channel `cli` — the same engine,
 * history and error report as a console upload. Exit code 0 completed, 1 rejected or failed, 2 a
 * usage problem (bad options, unknown seller or profile, a mapping that cannot be made).
 */

/** A usage problem the person can fix: one line on stderr, exit code 2. */
export class ImportUsageError extends Error {}

export interface ImportCommandOptions {
  org: string;
  profile?: string | undefined;
  mode?: 'all' | 'rows' | undefined;
  format?: ImportFormat | undefined;
  encoding?: ImportEncoding | undefined;
  delimiter?: string | undefined;
  sheet?: string | undefined;
  dateFormat?: DateFormat | undefined;
  decimalMark?: '.' | ',' | undefined;
  report?: string | undefined;
  lang?: Locale | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportCommandResult {
  id: string;
  status: ImportRun['status'];
  kind: ImportKind;
  file: string;
  org: { id: string; slug: string };
  summary: ImportSummary | null;
  errorCount: number;
  failureCode: string | null;
  duplicateOf: { id: string; finishedAt: string | null } | null;
  /** Where the whole error report was written (--report), else null. */
  errorReport: string | null;
  /** The first errors, with their reason in words. */
  firstErrors: { line: number | null; column: string | null; code: string; message: string }[];
}

const FIRST_ERRORS = 10;

export async function runImportCommand(
  deps: { db: Database },
  kind: ImportKind,
  file: string,
  o: ImportCommandOptions,
): Promise<ImportCommandResult> {
  const filePath = path.resolve(file);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw new ImportUsageError(`no file at ${filePath}`);
  const org = await deps.db
    .selectFrom('organizations')
    .select(['id', 'slug', 'country', 'locale'])
    .$call((q) => (isUuid(o.org) ? q.where('id', '=', o.org) : q.where('slug', '=', o.org)))
    .executeTakeFirst();
  if (!org) throw new ImportUsageError(`no seller with slug or id "${o.org}"`);
  const locale = o.lang ?? 'en';

  let profile = null;
  if (o.profile !== undefined) {
    profile = await findProfileByName(deps.db, { orgId: org.id, kind, name: o.profile });
    if (!profile) {
      const names = (await findProfiles(deps.db, { orgId: org.id, kind })).map((p) => `"${p.name}"`);
      throw new ImportUsageError(
        `${org.slug} has no ${kind} profile named "${o.profile}"` +
          (names.length
            ? ` (its ${kind} profiles: ${names.join(', ')})`
            : ` (it has no ${kind} profiles yet)`),
      );
    }
  }
  const fileOverrides = {
    ...(o.format ? { format: o.format } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
  };
  const overrides: Partial<ImportSettings> = {
    ...fileOverrides,
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.dateFormat ? { dateFormat: o.dateFormat } : {}),
    ...(o.decimalMark ? { decimalMark: o.decimalMark } : {}),
  };
  const source = await fileByteSource(filePath);
  let inspected: Pick<ImportFileInfo, 'format' | 'header' | 'impliedSettings'> | null = null;
  try {
    const own = profile?.settings;
    const guess = await importFileReader.inspect(source, fileOverrides);
    inspected =
      own && own.format === guess.format && !o.format && (own.encoding || own.delimiter || own.sheet)
        ? await importFileReader.inspect(source, {
            format: own.format,
            ...(own.encoding ? { encoding: own.encoding } : {}),
            ...(own.delimiter ? { delimiter: own.delimiter } : {}),
            ...(own.sheet ? { sheet: own.sheet } : {}),
            ...fileOverrides,
          })
        : guess;
  } catch (err) {
    // Not readable: the run records why (failed, with the reader's code and line), as any channel's would.
    if (!(err instanceof ImportFileError)) throw err;
  }
  const fallbackFormat: ImportFormat = o.format ?? profile?.settings.format ?? formatOfName(filePath);
  const { settings, unmatchedRequired } = settingsForFile({
    kind,
    info: inspected ?? { format: fallbackFormat, header: [], impliedSettings: {} },
    profile,
    suggested: inspected ? suggestMapping(kind, inspected.header).mapping : {},
    country: org.country,
    overrides,
  });
  if (inspected && unmatchedRequired.length) {
    const columns = inspected.header.map((h) => `"${h}"`).join(', ');
    throw new ImportUsageError(
      `no column of ${path.basename(filePath)} holds the required ${kind} field(s) ${unmatchedRequired.join(', ')}` +
        ` (its columns: ${columns}). ${profile ? `Profile "${profile.name}" maps them to columns this file lacks. ` : ''}` +
        `Save a ${kind} profile that maps them (console → Imports) and pass --profile <name>, or name the columns as the guide's import page lists.`,
    );
  }

  const created = await createImportRun(deps, {
    orgId: org.id,
    kind,
    channel: 'cli',
    fileName: path.basename(filePath),
    settings,
    profileId: profile?.id ?? null,
    actor: systemActor,
    source,
  });
  const run = await executeImportRun(
    { db: deps.db, reader: importFileReader },
    { orgId: org.id, importId: created.id, source, onProgress: o.onProgress },
  );

  let errorReport: string | null = null;
  if (o.report && run.errorCount > 0) {
    errorReport = path.resolve(o.report);
    await pipeline(
      Readable.from(
        importErrorReportCsv(streamImportErrors(deps, { orgId: org.id, importId: run.id }), locale),
      ),
      createWriteStream(errorReport),
    );
  }
  const { errors } = await listImportErrors(deps, {
    orgId: org.id,
    importId: run.id,
    page: 1,
    pageSize: FIRST_ERRORS,
  });
  return {
    id: run.id,
    status: run.status,
    kind,
    file: filePath,
    org: { id: org.id, slug: org.slug },
    summary: run.summary,
    errorCount: run.errorCount,
    failureCode: run.failureCode,
    duplicateOf: run.duplicateOf
      ? { id: run.duplicateOf.id, finishedAt: run.duplicateOf.finishedAt?.toISOString() ?? null }
      : null,
    errorReport,
    firstErrors: errors.map((e) => ({
      line: e.line,
      column: e.column,
      code: e.code,
      message: importErrorReason(e, locale),
    })),
  };
}

function formatOfName(file: string): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json' || ext === '.ndjson') return 'json';
  if (ext === '.xml') return 'ubl';
  return 'csv';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The result for a person: what happened, the counts, the sums, the first errors. */
export function formatImportResult(r: ImportCommandResult, locale: Locale): string {
  const lines: string[] = [];
  const name = path.basename(r.file);
  lines.push(`${r.kind} from ${name} for ${r.org.slug}: ${r.status} (run ${r.id})`);
  const s = r.summary;
  if (s) {
    lines.push(
      `  ${plural(s.rows, 'row')} read, ${plural(s.documents, 'document')}: ${s.created} created, ${s.updated} updated, ` +
        `${s.unchanged} unchanged, ${s.rejected} rejected, ${s.flagged} flagged for review, ${s.voided} voided`,
    );
    for (const sum of s.sums)
      lines.push(`  ${sum.currency}: ${formatMoney(BigInt(sum.amount), sum.currency, locale)}`);
    if (!s.committed && r.status !== 'completed') lines.push('  Nothing was applied.');
  }
  if (r.duplicateOf)
    lines.push(
      `  This file was already imported${r.duplicateOf.finishedAt ? ` on ${r.duplicateOf.finishedAt.slice(0, 10)}` : ''} (run ${r.duplicateOf.id}).`,
    );
  if (r.errorCount > 0) {
    lines.push(`  ${plural(r.errorCount, 'error')}:`);
    for (const e of r.firstErrors) {
      const where = [e.line !== null ? `line ${e.line}` : 'file', e.column ? `column "${e.column}"` : null]
        .filter(Boolean)
        .join(', ');
      lines.push(`    ${where}: ${e.message}`);
    }
    if (r.errorReport) lines.push(`  Error report: ${r.errorReport}`);
    else if (r.errorCount > r.firstErrors.length)
      lines.push(`  Pass --report <file.csv> to write all ${r.errorCount} errors as CSV.`);
  }
  return `${lines.join('\n')}\n`;
}

function parseDelimiter(value: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if ([...delimiter].length !== 1 || /["\r\n\p{L}\p{N}]/u.test(delimiter))
    throw new InvalidArgumentError('one character (e.g. ";" or "|"), or "tab"');
  return delimiter;
}

function progressBar(): { onProgress: (p: ImportProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing [{bar}] {percentage}% | {rows} rows',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      if (!started) {
        bar.start(Math.max(p.bytesTotal, 1), 0, { rows: 0 });
        started = true;
      }
      bar.update(p.bytesDone, { rows: p.rowsDone });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description(
      "import a file from the ERP (CSV, XLSX, JSON or UBL XML) into a seller: customers, contacts, invoices, credit memos, payments, holds or the ERP's aging report",
    )
    .addArgument(new Argument('<kind>', 'what the file holds').choices(importKinds))
    .argument('<file>', 'the file to import')
    .requiredOption('--org <slug-or-id>', 'the seller')
    .option(
      '--profile <name>',
      'a mapping profile saved for this kind (default: the mapping suggested from the header)',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'all: the whole file or nothing (default); rows: each good document, each bad one reported',
      ).choices(['all', 'rows']),
    )
    .addOption(
      new Option('--format <format>', 'the file format (default: from its name and content)').choices(
        importFormats,
      ),
    )
    .addOption(
      new Option('--encoding <encoding>', 'CSV text encoding (default: detected)').choices(importEncodings),
    )
    .option('--delimiter <char>', 'CSV delimiter, e.g. ";" or "tab" (default: detected)', parseDelimiter)
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .addOption(
      new Option('--date-format <format>', "how dates are written (default: the seller's country's)").choices(
        dateFormats,
      ),
    )
    .addOption(
      new Option(
        '--decimal-mark <mark>',
        "the decimal mark of amounts (default: the seller's country's)",
      ).choices(['.', ',']),
    )
    .option('--report <path>', 'write the error report (CSV) here when there are errors')
    .addOption(
      new Option('--lang <lang>', 'language of error messages and the report')
        .choices(['es', 'en'])
        .default('en'),
    )
    .option('--json', 'print only the result, as one JSON object on stdout')
    .addHelpText(
      'after',
      '\nUse the same environment as `saldo start`. Exit code: 0 completed, 1 rejected or failed, 2 usage. For example\n' +
        '  saldo import invoices facturas.csv --org harbor-foods-supply --delimiter ";" --decimal-mark , --date-format dd/mm/yyyy\n' +
        '  saldo import customers clientes.xlsx --org harbor-foods-supply --profile default --json',
    )
    .exitOverride((err) => {
      // Usage errors exit 2 (commander's own are 1); help and version stay 0.
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (kind: ImportKind, file: string, o: ImportCommandOptions & { json?: boolean }) => {
      const config = loadConfig();
      const logger = makeLogger({ ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' });
      const bar = !o.json && process.stderr.isTTY ? progressBar() : null;
      const database = await openDatabase(config, logger, { attach: true, poolSize: 4 });
      try {
        const result = await runImportCommand({ db: database.db }, kind, file, {
          ...o,
          onProgress: bar?.onProgress,
        });
        bar?.stop();
        process.stdout.write(
          o.json ? `${JSON.stringify(result)}\n` : formatImportResult(result, o.lang ?? 'en'),
        );
        if (result.status === 'failed' && !o.json) {
          const first = result.firstErrors[0];
          process.stderr.write(
            `saldo: could not read ${path.basename(result.file)}${first?.line ? ` (line ${first.line})` : ''}: ${first?.message ?? result.failureCode}\n`,
          );
        }
        process.exitCode = result.status === 'completed' ? 0 : 1;
      } catch (err) {
        bar?.stop();
        if (!(err instanceof ImportUsageError)) throw err;
        process.stderr.write(`saldo: ${err.message}\n`);
        process.exitCode = 2;
      } finally {
        await database.shutdown();
      }
    });
}
