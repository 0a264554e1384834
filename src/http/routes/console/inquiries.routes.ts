import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { customerExists } from '../../../domain/customers/customers.repository.ts';
import { AppError } from '../../../domain/errors.ts';
import {
  findInquiries,
  findInquiryMessages,
  type InquiryRecord,
} from '../../../domain/inquiries/inquiries.repository.ts';
import { openInquiry } from '../../../domain/inquiries/open-inquiry.ts';
import { replyToInquiry } from '../../../domain/inquiries/reply-to-inquiry.ts';
import { resolveInquiry } from '../../../domain/inquiries/resolve-inquiry.ts';
import { cancelPromise } from '../../../domain/promises/cancel-promise.ts';
import { findPromises, type PromiseRecord } from '../../../domain/promises/promises.repository.ts';
import { recordPromise } from '../../../domain/promises/record-promise.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { CalendarDate, DateTime, MinorAmountOut, PageQuery, problems, Uuid } from '../../schemas.ts';
import { CustomerRefSchema } from './payments.routes.ts';

export const InquiryKind = Type.Union([Type.Literal('question'), Type.Literal('dispute')]);
export const DisputeReason = Type.Union([
  Type.Literal('price'),
  Type.Literal('quantity'),
  Type.Literal('damaged_goods'),
  Type.Literal('not_received'),
  Type.Literal('already_paid'),
  Type.Literal('other'),
]);
export const InquiryResolution = Type.Union([
  Type.Literal('answered'),
  Type.Literal('credit_issued'),
  Type.Literal('adjusted'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
/** Message text as sent: the domain trims it and refuses control characters and more than 5,000 characters. */
export const InquiryText = Type.String({ minLength: 1, maxLength: 6000 });
/** A disputed or promised amount in minor units: positive, at most 10^15. */
export const PositiveMinor = Type.Integer({ minimum: 1, maximum: 1e15 });

export const InquirySummary = Type.Object({
  id: Uuid,
  customer: CustomerRefSchema,
  invoice: Type.Object({
    id: Uuid,
    number: Type.String(),
    openAmount: MinorAmountOut,
    total: MinorAmountOut,
    dueDate: Type.String(),
  }),
  kind: InquiryKind,
  reason: Type.Union([DisputeReason, Type.Null()]),
  /** Null for a question, and for a dispute of the whole open amount. */
  disputedAmount: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolution: Type.Union([InquiryResolution, Type.Null()]),
  openedBy: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
  createdAt: DateTime,
  updatedAt: DateTime,
  resolvedAt: Type.Union([DateTime, Type.Null()]),
  messageCount: Type.Integer(),
  /** Who wrote last: `customer` means the seller owes an answer. */
  lastAuthor: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
});
export const InquiryMessageSchema = Type.Object({
  position: Type.Integer(),
  author: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
  authorName: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  createdAt: DateTime,
});
export const InquiryDetail = Type.Intersect([
  InquirySummary,
  Type.Object({ messages: Type.Array(InquiryMessageSchema) }),
]);
export const InquiryList = Type.Object({
  items: Type.Array(InquirySummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const PromiseSchema = Type.Object({
  id: Uuid,
  invoice: Type.Union([Type.Object({ id: Uuid, number: Type.String() }), Type.Null()]),
  promisedOn: Type.String(),
  amount: MinorAmountOut,
  currency: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('kept'),
    Type.Literal('missed'),
    Type.Literal('cancelled'),
  ]),
  recordedBy: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
  recordedByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
});
export const NewPromiseBody = Type.Object(
  {
    invoiceId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    promisedOn: CalendarDate,
    amount: PositiveMinor,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** A disputed amount inside a nullable field, answered as a number (one document's, within ±10^15). */
export function inquiryOut(record: InquiryRecord) {
  return { ...record, disputedAmount: record.disputedAmount === null ? null : Number(record.disputedAmount) };
}
export const promiseOut = (record: PromiseRecord) => record;

/**
 * Questions and disputes, and promises to pay, for staff: the queue (open first, the ones waiting
 * for an answer on top in the console), a thread with its replies, resolving with the outcome; a
 * customer's promises. Every staff role reads; owners, admins and AR agents answer and record.
 */
export const consoleInquiryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (
  app,
  { db, mailer, config },
) => {
  const mail = { db, mailer, publicUrl: config.publicUrl };
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, id: string) {
    const { items } = await findInquiries(db, { orgId, id, limit: 1, offset: 0 });
    const found = items[0];
    if (!found) throw new AppError('not_found');
    return { ...inquiryOut(found), messages: await findInquiryMessages(db, { orgId, inquiryId: id }) };
  }

  app.get(
    '/console/inquiries',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Questions and disputes: open first, then the most recently active',
        querystring: Type.Object(
          {
            ...PageQuery,
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
            kind: Type.Optional(InquiryKind),
            customerId: Type.Optional(Uuid),
            invoiceId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: InquiryList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const { page, pageSize, ...filter } = request.query;
      const result = await findInquiries(db, {
        orgId,
        ...filter,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: result.items.map(inquiryOut), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/console/inquiries/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'One question or dispute with its thread',
        params: Type.Object({ id: Uuid }),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => detail(staffOf(request).orgId, request.params.id),
  );

  app.post(
    '/console/inquiries',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Record a customer's question or dispute on its behalf (a call, an e-mail)",
        body: Type.Object(
          {
            customerId: Uuid,
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
      const { orgId } = staffOf(request);
      const body = request.body;
      const { id } = await openInquiry(
        { db },
        {
          orgId,
          customerId: body.customerId,
          invoiceId: body.invoiceId,
          kind: body.kind,
          reason: body.reason ?? null,
          disputedAmount: body.disputedAmount == null ? null : BigInt(body.disputedAmount),
          message: body.message,
          openedBy: 'staff',
          actor: actorOf(request),
        },
      );
      reply.code(201);
      return detail(orgId, id);
    },
  );

  app.post(
    '/console/inquiries/:id/replies',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Answer a question or dispute; the answer is e-mailed to the customer',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ message: InquiryText }, { additionalProperties: false }),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await replyToInquiry(mail, {
        orgId,
        inquiryId: request.params.id,
        author: 'staff',
        message: request.body.message,
        actor: actorOf(request),
      });
      return detail(orgId, request.params.id);
    },
  );

  app.post(
    '/console/inquiries/:id/resolve',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Resolve a question or dispute with its outcome (and a last word to the customer)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { resolution: InquiryResolution, message: Type.Optional(Type.Union([InquiryText, Type.Null()])) },
          { additionalProperties: false },
        ),
        response: { 200: InquiryDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await resolveInquiry(mail, {
        orgId,
        inquiryId: request.params.id,
        resolution: request.body.resolution,
        message: request.body.message ?? null,
        by: 'staff',
        actor: actorOf(request),
      });
      return detail(orgId, request.params.id);
    },
  );

  app.get(
    '/console/customers/:id/promises',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: "A customer's promises to pay, newest date first, with where each stands",
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ invoiceId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PromiseSchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      if (!(await customerExists(db, { orgId, customerId: request.params.id })))
        throw new AppError('not_found');
      const items = await findPromises(db, {
        orgId,
        customerId: request.params.id,
        invoiceId: request.query.invoiceId,
      });
      return { items: items.map(promiseOut) };
    },
  );

  app.post(
    '/console/customers/:id/promises',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Record a promise to pay: reminders for what it covers pause until its date',
        params: Type.Object({ id: Uuid }),
        body: NewPromiseBody,
        response: { 201: Type.Object({ id: Uuid }), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const body = request.body;
      const created = await recordPromise(
        { db },
        {
          orgId,
          customerId: request.params.id,
          invoiceId: body.invoiceId ?? null,
          promisedOn: body.promisedOn,
          amount: BigInt(body.amount),
          note: body.note ?? null,
          recordedBy: 'staff',
          actor: actorOf(request),
        },
      );
      reply.code(201);
      return created;
    },
  );

  app.post(
    '/console/customers/:id/promises/:promiseId/cancel',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Withdraw a promise to pay: reminders resume',
        params: Type.Object({ id: Uuid, promiseId: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      await cancelPromise(
        { db },
        {
          orgId,
          customerId: request.params.id,
          promiseId: request.params.promiseId,
          actor: actorOf(request),
        },
      );
      reply.code(204);
    },
  );
};
