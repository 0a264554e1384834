import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getOrganizationProfile } from '../../../domain/identity/get-organization-profile.ts';
import type { AppDeps } from '../../deps.ts';
import { requireApiKey } from '../../plugins/auth.ts';
import { problems, Uuid } from '../../schemas.ts';

/** The integration API (ERP): `Authorization: Bearer <api key>`. Later issues add the sync endpoints here. */
export const integrationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/integration/whoami',
    {
      preHandler: requireApiKey('integration:read'),
      schema: {
        tags: ['integration'],
        summary: 'Which seller and scopes an API key stands for',
        security: [{ apiKey: [] }],
        response: {
          200: Type.Object({
            orgId: Uuid,
            orgName: Type.String(),
            keyId: Uuid,
            scopes: Type.Array(Type.String()),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const key = request.apiKey!;
      const org = await getOrganizationProfile({ db }, { orgId: key.orgId });
      return { orgId: key.orgId, orgName: org.name, keyId: key.id, scopes: key.scopes };
    },
  );
};
