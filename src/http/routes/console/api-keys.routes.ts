import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { apiKeyScopes } from '../../../domain/identity/api-key-scopes.ts';
import { createApiKey } from '../../../domain/identity/create-api-key.ts';
import { listApiKeys } from '../../../domain/identity/list-api-keys.ts';
import { revokeApiKey } from '../../../domain/identity/revoke-api-key.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, problems, Uuid } from '../../schemas.ts';

const Scope = Type.Union(apiKeyScopes.map((s) => Type.Literal(s)));
const ApiKey = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  revokedAt: Type.Union([DateTime, Type.Null()]),
});

/** API keys for the seller's ERP. Owners and admins; a key's secret is shown once, at creation. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const guard = requireStaff('owner', 'admin');

  app.get(
    '/console/api-keys',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'API keys',
        response: { 200: Type.Object({ items: Type.Array(ApiKey) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listApiKeys({ db }, { orgId: staffOf(request).orgId }) }),
  );

  app.post(
    '/console/api-keys',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Create an API key; the response holds the only copy of the key',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            key: Type.String(),
            prefix: Type.String(),
            name: Type.String(),
            scopes: Type.Array(Type.String()),
            createdAt: DateTime,
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const created = await inTransaction(db, (trx) =>
        createApiKey(
          { db: trx },
          { orgId: staff.orgId, ...request.body, createdBy: staff.userId, actor: actorOf(request) },
        ),
      );
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/console/api-keys/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Revoke an API key',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inTransaction(db, (trx) =>
        revokeApiKey(
          { db: trx },
          { orgId: staffOf(request).orgId, id: request.params.id, actor: actorOf(request) },
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
