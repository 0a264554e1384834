import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getOrganizationProfile } from '../../../domain/identity/get-organization-profile.ts';
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
    async (request) => getOrganizationProfile({ db }, { orgId: staffOf(request).orgId }),
  );
};
