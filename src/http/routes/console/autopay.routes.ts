import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { recordAudit } from '../../../domain/audit/record-audit.ts';
import { loadNoticeDays, saveNoticeDays } from '../../../domain/autopay/autopay.repository.ts';
import { cancelAutopay } from '../../../domain/autopay/cancel-autopay.ts';
import { enrolAutopay } from '../../../domain/autopay/enrol-autopay.ts';
import { getAutopay } from '../../../domain/autopay/get-autopay.ts';
import { pauseAutopay } from '../../../domain/autopay/pause-autopay.ts';
import { resumeAutopay } from '../../../domain/autopay/resume-autopay.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, clientInfo, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { problems, Uuid } from '../../schemas.ts';
import {
  AutopayBody,
  AutopayEnrollmentSchema,
  AutopaySchema,
  autopayJson,
  currentEnrollmentJson,
  defaultAutopayTexts,
} from '../portal/autopay.routes.ts';

const Params = Type.Object({ customerId: Uuid });
const changers = ['owner', 'admin', 'ar_agent'] as const;

/**
 * Autopay on a customer's behalf (owner, admin and AR agent change it; a viewer reads): the same
 * shapes as the portal's. Enrolling records the staff member as who accepted the authorization,
 * with the address and browser it came from. Another seller's customer is 404.
 */
export const consoleAutopayRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const Settings = Type.Object(
    { noticeDays: Type.Integer({ minimum: 0, maximum: 30 }) },
    { additionalProperties: false },
  );

  app.get(
    '/console/settings/autopay',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "The seller's autopay settings: how many days before a charge its notice is mailed",
        response: { 200: Settings, ...problems(401, 403) },
      },
    },
    async (request) => ({ noticeDays: await loadNoticeDays(db, staffOf(request).orgId) }),
  );

  app.put(
    '/console/settings/autopay',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Change how many days before each autopay charge the notice goes out (0: none; default 3)',
        body: Settings,
        response: { 200: Settings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, userId } = staffOf(request);
      const noticeDays = request.body.noticeDays;
      await inTransaction(db, async (trx) => {
        const before = await loadNoticeDays(trx, orgId);
        await saveNoticeDays(trx, { orgId, noticeDays, updatedBy: userId });
        await recordAudit(trx, {
          orgId,
          actor: actorOf(request),
          action: 'autopay.settings_changed',
          entityType: 'organization',
          entityId: orgId,
          before: { noticeDays: before },
          after: { noticeDays },
        });
      });
      return { noticeDays };
    },
  );

  app.get(
    '/console/customers/:customerId/autopay',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "A customer's autopay: whether it may enrol, the text to accept, its methods and enrollment",
        params: Params,
        response: { 200: AutopaySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const locale = requestLocale(request);
      const view = await getAutopay(
        { db },
        {
          orgId,
          customerId: request.params.customerId,
          role: null,
          locale,
          defaultTexts: defaultAutopayTexts(),
        },
      );
      return autopayJson(locale, view);
    },
  );

  app.put(
    '/console/customers/:customerId/autopay',
    {
      preHandler: requireStaff(...changers),
      schema: {
        tags: ['console'],
        summary: 'Enrol a customer in autopay on its behalf, or change its rules',
        description:
          'As the portal’s `PUT /portal/autopay`; the authorization records the staff member who accepted it ' +
          '(`acceptedBy.kind: staff`), the address and the browser.',
        params: Params,
        body: AutopayBody,
        response: {
          200: AutopayEnrollmentSchema,
          201: AutopayEnrollmentSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.customerId;
      const user = request.principal!.user;
      const body = request.body;
      const { created } = await enrolAutopay(
        { db },
        {
          orgId,
          customerId,
          paymentMethodId: body.paymentMethodId,
          timing: body.timing,
          daysBefore: body.daysBefore,
          scope: body.scope,
          maxPerCharge: body.maxPerCharge === null ? null : BigInt(body.maxPerCharge),
          authorizationText: body.authorizationText,
          locale: requestLocale(request),
          defaultTexts: defaultAutopayTexts(),
          role: null,
          acceptedBy: { kind: 'staff', userId: user.id, name: user.name, email: user.email },
          client: clientInfo(request),
          actor: actorOf(request),
        },
      );
      const json = await currentEnrollmentJson(db, request, { orgId, customerId });
      return reply.code(created ? 201 : 200).send(json);
    },
  );

  app.post(
    '/console/customers/:customerId/autopay/pause',
    {
      preHandler: requireStaff(...changers),
      schema: {
        tags: ['console'],
        summary: "Pause a customer's autopay",
        params: Params,
        response: { 200: AutopayEnrollmentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.customerId;
      await pauseAutopay({ db }, { orgId, customerId, by: 'staff', actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId });
    },
  );

  app.post(
    '/console/customers/:customerId/autopay/resume',
    {
      preHandler: requireStaff(...changers),
      schema: {
        tags: ['console'],
        summary: "Resume a customer's paused autopay",
        params: Params,
        response: { 200: AutopayEnrollmentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.customerId;
      await resumeAutopay({ db }, { orgId, customerId, actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId });
    },
  );

  app.delete(
    '/console/customers/:customerId/autopay',
    {
      preHandler: requireStaff(...changers),
      schema: {
        tags: ['console'],
        summary: "Cancel a customer's autopay (its authorizations and history are kept)",
        params: Params,
        response: { 200: AutopayEnrollmentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.customerId;
      await cancelAutopay({ db }, { orgId, customerId, actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId });
    },
  );
};
