import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { orgTodayOf } from '../../../domain/customers/balances.ts';
import { buildStatement } from '../../../domain/statements/build-statement.ts';
import { nextStatementRun } from '../../../domain/statements/next-statement-run.ts';
import { sendStatement, statementFileName } from '../../../domain/statements/send-statement.ts';
import {
  listStatements,
  loadStatementSettings,
  saveStatementSettings,
} from '../../../domain/statements/statements.repository.ts';
import { statementPdf } from '../../../formats/pdf/statement-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { CalendarDate, DateTime, MinorSumOut, problems, Uuid } from '../../schemas.ts';
import { sendPdf } from './documents.routes.ts';

const Period = Type.Object({ from: CalendarDate, to: CalendarDate }, { additionalProperties: false });
const Settings = Type.Object(
  { enabled: Type.Boolean(), dayOfMonth: Type.Integer({ minimum: 1, maximum: 28 }) },
  { additionalProperties: false },
);
const YearMonth = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
/** The setting as saved, with the month last sent and when the next statements go out (null when off). */
const SettingsOut = Type.Object({
  enabled: Type.Boolean(),
  dayOfMonth: Type.Integer({ minimum: 1, maximum: 28 }),
  lastPeriod: Type.Union([YearMonth, Type.Null()]),
  nextRunOn: Type.Union([CalendarDate, Type.Null()]),
  nextPeriod: Type.Union([YearMonth, Type.Null()]),
});
const StatementOut = Type.Object({
  id: Uuid,
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  currency: Type.String(),
  openingBalance: MinorSumOut,
  closingBalance: MinorSumOut,
  channel: Type.Union([Type.Literal('monthly'), Type.Literal('on_demand')]),
  messages: Type.Integer(),
  createdAt: DateTime,
});

/** Statements of account: send one now, list those sent, download any period, the monthly setting. */
export const statementRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, mailer, config }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');
  const params = Type.Object({ id: Uuid });
  const settingsOf = async (orgId: string) => {
    const s = await loadStatementSettings(db, orgId);
    const today = (await orgTodayOf(db, orgId)) ?? new Date().toISOString().slice(0, 10);
    const next = nextStatementRun(s, today);
    return {
      enabled: s.enabled,
      dayOfMonth: s.dayOfMonth,
      lastPeriod: s.lastPeriod,
      nextRunOn: next?.runOn ?? null,
      nextPeriod: next?.period ?? null,
    };
  };

  app.post(
    '/console/customers/:id/statements',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'E-mails the customer its statement of account for a period (PDF attached, with a pay link)',
        params,
        body: Period,
        response: {
          201: Type.Object({ statementId: Uuid, messages: Type.Integer(), closingBalance: MinorSumOut }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const result = await sendStatement(
        { db, mailer, pdf: statementPdf, publicUrl: config.publicUrl, secretKey: config.secretKey },
        {
          orgId,
          customerId: request.params.id,
          from: request.body.from,
          to: request.body.to,
          channel: 'on_demand',
          actor: actorOf(request),
        },
      );
      return reply.code(201).send({
        statementId: result.statementId,
        messages: result.messages,
        closingBalance: result.view.closingBalance,
      });
    },
  );

  app.get(
    '/console/customers/:id/statements',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'The statements sent to a customer, newest first',
        params,
        response: { 200: Type.Object({ items: Type.Array(StatementOut) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const items = await listStatements(db, { orgId, customerId: request.params.id });
      return { items: items.map(({ customerId: _c, ...s }) => s) };
    },
  );

  app.get(
    '/console/customers/:id/statement.pdf',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A customer’s statement of account for any period, as a PDF',
        params,
        querystring: Period,
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const view = await buildStatement({ db }, { orgId, customerId: request.params.id, ...request.query });
      return sendPdf(reply, statementFileName(view).replace(/\.pdf$/, ''), await statementPdf(view));
    },
  );

  app.get(
    '/console/settings/statements',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary:
          'The monthly statement: on or off, the day of the month, the month last sent and when the next go out',
        response: { 200: SettingsOut, ...problems(401, 403) },
      },
    },
    async (request) => settingsOf(staffOf(request).orgId),
  );

  app.put(
    '/console/settings/statements',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Sets the monthly statement (day 1–28 of each month, for the month before)',
        body: Settings,
        response: { 200: SettingsOut, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, userId } = staffOf(request);
      await saveStatementSettings(db, { orgId, ...request.body, userId });
      return settingsOf(orgId);
    },
  );
};
