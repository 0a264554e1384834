import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import {
  listCreditChecks,
  loadCreditCheckSettings,
} from '../../../domain/credit-checks/credit-checks.repository.ts';
import { updateCreditCheckSettings } from '../../../domain/credit-checks/update-credit-check-settings.ts';
import { customerExists } from '../../../domain/customers/customers.repository.ts';
import { AppError } from '../../../domain/errors.ts';
import { cancelPayLink } from '../../../domain/pay-links/cancel-pay-link.ts';
import { listPayLinks } from '../../../domain/pay-links/pay-links.repository.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import {
  DateTime,
  documentAmountAsNumber,
  MinorAmountOut,
  PaymentStatus,
  problems,
  Uuid,
} from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Settings = Type.Object(
  {
    onlineOrders: Type.Boolean(),
    orderPayment: Type.Union([Type.Literal('excess'), Type.Literal('whole')]),
  },
  { additionalProperties: false },
);

const CreditCheckRow = Type.Object({
  id: Uuid,
  orderReference: Type.String(),
  orderAmount: MinorAmountOut,
  currency: Type.String(),
  creditLimit: Nullable(Type.Integer()),
  balance: MinorAmountOut,
  pendingOrders: MinorAmountOut,
  prepaid: MinorAmountOut,
  availableCredit: Nullable(Type.Integer()),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('payment_required')]),
  amountToPay: MinorAmountOut,
  payLinkId: Nullable(Uuid),
  payLinkUnavailable: Nullable(Type.String()),
  checkedAt: DateTime,
});

const PayLinkRow = Type.Object({
  id: Uuid,
  purpose: Type.Union([Type.Literal('order'), Type.Literal('invoices')]),
  orderReference: Nullable(Type.String()),
  invoices: Type.Array(Type.Object({ id: Uuid, number: Type.String(), amount: MinorAmountOut })),
  amount: MinorAmountOut,
  currency: Type.String(),
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('processing'),
    Type.Literal('paid'),
    Type.Literal('expired'),
    Type.Literal('cancelled'),
  ]),
  cancelReason: Nullable(Type.Union([Type.Literal('superseded'), Type.Literal('staff')])),
  expiresAt: DateTime,
  createdAt: DateTime,
  payment: Nullable(Type.Object({ id: Uuid, number: Type.String(), status: PaymentStatus })),
});

const asNumber = (v: bigint | null) => (v === null ? null : documentAmountAsNumber(v));

/**
 * The seller's side of orders over the credit limit: a customer's credit checks and pay links (the
 * links' addresses are never shown: only their recipient may open them), cancelling a link nobody
 * paid, and the settings (online payment of orders on or off; the part over the limit or the
 * whole order).
 */
export const consoleCreditCheckRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/console/customers/:id/credit-checks',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "A customer's latest credit checks and pay links",
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({ creditChecks: Type.Array(CreditCheckRow), payLinks: Type.Array(PayLinkRow) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      if (!(await customerExists(db, { orgId, customerId }))) throw new AppError('not_found');
      const [checks, links] = await Promise.all([
        listCreditChecks(db, { orgId, customerId, limit: 50 }),
        // Pay-now e-mails' links have their own panel (GET /console/customers/:id/pay-now).
        listPayLinks(db, { orgId, customerId, limit: 50 }).then((all) => all.filter((l) => !l.sentByMail)),
      ]);
      return {
        creditChecks: checks.map((c) => ({
          id: c.id,
          orderReference: c.orderReference,
          orderAmount: c.orderAmount,
          currency: c.currency,
          creditLimit: asNumber(c.creditLimit),
          balance: c.balance,
          pendingOrders: c.pendingOrders,
          prepaid: c.prepaid,
          availableCredit: asNumber(c.availableCredit),
          decision: c.decision,
          amountToPay: c.amountToPay,
          payLinkId: c.payLinkId,
          payLinkUnavailable: c.payLinkUnavailable,
          checkedAt: c.createdAt,
        })),
        payLinks: links.map((l) => ({
          id: l.id,
          purpose: l.purpose,
          orderReference: l.orderReference,
          invoices: l.invoices,
          amount: l.amount,
          currency: l.currency,
          state: l.state,
          cancelReason: l.cancelReason,
          expiresAt: l.expiresAt,
          createdAt: l.createdAt,
          payment: l.payment,
        })),
      };
    },
  );

  app.post(
    '/console/pay-links/:id/cancel',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Cancel a pay link nobody has paid',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        cancelPayLink({ db: trx }, { orgId, payLinkId: request.params.id, actor: actorOf(request) }),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/console/settings/credit-checks',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: 'Orders over the credit limit: paid online or not, the excess or the whole order',
        response: { 200: Settings, ...problems(401, 403) },
      },
    },
    async (request) => loadCreditCheckSettings(db, staffOf(request).orgId),
  );

  app.put(
    '/console/settings/credit-checks',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Change how orders over the credit limit are paid',
        body: Settings,
        response: { 200: Settings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      return inTransaction(db, (trx) =>
        updateCreditCheckSettings({ db: trx }, { orgId, settings: request.body, actor: actorOf(request) }),
      );
    },
  );
};
