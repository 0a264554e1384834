import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ErpExportFormat } from '../../../db/schema.ts';
import { AppError } from '../../../domain/errors.ts';
import { dropFolderOf, safeSlug } from '../../../domain/integration/runs/drop-folder-layout.ts';
import type { RenderedExport } from '../../../domain/integration/sync/confirmation-document.ts';
import type { ExportSummary } from '../../../domain/integration/sync/erp-confirmations.repository.ts';
import { lastExportSequence } from '../../../domain/integration/sync/erp-confirmations.repository.ts';
import {
  loadErpSyncSettings,
  manualMethods,
} from '../../../domain/integration/sync/erp-sync-settings.repository.ts';
import { exportPaymentConfirmations } from '../../../domain/integration/sync/export-payment-confirmations.ts';
import { getConfirmationExport } from '../../../domain/integration/sync/get-confirmation-export.ts';
import { getErpSyncSettings } from '../../../domain/integration/sync/get-erp-sync-settings.ts';
import { listConfirmationExports } from '../../../domain/integration/sync/list-confirmation-exports.ts';
import {
  MAX_SYNC_RECIPIENTS,
  updateErpSyncSettings,
} from '../../../domain/integration/sync/update-erp-sync-settings.ts';
import {
  emptyConfirmationsJson,
  renderPaymentConfirmations,
} from '../../../formats/csv/payment-confirmations-csv.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireApiKey, requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, PageQuery, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Frequency = Type.Union([
  Type.Literal('off'),
  Type.Literal('hourly'),
  Type.Literal('every_4_hours'),
  Type.Literal('daily'),
]);
const Marking = Type.Union([Type.Literal('automatic'), Type.Literal('manual')]);
const Format = Type.Union([Type.Literal('csv'), Type.Literal('json')]);
const Channel = Type.Union([
  Type.Literal('schedule'),
  Type.Literal('console'),
  Type.Literal('cli'),
  Type.Literal('api'),
]);
const ErpAccount = Nullable(Type.String({ maxLength: 100 }));

const SettingsBody = Type.Object(
  {
    frequency: Frequency,
    dailyAt: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time' }),
    marking: Marking,
    csv: Type.Object(
      {
        delimiter: Type.Union([Type.Literal(','), Type.Literal(';')]),
        decimalMark: Type.Union([Type.Literal('.'), Type.Literal(',')]),
        dates: Type.Union([Type.Literal('iso'), Type.Literal('dmy'), Type.Literal('mdy')]),
      },
      { additionalProperties: false },
    ),
    erpAccounts: Type.Object(
      Object.fromEntries(manualMethods.map((m) => [m, ErpAccount])) as Record<
        (typeof manualMethods)[number],
        typeof ErpAccount
      >,
      { additionalProperties: false },
    ),
    recipients: Type.Array(Type.String({ maxLength: 320 }), { maxItems: MAX_SYNC_RECIPIENTS }),
  },
  { additionalProperties: false },
);

const ExportSchema = Type.Object({
  id: Uuid,
  sequence: Type.Integer(),
  format: Format,
  channel: Channel,
  marking: Marking,
  itemCount: Type.Integer(),
  fileName: Type.String(),
  createdAt: DateTime,
  createdBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  mailedAt: Nullable(DateTime),
});

const OverviewSchema = Type.Object({
  settings: SettingsBody,
  onlineErpAccounts: Type.Object({ card: Nullable(Type.String()), ach: Nullable(Type.String()) }),
  lastError: Nullable(Type.Object({ code: Type.String(), at: DateTime })),
  lastExport: Nullable(ExportSchema),
  lastImport: Nullable(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      channel: Type.String(),
      status: Type.String(),
      fileName: Type.String(),
      errorCount: Type.Integer(),
      failureCode: Nullable(Type.String()),
      createdAt: DateTime,
      finishedAt: Nullable(DateTime),
    }),
  ),
  /** Where files put on the server are imported from (read-only). */
  dropFolder: Nullable(Type.String()),
});

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** The confirmations document as the API answers it (formats/csv/payment-confirmations-csv.ts). */
const Customer = Type.Object({
  id: Uuid,
  erpId: Nullable(Type.String()),
  accountNumber: Type.String(),
  name: Type.String(),
});
const DocRef = Nullable(Type.Object({ id: Uuid, number: Type.String(), erpId: Nullable(Type.String()) }));
const Decimal = Type.String({ description: 'Major units, exact, with a decimal point: "1234.56".' });
const ConfirmationsSchema = Type.Object({
  export: Nullable(
    Type.Object({
      id: Uuid,
      sequence: Type.Integer(),
      createdAt: DateTime,
      marking: Marking,
      channel: Channel,
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      customer: Customer,
      currency: Type.String(),
      amount: Decimal,
      fee: Decimal,
      unapplied: Decimal,
      method: Type.String(),
      erpAccount: Nullable(Type.String()),
      reference: Nullable(Type.String()),
      receivedOn: Type.String(),
      effectiveAt: DateTime,
      applications: Type.Array(
        Type.Object({ id: Uuid, invoice: DocRef, amount: Decimal, appliedAt: DateTime }),
      ),
    }),
  ),
  changes: Type.Array(
    Type.Object({
      type: Type.Union(
        [
          'application',
          'unapplication',
          'refund',
          'refund_failed',
          'return',
          'reversal',
          'credit_application',
          'credit_unapplication',
        ].map((t) => Type.Literal(t)),
      ),
      id: Uuid,
      occurredAt: DateTime,
      customer: Customer,
      currency: Type.String(),
      amount: Decimal,
      payment: Nullable(
        Type.Object({
          id: Uuid,
          number: Type.String(),
          method: Type.String(),
          erpAccount: Nullable(Type.String()),
        }),
      ),
      creditMemo: DocRef,
      invoice: DocRef,
      reason: Nullable(Type.String()),
    }),
  ),
  cursor: Type.Object({
    exportId: Nullable(Uuid),
    sequence: Nullable(Type.Integer()),
    items: Type.Integer(),
  }),
});

const exportJson = (e: ExportSummary) => ({
  id: e.id,
  sequence: e.sequence,
  format: e.format,
  channel: e.channel,
  marking: e.marking,
  itemCount: e.itemCount,
  fileName: e.fileName,
  createdAt: e.createdAt,
  createdBy: e.createdBy,
  mailedAt: e.mailedAt,
});

function sendFile(reply: FastifyReply, file: RenderedExport) {
  return reply
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .type(file.contentType)
    .send(file.content);
}

/**
 * ERP sync: the seller's sync settings and the payment confirmations out to its ERP — for staff
 * (settings, "Export now", the exports with their files) and for the ERP itself (API key,
 * `integration:read`): each call to `GET /payment-confirmations?since=last` hands out what no
 * export has, as a new export, and any export can be fetched again by id. One claim under every
 * channel (domain/integration/sync): a change goes out once.
 */
export const erpSyncRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const staff = requireStaff();
  const render = renderPaymentConfirmations;

  app.get(
    '/console/erp-sync',
    {
      preHandler: staff,
      schema: {
        tags: ['console'],
        summary: 'ERP sync: settings, the card/ACH payment accounts, the last export and the last import',
        response: { 200: OverviewSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const overview = await getErpSyncSettings({ db }, { orgId: staffOf(request).orgId });
      return {
        settings: overview.settings,
        onlineErpAccounts: overview.onlineErpAccounts,
        lastError: overview.lastError,
        lastExport: overview.lastExport ? exportJson(overview.lastExport) : null,
        lastImport: overview.lastImport,
        dropFolder: safeSlug(overview.orgSlug)
          ? dropFolderOf(config.dropFolderRoot, overview.orgSlug).root
          : null,
      };
    },
  );

  app.put(
    '/console/erp-sync/settings',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Save the sync settings (the whole set)',
        description:
          'Frequency `off`, `hourly`, `every_4_hours` (from local midnight) or `daily` at `dailyAt` in the ' +
          'seller’s time zone; a changed schedule starts at the next slot. `marking`: `automatic` (the ERP marks ' +
          'invoices paid from the file or the API) or `manual` (people do, from the file mailed to `recipients`). ' +
          'ERP payment accounts for card and ACH are kept in the payment settings. A recipient that is not an ' +
          'address refuses the change (422 `deposit_recipient_invalid`, the field `recipients/<i>`).',
        body: SettingsBody,
        response: { 200: SettingsBody, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) =>
      updateErpSyncSettings(
        { db },
        { orgId: staffOf(request).orgId, settings: request.body, actor: actorOf(request) },
      ),
  );

  app.post(
    '/console/erp-sync/exports',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Export now: the payment confirmations no export has handed out yet',
        description:
          'Answers the new export (201), or `{ export: null }` (200) when nothing is new. In manual marking the ' +
          'file is also mailed to the recipients.',
        body: Type.Object({ format: Type.Optional(Format) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ export: Type.Null() }),
          201: Type.Object({ export: ExportSchema }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const orgId = staffOf(request).orgId;
      const settings = await loadErpSyncSettings(db, orgId);
      const format: ErpExportFormat = request.body.format ?? (settings.marking === 'manual' ? 'csv' : 'json');
      const result = await exportPaymentConfirmations(
        { db, render },
        { orgId, format, channel: 'console', actor: actorOf(request) },
      );
      if (!result) return reply.code(200).send({ export: null });
      return reply.code(201).send({ export: exportJson(result.export) });
    },
  );

  app.get(
    '/console/erp-sync/exports',
    {
      preHandler: staff,
      schema: {
        tags: ['console'],
        summary: 'The payment confirmation exports, newest first',
        querystring: Type.Object({ ...PageQuery }),
        response: {
          200: Type.Object({
            exports: Type.Array(ExportSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listConfirmationExports({ db }, { orgId: staffOf(request).orgId, page, pageSize });
      return { exports: result.exports.map(exportJson), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/console/erp-sync/exports/:id/file',
    {
      preHandler: staff,
      schema: {
        tags: ['console'],
        summary: 'An export’s file, as it was first handed out',
        params: Type.Object({ id: Uuid }),
        produces: ['text/csv', 'application/json'],
        response: { 200: Binary, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await getConfirmationExport(
        { db },
        { orgId: staffOf(request).orgId, exportId: request.params.id },
      );
      if (!found) throw new AppError('not_found');
      return sendFile(reply, found.file);
    },
  );

  // The ERP's side (Authorization: Bearer <api key>).

  app.get(
    '/payment-confirmations',
    {
      preHandler: requireApiKey('integration:read'),
      schema: {
        tags: ['integration'],
        summary: 'The payment confirmations not handed out before, as a new export',
        description:
          'For sellers whose ERP marks invoices paid itself (automatic marking; otherwise 409 ' +
          '`erp_sync_manual_marking`). Each call claims what no export (schedule, console, CLI or API) has ' +
          'handed out: payments that took effect (manual ones when recorded, card when captured, ACH when ' +
          'settled — never a pending one) with their applications, and later changes as `changes` lines ' +
          '(application, unapplication, refund, refund_failed, return, reversal, credit_application, ' +
          'credit_unapplication). Payments recorded in the ERP are not sent back. Nothing new: `export: null`. ' +
          'A response lost on the way can be fetched again: `GET /payment-confirmations/exports/:id`, or list ' +
          'the exports after the last sequence you processed with `GET /payment-confirmations/exports?after=n`. ' +
          'With `format=csv` the file itself is answered, or 204 when nothing is new.',
        security: [{ apiKey: [] }],
        querystring: Type.Object(
          {
            since: Type.Literal('last'),
            format: Type.Optional(Format),
          },
          { additionalProperties: false },
        ),
        produces: ['application/json', 'text/csv'],
        response: { 200: ConfirmationsSchema, 204: Type.Null(), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { orgId, id: apiKeyId } = request.apiKey!;
      const settings = await loadErpSyncSettings(db, orgId);
      if (settings.marking !== 'automatic') throw new AppError('erp_sync_manual_marking');
      const format = request.query.format ?? 'json';
      const result = await exportPaymentConfirmations(
        { db, render },
        { orgId, format, channel: 'api', actor: { ...actorOf(request), apiKeyId } },
      );
      if (!result) {
        const empty = emptyConfirmationsJson(await lastExportSequence(db, orgId));
        if (format === 'json') return empty;
        // A CSV of nothing is no file: 204.
        return reply.code(204).send(null);
      }
      return sendFile(reply, result.export.file);
    },
  );

  app.get(
    '/payment-confirmations/exports',
    {
      preHandler: requireApiKey('integration:read'),
      schema: {
        tags: ['integration'],
        summary: 'The exports after a sequence number, oldest first (or all, newest first)',
        security: [{ apiKey: [] }],
        querystring: Type.Object({
          after: Type.Optional(Type.Integer({ minimum: 0 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            exports: Type.Array(ExportSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { after, page, pageSize } = request.query;
      const result = await listConfirmationExports(
        { db },
        { orgId: request.apiKey!.orgId, afterSequence: after, page, pageSize },
      );
      return { exports: result.exports.map(exportJson), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/payment-confirmations/exports/:id',
    {
      preHandler: requireApiKey('integration:read'),
      schema: {
        tags: ['integration'],
        summary: 'One export again, byte for byte as first handed out',
        security: [{ apiKey: [] }],
        params: Type.Object({ id: Uuid }),
        produces: ['application/json', 'text/csv'],
        response: { 200: Binary, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await getConfirmationExport(
        { db },
        { orgId: request.apiKey!.orgId, exportId: request.params.id },
      );
      if (!found) throw new AppError('not_found');
      return sendFile(reply, found.file);
    },
  );
};
