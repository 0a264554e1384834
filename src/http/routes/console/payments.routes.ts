import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import {
  type ApplicationView,
  getPayment,
  type PaymentDetail,
} from '../../../domain/payments/get-payment.ts';
import { listPayments, type PaymentSummary } from '../../../domain/payments/list-payments.ts';
import {
  applyPayment,
  reversePayment,
  unapplyPayment,
} from '../../../domain/payments/payment-applications.ts';
import { recordPayment } from '../../../domain/payments/record-payment.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { DateTime, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** An amount in the currency's minor units, as a JSON integer (exact in JavaScript up to 10^15). */
export const MinorAmount = Type.Integer({ minimum: -1e15, maximum: 1e15 });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$' });
export const CalendarDate = Type.String({ format: 'date' });
/** A reason a person must give (not blank). */
export const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
export const Allocation = Type.Object(
  { invoiceId: Uuid, amount: MinorAmount },
  { additionalProperties: false },
);
export const AllocationList = Type.Array(Allocation, { minItems: 1, maxItems: 500 });
export const PaymentAllocations = Type.Union([Type.Literal('auto'), AllocationList]);

const PaymentMethod = Type.Union([
  Type.Literal('check'),
  Type.Literal('cash'),
  Type.Literal('bank_transfer'),
  Type.Literal('card_terminal'),
  Type.Literal('other'),
  Type.Literal('card'),
  Type.Literal('ach'),
]);
/** Staff record money received outside Saldo; `card` and `ach` arrive through a processor. */
const ManualPaymentMethod = Type.Union([
  Type.Literal('check'),
  Type.Literal('cash'),
  Type.Literal('bank_transfer'),
  Type.Literal('card_terminal'),
  Type.Literal('other'),
]);

export const CustomerRefSchema = Type.Object({ id: Uuid, name: Type.String(), accountNumber: Type.String() });

export const PaymentSummarySchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  customer: CustomerRefSchema,
  receivedOn: CalendarDate,
  method: PaymentMethod,
  reference: Nullable(Type.String()),
  currency: Type.String(),
  amount: MinorAmount,
  unappliedAmount: MinorAmount,
  status: Type.Union([Type.Literal('completed'), Type.Literal('reversed')]),
});

export const ApplicationSchema = Type.Object({
  id: Uuid,
  invoiceId: Uuid,
  invoiceNumber: Type.String(),
  amount: MinorAmount,
  createdAt: DateTime,
  unappliedAt: Nullable(DateTime),
  unapplyReason: Nullable(Type.String()),
});

export const PaymentDetailSchema = Type.Object({
  ...PaymentSummarySchema.properties,
  applications: Type.Array(ApplicationSchema),
  reversedAt: Nullable(DateTime),
  reverseReason: Nullable(Type.String()),
});

export const PaymentList = Type.Object({
  items: Type.Array(PaymentSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ListQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
  q: Type.Optional(Type.String({ maxLength: 200 })),
};

/** bigint minor units → JSON integers (the schemas cap them at 10^15, so Number() is exact). */
export function paymentSummaryJson(p: PaymentSummary) {
  return { ...p, amount: Number(p.amount), unappliedAmount: Number(p.unappliedAmount) };
}

export function applicationJson(a: ApplicationView) {
  return { ...a, amount: Number(a.amount) };
}

export function paymentDetailJson(p: PaymentDetail) {
  return {
    ...p,
    amount: Number(p.amount),
    unappliedAmount: Number(p.unappliedAmount),
    applications: p.applications.map(applicationJson),
  };
}

/** Allocations as the domain takes them: amounts back to bigint. */
export function toAllocations(list: { invoiceId: string; amount: number }[]) {
  return list.map((a) => ({ invoiceId: a.invoiceId, amount: BigInt(a.amount) }));
}

/** Payments received: list, record (with allocation), apply more, unapply, reverse. */
export const paymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, id: string) {
    const payment = await getPayment(db, { orgId, id });
    if (!payment) throw new AppError('not_found');
    return paymentDetailJson(payment);
  }

  app.get(
    '/console/payments',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Payments received, newest first',
        querystring: Type.Object(
          {
            ...ListQuery,
            customerId: Type.Optional(Uuid),
            status: Type.Optional(Type.Union([Type.Literal('completed'), Type.Literal('reversed')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: PaymentList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, q, customerId, status } = request.query;
      const result = await listPayments(db, {
        orgId: staffOf(request).orgId,
        page,
        pageSize,
        q,
        customerId,
        status,
      });
      return { items: result.items.map(paymentSummaryJson), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/console/payments',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Record a payment received (check, cash, transfer, card terminal) and apply it',
        description:
          "`allocations`: `'auto'` applies it oldest due first; a list applies exactly those amounts; " +
          'absent keeps it all as unapplied cash. A retried request with the same `Idempotency-Key` ' +
          'answers the payment already recorded (200) instead of recording another.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        body: Type.Object(
          {
            customerId: Uuid,
            amount: MinorAmount,
            currency: Type.Optional(CurrencyCode),
            receivedOn: CalendarDate,
            method: ManualPaymentMethod,
            reference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            allocations: Type.Optional(PaymentAllocations),
          },
          { additionalProperties: false },
        ),
        response: {
          200: PaymentDetailSchema,
          201: PaymentDetailSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const body = request.body;
      const idempotencyKey = request.headers['idempotency-key'] ?? null;
      const input = {
        orgId,
        customerId: body.customerId,
        amount: BigInt(body.amount),
        currency: body.currency ?? null,
        receivedOn: body.receivedOn,
        method: body.method,
        reference: body.reference ?? null,
        allocations:
          body.allocations === undefined || body.allocations === 'auto'
            ? body.allocations
            : toAllocations(body.allocations),
        idempotencyKey,
        locale: requestLocale(request),
      };
      let recorded: Awaited<ReturnType<typeof recordPayment>>;
      try {
        recorded = await recordPayment(db, input, actorOf(request));
      } catch (error) {
        // Two requests with one key at once: the loser's insert finds the winner's row. Asking
        // again answers the winner's payment (or the same conflict if the two bodies differ).
        if (!(idempotencyKey && error instanceof AppError && error.code === 'conflict')) throw error;
        recorded = await recordPayment(db, input, actorOf(request));
      }
      return reply.code(recorded.replayed ? 200 : 201).send(await detail(orgId, recorded.id));
    },
  );

  app.get(
    '/console/payments/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'One payment with its applications',
        params: Type.Object({ id: Uuid }),
        response: { 200: PaymentDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => detail(staffOf(request).orgId, request.params.id),
  );

  app.post(
    '/console/payments/:id/applications',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Apply a payment's unapplied cash to invoices",
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ allocations: PaymentAllocations }, { additionalProperties: false }),
        response: { 200: PaymentDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const { allocations } = request.body;
      await applyPayment(
        db,
        {
          orgId,
          paymentId: request.params.id,
          allocations: allocations === 'auto' ? 'auto' : toAllocations(allocations),
          locale: requestLocale(request),
        },
        actorOf(request),
      );
      return detail(orgId, request.params.id);
    },
  );

  app.post(
    '/console/payment-applications/:id/unapply',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Take one payment application off its invoice (the cash becomes unapplied again)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      await unapplyPayment(
        db,
        { orgId, applicationId: request.params.id, reason: request.body.reason.trim() },
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/console/payments/:id/reverse',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Reverse a payment (a bounced check, a mistake): every application undone',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: PaymentDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await reversePayment(
        db,
        { orgId, paymentId: request.params.id, reason: request.body.reason.trim() },
        actorOf(request),
      );
      return detail(orgId, request.params.id);
    },
  );
};
