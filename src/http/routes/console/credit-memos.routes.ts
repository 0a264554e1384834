import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { applyCredit } from '../../../domain/credits/apply-credit.ts';
import type { CreditSummary } from '../../../domain/credits/credit-memos.repository.ts';
import { type CreditDetail, getCreditMemo } from '../../../domain/credits/get-credit-memo.ts';
import { issueCreditMemo } from '../../../domain/credits/issue-credit-memo.ts';
import { listCreditMemos } from '../../../domain/credits/list-credit-memos.ts';
import { unapplyCredit } from '../../../domain/credits/unapply-credit.ts';
import { AppError } from '../../../domain/errors.ts';
import { createOnce } from '../../../domain/shared/create-once.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { IdempotencyKey, problems, Uuid } from '../../schemas.ts';
import {
  AllocationList,
  ApplicationSchema,
  applicationJson,
  CalendarDate,
  CurrencyCode,
  CustomerRefSchema,
  ListQuery,
  MinorAmount,
  MinorAmountOut,
  toAllocations,
} from './payments.routes.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const CreditStatus = Type.Union([Type.Literal('open'), Type.Literal('void')]);

export const CreditSummarySchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  customer: CustomerRefSchema,
  issueDate: CalendarDate,
  currency: Type.String(),
  amount: MinorAmountOut,
  unappliedAmount: MinorAmountOut,
  status: CreditStatus,
  invoice: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  reason: Nullable(Type.String()),
});

export const CreditDetailSchema = Type.Object({
  ...CreditSummarySchema.properties,
  applications: Type.Array(ApplicationSchema),
});

export const CreditList = Type.Object({
  items: Type.Array(CreditSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** Amounts stay bigint to the wire (MinorAmountOut), like payments'. */
export function creditSummaryJson(c: CreditSummary) {
  return c;
}

export function creditDetailJson(c: CreditDetail) {
  return { ...c, applications: c.applications.map(applicationJson) };
}

/** Credit memos: list, issue (optionally applied at once), apply, unapply. */
export const creditMemoRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, creditMemoId: string) {
    const memo = await getCreditMemo({ db }, { orgId, creditMemoId });
    if (!memo) throw new AppError('not_found');
    return creditDetailJson(memo);
  }

  app.get(
    '/console/credit-memos',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Credit memos, newest first',
        querystring: Type.Object(
          { ...ListQuery, customerId: Type.Optional(Uuid), status: Type.Optional(CreditStatus) },
          { additionalProperties: false },
        ),
        response: { 200: CreditList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, q, customerId, status } = request.query;
      const result = await listCreditMemos(
        { db },
        {
          orgId: staffOf(request).orgId,
          page,
          pageSize,
          q,
          customerId,
          status,
        },
      );
      return { items: result.items.map(creditSummaryJson), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/console/credit-memos',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Issue a credit memo to a customer, optionally against an invoice and applied at once',
        description:
          '`invoiceId` names the invoice it was issued against (not applied by itself); `allocations` ' +
          'applies it. Saldo numbers it (CM-000001) when `number` is absent. A retried request with the ' +
          'same `Idempotency-Key` answers the credit memo it issued (200) instead of issuing another, also ' +
          'when the retries arrive at once; the same key with any other request is refused with 422 ' +
          '`idempotency_key_reused`.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
        body: Type.Object(
          {
            customerId: Uuid,
            amount: MinorAmount,
            currency: Type.Optional(CurrencyCode),
            issueDate: CalendarDate,
            reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            invoiceId: Type.Optional(Nullable(Uuid)),
            number: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' }))),
            allocations: Type.Optional(
              Type.Array(
                Type.Object({ invoiceId: Uuid, amount: MinorAmount }, { additionalProperties: false }),
                { maxItems: 500 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: CreditDetailSchema,
          201: CreditDetailSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const body = request.body;
      const memo = {
        orgId,
        customerId: body.customerId,
        amount: BigInt(body.amount),
        currency: body.currency ?? null,
        issueDate: body.issueDate,
        reason: body.reason?.trim() || null,
        invoiceId: body.invoiceId ?? null,
        number: body.number?.trim() ?? null,
        allocations: toAllocations(body.allocations ?? []),
      };
      const issued = await inTransaction(db, (trx) =>
        createOnce(
          trx,
          { orgId, scope: 'credit_memo', key: request.headers['idempotency-key'] ?? null, request: memo },
          () => issueCreditMemo({ db: trx }, { ...memo, actor: actorOf(request) }),
        ),
      );
      return reply.code(issued.replayed ? 200 : 201).send(await detail(orgId, issued.id));
    },
  );

  app.get(
    '/console/credit-memos/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'One credit memo with its applications',
        params: Type.Object({ id: Uuid }),
        response: { 200: CreditDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => detail(staffOf(request).orgId, request.params.id),
  );

  app.post(
    '/console/credit-memos/:id/applications',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Apply a credit memo's unapplied credit to invoices",
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ allocations: AllocationList }, { additionalProperties: false }),
        response: { 200: CreditDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        applyCredit(
          { db: trx },
          {
            orgId,
            creditMemoId: request.params.id,
            allocations: toAllocations(request.body.allocations),
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );

  app.post(
    '/console/credit-applications/:id/unapply',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Take one credit application off its invoice (the credit becomes unapplied again)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const reason = request.body.reason?.trim() || undefined;
      await inTransaction(db, (trx) =>
        unapplyCredit(
          { db: trx },
          { orgId, applicationId: request.params.id, ...(reason ? { reason } : {}), actor: actorOf(request) },
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
