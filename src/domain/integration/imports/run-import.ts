import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/client.ts';
import type { DB } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { Actor } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { type ImportField, importFields } from '../import-fields.ts';
import type {
  ImportErrorRecord,
  ImportKind,
  ImportRow,
  ImportSettings,
  ImportSummary,
} from '../import-types.ts';
import { copyInto, copyValue, ident, openCopy } from './copy-into.ts';
import { importerFor } from './importers.ts';
import type { AppliedCounts, StagingContext } from './kind-importer.ts';
import { parseImportValue } from './parse-import-value.ts';

export interface RunImportInput {
  orgId: string;
  /** The import_runs row this import belongs to (its errors and reviews hang from it). */
  importId: string;
  kind: ImportKind;
  header: string[];
  rows: AsyncIterable<ImportRow>;
  settings: ImportSettings;
  actor: Actor;
  /** Called every 20,000 rows staged and at the end, with the data rows read so far. */
  onProgress?: (rowsDone: number) => void;
}

export interface RunImportResult {
  summary: ImportSummary;
  /**
   * The run's errors in line order, read from import_errors a page at a time through `deps.db`
   * (when that is the caller's transaction, read them before it ends).
   */
  errors: AsyncIterable<ImportErrorRecord>;
}

/** COPY text handed to the server at a time, errors held before they are staged, rows per progress call. */
const CHUNK_CHARS = 256 * 1024;
const MAX_ERRORS_HELD = 10_000;
const PROGRESS_ROWS = 20_000;

const stagingType: Record<ImportField['type'], string> = {
  text: 'text',
  enum: 'text',
  email: 'text',
  currency: 'text',
  locale: 'text',
  amount: 'numeric',
  decimal: 'numeric',
  integer: 'integer',
  date: 'date',
};

/** What a staged error says before the engine names its column: the field, or null for the whole row. */
interface StagedError {
  line: number | null;
  field: string | null;
  code: string;
  params?: Record<string, string | number>;
}

const emptyCounts: AppliedCounts = {
  documents: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  flagged: 0,
  voided: 0,
  sums: [],
};

/**
 * Imports the rows of one file of one kind, in ONE transaction: nothing of it is visible until it
 * commits, and a process killed halfway leaves nothing behind (the run can be run again).
 *
 * 1. The mapping is checked against the kind's fields and the file's header: a required field not
 *    mapped, or mapped to a column the file lacks, is an error of the whole file and nothing is read.
 * 2. Every row is read cell by cell by its field's type (parse-import-value.ts) and COPYed, in
 *    batches, into a temporary staging table (kind-importer.ts says its shape) — a cell that cannot
 *    be read is staged null, its row rejected and its error staged with it.
 * 3. The kind's importer validates the staged rows against each other and the database, then —
 *    unless the mode is 'all' and there is any error — applies them.
 * 4. The errors are kept with the run (import_errors, in line order, each field named by the
 *    file's own column header), in the same transaction.
 */
export async function runImport(deps: { db: Database }, input: RunImportInput): Promise<RunImportResult> {
  const entry = importerFor(input.kind);
  if (!entry) throw new AppError('validation_failed', {}, [{ field: 'kind', code: 'invalid' }]);
  const { settings } = input;
  const fields = importFields[input.kind];
  const optional = new Set(entry.cellsOptional ?? []);

  const fileErrors: StagedError[] = [];
  const columns: { field: ImportField; index: number }[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(settings.mapping))
    if (!known.has(name))
      fileErrors.push({ line: null, field: name, code: 'unknown_field', params: { field: name } });
  for (const field of fields) {
    const column = settings.mapping[field.name];
    const index = column === undefined ? -1 : headerIndex(input.header, column);
    if (index < 0) {
      if (column !== undefined || field.required)
        fileErrors.push({
          line: null,
          field: field.name,
          code: 'missing_column',
          params: { field: field.name, ...(column !== undefined ? { column } : {}) },
        });
      continue;
    }
    columns.push({ field: optional.has(field.name) ? { ...field, required: false } : field, index });
  }
  const result = (summary: ImportSummary): RunImportResult => ({
    summary,
    errors: readErrors(deps.db, input.orgId, input.importId),
  });
  if (fileErrors.length) {
    await inTransaction(deps.db, (trx) => keepErrors(trx, input, fileErrors));
    return result({ rows: 0, ...emptyCounts, committed: false, errors: fileErrors.length });
  }

  const table = `import_stage_${input.kind}`;
  const summary = await inTransaction(deps.db, async (trx) => {
    // Room for the staging tables in memory (temp_buffers can be set only before a session's first
    // temporary table: a pooled connection that had one keeps its own) and for their sorts.
    await sql`
      do $$ begin perform set_config('temp_buffers', '256MB', true);
      exception when others then null; end $$`.execute(trx);
    await sql`select set_config('work_mem', '64MB', true)`.execute(trx);
    await sql
      .raw(
        `drop table if exists ${ident(table)};
         create temporary table ${ident(table)} (
           line integer not null,
           rejected boolean not null default false,
           ${fields.map((f) => `${ident(f.name)} ${stagingType[f.type]}`).join(',\n')}
         ) on commit drop;
         drop table if exists import_errors_stage;
         create temporary table import_errors_stage (
           line integer, field text, code text not null, params jsonb not null default '{}'
         ) on commit drop;`,
      )
      .execute(trx);

    const rows = await stageRows(trx, table, columns, fields, input);
    // A small sample is enough for the planner to see the table's size and its keys' spread.
    await sql`select set_config('default_statistics_target', '10', true)`.execute(trx);
    await sql.raw(`analyze ${ident(table)}`).execute(trx);

    const ctx: StagingContext = {
      trx,
      orgId: input.orgId,
      importId: input.importId,
      table,
      mode: settings.mode,
      actor: input.actor,
    };
    await entry.importer.validate(ctx);
    const errors = await count(trx, 'select count(*)::int as n from import_errors_stage');
    let counts: AppliedCounts;
    if (settings.mode === 'all' && errors > 0) {
      const { rows: docs } = await sql<{ documents: number; rejected: number }>`
        select count(distinct ${sql.raw(entry.documentKey)})::int as documents,
               (count(distinct ${sql.raw(entry.documentKey)}) filter (where rejected))::int as rejected
          from ${sql.table(table)}`.execute(trx);
      counts = { ...emptyCounts, documents: docs[0]!.documents, rejected: docs[0]!.rejected };
    } else {
      counts = await entry.importer.apply(ctx);
    }
    const total = await count(trx, 'select count(*)::int as n from import_errors_stage');
    await moveErrors(trx, input);
    const committed = counts.created + counts.updated + counts.voided + counts.flagged > 0;
    return { rows, ...counts, committed, errors: total };
  });
  return result(summary);
}

/** The mapped column's place in the header: the exact name, else the same name trimmed and in any case. */
function headerIndex(header: string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact >= 0) return exact;
  const folded = column.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === folded);
}

/** Reads, parses and COPYs every row into the staging table; answers how many data rows were staged. */
async function stageRows(
  trx: Transaction<DB>,
  table: string,
  columns: { field: ImportField; index: number }[],
  fields: readonly ImportField[],
  input: RunImportInput,
): Promise<number> {
  const place = new Map(columns.map((c) => [c.field.name, c]));
  const order = fields.map((f) => place.get(f.name));
  const statement = `copy ${ident(table)} (line, rejected, ${fields.map((f) => ident(f.name)).join(', ')}) from stdin`;
  let copy = await openCopy(trx, statement);
  let chunk = '';
  let errors: StagedError[] = [];
  let rows = 0;
  try {
    await stage();
  } catch (error) {
    await copy.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  if (chunk) await copy.write(chunk);
  await copy.end();
  if (errors.length) await stageErrors(trx, errors);
  input.onProgress?.(rows);
  return rows;

  async function stage() {
    for await (const row of input.rows) {
      if (row.cells.every((c) => c === null || c.trim() === '')) continue;
      rows += 1;
      let rejected = false;
      let text = '';
      for (const column of order) {
        if (!column) {
          text += '\t\\N';
          continue;
        }
        const parsed = parseImportValue(column.field, row.cells[column.index] ?? null, input.settings);
        if (parsed.ok) text += `\t${copyValue(parsed.value)}`;
        else {
          rejected = true;
          text += '\t\\N';
          errors.push({
            line: row.line,
            field: column.field.name,
            code: parsed.code,
            ...(parsed.params ? { params: parsed.params } : {}),
          });
        }
      }
      chunk += `${row.line}\t${rejected ? 't' : 'f'}${text}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        await copy.write(chunk);
        chunk = '';
      }
      if (errors.length >= MAX_ERRORS_HELD) {
        // The COPY is closed to stage the errors (one statement at a time on a connection), then reopened.
        await copy.write(chunk);
        chunk = '';
        await copy.end();
        await stageErrors(trx, errors);
        errors = [];
        copy = await openCopy(trx, statement);
      }
      if (rows % PROGRESS_ROWS === 0) input.onProgress?.(rows);
    }
  }
}

function stageErrors(trx: Transaction<DB>, errors: StagedError[]): Promise<void> {
  const data = errors
    .map(
      (e) =>
        `${e.line ?? '\\N'}\t${copyValue(e.field)}\t${copyValue(e.code)}\t${copyValue(JSON.stringify(e.params ?? {}))}\n`,
    )
    .join('');
  return copyInto(trx, 'copy import_errors_stage (line, field, code, params) from stdin', data);
}

async function count(trx: Transaction<DB>, text: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(text).execute(trx);
  return rows[0]!.n;
}

/** Each mapped field's column position in the file: a line's errors are listed left to right. */
function positions(input: RunImportInput): Record<string, number> {
  return Object.fromEntries(
    Object.entries(input.settings.mapping).map(([field, column]) => [
      field,
      headerIndex(input.header, column),
    ]),
  );
}

/** Staged errors into import_errors, in line order, after any the run already has; fields named by the file's headers. */
async function moveErrors(trx: Transaction<DB>, input: RunImportInput): Promise<void> {
  await sql`
    insert into import_errors (org_id, import_id, seq, line, column_name, code, params)
    select ${input.orgId}, ${input.importId},
           coalesce((select max(seq) from import_errors where org_id = ${input.orgId} and import_id = ${input.importId}), 0)
             + row_number() over (order by e.line nulls first,
                 (${JSON.stringify(positions(input))}::jsonb ->> e.field)::int nulls first, e.field, e.code),
           e.line, coalesce(${JSON.stringify(input.settings.mapping)}::jsonb ->> e.field, e.field), e.code, e.params
      from import_errors_stage e`.execute(trx);
}

async function keepErrors(trx: Transaction<DB>, input: RunImportInput, errors: StagedError[]): Promise<void> {
  await sql`
    create temporary table if not exists import_errors_stage (
      line integer, field text, code text not null, params jsonb not null default '{}'
    ) on commit drop`.execute(trx);
  await stageErrors(trx, errors);
  await moveErrors(trx, input);
}

/** The run's errors in order, a page at a time (a report of 100,000 errors is never all in memory). */
async function* readErrors(db: Database, orgId: string, importId: string): AsyncIterable<ImportErrorRecord> {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('import_errors')
      .select(['seq', 'line', 'column_name', 'code', 'params'])
      .where('org_id', '=', orgId)
      .where('import_id', '=', importId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000)
      .execute();
    for (const e of page)
      yield {
        line: e.line,
        column: e.column_name,
        code: e.code,
        params: (e.params ?? {}) as unknown as Record<string, string | number>,
      };
    if (page.length < 1000) return;
    after = page.at(-1)!.seq;
  }
}
