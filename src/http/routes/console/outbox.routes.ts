import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { getOutboxMessage } from '../../../domain/mail/get-outbox-message.ts';
import { listOutbox } from '../../../domain/mail/list-outbox.ts';
import type { AppDeps } from '../../deps.ts';
import { requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, problems, Uuid } from '../../schemas.ts';

const Status = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Transport = Nullable(
  Type.Union([Type.Literal('smtp'), Type.Literal('capture')], {
    description: '`smtp`: handed to the mail server; `capture`: kept in Saldo, not sent (no SMTP_URL)',
  }),
);
const Sensitive = Type.Boolean({
  description:
    'The message holds a personal sign-in link (an invitation): its body is only for its recipient',
});

/**
 * The Outbox: every message Saldo sent (or captured) for this seller. Owners and admins. Messages
 * for no seller (password resets) are not here; the bodies of messages holding a sign-in link
 * (invitations) are never returned: see src/domain/mail/list-outbox.ts.
 */
export const outboxRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const guard = requireStaff('owner', 'admin');

  app.get(
    '/console/outbox',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Messages sent for this seller, newest first',
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                to: Type.String(),
                subject: Type.String(),
                template: Type.String(),
                status: Status,
                transport: Transport,
                sensitive: Sensitive,
                createdAt: DateTime,
                sentAt: Nullable(DateTime),
                attempts: Type.Integer(),
              }),
            ),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, q } = request.query;
      const result = await listOutbox({ db }, { orgId: staffOf(request).orgId, page, pageSize, q });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/console/outbox/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'One message with its text and HTML (withheld when it holds a sign-in link)',
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({
            id: Uuid,
            to: Type.String(),
            from: Type.String(),
            subject: Type.String(),
            template: Type.String(),
            status: Status,
            transport: Transport,
            sensitive: Sensitive,
            bodyWithheld: Type.Boolean({
              description:
                'True for sensitive messages: text and html are null, only the recipient reads them',
            }),
            text: Nullable(Type.String()),
            html: Nullable(Type.String()),
            createdAt: DateTime,
            sentAt: Nullable(DateTime),
            attempts: Type.Integer(),
            lastError: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const message = await getOutboxMessage(
        { db },
        { orgId: staffOf(request).orgId, id: request.params.id },
      );
      if (!message) throw new AppError('not_found');
      return message;
    },
  );

  app.get(
    '/console/outbox/:id/html',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: "A message's HTML, served for a sandboxed frame",
        params: Type.Object({ id: Uuid }),
        produces: ['text/html'],
        response: { 200: Type.String(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const message = await getOutboxMessage(
        { db },
        { orgId: staffOf(request).orgId, id: request.params.id },
      );
      if (!message?.html) throw new AppError('not_found');
      // The e-mail's own markup, isolated: no scripts, no network but images, framed only by Saldo.
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox",
      );
      reply.header('x-frame-options', 'SAMEORIGIN');
      return reply.type('text/html; charset=utf-8').send(message.html);
    },
  );
};
