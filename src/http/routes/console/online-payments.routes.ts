import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { getPaymentStatus } from '../../../domain/payments/get-payment-status.ts';
import { listRefunds } from '../../../domain/payments/list-refunds.ts';
import { refundPayment } from '../../../domain/payments/refund-payment.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import {
  DateTime,
  IdempotencyKey,
  MinorAmount,
  MinorAmountOut,
  PaymentStatus,
  problems,
  Uuid,
} from '../../schemas.ts';
import { PaymentStatusSchema, paymentStatusJson } from '../portal/online-payments.routes.ts';
import { Reason } from './payments.routes.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const RefundStatus = Type.Union([
  Type.Literal('initiated'),
  Type.Literal('pending'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
]);

const ConsolePaymentStatusSchema = Type.Object({
  ...PaymentStatusSchema.properties,
  /** As the portal's, and a refund's step names its refund (a partial one stays `completed`). */
  timeline: Type.Array(
    Type.Object({
      at: DateTime,
      status: PaymentStatus,
      detail: Nullable(Type.String()),
      refundId: Nullable(Uuid),
    }),
  ),
  refunds: Type.Array(
    Type.Object({
      id: Uuid,
      amount: MinorAmountOut,
      status: RefundStatus,
      reason: Nullable(Type.String()),
      createdAt: DateTime,
    }),
  ),
  refundable: MinorAmountOut,
});

const RefundAnswer = Type.Object({ refundId: Uuid, status: RefundStatus, amount: MinorAmountOut });

/**
 * Staff's side of online payments: a payment's status with its processor timeline and refunds,
 * and refunding all or part of it through its processor. Always the staff's own seller: another
 * seller's payment is 404.
 */
export const consoleOnlinePaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, gateways } = deps;

  app.get(
    '/console/payments/:id/status',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: 'One payment as its processor left it: status, method, fee, timeline, refunds',
        description:
          'The same shape as the portal’s `GET /portal/payments/{id}`, plus its `refunds` (oldest first) and ' +
          '`refundable`: the amount less what was refunded and what is being refunded; 0 unless it is a ' +
          'completed online payment.',
        params: Type.Object({ id: Uuid }),
        response: { 200: ConsolePaymentStatusSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const paymentId = request.params.id;
      const [view, refunds] = await Promise.all([
        getPaymentStatus({ db }, { orgId, paymentId }),
        listRefunds({ db }, { orgId, paymentId }),
      ]);
      if (!view || !refunds) throw new AppError('not_found');
      const json = paymentStatusJson(requestLocale(request), view, false);
      return {
        ...json,
        timeline: json.timeline.map((step, i) => {
          const refundId = view.timeline[i]?.detail.refundId;
          return { ...step, refundId: typeof refundId === 'string' ? refundId : null };
        }),
        refunds: refunds.refunds.map((r) => ({
          id: r.id,
          amount: r.amount,
          status: r.status,
          reason: r.reason,
          createdAt: r.createdAt,
        })),
        refundable: refunds.refundable,
      };
    },
  );

  app.post(
    '/console/payments/:id/refunds',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Refund all or part of a completed online payment through its processor',
        description:
          'Requires `Idempotency-Key`: the same key with the same payment and amount answers the refund it ' +
          'started (200), with anything else 422 `idempotency_key_reused`. The money leaves what is still ' +
          'unapplied first, then applications are undone newest first (those invoices reopen). More than ' +
          '`refundable` is 422 `refund_exceeds_payment`; a manual payment, or one not completed (an ACH debit ' +
          'still pending), is 409 `payment_not_refundable`. A processor that does not answer is 503 ' +
          '`processor_unavailable`: retry with the same key. A refund the processor declines answers ' +
          '`status: failed` and moves nothing.',
        headers: Type.Object({
          'idempotency-key': IdempotencyKey,
        }),
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ amount: MinorAmount, reason: Reason }, { additionalProperties: false }),
        response: {
          200: RefundAnswer,
          201: RefundAnswer,
          ...problems(400, 401, 403, 404, 409, 422, 502, 503),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      // refundPayment runs its own two phases around the processor's call: stored, asked, moved.
      const result = await refundPayment(
        { db, gateways },
        {
          orgId,
          paymentId: request.params.id,
          amount: BigInt(request.body.amount),
          reason: request.body.reason.trim(),
          idempotencyKey: `console:${request.headers['idempotency-key']}`,
          actor: actorOf(request),
        },
      );
      return reply
        .code(result.replayed ? 200 : 201)
        .send({ refundId: result.refundId, status: result.status, amount: result.amount });
    },
  );
};
