import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { findInquiries, findInquiryMessages } from '../../../domain/inquiries/inquiries.repository.ts';
import { openInquiry } from '../../../domain/inquiries/open-inquiry.ts';
import { replyToInquiry } from '../../../domain/inquiries/reply-to-inquiry.ts';
import { resolveInquiry } from '../../../domain/inquiries/resolve-inquiry.ts';
import { cancelPromise } from '../../../domain/promises/cancel-promise.ts';
import { findPromises } from '../../../domain/promises/promises.repository.ts';
import { recordPromise } from '../../../domain/promises/record-promise.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, customerOf, requireCustomer } from '../../plugins/auth.ts';
import { PageQuery, problems, Uuid } from '../../schemas.ts';
import {
  DisputeReason,
  InquiryDetail,
  InquiryKind,
  InquiryList,
  InquiryText,
  inquiryOut,
  NewPromiseBody,
  PositiveMinor,
  PromiseSchema,
  promiseOut,
} from '../console/inquiries.routes.ts';

/**
 * The customer's questions and disputes about its own invoices, and its promises to pay: only the
 * session's account (another account's inquiry or invoice is 404). Every customer role asks and
 * replies; account admins and payers promise to pay.
 */
export const portalInquiryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (
  app,
  { db, mailer, config },
) => {
  const mail = { db, mailer, publicUrl: config.publicUrl };
  const anyone = requireCustomer();
  const payers = requireCustomer('account_admin', 'payer');

  async function detail(orgId: string, customerId: string, id: string) {
    const { items } = await findInquiries(db, { orgId, customerId, id, limit: 1, offset: 0 });
    const found = items[0];
    if (!found) throw new AppError('not_found');
    return { ...inquiryOut(found), messages: await findInquiryMessages(db, { orgId, inquiryId: id }) };
  }

  app.get(
    '/portal/inquiries',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: "This account's questions and disputes, open first",
        querystring: Type.Object(
          {
            ...PageQuery,
            invoiceId: Type.Optional(Uuid),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: InquiryList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const { page, pageSize, ...filter } = request.query;
      const result = await findInquiries(db, {
        orgId,
        customerId: accountId,
        ...filter,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: result.items.map(inquiryOut), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/portal/inquiries/:id',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: 'One of this account’s questions or disputes with its thread',
        params: Type.Object({ id: Uuid }),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      return detail(orgId, accountId, request.params.id);
    },
  );

  app.post(
    '/portal/inquiries',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: 'Ask about an invoice, or dispute all or part of it, with a reason and a message',
        body: Type.Object(
          {
            invoiceId: Uuid,
            kind: InquiryKind,
            reason: Type.Optional(Type.Union([DisputeReason, Type.Null()])),
            disputedAmount: Type.Optional(Type.Union([PositiveMinor, Type.Null()])),
            message: InquiryText,
          },
          { additionalProperties: false },
        ),
        response: { 201: InquiryDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const body = request.body;
      const { id } = await openInquiry(
        { db },
        {
          orgId,
          customerId: accountId,
          invoiceId: body.invoiceId,
          kind: body.kind,
          reason: body.reason ?? null,
          disputedAmount: body.disputedAmount == null ? null : BigInt(body.disputedAmount),
          message: body.message,
          openedBy: 'customer',
          actor: actorOf(request),
        },
      );
      reply.code(201);
      return detail(orgId, accountId, id);
    },
  );

  app.post(
    '/portal/inquiries/:id/replies',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: 'Add a message to an open question or dispute',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ message: InquiryText }, { additionalProperties: false }),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      await replyToInquiry(mail, {
        orgId,
        inquiryId: request.params.id,
        customerId: accountId,
        author: 'customer',
        message: request.body.message,
        actor: actorOf(request),
      });
      return detail(orgId, accountId, request.params.id);
    },
  );

  app.post(
    '/portal/inquiries/:id/withdraw',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: 'Withdraw an open question or dispute (settled without the seller)',
        params: Type.Object({ id: Uuid }),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      await resolveInquiry(mail, {
        orgId,
        inquiryId: request.params.id,
        customerId: accountId,
        resolution: 'withdrawn',
        by: 'customer',
        actor: actorOf(request),
      });
      return detail(orgId, accountId, request.params.id);
    },
  );

  app.get(
    '/portal/promises',
    {
      preHandler: anyone,
      schema: {
        tags: ['portal'],
        summary: "This account's promises to pay",
        querystring: Type.Object({ invoiceId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PromiseSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const items = await findPromises(db, {
        orgId,
        customerId: accountId,
        invoiceId: request.query.invoiceId,
      });
      return { items: items.map(promiseOut) };
    },
  );

  app.post(
    '/portal/promises',
    {
      preHandler: payers,
      schema: {
        tags: ['portal'],
        summary: 'Promise to pay an amount by a date: reminders pause until then',
        body: NewPromiseBody,
        response: { 201: Type.Object({ id: Uuid }), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const body = request.body;
      const created = await recordPromise(
        { db },
        {
          orgId,
          customerId: accountId,
          invoiceId: body.invoiceId ?? null,
          promisedOn: body.promisedOn,
          amount: BigInt(body.amount),
          note: body.note ?? null,
          recordedBy: 'customer',
          actor: actorOf(request),
        },
      );
      reply.code(201);
      return created;
    },
  );

  app.post(
    '/portal/promises/:id/cancel',
    {
      preHandler: payers,
      schema: {
        tags: ['portal'],
        summary: 'Withdraw a promise to pay',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      await cancelPromise(
        { db },
        { orgId, customerId: accountId, promiseId: request.params.id, actor: actorOf(request) },
      );
      reply.code(204);
    },
  );
};
