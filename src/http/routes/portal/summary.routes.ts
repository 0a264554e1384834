import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { accountSummary } from '../../../domain/customers/account-summary.ts';
import { AppError } from '../../../domain/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { customerOf, requireCustomer } from '../../plugins/auth.ts';
import {
  documentAmountAsNumber,
  MinorAmount,
  MinorAmountOut,
  PaymentStatus,
  problems,
  Uuid,
} from '../../schemas.ts';
import { BalanceSchema, balanceOut } from '../console/customers.routes.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Minor = MinorAmountOut;
const CalendarDate = Type.String({ format: 'date' });

/** PaymentSummary as docs/api.md defines it (the payments routes declare the same shape). */
const RecentPayment = Type.Object({
  id: Uuid,
  number: Type.String(),
  customer: Type.Object({ id: Uuid, name: Type.String(), accountNumber: Type.String() }),
  receivedOn: CalendarDate,
  method: Type.Enum(['check', 'cash', 'bank_transfer', 'card_terminal', 'other', 'card', 'ach']),
  reference: Nullable(Type.String()),
  currency: Type.String(),
  amount: Minor,
  unappliedAmount: Minor,
  status: PaymentStatus,
});

/** The portal's first page: what the account owes, what is due next, its last payments, a hold. */
export const portalSummaryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/summary',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: "This account's balances, next due invoice, 5 latest payments and credit hold",
        response: {
          200: Type.Object({
            balances: Type.Array(BalanceSchema),
            nextDue: Nullable(
              Type.Object({
                invoiceId: Uuid,
                number: Type.String(),
                dueDate: CalendarDate,
                openAmount: MinorAmount,
                currency: Type.String(),
              }),
            ),
            recentPayments: Type.Array(RecentPayment),
            hold: Type.Object({
              status: Type.Union([Type.Literal('active'), Type.Literal('on_hold')]),
              message: Nullable(
                Type.String({
                  description:
                    'The seller’s message to the customer about the hold, if any (the internal reason is never shown)',
                }),
              ),
            }),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const summary = await accountSummary({ db }, { orgId, customerId: accountId });
      if (!summary) throw new AppError('not_found');
      return {
        balances: summary.balances.map(balanceOut),
        nextDue: summary.nextDue && {
          ...summary.nextDue,
          openAmount: documentAmountAsNumber(summary.nextDue.openAmount),
        },
        recentPayments: summary.recentPayments.map((p) => ({
          ...p,
          amount: p.amount,
          unappliedAmount: p.unappliedAmount,
        })),
        hold: summary.hold,
      };
    },
  );
};
