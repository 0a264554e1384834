import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadDeliveryPreference } from '../../../domain/delivery/delivery.repository.ts';
import {
  preferenceView,
  updateDeliveryPreference,
} from '../../../domain/delivery/update-delivery-preference.ts';
import { isLoopbackPublicUrl } from '../../../domain/integration/webhooks/webhook-url.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, customerOf, requireCustomer } from '../../plugins/auth.ts';
import { problems } from '../../schemas.ts';
import { PreferenceSchema, UblVia } from '../delivery-schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What the customer sees and sets: the channel, the e-mail option, the UBL endpoint. EDI envelopes stay with staff. */
const Response = Type.Object({
  channel: PreferenceSchema.properties.channel,
  emailAttachPdf: Type.Boolean(),
  apEndpointUrl: PreferenceSchema.properties.apEndpointUrl,
  apAuth: PreferenceSchema.properties.apAuth,
  peppol: PreferenceSchema.properties.peppol,
  ublVia: PreferenceSchema.properties.ublVia,
  updatedAt: PreferenceSchema.properties.updatedAt,
  ediConfigured: Type.Boolean(),
});
const PortalBody = Type.Object(
  {
    channel: Type.Union([
      Type.Literal('email'),
      Type.Literal('postal'),
      Type.Literal('ubl'),
      Type.Literal('edi'),
    ]),
    emailAttachPdf: Type.Boolean(),
    apEndpointUrl: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    apAuthToken: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    peppol: Type.Optional(
      Nullable(
        Type.Object(
          {
            scheme: Type.String({ pattern: '^[0-9]{4}$' }),
            id: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    ublVia: Type.Optional(UblVia),
  },
  { additionalProperties: false },
);

const portalView = (view: ReturnType<typeof preferenceView>) => {
  const { edi, ...rest } = view;
  return { ...rest, ediConfigured: edi !== null };
};

/** The customer's delivery preference in the portal (account admins and payers change it). */
export const portalDeliveryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const policy = { allowLoopback: isLoopbackPublicUrl(config.publicUrl) };

  app.get(
    '/portal/delivery',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'How this account receives its documents',
        response: { 200: Response, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      return portalView(preferenceView(await loadDeliveryPreference(db, { orgId, customerId: accountId })));
    },
  );

  app.put(
    '/portal/delivery',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Choose how this account receives its documents',
        description:
          'E-mail (PDF attached or a link only), postal mail, UBL (to the account’s AP endpoint or attached to ' +
          'the e-mail: `ublVia`), or EDI 810 ' +
          '(only once the seller has set up the trading partner: 400 `validation_failed` otherwise).',
        body: PortalBody,
        response: { 200: Response, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const view = await updateDeliveryPreference(
        { db, secretKey: config.secretKey, policy },
        {
          orgId,
          customerId: accountId,
          preference: request.body,
          byCustomer: true,
          actor: actorOf(request),
        },
      );
      return portalView(view);
    },
  );
};
