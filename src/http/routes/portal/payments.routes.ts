import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listCreditMemos } from '../../../domain/credits/list-credit-memos.ts';
import { listPayments } from '../../../domain/payments/list-payments.ts';
import type { AppDeps } from '../../deps.ts';
import { customerOf, requireCustomer } from '../../plugins/auth.ts';
import { PaymentStatus, problems } from '../../schemas.ts';
import { CreditList, creditSummaryJson } from '../console/credit-memos.routes.ts';
import { ListQuery, PaymentList, paymentSummaryJson } from '../console/payments.routes.ts';

/** The customer's own payments and credit memos: always the session's customer account, never another. */
export const portalPaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/payments',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: "This account's payments, newest first",
        querystring: Type.Object(
          {
            ...ListQuery,
            status: Type.Optional(PaymentStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: PaymentList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const { page, pageSize, q, status } = request.query;
      const result = await listPayments({ db }, { orgId, customerId: accountId, page, pageSize, q, status });
      return { items: result.items.map(paymentSummaryJson), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/portal/credit-memos',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: "This account's credit memos, newest first",
        querystring: Type.Object(
          { ...ListQuery, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('void')])) },
          { additionalProperties: false },
        ),
        response: { 200: CreditList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const { page, pageSize, q, status } = request.query;
      const result = await listCreditMemos(
        { db },
        { orgId, customerId: accountId, page, pageSize, q, status },
      );
      return { items: result.items.map(creditSummaryJson), total: result.total, page, pageSize };
    },
  );
};
