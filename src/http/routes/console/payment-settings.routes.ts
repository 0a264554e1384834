import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setOnlinePayments } from '../../../domain/customers/set-online-payments.ts';
import {
  loadPaymentSettings,
  type PaymentSettings,
} from '../../../domain/payments/payment-settings.repository.ts';
import { findStripeCredentials } from '../../../domain/payments/processor-credentials.repository.ts';
import { updatePaymentSettings } from '../../../domain/payments/update-payment-settings.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { documentAmountAsNumber, MinorAmount, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const MethodKind = Type.Union([Type.Literal('card'), Type.Literal('ach')]);
const Processor = Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')]);
const ErpAccount = Nullable(Type.String({ minLength: 1, maxLength: 100 }));
const AutopayText = Nullable(Type.String({ minLength: 1, maxLength: 5000 }));

const SettingsOut = Type.Object({
  processor: Processor,
  onlineInvoices: Type.Boolean(),
  methods: Type.Array(MethodKind),
  erpAccounts: Type.Object({ card: Nullable(Type.String()), ach: Nullable(Type.String()) }),
  partialAllowed: Type.Boolean(),
  partialMinimum: Nullable(MinorAmount),
  cardFeeBps: Type.Integer(),
  cardFeeCap: Nullable(MinorAmount),
  autopayText: Type.Object({ es: Nullable(Type.String()), en: Nullable(Type.String()) }),
  /** Stripe's keys as the console may see them: never the secret ones, only their last four. */
  stripe: Nullable(
    Type.Object({
      publishableKey: Type.String(),
      secretKeyLast4: Type.String(),
      hasWebhookSecret: Type.Boolean(),
    }),
  ),
  /** Where the processor sends this seller's events. */
  webhookUrl: Type.String(),
});

/**
 * How a seller takes online payments (owner and admin): its processor (the sandbox or Stripe with
 * its own keys, sealed at rest and never shown back in full), accepted methods, the ERP's payment
 * account per method, partial payments and their minimum, a card convenience fee and its cap, the
 * autopay authorization text; and the switch per customer account.
 */
export const paymentSettingsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (
  app,
  { db, config, gateways },
) => {
  const view = async (orgId: string, settings: PaymentSettings) => {
    const stripe = await findStripeCredentials(db, orgId);
    const asNumber = (value: bigint | null) => (value === null ? null : documentAmountAsNumber(value));
    return {
      ...settings,
      // Nullable amounts are answered as numbers (schemas.ts: documentAmountAsNumber).
      partialMinimum: asNumber(settings.partialMinimum),
      cardFeeCap: asNumber(settings.cardFeeCap),
      stripe: stripe
        ? {
            publishableKey: stripe.publishableKey,
            secretKeyLast4: stripe.secretKeyLast4,
            hasWebhookSecret: stripe.webhookSecretSealed !== null,
          }
        : null,
      webhookUrl: `${config.publicUrl}/api/v1/webhooks/${settings.processor}/${orgId}`,
    };
  };

  app.get(
    '/console/settings/payments',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: "The seller's online-payment settings",
        response: { 200: SettingsOut, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      return view(orgId, await loadPaymentSettings(db, orgId));
    },
  );

  app.put(
    '/console/settings/payments',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: "Change the seller's online-payment settings",
        description:
          '`stripe.secretKey` and `stripe.webhookSecret` are write-only: sent to replace them, omitted to keep them. ' +
          'Choosing `stripe` needs its keys.',
        body: Type.Object(
          {
            processor: Processor,
            onlineInvoices: Type.Boolean(),
            methods: Type.Array(MethodKind, { maxItems: 2 }),
            erpAccounts: Type.Object({ card: ErpAccount, ach: ErpAccount }, { additionalProperties: false }),
            partialAllowed: Type.Boolean(),
            partialMinimum: Nullable(MinorAmount),
            cardFeeBps: Type.Integer({ minimum: 0, maximum: 1000 }),
            cardFeeCap: Nullable(MinorAmount),
            autopayText: Type.Object({ es: AutopayText, en: AutopayText }, { additionalProperties: false }),
            stripe: Type.Optional(
              Nullable(
                Type.Object(
                  {
                    publishableKey: Type.String({ maxLength: 255 }),
                    secretKey: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
                    webhookSecret: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
                  },
                  { additionalProperties: false },
                ),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SettingsOut, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const body = request.body;
      const positive = (value: number | null) => (value === null ? null : BigInt(value));
      const settings = await updatePaymentSettings(
        { db, secretKey: config.secretKey, checkStripeKey: (key) => gateways.checkStripeKey(key) },
        {
          orgId,
          processor: body.processor,
          onlineInvoices: body.onlineInvoices,
          methods: body.methods,
          erpAccounts: body.erpAccounts,
          partialAllowed: body.partialAllowed,
          partialMinimum: positive(body.partialMinimum),
          cardFeeBps: body.cardFeeBps,
          cardFeeCap: positive(body.cardFeeCap),
          autopayText: body.autopayText,
          ...(body.stripe !== undefined ? { stripe: body.stripe } : {}),
          actor: actorOf(request),
        },
      );
      return view(orgId, settings);
    },
  );

  app.put(
    '/console/customers/:id/online-payments',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Let this customer account pay online, or not',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ enabled: Type.Boolean() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await setOnlinePayments(
        { db },
        { orgId, customerId: request.params.id, enabled: request.body.enabled, actor: actorOf(request) },
      );
      return { enabled: request.body.enabled };
    },
  );
};
