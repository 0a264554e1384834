import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { subscribedAmong } from '../../../domain/collections/collections.repository.ts';
import { getCollectionOverview } from '../../../domain/collections/get-collection-overview.ts';
import { previewCollectionRun } from '../../../domain/collections/preview-collection-run.ts';
import { runCollectionNow } from '../../../domain/collections/run-collection-now.ts';
import {
  getCustomerCollection,
  setCollectionSubscription,
} from '../../../domain/collections/set-collection-subscription.ts';
import { updateCollectionSchedule } from '../../../domain/collections/update-collection-schedule.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import {
  CalendarDate,
  DateTime,
  Locale,
  MinorAmountOut,
  MinorSumOut,
  problems,
  Uuid,
} from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Documents = Type.Union([Type.Literal('all_open'), Type.Literal('overdue')]);

const ScheduleBody = Type.Object(
  {
    enabled: Type.Boolean(),
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' }),
    hour: Type.Integer({ minimum: 0, maximum: 23, description: "Local hour in the seller's time zone" }),
    documents: Documents,
  },
  { additionalProperties: false },
);

const Run = Type.Object({
  id: Uuid,
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]),
  slot: Nullable(DateTime),
  customers: Type.Integer(),
  messages: Type.Integer(),
  createdAt: DateTime,
  finishedAt: Nullable(DateTime),
});

const Overview = Type.Object({
  schedule: Type.Object({
    enabled: Type.Boolean(),
    weekday: Type.Integer(),
    hour: Type.Integer(),
    template: Type.Literal('weekly_collection'),
    documents: Documents,
  }),
  timeZone: Type.String(),
  subscribed: Type.Integer(),
  nextRunAt: Nullable(DateTime),
  runs: Type.Array(Run),
});

const Recipient = Type.Object({ contactId: Uuid, name: Type.String(), email: Type.String(), locale: Locale });

const CustomerCollection = Type.Object({
  subscribed: Type.Boolean(),
  subscribedAt: Nullable(DateTime),
  subscribedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  unsubscribedAt: Nullable(DateTime),
  recipients: Type.Array(Recipient),
  blockedReason: Nullable(Type.Literal('no_recipients')),
});

const Preview = Type.Object({
  nextRunAt: Nullable(DateTime),
  documents: Documents,
  truncated: Type.Boolean(),
  customers: Type.Array(
    Type.Object({
      customerId: Uuid,
      name: Type.String(),
      accountNumber: Type.String(),
      currency: Type.String(),
      totalDue: MinorSumOut,
      recipients: Type.Array(Recipient),
      documents: Type.Array(
        Type.Object({
          invoiceId: Uuid,
          number: Type.String(),
          issueDate: CalendarDate,
          dueDate: CalendarDate,
          amountDue: MinorAmountOut,
          daysOverdue: Type.Integer(),
        }),
      ),
    }),
  ),
});

function customerCollectionOut(c: Awaited<ReturnType<typeof getCustomerCollection>>) {
  return { ...c.subscription, recipients: c.recipients, blockedReason: c.blockedReason };
}

/** The weekly automatic collection: the schedule, the run's preview, "run now", subscriptions. */
export const collectionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  app.get(
    '/console/collections',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'The weekly collection: schedule, next run, subscribed customers, latest runs',
        response: { 200: Overview, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const o = await getCollectionOverview({ db }, { orgId });
      const { lastSlot: _slot, updatedAt: _at, ...schedule } = o.schedule;
      return { ...o, schedule };
    },
  );

  app.put(
    '/console/collections/schedule',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Sets the weekly collection schedule (weekday and hour in the seller’s time zone)',
        body: ScheduleBody,
        response: { 200: Overview, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await updateCollectionSchedule({ db }, { ...request.body, orgId, actor: actorOf(request) });
      const o = await getCollectionOverview({ db }, { orgId });
      const { lastSlot: _slot, updatedAt: _at, ...schedule } = o.schedule;
      return { ...o, schedule };
    },
  );

  app.get(
    '/console/collections/preview',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'What the next run would send: customers, their documents and who receives them',
        querystring: Type.Object(
          {
            customerId: Type.Optional(Uuid),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Preview, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      return previewCollectionRun(
        { db },
        {
          orgId,
          ...(request.query.customerId ? { customerId: request.query.customerId } : {}),
          ...(request.query.limit ? { limit: request.query.limit } : {}),
        },
      );
    },
  );

  app.post(
    '/console/collections/runs',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Runs the weekly collection now (outside the schedule)',
        response: { 202: Type.Object({ runId: Uuid }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const result = await runCollectionNow({ db }, { orgId, actor: actorOf(request) });
      return reply.code(202).send(result);
    },
  );

  app.get(
    '/console/collections/subscriptions',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Which of the given customers are subscribed (the customer list’s marks)',
        querystring: Type.Object(
          { customerId: Type.Array(Uuid, { maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ subscribed: Type.Array(Uuid) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const ids = await subscribedAmong(db, orgId, request.query.customerId);
      return { subscribed: [...ids] };
    },
  );

  const params = Type.Object({ id: Uuid });
  app.get(
    '/console/customers/:id/collection',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A customer’s weekly collection: subscribed or not, and the contacts who receive it',
        params,
        response: { 200: CustomerCollection, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      return customerCollectionOut(
        await getCustomerCollection({ db }, { orgId, customerId: request.params.id }),
      );
    },
  );

  app.put(
    '/console/customers/:id/collection',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Subscribes a customer to the weekly collection, or turns it off',
        params,
        body: Type.Object({ subscribed: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: CustomerCollection, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      return customerCollectionOut(
        await setCollectionSubscription(
          { db },
          {
            orgId,
            customerId: request.params.id,
            subscribed: request.body.subscribed,
            actor: actorOf(request),
          },
        ),
      );
    },
  );
};
