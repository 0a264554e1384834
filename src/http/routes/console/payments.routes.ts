import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { applyPayment } from '../../../domain/payments/apply-payment.ts';
import { getPayment, type PaymentDetail } from '../../../domain/payments/get-payment.ts';
import { listPayments } from '../../../domain/payments/list-payments.ts';
import type { ApplicationView, PaymentSummary } from '../../../domain/payments/payments.repository.ts';
import { previewAllocation } from '../../../domain/payments/preview-allocation.ts';
import { recordPayment } from '../../../domain/payments/record-payment.ts';
import { reversePayment } from '../../../domain/payments/reverse-payment.ts';
import { unapplyPayment } from '../../../domain/payments/unapply-payment.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import {
  CalendarDate,
  DateTime,
  IdempotencyKey,
  MinorAmount,
  MinorAmountOut,
  PageQuery,
  PaymentStatus,
  problems,
  Uuid,
} from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export { CalendarDate, MinorAmount, MinorAmountOut };
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$' });
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
  amount: MinorAmountOut,
  unappliedAmount: MinorAmountOut,
  status: PaymentStatus,
});

export const ApplicationSchema = Type.Object({
  id: Uuid,
  invoiceId: Uuid,
  invoiceNumber: Type.String(),
  amount: MinorAmountOut,
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

/** A dry run of `allocations: 'auto'`: what recording the amount would apply, invoice by invoice. */
export const AllocationPreviewSchema = Type.Object({
  currency: Type.String(),
  allocations: Type.Array(
    Type.Object({
      invoiceId: Uuid,
      number: Type.String(),
      dueDate: CalendarDate,
      available: MinorAmountOut,
      amount: MinorAmountOut,
    }),
  ),
  unapplied: MinorAmountOut,
});

export const PaymentList = Type.Object({
  items: Type.Array(PaymentSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ListQuery = {
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200 })),
};

/**
 * Amounts go to the wire as the domain's bigint minor units (MinorAmountOut): the serializer
 * writes their digits, so no amount passes through a JavaScript number on the way out.
 */
export function paymentSummaryJson(p: PaymentSummary) {
  return p;
}

export function applicationJson(a: ApplicationView) {
  return a;
}

export function paymentDetailJson(p: PaymentDetail) {
  return p;
}

/** Allocations as the domain takes them: amounts back to bigint. */
export function toAllocations(list: { invoiceId: string; amount: number }[]) {
  return list.map((a) => ({ invoiceId: a.invoiceId, amount: BigInt(a.amount) }));
}

/** Payments received: list, record (with allocation), apply more, unapply, reverse. */
export const paymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, paymentId: string) {
    const payment = await getPayment({ db }, { orgId, paymentId });
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
            status: Type.Optional(PaymentStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: PaymentList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, q, customerId, status } = request.query;
      const result = await listPayments(
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
          'absent keeps it all as unapplied cash. `receivedOn` may not be after the seller’s today (in its ' +
          'time zone); `currency` must be the customer’s own or one it has a balance in. A retried request ' +
          'with the same `Idempotency-Key` answers the payment already recorded (200) instead of recording ' +
          'another, also when the retries arrive at once; the same key with any other request (customer, ' +
          'amount, currency, date, method, reference, allocations) is refused with 422 `idempotency_key_reused`.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(IdempotencyKey),
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
        actor: actorOf(request),
      };
      // A replay under the same Idempotency-Key is recordPayment's own business (no retry here).
      const recorded = await inTransaction(db, (trx) => recordPayment({ db: trx }, input));
      return reply.code(recorded.replayed ? 200 : 201).send(await detail(orgId, recorded.id));
    },
  );

  app.post(
    '/console/payments/allocation-preview',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Preview what recording a payment with allocations 'auto' would apply (nothing is written)",
        description:
          'A dry run of the oldest-due-first rule `POST /console/payments` applies for `allocations: ' +
          "'auto'`, over every open invoice of the customer in the currency: `available` is each invoice's " +
          'open amount less what is pending, `amount` what the payment would apply to it, `unapplied` what ' +
          'would stay as unapplied cash. The same checks as recording: the amount is positive; `currency` ' +
          '(default the customer’s) must be the customer’s own or one it has a balance in.',
        body: Type.Object(
          { customerId: Uuid, amount: MinorAmount, currency: Type.Optional(CurrencyCode) },
          { additionalProperties: false },
        ),
        response: { 200: AllocationPreviewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      previewAllocation(
        { db },
        {
          orgId: staffOf(request).orgId,
          customerId: request.body.customerId,
          amount: BigInt(request.body.amount),
          currency: request.body.currency ?? null,
        },
      ),
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
      await inTransaction(db, (trx) =>
        applyPayment(
          { db: trx },
          {
            orgId,
            paymentId: request.params.id,
            allocations: allocations === 'auto' ? 'auto' : toAllocations(allocations),
            actor: actorOf(request),
          },
        ),
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
      await inTransaction(db, (trx) =>
        unapplyPayment(
          { db: trx },
          {
            orgId,
            applicationId: request.params.id,
            reason: request.body.reason.trim(),
            actor: actorOf(request),
          },
        ),
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
      await inTransaction(db, (trx) =>
        reversePayment(
          { db: trx },
          {
            orgId,
            paymentId: request.params.id,
            reason: request.body.reason.trim(),
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );
};
