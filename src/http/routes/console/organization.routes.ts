import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../deps.ts';
import { requireStaff, staffOf } from '../../plugins/auth.ts';
import { Locale, problems, Uuid } from '../../schemas.ts';

export const organizationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/console/organization',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "The seller's profile",
        response: {
          200: Type.Object({
            id: Uuid,
            name: Type.String(),
            legalName: Type.Union([Type.String(), Type.Null()]),
            taxId: Type.Union([Type.String(), Type.Null()]),
            country: Type.String(),
            timeZone: Type.String(),
            defaultCurrency: Type.String(),
            locale: Locale,
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) =>
      db
        .selectFrom('organizations')
        .select([
          'id',
          'name',
          'legal_name as legalName',
          'tax_id as taxId',
          'country',
          'time_zone as timeZone',
          'default_currency as defaultCurrency',
          'locale',
        ])
        .where('id', '=', staffOf(request).orgId)
        .executeTakeFirstOrThrow(),
  );
};
