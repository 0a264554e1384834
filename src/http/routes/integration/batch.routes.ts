import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Locale } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { getOrganizationProfile } from '../../../domain/identity/get-organization-profile.ts';
import { type ImportField, importFields } from '../../../domain/integration/import-fields.ts';
import type { ImportKind, ImportSettings } from '../../../domain/integration/import-types.ts';
import { createImportRun } from '../../../domain/integration/runs/create-import-run.ts';
import { executeImportRun } from '../../../domain/integration/runs/execute-import-run.ts';
import { getImportRun } from '../../../domain/integration/runs/get-import-run.ts';
import type { ImportFileReader } from '../../../domain/integration/runs/import-file-reader.ts';
import { listImportErrors } from '../../../domain/integration/runs/list-import-errors.ts';
import { createOnce } from '../../../domain/shared/create-once.ts';
import { inspectImportFile, openImportRows } from '../../../formats/import/read-import-file.ts';
import { negotiateLocale } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireApiKey } from '../../plugins/auth.ts';
import { CalendarDate, Email, IdempotencyKey, problems } from '../../schemas.ts';
import { importErrorMessage, RunSchema, runJson } from '../console/imports.routes.ts';

/** Documents per call: more is a 400 (send several calls, or a file through `saldo import`). */
export const MAX_BATCH_DOCUMENTS = 1000;
/** Lines of one invoice, applications of one payment. */
const MAX_PARTS = 500;
/** A batch of 1,000 documents with their lines fits well under this. */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;
/** How long a call waits for its run when the worker took it first (or a retry meets it running). */
const WAIT_MS = 120_000;

/**
 * One batch route per kind: its path, the kind, and the nested arrays of a document (each item one
 * file row, the document's own columns repeated — how the engine reads invoices' lines and fees
 * and payments' applications), with the wire name of each field they hold.
 */
interface PartGroup {
  key: 'lines' | 'fees' | 'applications';
  fields: Record<string, string>;
  /** Whether a document needs at least one item (an invoice needs a line). */
  required: boolean;
}
interface BatchKind {
  path: string;
  kind: ImportKind;
  parts: PartGroup[];
}

const lineFields = Object.fromEntries(
  importFields.invoices
    .filter((f) => f.name.startsWith('line_'))
    .map((f) => [f.name, camel(f.name.slice('line_'.length))]),
);

const batchKinds: BatchKind[] = [
  { path: '/customers/batch', kind: 'customers', parts: [] },
  {
    path: '/invoices/batch',
    kind: 'invoices',
    parts: [
      { key: 'lines', fields: lineFields, required: true },
      { key: 'fees', fields: { fee_name: 'name', fee_amount: 'amount' }, required: false },
    ],
  },
  { path: '/credit-memos/batch', kind: 'credit_memos', parts: [] },
  {
    path: '/payments/batch',
    kind: 'payments',
    parts: [
      {
        key: 'applications',
        fields: { invoice_number: 'invoiceNumber', applied_amount: 'amount' },
        required: false,
      },
    ],
  },
  { path: '/holds/batch', kind: 'holds', parts: [] },
];

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const DECIMAL = '^-?[0-9]{1,16}(\\.[0-9]{1,12})?$';

/** A field's wire schema: amounts and decimals as decimal strings in major units ("1234.56"), exact. */
function fieldSchema(field: ImportField) {
  switch (field.type) {
    case 'amount':
    case 'decimal':
      return Type.String({ pattern: DECIMAL, description: 'A decimal in major units, e.g. "1234.56".' });
    case 'date':
      return CalendarDate;
    case 'integer':
      return Type.Integer({ minimum: 0, maximum: 100_000 });
    case 'currency':
      return Type.String({ pattern: '^[A-Z]{3}$' });
    case 'locale':
      return Type.Union([Type.Literal('es'), Type.Literal('en')]);
    case 'email':
      return Email;
    case 'enum':
      return Type.Union((field.values ?? []).map((v) => Type.Literal(v)));
    default:
      return Type.String({ minLength: 1, maxLength: field.maxLength ?? 500 });
  }
}

/** An object of fields, each required when the field is (within a part: when the part's items need it). */
function objectOf(fields: { wire: string; field: ImportField; required: boolean }[], extra: object = {}) {
  const properties: Record<string, unknown> = {};
  for (const { wire, field, required } of fields)
    properties[wire] = required ? fieldSchema(field) : Type.Optional(fieldSchema(field));
  return Type.Object({ ...properties, ...extra } as Record<string, ReturnType<typeof Type.String>>, {
    additionalProperties: false,
  });
}

/** The document schema of a kind: its own fields in camelCase, its parts as arrays. */
function documentSchema(batch: BatchKind) {
  const fields = importFields[batch.kind];
  const inParts = new Set(batch.parts.flatMap((p) => Object.keys(p.fields)));
  const own = fields
    .filter((f) => !inParts.has(f.name))
    .map((f) => ({ wire: camel(f.name), field: f, required: f.required }));
  const arrays: Record<string, unknown> = {};
  for (const part of batch.parts) {
    const partFields = fields
      .filter((f) => f.name in part.fields)
      // A fee needs both its name and amount; a line what the file's line needs.
      .map((f) => ({ wire: part.fields[f.name]!, field: f, required: part.key === 'fees' || f.required }));
    const items = Type.Array(objectOf(partFields), { minItems: part.required ? 1 : 0, maxItems: MAX_PARTS });
    arrays[part.key] = part.required ? items : Type.Optional(items);
  }
  return objectOf(own, arrays);
}

/** Where a file line came from: the document's index, and the item of a part it carries. */
interface RowPlace {
  index: number;
  part: { key: string; item: number } | null;
}

type Doc = Record<string, unknown>;

/** RFC 4180 cell: quoted when it holds a comma, quote or line break. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The batch as the CSV file the engine reads: canonical field names as the header, one row per
 * document, or per item of its parts (an invoice's lines then its fees, a payment's applications),
 * the document's own columns repeated; ISO dates and '.' decimals. `places[line]` says which
 * document (and item) each line of the file is.
 */
export function batchCsv(batch: BatchKind, documents: Doc[]) {
  const header = importFields[batch.kind].map((f) => f.name);
  const partOf = new Map(batch.parts.flatMap((p) => Object.keys(p.fields).map((name) => [name, p] as const)));
  const lines = [header.map(cell).join(',')];
  const places: (RowPlace | undefined)[] = [undefined, undefined];
  let line = 1;
  documents.forEach((doc, index) => {
    const rows: { part: PartGroup | null; item: Doc | null; at: number }[] = [];
    for (const part of batch.parts)
      for (const [at, item] of ((doc[part.key] as Doc[] | undefined) ?? []).entries())
        rows.push({ part, item, at });
    if (rows.length === 0) rows.push({ part: null, item: null, at: 0 });
    for (const { part, item, at } of rows) {
      const text = header
        .map((name) => {
          const owner = partOf.get(name);
          if (!owner) return cell(doc[camel(name)]);
          return owner === part ? cell(item?.[owner.fields[name]!]) : '';
        })
        .join(',');
      lines.push(text);
      // A quoted line break makes one row span several physical lines.
      const span = 1 + (text.match(/\n/g) ?? []).length;
      for (let k = 1; k <= span; k += 1)
        places[line + k] = { index, part: part ? { key: part.key, item: at } : null };
      line += span;
    }
  });
  return { csv: `${lines.join('\n')}\n`, places, mapping: Object.fromEntries(header.map((h) => [h, h])) };
}

/** The field an error names, in the batch's own words (`lines.2.unitPrice`, `customerErpId`). */
function wireField(batch: BatchKind, column: string | null, place: RowPlace | undefined): string | null {
  if (column === null) return null;
  const part = batch.parts.find((p) => column in p.fields);
  if (part) {
    const item = place?.part?.key === part.key ? place.part.item : 0;
    return `${part.key}.${item}.${part.fields[column]}`;
  }
  return camel(column);
}

const BatchError = Type.Object({
  /** The document's position in `documents` (0-based); null: the batch as a whole. */
  index: Type.Union([Type.Integer(), Type.Null()]),
  field: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

const BatchAnswer = Type.Object({
  import: RunSchema,
  errors: Type.Array(BatchError),
});

/** The runs' file port over formats/import (the jobs' own adapter is out of reach: http may not import jobs/). */
const reader: ImportFileReader = { inspect: inspectImportFile, openRows: openImportRows };

/** The key's seller's language, unless the caller asks for one (Accept-Language). */
async function answerLocale(
  deps: Pick<AppDeps, 'db'>,
  request: FastifyRequest,
  orgId: string,
): Promise<Locale> {
  const asked = request.headers['accept-language'];
  if (asked) return negotiateLocale(asked);
  return (await getOrganizationProfile({ db: deps.db }, { orgId })).locale;
}

/**
 * Batch upserts for the ERP (`Authorization: Bearer <api key>`, scope integration:write): up to
 * 1,000 documents of one kind per call, applied by the same engine as a file import (upsert by
 * ERP id; the same documents twice change nothing), synchronously, recorded as an import run
 * with channel 'api'. `Idempotency-Key`: the same key and body answer the same result again.
 */
export const batchRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps;

  const waitForRun = async (orgId: string, importId: string) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const run = await getImportRun({ db }, { orgId, importId });
      if (['completed', 'rejected', 'failed'].includes(run.status) || Date.now() > deadline) return run;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  for (const batch of batchKinds) {
    app.post(
      batch.path,
      {
        preHandler: requireApiKey('integration:write'),
        bodyLimit: BATCH_BODY_LIMIT,
        schema: {
          tags: ['integration'],
          summary: `Create or update up to ${MAX_BATCH_DOCUMENTS} ${batch.kind.replace('_', ' ')} by ERP id`,
          description:
            'Applied by the same engine as a file import, before the answer: each document is upserted by its ' +
            'ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good ' +
            'document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, ' +
            '`code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies ' +
            'nothing (`status` rejected). Amounts and quantities are decimal strings in major units ' +
            '("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same ' +
            'result again (`Idempotent-Replayed: true`); another body under the key is refused (422 ' +
            '`idempotency_key_reused`). The run is listed among the console’s imports (channel api).',
          security: [{ apiKey: [] }],
          querystring: Type.Object({
            mode: Type.Optional(Type.Union([Type.Literal('rows'), Type.Literal('all')])),
          }),
          headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
          body: Type.Object(
            {
              documents: Type.Array(documentSchema(batch), { minItems: 1, maxItems: MAX_BATCH_DOCUMENTS }),
            },
            { additionalProperties: false },
          ),
          response: { 200: BatchAnswer, ...problems(400, 401, 403, 413, 422) },
        },
      },
      async (request, reply) => {
        const { orgId } = request.apiKey!;
        const mode = (request.query as { mode?: 'rows' | 'all' }).mode ?? 'rows';
        const documents = (request.body as { documents: Doc[] }).documents;
        const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
        const file = batchCsv(batch, documents);
        const settings: ImportSettings = {
          format: 'csv',
          encoding: 'utf-8',
          delimiter: ',',
          decimalMark: '.',
          dateFormat: 'yyyy-mm-dd',
          mapping: file.mapping,
          mode,
        };
        const created = await inTransaction(db, (trx) =>
          createOnce(
            trx,
            { orgId, scope: 'import', key, request: { kind: batch.kind, mode, documents } },
            () =>
              createImportRun(
                { db: trx },
                {
                  orgId,
                  kind: batch.kind,
                  channel: 'api',
                  fileName: `api-${batch.kind}.csv`,
                  bytes: Readable.from([Buffer.from(file.csv, 'utf8')]),
                  settings,
                  actor: actorOf(request),
                },
              ),
          ),
        );
        // Run it here, now (the queued job finds it done; a worker that took it first is waited for).
        await executeImportRun({ db, reader }, { orgId, importId: created.id });
        const run = await waitForRun(orgId, created.id);
        const locale = await answerLocale(deps, request, orgId);
        const errors: { index: number | null; field: string | null; code: string; message: string }[] = [];
        for (let page = 1; ; page += 1) {
          const result = await listImportErrors({ db }, { orgId, importId: created.id, page, pageSize: 500 });
          for (const e of result.errors) {
            const place = e.line === null ? undefined : file.places[e.line];
            errors.push({
              index: place?.index ?? null,
              field: wireField(batch, e.column, place),
              code: e.code,
              message: importErrorMessage(locale, e.code, e.params ?? {}),
            });
          }
          if (page * 500 >= result.total || result.errors.length === 0) break;
        }
        if (created.replayed) reply.header('idempotent-replayed', 'true');
        return { import: runJson(locale, run), errors };
      },
    );
  }
};
