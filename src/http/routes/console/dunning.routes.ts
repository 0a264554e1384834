import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { reminderStats } from '../../../domain/dunning/dunning.repository.ts';
import {
  getCustomerDunning,
  getDunning,
  updateCustomerDunning,
  updateDunning,
} from '../../../domain/dunning/dunning-settings.ts';
import { previewDunning } from '../../../domain/dunning/preview-dunning.ts';
import { runDunningNow } from '../../../domain/dunning/queue-due-dunning.ts';
import { sendReminderNow } from '../../../domain/dunning/send-reminder-now.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { CalendarDate, DateTime, Locale, MinorAmountOut, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Template = Type.Union([
  Type.Literal('reminder_upcoming'),
  Type.Literal('reminder'),
  Type.Literal('reminder_final'),
]);
const Step = Type.Object(
  {
    offsetDays: Type.Integer({
      minimum: -90,
      maximum: 365,
      description: 'Days from the due date: negative before it, 0 on it, positive after',
    }),
    template: Template,
  },
  { additionalProperties: false },
);
const Steps = Type.Array(Step, { maxItems: 10 });
const HoldRules = Type.Object(
  {
    overdueDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })),
    overLimit: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Trigger = Type.Union([Type.Literal('schedule'), Type.Literal('manual')]);
const RunStatus = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]);

const Dunning = Type.Object({
  enabled: Type.Boolean(),
  hour: Type.Integer(),
  timeZone: Type.String(),
  steps: Steps,
  holdRules: HoldRules,
  lastRunOn: Nullable(CalendarDate),
  nextRunAt: Nullable(DateTime),
  runs: Type.Array(
    Type.Object({
      id: Uuid,
      runOn: CalendarDate,
      trigger: Trigger,
      status: RunStatus,
      reminders: Type.Integer(),
      messages: Type.Integer(),
      holdsPlaced: Type.Integer(),
      holdsReleased: Type.Integer(),
      createdAt: DateTime,
      finishedAt: Nullable(DateTime),
    }),
  ),
});
const DunningBody = Type.Object(
  {
    enabled: Type.Boolean(),
    hour: Type.Integer({
      minimum: 0,
      maximum: 23,
      description: "Local hour of the daily run, the seller's time zone",
    }),
    steps: Steps,
    holdRules: HoldRules,
  },
  { additionalProperties: false },
);
const Skip = Nullable(
  Type.Union([
    Type.Literal('pending_payment'),
    Type.Literal('dispute'),
    Type.Literal('promise'),
    Type.Literal('opted_out'),
    Type.Literal('no_recipients'),
  ]),
);
const Preview = Type.Object({
  from: CalendarDate,
  to: CalendarDate,
  truncated: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      date: CalendarDate,
      customerId: Uuid,
      customerName: Type.String(),
      accountNumber: Type.String(),
      invoiceId: Uuid,
      invoiceNumber: Type.String(),
      dueDate: CalendarDate,
      currency: Type.String(),
      amountDue: MinorAmountOut,
      offsetDays: Type.Integer(),
      template: Template,
      recipients: Type.Integer(),
      skip: Skip,
    }),
  ),
});
const Stats = Type.Object({
  rows: Type.Array(
    Type.Object({
      template: Template,
      offsetDays: Nullable(Type.Integer()),
      sent: Type.Integer(),
      eligible7: Type.Integer(),
      paid7: Type.Integer(),
      eligible14: Type.Integer(),
      paid14: Type.Integer(),
      eligible30: Type.Integer(),
      paid30: Type.Integer(),
    }),
  ),
});
const Mode = Type.Union([Type.Literal('default'), Type.Literal('custom'), Type.Literal('off')]);
const CustomerDunning = Type.Object({
  mode: Mode,
  steps: Steps,
  defaultSteps: Steps,
  recipients: Type.Array(
    Type.Object({ contactId: Uuid, name: Type.String(), email: Type.String(), locale: Locale }),
  ),
  recent: Type.Array(
    Type.Object({
      sentAt: DateTime,
      kind: Type.Union([Type.Literal('step'), Type.Literal('manual')]),
      template: Template,
      offsetDays: Nullable(Type.Integer()),
      invoiceNumbers: Type.Array(Type.String()),
      messages: Type.Integer(),
    }),
  ),
});
const params = Type.Object({ id: Uuid });

/** Dunning: steps and hold rules, the preview, "run now", statistics, per-customer reminders. */
export const dunningRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, mailer, config }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');
  const settings = requireStaff('owner', 'admin');

  app.get(
    '/console/dunning',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Reminder steps, the daily run hour, hold rules, next run and latest runs',
        response: { 200: Dunning, ...problems(401, 403) },
      },
    },
    async (request) => getDunning({ db }, { orgId: staffOf(request).orgId }),
  );

  app.put(
    '/console/dunning',
    {
      preHandler: settings,
      schema: {
        tags: ['console'],
        summary: 'Sets the reminder steps, the daily run hour and the automatic hold rules',
        body: DunningBody,
        response: { 200: Dunning, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await updateDunning({ db }, { ...request.body, orgId, actor: actorOf(request) });
      return getDunning({ db }, { orgId });
    },
  );

  app.post(
    '/console/dunning/runs',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Runs today’s reminders and hold rules now (a step already sent is never sent again)',
        response: { 202: Type.Object({ runId: Uuid }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      return reply.code(202).send(await runDunningNow({ db }, { orgId, actor: actorOf(request) }));
    },
  );

  app.get(
    '/console/dunning/preview',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'What the daily runs will send in the next days, and what they hold back and why',
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })) },
          { additionalProperties: false },
        ),
        response: { 200: Preview, ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      previewDunning({ db }, { orgId: staffOf(request).orgId, days: request.query.days ?? 14 }),
  );

  app.get(
    '/console/dunning/stats',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Per template and step: invoices reminded and how many were paid within 7, 14 and 30 days',
        response: { 200: Stats, ...problems(401, 403) },
      },
    },
    async (request) => ({ rows: await reminderStats(db, staffOf(request).orgId) }),
  );

  app.get(
    '/console/customers/:id/dunning',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A customer’s reminders: whose steps it follows, who receives them, the latest sent',
        params,
        response: { 200: CustomerDunning, ...problems(401, 403, 404) },
      },
    },
    async (request) =>
      getCustomerDunning({ db }, { orgId: staffOf(request).orgId, customerId: request.params.id }),
  );

  app.put(
    '/console/customers/:id/dunning',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Sets whether a customer follows the seller’s steps, its own, or gets no reminders',
        params,
        body: Type.Object({ mode: Mode, steps: Type.Optional(Steps) }, { additionalProperties: false }),
        response: { 200: CustomerDunning, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      await updateCustomerDunning(
        { db },
        { orgId, customerId, actor: actorOf(request), mode: request.body.mode, steps: request.body.steps },
      );
      return getCustomerDunning({ db }, { orgId, customerId });
    },
  );

  app.post(
    '/console/customers/:id/reminders',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Sends the customer a reminder now for its open invoices (or those named), with a pay link',
        params,
        body: Type.Object(
          { invoiceIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200 })) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            messages: Type.Integer(),
            invoices: Type.Array(
              Type.Object({ invoiceId: Uuid, number: Type.String(), amountDue: MinorAmountOut }),
            ),
            skipped: Type.Array(
              Type.Object({
                invoiceId: Uuid,
                number: Type.String(),
                reason: Type.Union([
                  Type.Literal('paid'),
                  Type.Literal('pending_payment'),
                  Type.Literal('dispute'),
                  Type.Literal('promise'),
                ]),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const result = await sendReminderNow(
        { db, mailer, publicUrl: config.publicUrl },
        {
          orgId,
          customerId: request.params.id,
          invoiceIds: request.body.invoiceIds,
          actor: actorOf(request),
        },
      );
      return reply.code(201).send(result);
    },
  );
};
