import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Locale } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { getOrganizationProfile } from '../../../domain/identity/get-organization-profile.ts';
import { importField, importFields } from '../../../domain/integration/import-fields.ts';
import {
  type ByteSource,
  dateFormats,
  type ImportErrorRecord,
  ImportFileError,
  type ImportKind,
  type ImportRow,
  type ImportSettings,
  importEncodings,
  importFormats,
  importKinds,
} from '../../../domain/integration/import-types.ts';
import { correctAgingDifference } from '../../../domain/integration/imports/correct-aging-difference.ts';
import { parseImportValue } from '../../../domain/integration/imports/parse-import-value.ts';
import {
  amountPrecisionProblem,
  previewRowCurrencies,
} from '../../../domain/integration/preview-precision.ts';
import { createImportRun } from '../../../domain/integration/runs/create-import-run.ts';
import { deleteImportProfile } from '../../../domain/integration/runs/delete-import-profile.ts';
import { getImportProfile } from '../../../domain/integration/runs/get-import-profile.ts';
import { getImportRun } from '../../../domain/integration/runs/get-import-run.ts';
import { defaultReadingSettings } from '../../../domain/integration/runs/import-settings.ts';
import { listImportErrors } from '../../../domain/integration/runs/list-import-errors.ts';
import { listImportProfiles } from '../../../domain/integration/runs/list-import-profiles.ts';
import { listImportReviews } from '../../../domain/integration/runs/list-import-reviews.ts';
import { listImportRuns } from '../../../domain/integration/runs/list-import-runs.ts';
import { resolveImportReview } from '../../../domain/integration/runs/resolve-import-review.ts';
import { saveImportProfile } from '../../../domain/integration/runs/save-import-profile.ts';
import { streamImportErrors } from '../../../domain/integration/runs/stream-import-errors.ts';
import { suggestMapping } from '../../../domain/integration/suggest-mapping.ts';
import { createOnce } from '../../../domain/shared/create-once.ts';
import { importErrorReason, importErrorReportCsv } from '../../../formats/csv/import-error-report-csv.ts';
import { inspectImportFile } from '../../../formats/import/read-import-file.ts';
import { t } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import {
  BinaryBody,
  DateTime,
  documentAmountAsNumber,
  IdempotencyKey,
  PageQuery,
  problems,
  Uuid,
} from '../../schemas.ts';

/** The largest file the console takes (bigger ones go through `saldo import` or the drop folder). */
export const MAX_CONSOLE_UPLOAD = 200 * 1024 * 1024;
/** What inspect reads: the whole file, or (CSV, JSON) its first part; the preview is 20 rows. */
export const MAX_INSPECT_BYTES = 16 * 1024 * 1024;
const PREVIEW_ROWS = 20;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as ReturnType<typeof Type.String>;

export const Kind = literals(importKinds);
const Format = literals(importFormats);
const Encoding = literals(importEncodings);
const DateFormat = literals(dateFormats);
const Mode = Type.Union([Type.Literal('all'), Type.Literal('rows')]);
const Mapping = Type.Record(Type.String({ maxLength: 64 }), Type.String({ minLength: 1, maxLength: 200 }), {
  maxProperties: 64,
});

/** Settings as sent: any of them, each overriding what was detected, suggested or saved. */
const SettingsOverrides = Type.Object(
  {
    format: Type.Optional(Format),
    encoding: Type.Optional(Encoding),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
    sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    decimalMark: Type.Optional(Type.Union([Type.Literal('.'), Type.Literal(',')])),
    dateFormat: Type.Optional(DateFormat),
    mapping: Type.Optional(Mapping),
    mode: Type.Optional(Mode),
  },
  { additionalProperties: false },
);
type Overrides = Partial<ImportSettings>;

export const SettingsSchema = Type.Object({
  format: Format,
  encoding: Type.Optional(Encoding),
  delimiter: Type.Optional(Type.String()),
  sheet: Type.Optional(Type.String()),
  decimalMark: Type.Union([Type.Literal('.'), Type.Literal(',')]),
  dateFormat: DateFormat,
  mapping: Type.Record(Type.String(), Type.String()),
  mode: Mode,
});

const SETTINGS_HEADER = 'saldo-import-settings';
const settingsHeaderDoc =
  'The settings as base64url-encoded JSON: any of `format`, `encoding` (utf-8, windows-1252), `delimiter`, ' +
  '`sheet`, `decimalMark` (`.` or `,`), `dateFormat` (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd), `mapping` ' +
  '(field → the file’s column header) and `mode` (all, rows).';
const SettingsHeader = Type.Optional(Type.String({ maxLength: 16_384, description: settingsHeaderDoc }));

/** The `Saldo-Import-Settings` header, decoded and checked (400 naming the header otherwise). */
export function settingsFromHeader(request: FastifyRequest): Overrides {
  const raw = request.headers[SETTINGS_HEADER];
  if (raw === undefined) return {};
  const invalid = () => new AppError('validation_failed', {}, [{ field: SETTINGS_HEADER, code: 'invalid' }]);
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(raw)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Value.Check(SettingsOverrides, value)) throw invalid();
  return value as Overrides;
}

/** What a file name says its format is (an override in the settings wins). */
export function formatOfName(name: string): ImportSettings['format'] {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json' || ext === 'ndjson') return 'json';
  if (ext === 'xml') return 'ubl';
  return 'csv';
}

/** A file held in memory as a ByteSource (the readers' input). */
export function bufferSource(bytes: Buffer, name: string): ByteSource {
  return { name, size: bytes.length, open: (start = 0) => Readable.from([bytes.subarray(start)]) };
}

/**
 * A body stream that stops at `limit` bytes with 413 `body_too_large` (a raw-body route has no
 * Fastify body limit), and hashes what passes so a replayed upload can be compared.
 */
export function limitedBody(stream: Readable, limit: number) {
  const hash = createHash('sha256');
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) return done(new AppError('body_too_large'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  stream.on('error', (err) => limited.destroy(err));
  stream.pipe(limited);
  return { stream: limited, sha256: () => hash.digest('hex'), size: () => seen };
}

/** Reads a raw body into memory, at most `limit` bytes. */
async function readBody(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of limitedBody(stream, limit).stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/**
 * A raw upload as the content-type parser leaves it: the request stream, kept out of sight of
 * the edge's text check (which walks a body's own enumerable fields).
 */
export class RawUpload {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

function uploadOf(request: FastifyRequest): Readable {
  const body = request.body;
  if (!(body instanceof RawUpload)) throw new AppError('unsupported_media_type');
  const length = Number(request.headers['content-length']);
  if (Number.isFinite(length) && length > MAX_CONSOLE_UPLOAD)
    throw new AppError('file_too_large', { megabytes: MAX_CONSOLE_UPLOAD / (1024 * 1024) });
  return body.stream;
}

/** An import error in the reader's words (`importErrors.<code>` in src/i18n; the code when unknown). */
export function importErrorMessage(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
) {
  return importErrorReason({ line: null, column: null, code, params }, locale);
}

/** Why an import held a document for review, in the reader's words. */
function reviewMessage(locale: Locale, reason: string, params: Record<string, string | number>): string {
  const key = `importReviews.${reason}`;
  const words = t(locale, key, params);
  return words === key ? reason : words;
}

const ErrorSchema = Type.Object({
  line: Nullable(Type.Integer()),
  column: Nullable(Type.String()),
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  message: Type.String(),
});

function errorJson(locale: Locale, e: ImportErrorRecord) {
  const params = e.params ?? {};
  return {
    line: e.line,
    column: e.column,
    code: e.code,
    params,
    message: importErrorMessage(locale, e.code, params),
  };
}

const SummarySchema = Type.Object({
  rows: Type.Integer(),
  documents: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  flagged: Type.Integer(),
  voided: Type.Integer(),
  sums: Type.Array(Type.Object({ currency: Type.String(), amount: Type.String() })),
  committed: Type.Boolean(),
  errors: Type.Integer(),
});

const Status = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('rejected'),
  Type.Literal('failed'),
  Type.Literal('interrupted'),
]);
const Channel = Type.Union([
  Type.Literal('console'),
  Type.Literal('cli'),
  Type.Literal('drop_folder'),
  Type.Literal('api'),
]);
const ReviewStatus = Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('dismissed')]);

export const RunSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  channel: Channel,
  fileName: Type.String(),
  fileSize: Type.Integer(),
  status: Status,
  /** 0–100: the share of the file read so far. */
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  rowsDone: Type.Integer(),
  summary: Nullable(SummarySchema),
  errorCount: Type.Integer(),
  failureCode: Nullable(Type.String()),
  failureMessage: Nullable(Type.String()),
  duplicateOf: Nullable(Type.Object({ id: Uuid, finishedAt: Nullable(DateTime) })),
  profileId: Nullable(Uuid),
  startedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});

/** What the runs' use cases answer for one run (src/domain/integration/runs). */
type RunView = Awaited<ReturnType<typeof getImportRun>>;

export function runJson(locale: Locale, run: RunView) {
  const size = Number(run.fileSize);
  const done = Number(run.bytesDone ?? 0);
  const finished = ['completed', 'rejected', 'failed'].includes(run.status);
  return {
    id: run.id,
    kind: run.kind,
    channel: run.channel,
    fileName: run.fileName,
    fileSize: size,
    status: run.status,
    progress: finished ? 100 : size > 0 ? Math.min(99, Math.floor((done * 100) / size)) : 0,
    rowsDone: run.rowsDone,
    summary: run.summary ?? null,
    errorCount: run.errorCount,
    failureCode: run.failureCode ?? null,
    failureMessage: run.failureCode ? importErrorMessage(locale, run.failureCode) : null,
    duplicateOf: run.duplicateOf ?? null,
    profileId: run.profileId ?? null,
    startedBy: run.startedBy ?? null,
    createdAt: run.createdAt,
    startedAt: run.startedAt ?? null,
    finishedAt: run.finishedAt ?? null,
  };
}

const ProfileSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  name: Type.String(),
  settings: SettingsSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
});
type ProfileView = Awaited<ReturnType<typeof getImportProfile>>;
const profileJson = (p: ProfileView) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  settings: p.settings,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

const ReviewSchema = Type.Object({
  id: Uuid,
  importId: Uuid,
  kind: Type.Union([
    Type.Literal('invoice'),
    Type.Literal('credit_memo'),
    Type.Literal('payment'),
    Type.Literal('aging'),
  ]),
  documentId: Nullable(Uuid),
  erpId: Nullable(Type.String()),
  reason: Type.String(),
  message: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  status: ReviewStatus,
  createdAt: DateTime,
  resolvedAt: Nullable(DateTime),
});

const FieldSchema = Type.Object({
  name: Type.String(),
  type: Type.String(),
  required: Type.Boolean(),
  values: Type.Optional(Type.Array(Type.String())),
});

const PreviewCell = Type.Object({
  field: Type.String(),
  raw: Nullable(Type.String()),
  value: Nullable(Type.String()),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

const InspectAnswer = Type.Object({
  format: Format,
  encoding: Nullable(Encoding),
  detectedEncoding: Nullable(Encoding),
  delimiter: Nullable(Type.String()),
  detectedDelimiter: Nullable(Type.String()),
  sheets: Type.Array(Type.String()),
  header: Type.Array(Type.String()),
  kindHint: Nullable(Kind),
  fields: Type.Array(FieldSchema),
  suggested: Type.Object({
    mapping: Type.Record(Type.String(), Type.String()),
    unmatchedRequired: Type.Array(Type.String()),
  }),
  /** What the import would use: the overrides sent, else what was detected and suggested. */
  settings: SettingsSchema,
  /** Required fields the mapping used has no column for (the import would be refused). */
  missingRequired: Type.Array(Type.String()),
  rows: Type.Array(
    Type.Object({ line: Type.Integer(), cells: Type.Array(PreviewCell), overflow: Type.Integer() }),
  ),
});

/** A mapped cell of a preview row, parsed as the engine parses it (parse-import-value.ts). */
function previewCell(
  locale: Locale,
  kind: ImportKind,
  settings: ImportSettings,
  header: string[],
  row: ImportRow,
  fieldName: string,
  currency: string,
) {
  const column = settings.mapping[fieldName];
  const index = column === undefined ? -1 : header.indexOf(column);
  const raw = index < 0 ? null : (row.cells[index] ?? null);
  const field = importField(kind, fieldName)!;
  const parsed = parseImportValue(field, raw, settings);
  // An amount more precise than its currency (12.345 USD) is refused by the import: flagged here.
  const precision =
    parsed.ok && parsed.value !== null && field.type === 'amount'
      ? amountPrecisionProblem(parsed.value, currency)
      : null;
  if (precision)
    return {
      field: fieldName,
      raw,
      value: null,
      error: { code: precision.code, message: importErrorMessage(locale, precision.code, precision.params) },
    };
  if (parsed.ok)
    return { field: fieldName, raw, value: parsed.value === null ? null : String(parsed.value), error: null };
  const params = parsed.params ?? {};
  return {
    field: fieldName,
    raw,
    value: null,
    error: { code: parsed.code, message: importErrorMessage(locale, parsed.code, params) },
  };
}

/** The file-level problem an inspection met, as a 422 with its reason and line. */
function fileProblem(locale: Locale, error: ImportFileError): AppError {
  const reason = importErrorMessage(locale, error.code, error.params);
  return new AppError('import_file_unreadable', {
    reason: error.line === null ? reason : `${reason} (${t(locale, 'importReport.line')} ${error.line})`,
    fileCode: error.code,
  });
}

const kindQuery = { kind: Kind };
const ERROR_PAGE = {
  page: PageQuery.page,
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
};

/**
 * Imports from the console: a file is inspected (encoding, delimiter, header, the suggested
 * mapping and the first rows as Saldo parses them), then imported as a run the worker executes,
 * whose progress, summary and errors (also as a CSV report) the page polls. Mapping profiles
 * are saved per kind; documents an import flagged wait in the reviews. Viewers read; owners,
 * admins and AR agents import. Always the staff's own seller: another seller's run is 404.
 *
 * Files arrive as the raw body (`application/octet-stream`, the name in `?name=`): streamed
 * into the run's storage, 200 MiB at most here (larger files: `saldo import` or the drop folder).
 */
export const importRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, new RawUpload(payload as unknown as Readable)),
  );
  const readers = requireStaff();
  const writers = requireStaff('owner', 'admin', 'ar_agent');

  const effectiveSettings = async (
    orgId: string,
    kind: ImportKind,
    profileId: string | undefined,
    overrides: Overrides,
  ): Promise<Overrides> => {
    if (!profileId) return overrides;
    const profile = await getImportProfile({ db }, { orgId, profileId });
    if (profile.kind !== kind) throw new AppError('not_found');
    return { ...profile.settings, ...overrides };
  };

  app.post(
    '/console/imports/inspect',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary:
          'Read a file before importing it: encoding, delimiter, header, suggested mapping, first rows',
        description:
          'The body is the file itself (`application/octet-stream`): the whole file, or for CSV and JSON its ' +
          'first part (the console sends the first MiB); at most 16 MiB. Nothing is stored. The answer shows ' +
          'what was detected and what would be used, the mapping suggested from the header, and the first ' +
          '20 rows as the import would parse them (each mapped field’s value or its error). Send the same ' +
          `bytes again with \`Saldo-Import-Settings\` to preview other settings. ${settingsHeaderDoc}`,
        querystring: Type.Object({
          ...kindQuery,
          name: Type.String({ minLength: 1, maxLength: 255 }),
          profileId: Type.Optional(Uuid),
        }),
        headers: Type.Object({ [SETTINGS_HEADER]: SettingsHeader }),
        consumes: ['application/octet-stream'],
        body: BinaryBody,
        response: { 200: InspectAnswer, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const { kind, name, profileId } = request.query as {
        kind: ImportKind;
        name: string;
        profileId?: string;
      };
      const locale = requestLocale(request);
      const orgId = staffOf(request).orgId;
      const overrides = await effectiveSettings(orgId, kind, profileId, settingsFromHeader(request));
      const bytes = await readBody(uploadOf(request), MAX_INSPECT_BYTES);
      let info: Awaited<ReturnType<typeof inspectImportFile>>;
      try {
        info = await inspectImportFile(bufferSource(bytes, name), {
          ...(overrides.format ? { format: overrides.format } : {}),
          ...(overrides.encoding ? { encoding: overrides.encoding } : {}),
          ...(overrides.delimiter ? { delimiter: overrides.delimiter } : {}),
          ...(overrides.sheet ? { sheet: overrides.sheet } : {}),
        });
      } catch (err) {
        if (err instanceof ImportFileError) throw fileProblem(locale, err);
        throw err;
      }
      const suggested = suggestMapping(kind, info.header);
      const habits = defaultReadingSettings((await getOrganizationProfile({ db }, { orgId })).country);
      const implied = info.impliedSettings;
      const mapping = overrides.mapping ?? implied.mapping ?? suggested.mapping;
      const settings: ImportSettings = {
        format: info.format,
        ...(info.encoding ? { encoding: info.encoding } : {}),
        ...(info.delimiter ? { delimiter: info.delimiter } : {}),
        ...(overrides.sheet ? { sheet: overrides.sheet } : {}),
        decimalMark:
          overrides.decimalMark ??
          implied.decimalMark ??
          guessDecimalMark(kind, info.header, info.sample, mapping, info.delimiter, habits.decimalMark),
        dateFormat: overrides.dateFormat ?? implied.dateFormat ?? habits.dateFormat,
        mapping,
        mode: overrides.mode ?? 'rows',
      };
      const fields = importFields[kind];
      const missingRequired = fields
        .filter((f) => f.required)
        .filter((f) => {
          const column = settings.mapping[f.name];
          return column === undefined || !info.header.includes(column);
        })
        .map((f) => f.name);
      const mapped = fields.filter((f) => settings.mapping[f.name] !== undefined).map((f) => f.name);
      const preview = info.sample.slice(0, PREVIEW_ROWS);
      const currencies = await previewRowCurrencies(
        { db },
        { orgId, kind, settings, header: info.header, rows: preview },
      );
      return {
        format: info.format,
        encoding: info.encoding,
        detectedEncoding: info.detectedEncoding,
        delimiter: info.delimiter,
        detectedDelimiter: info.detectedDelimiter,
        sheets: info.sheets,
        header: info.header,
        kindHint: info.kindHint,
        fields: fields.map((f) => ({
          name: f.name,
          type: f.type,
          required: f.required,
          ...(f.values ? { values: [...f.values] } : {}),
        })),
        suggested,
        settings,
        missingRequired,
        rows: preview.map((row, i) => ({
          line: row.line,
          overflow: row.overflow ?? 0,
          cells: mapped.map((f) => previewCell(locale, kind, settings, info.header, row, f, currencies[i]!)),
        })),
      };
    },
  );

  app.post(
    '/console/imports',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary: 'Import a file: stores it and queues the run (poll GET …/imports/{id})',
        description:
          'The body is the whole file (`application/octet-stream`, at most 200 MiB here; larger files go ' +
          'through `saldo import` or the drop folder), its name in `?name=`. Settings: a saved profile ' +
          '(`profileId`) and/or `Saldo-Import-Settings` (each setting sent overrides the profile’s); `mode` ' +
          'in the query overrides both. With `Idempotency-Key`, the same key and the same file and settings ' +
          'answer the same run (200); another file or settings under the key are refused (422 ' +
          '`idempotency_key_reused`). `duplicateOf`: an earlier completed import of the very same file ' +
          `(importing it again changes nothing). ${settingsHeaderDoc}`,
        querystring: Type.Object({
          ...kindQuery,
          name: Type.String({ minLength: 1, maxLength: 255 }),
          profileId: Type.Optional(Uuid),
          mode: Type.Optional(Mode),
        }),
        headers: Type.Object({
          [SETTINGS_HEADER]: SettingsHeader,
          'idempotency-key': Type.Optional(IdempotencyKey),
        }),
        consumes: ['application/octet-stream'],
        body: BinaryBody,
        response: {
          200: RunSchema,
          202: RunSchema,
          ...problems(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { kind, name, profileId, mode } = request.query as {
        kind: ImportKind;
        name: string;
        profileId?: string;
        mode?: 'all' | 'rows';
      };
      const locale = requestLocale(request);
      const staff = staffOf(request);
      const given = await effectiveSettings(staff.orgId, kind, profileId, settingsFromHeader(request));
      const settings = { ...given, format: given.format ?? formatOfName(name), ...(mode ? { mode } : {}) };
      // createImportRun refuses past the limit (file_too_large); this only hashes for a replay.
      const body = limitedBody(uploadOf(request), Number.POSITIVE_INFINITY);
      const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
      const created = await inTransaction(db, (trx) =>
        createOnce(
          trx,
          { orgId: staff.orgId, scope: 'import', key, request: { kind, name, profileId, settings } },
          async () =>
            createImportRun(
              { db: trx },
              {
                orgId: staff.orgId,
                kind,
                channel: 'console',
                fileName: name,
                bytes: body.stream,
                settings: settings as ImportSettings,
                ...(profileId ? { profileId } : {}),
                maxBytes: MAX_CONSOLE_UPLOAD,
                actor: actorOf(request),
              },
            ),
        ),
      );
      const run = await getImportRun({ db }, { orgId: staff.orgId, importId: created.id });
      if (created.replayed) {
        // The same key must come with the same bytes: read what was sent and compare.
        for await (const _chunk of body.stream);
        if (body.sha256() !== run.fileSha256) throw new AppError('idempotency_key_reused');
      }
      return reply.code(created.replayed ? 200 : 202).send(runJson(locale, run));
    },
  );

  app.get(
    '/console/imports',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'Imports, newest first: every channel (console, CLI, drop folder, API)',
        querystring: Type.Object({ kind: Type.Optional(Kind), ...PageQuery }),
        response: {
          200: Type.Object({
            imports: Type.Array(RunSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { kind, page, pageSize } = request.query as { kind?: ImportKind; page: number; pageSize: number };
      const locale = requestLocale(request);
      const result = await listImportRuns(
        { db },
        { orgId: staffOf(request).orgId, ...(kind ? { kind } : {}), page, pageSize },
      );
      return { imports: result.runs.map((r) => runJson(locale, r)), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/console/imports/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'One import: status, progress, summary (created, updated, unchanged, rejected, sums)',
        params: Type.Object({ id: Uuid }),
        response: { 200: RunSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const run = await getImportRun({ db }, { orgId: staffOf(request).orgId, importId: request.params.id });
      return runJson(requestLocale(request), run);
    },
  );

  app.get(
    '/console/imports/:id/errors',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'An import’s rejected rows: line, column and reason, in the reader’s language',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(ERROR_PAGE),
        response: {
          200: Type.Object({
            errors: Type.Array(ErrorSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const orgId = staffOf(request).orgId;
      const { page, pageSize } = request.query as { page: number; pageSize: number };
      const locale = requestLocale(request);
      const result = await listImportErrors({ db }, { orgId, importId: request.params.id, page, pageSize });
      return { errors: result.errors.map((e) => errorJson(locale, e)), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/console/imports/:id/errors.csv',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'An import’s error report as CSV (line, column, reason), in the reader’s language',
        params: Type.Object({ id: Uuid }),
        produces: ['text/csv'],
        response: { 200: BinaryBody, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const orgId = staffOf(request).orgId;
      const run = await getImportRun({ db }, { orgId, importId: request.params.id });
      const base = run.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import';
      const errors = streamImportErrors({ db }, { orgId, importId: run.id });
      const csv = importErrorReportCsv(errors, requestLocale(request));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${base}-errors.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(csv) as unknown as Buffer);
    },
  );

  app.get(
    '/console/import-profiles',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'Saved mapping profiles (all kinds, or one)',
        querystring: Type.Object({ kind: Type.Optional(Kind) }),
        response: { 200: Type.Object({ profiles: Type.Array(ProfileSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { kind } = request.query as { kind?: ImportKind };
      const profiles = await listImportProfiles(
        { db },
        { orgId: staffOf(request).orgId, ...(kind ? { kind } : {}) },
      );
      return { profiles: profiles.map(profileJson) };
    },
  );

  app.put(
    '/console/import-profiles',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary: 'Save a mapping profile (by kind and name: saving the same name again replaces it)',
        description:
          'The mapping’s keys are fields of the kind (a field the kind lacks refuses the profile). The profile ' +
          'named `default` (or a kind’s only one) is what the drop folder uses.',
        body: Type.Object(
          {
            kind: Kind,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            settings: Type.Object(
              {
                format: Format,
                encoding: Type.Optional(Encoding),
                delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
                sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
                decimalMark: Type.Union([Type.Literal('.'), Type.Literal(',')]),
                dateFormat: DateFormat,
                mapping: Mapping,
                mode: Mode,
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ProfileSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { kind, name, settings } = request.body as {
        kind: ImportKind;
        name: string;
        settings: ImportSettings;
      };
      const profile = await saveImportProfile(
        { db },
        { orgId: staffOf(request).orgId, kind, name, settings, actor: actorOf(request) },
      );
      return profileJson(profile);
    },
  );

  app.get(
    '/console/import-profiles/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'One mapping profile',
        params: Type.Object({ id: Uuid }),
        response: { 200: ProfileSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const profile = await getImportProfile(
        { db },
        { orgId: staffOf(request).orgId, profileId: request.params.id },
      );
      return profileJson(profile);
    },
  );

  app.delete(
    '/console/import-profiles/:id',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary: 'Delete a mapping profile (past imports keep their settings)',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteImportProfile(
        { db },
        { orgId: staffOf(request).orgId, profileId: request.params.id, actor: actorOf(request) },
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/console/import-reviews',
    {
      preHandler: readers,
      schema: {
        tags: ['console'],
        summary: 'Documents imports flagged for review (e.g. a new total below what is already paid)',
        querystring: Type.Object({
          status: Type.Optional(ReviewStatus),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            reviews: Type.Array(ReviewSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query as {
        status?: 'open' | 'resolved' | 'dismissed';
        page: number;
        pageSize: number;
      };
      const locale = requestLocale(request);
      const result = await listImportReviews(
        { db },
        { orgId: staffOf(request).orgId, status: status ?? 'open', page, pageSize },
      );
      return {
        reviews: result.reviews.map((r) => ({
          id: r.id,
          importId: r.importId,
          kind: r.kind,
          documentId: r.documentId,
          erpId: r.erpId,
          reason: r.reason,
          // Each reason's own words (src/i18n `importReviews.<reason>`), the reason itself when unknown.
          message: reviewMessage(locale, r.reason, r.params),
          params: r.params,
          status: r.status,
          createdAt: r.createdAt,
          resolvedAt: r.resolvedAt,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/console/import-reviews/:id/resolve',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary: 'Close a review: `resolved` (handled) or `dismissed` (nothing to do)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { resolution: Type.Union([Type.Literal('resolved'), Type.Literal('dismissed')]) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await resolveImportReview(
        { db },
        {
          orgId: staffOf(request).orgId,
          reviewId: request.params.id,
          resolution: (request.body as { resolution: 'resolved' | 'dismissed' }).resolution,
          actor: actorOf(request),
        },
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/console/import-reviews/:id/correct',
    {
      preHandler: writers,
      schema: {
        tags: ['console'],
        summary:
          'Correct an aging difference where the ERP shows less open than Saldo: an ERP payment for the difference',
        description:
          "Records a payment (source `erp`) for Saldo's open amount minus the ERP's, applies it to the " +
          'invoice and resolves the review. Other differences answer what to import instead ' +
          '(`aging_import_document`, `aging_erp_higher`, `aging_not_invoice`); a review already closed, 409.',
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({
            payment: Type.Union([
              Type.Object({ id: Uuid, number: Type.String(), amount: Type.Number() }),
              Type.Null(),
            ]),
          }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { payment } = await correctAgingDifference(
        { db },
        { orgId: staffOf(request).orgId, reviewId: request.params.id, actor: actorOf(request) },
      );
      return { payment: payment ? { ...payment, amount: documentAmountAsNumber(payment.amount) } : null };
    },
  );
};

/**
 * The decimal mark the file's numbers seem to use: in the sample's cells of amount and decimal
 * columns, "1.234,56" or "3,25" votes for the comma, "1,234.56" or "3.25" for the point; without
 * a vote, `;` between cells suggests a decimal-comma locale; else the seller's country's habit.
 */
function guessDecimalMark(
  kind: ImportKind,
  header: string[],
  sample: ImportRow[],
  mapping: Record<string, string>,
  delimiter: string | null,
  countryMark: '.' | ',',
): '.' | ',' {
  let comma = 0;
  let point = 0;
  for (const field of importFields[kind]) {
    if (field.type !== 'amount' && field.type !== 'decimal') continue;
    const index = header.indexOf(mapping[field.name] ?? '');
    if (index < 0) continue;
    for (const row of sample) {
      const cell = row.cells[index]?.replace(/[^\d.,]/g, '') ?? '';
      const last = Math.max(cell.lastIndexOf('.'), cell.lastIndexOf(','));
      if (last < 0) continue;
      // A mark followed by exactly three digits may group thousands: no vote.
      if (cell.length - last - 1 === 3) continue;
      if (cell[last] === ',') comma += 1;
      else point += 1;
    }
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ';' ? ',' : countryMark;
}
