import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createWebhookEndpoint } from '../../../domain/integration/webhooks/create-webhook-endpoint.ts';
import { deleteWebhookEndpoint } from '../../../domain/integration/webhooks/delete-webhook-endpoint.ts';
import {
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from '../../../domain/integration/webhooks/list-webhook-deliveries.ts';
import { redeliverWebhook } from '../../../domain/integration/webhooks/redeliver-webhook.ts';
import { rollWebhookSecret } from '../../../domain/integration/webhooks/roll-webhook-secret.ts';
import { sendTestWebhook } from '../../../domain/integration/webhooks/send-test-webhook.ts';
import { updateWebhookEndpoint } from '../../../domain/integration/webhooks/update-webhook-endpoint.ts';
import {
  TEST_EVENT_TYPE,
  type WebhookEventType,
  webhookEventTypes,
} from '../../../domain/integration/webhooks/webhook-events.ts';
import { isLoopbackPublicUrl } from '../../../domain/integration/webhooks/webhook-url.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, PageQuery, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const EventType = Type.Unsafe<WebhookEventType>({ type: 'string', enum: [...webhookEventTypes] });
const LoggedEventType = Type.Unsafe<WebhookEventType | typeof TEST_EVENT_TYPE>({
  type: 'string',
  enum: [...webhookEventTypes, TEST_EVENT_TYPE],
});
const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);
const EndpointUrl = Type.String({ minLength: 1, maxLength: 2000 });
const Description = Type.String({ maxLength: 500 });
const EventTypes = Nullable(
  Type.Array(EventType, {
    minItems: 1,
    uniqueItems: true,
    description: 'The event types this endpoint receives; null: all of them, including types added later',
  }),
);

const Endpoint = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  eventTypes: Nullable(Type.Array(Type.String())),
  enabled: Type.Boolean(),
  secretLast4: Type.String({ description: 'The last four characters of the signing secret' }),
  previousSecretExpiresAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const WithSecret = Type.Object({
  endpoint: Endpoint,
  secret: Type.String({ description: 'The signing secret (`whsec_…`): this answer holds its only copy' }),
});
const Delivery = Type.Object({
  id: Uuid,
  endpointId: Uuid,
  endpointUrl: Type.String(),
  eventId: Uuid,
  eventType: Type.String(),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer()),
  deliveredAt: Nullable(DateTime),
  createdAt: DateTime,
});
const Attempt = Type.Object({
  attempt: Type.Integer(),
  manual: Type.Boolean(),
  startedAt: DateTime,
  durationMs: Type.Integer(),
  statusCode: Nullable(Type.Integer()),
  requestHeaders: Type.Record(Type.String(), Type.String()),
  responseBody: Nullable(Type.String({ description: 'The first 2 KB of the answer' })),
  error: Nullable(Type.String()),
});
const IdParams = Type.Object({ id: Uuid });

/**
 * Outbound webhooks to the seller's ERP (domain/integration/webhooks): endpoints, their secrets (shown
 * once, at creation and when rolled), test events, the delivery log and redelivery. Every staff role
 * reads; owners and admins change.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const read = requireStaff();
  const manage = requireStaff('owner', 'admin');
  const policy = { allowLoopback: isLoopbackPublicUrl(config.publicUrl) };

  app.get(
    '/console/webhooks/endpoints',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Webhook endpoints, with the event types Saldo sends',
        response: {
          200: Type.Object({ items: Type.Array(Endpoint), eventTypes: Type.Array(EventType) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({
      items: await listWebhookEndpoints({ db }, { orgId: staffOf(request).orgId }),
      eventTypes: [...webhookEventTypes],
    }),
  );

  app.post(
    '/console/webhooks/endpoints',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary: 'Add a webhook endpoint; the answer holds the only copy of its signing secret',
        body: Type.Object(
          {
            url: EndpointUrl,
            description: Type.Optional(Description),
            eventTypes: Type.Optional(EventTypes),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const created = await createWebhookEndpoint(
        { db, secretKey: config.secretKey, policy },
        { orgId: staff.orgId, ...request.body, actor: actorOf(request) },
      );
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/console/webhooks/endpoints/:id',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary: 'Change a webhook endpoint (URL, description, event types, enabled)',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(EndpointUrl),
            description: Type.Optional(Description),
            eventTypes: Type.Optional(EventTypes),
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Endpoint, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      updateWebhookEndpoint(
        { db, policy },
        {
          orgId: staffOf(request).orgId,
          endpointId: request.params.id,
          ...request.body,
          actor: actorOf(request),
        },
      ),
  );

  app.delete(
    '/console/webhooks/endpoints/:id',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary: 'Delete a webhook endpoint and its delivery log',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(
        { db },
        { orgId: staffOf(request).orgId, endpointId: request.params.id, actor: actorOf(request) },
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/console/webhooks/endpoints/:id/roll-secret',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary:
          'Replace the signing secret; the old one keeps signing too for `overlapHours` (default 24, 0: stop now)',
        params: IdParams,
        body: Type.Object(
          { overlapHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 72 })) },
          { additionalProperties: false },
        ),
        response: { 200: WithSecret, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const rolled = await rollWebhookSecret(
        { db, secretKey: config.secretKey },
        {
          orgId: staffOf(request).orgId,
          endpointId: request.params.id,
          overlapHours: request.body.overlapHours,
          actor: actorOf(request),
        },
      );
      reply.header('cache-control', 'no-store');
      return rolled;
    },
  );

  app.post(
    '/console/webhooks/endpoints/:id/test',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary: 'Send a `webhook.test` event to this endpoint only',
        params: IdParams,
        response: { 202: Type.Object({ eventId: Uuid }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const sent = await sendTestWebhook(
        { db },
        { orgId: staffOf(request).orgId, endpointId: request.params.id },
      );
      return reply.code(202).send(sent);
    },
  );

  app.get(
    '/console/webhooks/deliveries',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'The webhook delivery log, newest first',
        querystring: Type.Object(
          {
            ...PageQuery,
            endpointId: Type.Optional(Uuid),
            status: Type.Optional(DeliveryStatus),
            eventType: Type.Optional(LoggedEventType),
            eventId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Delivery),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const result = await listWebhookDeliveries(
        { db },
        { orgId: staffOf(request).orgId, page, pageSize, ...filters },
      );
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/console/webhooks/deliveries/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'One delivery: the body it sends and every attempt with the answer received',
        params: IdParams,
        response: {
          200: Type.Object({
            ...Delivery.properties,
            body: Type.String({ description: 'The exact JSON body every attempt sends' }),
            attemptsLog: Type.Array(Attempt),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      getWebhookDelivery({ db }, { orgId: staffOf(request).orgId, deliveryId: request.params.id }),
  );

  app.post(
    '/console/webhooks/deliveries/:id/redeliver',
    {
      preHandler: manage,
      schema: {
        tags: ['console'],
        summary: 'Send a delivery again now: the same event id and body, a new attempt',
        params: IdParams,
        response: { 202: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await redeliverWebhook(
        { db },
        { orgId: staffOf(request).orgId, deliveryId: request.params.id, actor: actorOf(request) },
      );
      return reply.code(202).send(null);
    },
  );
};
