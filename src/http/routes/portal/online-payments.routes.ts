import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Locale } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { autopayMethodIds } from '../../../domain/autopay/autopay.repository.ts';
import { AppError } from '../../../domain/errors.ts';
import { getPaymentStatus, type PaymentStatusView } from '../../../domain/payments/get-payment-status.ts';
import { openMethodEntry } from '../../../domain/payments/open-method-entry.ts';
import { payOnline } from '../../../domain/payments/pay-online.ts';
import {
  findSavedMethod,
  findSavedMethods,
  markMethodRemoved,
} from '../../../domain/payments/payment-methods.repository.ts';
import { onlineEligibility, quoteOnlinePayment } from '../../../domain/payments/quote-online-payment.ts';
import { t } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, clientInfo, customerOf, requireCustomer } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { entryReturnUrls } from '../../return-urls.ts';
import {
  CalendarDate,
  DateTime,
  IdempotencyKey,
  MinorAmount,
  MinorAmountOut,
  PaymentStatus,
  problems,
  Uuid,
} from '../../schemas.ts';
import {
  amountOrNull,
  declineJson,
  FailureSchema,
  MethodKind,
  Nullable,
  PayAllocations,
  PayAnswerSchema,
  PayWithFields,
  QuoteAnswerSchema,
  SavedMethodSchema,
} from '../online-payment-schemas.ts';

const Allocations = PayAllocations;

const PaymentStatusSchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: PaymentStatus,
  method: Type.String(),
  source: Type.Union([
    Type.Literal('manual'),
    Type.Literal('portal'),
    Type.Literal('staff'),
    Type.Literal('autopay'),
    Type.Literal('pay_link'),
    Type.Literal('credit_check'),
    Type.Literal('erp'),
  ]),
  amount: MinorAmountOut,
  fee: MinorAmountOut,
  total: MinorAmountOut,
  refundedAmount: MinorAmountOut,
  currency: Type.String(),
  receivedOn: CalendarDate,
  createdAt: DateTime,
  paymentMethod: Nullable(
    Type.Object({
      kind: MethodKind,
      brand: Nullable(Type.String()),
      last4: Type.String(),
      bankName: Nullable(Type.String()),
    }),
  ),
  failure: Nullable(FailureSchema),
  returnReason: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  expectedSettlement: Nullable(CalendarDate),
  allocations: Type.Array(
    Type.Object({ invoiceId: Uuid, number: Type.String(), amount: MinorAmountOut, applied: Type.Boolean() }),
  ),
  timeline: Type.Array(Type.Object({ at: DateTime, status: PaymentStatus, detail: Nullable(Type.String()) })),
  receiptUrl: Nullable(Type.String()),
});

const PayAnswer = PayAnswerSchema;
const asNumber = amountOrNull;
const failureJson = (locale: Locale, code: string | null) => declineJson(locale, code);

function returnJson(locale: Locale, code: string | null) {
  if (!code) return null;
  const key = `return.${code}`;
  const message = t(locale, key);
  return { code, message: message === key ? t(locale, 'return.other', { code }) : message };
}

function statusJson(locale: Locale, view: PaymentStatusView, portal: boolean) {
  return {
    ...view,
    failure: failureJson(locale, view.failureCode),
    returnReason: returnJson(locale, view.returnCode),
    timeline: view.timeline.map((step) => ({
      at: step.at,
      status: step.status,
      detail:
        typeof step.detail.code === 'string'
          ? t(locale, `decline.${step.detail.code}`)
          : typeof step.detail.returnCode === 'string'
            ? (returnJson(locale, step.detail.returnCode)?.message ?? null)
            : null,
    })),
    receiptUrl:
      view.status === 'completed' || view.status === 'refunded'
        ? `/api/v1/${portal ? 'portal' : 'console'}/payments/${view.id}/receipt.pdf`
        : null,
  };
}

/**
 * Paying online from the portal: what the account may do (payment-options), a quote with the
 * card fee, the processor's page for a new card or bank account, the payment itself (with an
 * Idempotency-Key: a retry never charges twice), its status page, and saved methods. Always the
 * session's own account: another account's invoice or payment is 404.
 */
export const portalOnlinePaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, gateways, config } = deps;

  app.get(
    '/portal/payment-options',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'Whether this account may pay online, how, and its saved methods',
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            blockedReason: Nullable(
              Type.Union([
                Type.Literal('seller_off'),
                Type.Literal('customer_off'),
                Type.Literal('role'),
                Type.Literal('no_methods'),
              ]),
            ),
            holdMessage: Nullable(Type.String()),
            processor: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')]),
            methods: Type.Array(MethodKind),
            partial: Type.Object({ allowed: Type.Boolean(), minimum: Nullable(MinorAmount) }),
            cardFee: Nullable(Type.Object({ percentBps: Type.Integer(), cap: Nullable(MinorAmount) })),
            achAuthorization: Type.String(),
            savedMethods: Type.Array(SavedMethodSchema),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { orgId, accountId, role } = customerOf(request);
      const { settings, blockedReason, holdMessage, sellerName, methods } = await onlineEligibility(db, {
        orgId,
        customerId: accountId,
        role,
      });
      const locale = requestLocale(request);
      const [saved, inUse] = await Promise.all([
        findSavedMethods(db, { orgId, customerId: accountId, processor: settings.processor }),
        autopayMethodIds(db, { orgId, customerId: accountId }),
      ]);
      return {
        enabled: blockedReason === null,
        blockedReason,
        holdMessage,
        processor: settings.processor,
        methods,
        // Nullable amounts are answered as numbers (schemas.ts: documentAmountAsNumber).
        partial: { allowed: settings.partialAllowed, minimum: asNumber(settings.partialMinimum) },
        cardFee:
          settings.cardFeeBps > 0
            ? { percentBps: settings.cardFeeBps, cap: asNumber(settings.cardFeeCap) }
            : null,
        achAuthorization: t(locale, 'ach.authorization', { seller: sellerName }),
        savedMethods: saved
          .filter((m) => settings.methods.includes(m.kind))
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            brand: m.brand,
            last4: m.last4,
            expMonth: m.expMonth,
            expYear: m.expYear,
            bankName: m.bankName,
            accountType: m.accountType,
            usedByAutopay: inUse.has(m.id),
          })),
      };
    },
  );

  app.post(
    '/portal/payments/quote',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary:
          'What paying these invoices this way costs (the card fee), every rule checked; nothing is written',
        body: Type.Object({ kind: MethodKind, allocations: Allocations }, { additionalProperties: false }),
        response: {
          200: QuoteAnswerSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { orgId, accountId, role } = customerOf(request);
      const quote = await quoteOnlinePayment(
        { db },
        {
          orgId,
          customerId: accountId,
          role,
          kind: request.body.kind,
          allocations: request.body.allocations.map((a) => ({
            invoiceId: a.invoiceId,
            amount: BigInt(a.amount),
          })),
        },
      );
      const { settings: _settings, ...answer } = quote;
      return answer;
    },
  );

  app.post(
    '/portal/payment-methods/entry',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: "The processor's own page where the payer types a new card or bank account",
        description:
          'Card and bank numbers never reach Saldo: the processor keeps them and sends the browser back to ' +
          '`returnPath` with `method=<token>&kind=<kind>` added (or `methodCancelled=1`).',
        body: Type.Object(
          {
            kind: MethodKind,
            returnPath: Type.String({ minLength: 8, maxLength: 2000, pattern: '^/portal/' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ type: Type.Literal('redirect'), url: Type.String() }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (request) => {
      const { orgId, accountId, role } = customerOf(request);
      const { settings, blockedReason, customerName } = await onlineEligibility(db, {
        orgId,
        customerId: accountId,
        role,
      });
      if (blockedReason) throw new AppError('online_payments_disabled', { reason: blockedReason });
      const { kind, returnPath } = request.body;
      if (!settings.methods.includes(kind)) throw new AppError('method_not_accepted', { kind });
      const { url } = await openMethodEntry(
        { db, gateways },
        {
          orgId,
          customerId: accountId,
          customerName,
          kind,
          locale: requestLocale(request),
          ...entryReturnUrls(config.publicUrl, returnPath, '/portal/', kind),
          reference: accountId,
        },
      );
      return { type: 'redirect' as const, url };
    },
  );

  app.post(
    '/portal/payments',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Pay one or several invoices, in full or in part, with a saved or a new method',
        description:
          'Requires `Idempotency-Key`: the same key with the same body answers the payment it started (200); ' +
          'with another body 422 `idempotency_key_reused`. A decline is not an error: the attempt is recorded ' +
          'and answered with `status: failed` and the reason in the payer’s language. `requires_action` ' +
          'carries the `actionUrl` where the payer confirms with its bank (3-D Secure). An ACH payment answers ' +
          '`pending`: its invoices show "payment pending" until it settles.',
        headers: Type.Object({ 'idempotency-key': IdempotencyKey }),
        body: Type.Object(
          {
            ...PayWithFields,
            achAuthorizationAccepted: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: PayAnswer, 201: PayAnswer, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId, role } = customerOf(request);
      const body = request.body;
      const { customerName } = await onlineEligibility(db, { orgId, customerId: accountId, role });
      const idempotencyKey = request.headers['idempotency-key'];
      const result = await payOnline(
        { db, gateways },
        {
          orgId,
          customerId: accountId,
          kind: body.kind,
          allocations: body.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: BigInt(a.amount) })),
          paymentMethodId: body.paymentMethodId ?? null,
          methodToken: body.methodToken ?? null,
          saveMethod: body.saveMethod ?? false,
          achAuthorizationAccepted: body.achAuthorizationAccepted ?? false,
          idempotencyKey: `portal:${accountId}:${idempotencyKey}`,
          source: 'portal',
          role,
          actor: actorOf(request),
          client: clientInfo(request),
          customer: { name: customerName, email: request.principal?.user.email ?? null },
          returnUrl: `${config.publicUrl}/portal/payments/`,
        },
      );
      const p = result.payment;
      return reply.code(result.replayed ? 200 : 201).send({
        id: p.id,
        number: p.number,
        status: p.status,
        amount: p.amount,
        fee: p.feeAmount,
        total: p.amount + p.feeAmount,
        currency: p.currency,
        failure:
          p.status === 'failed' ? failureJson(requestLocale(request), p.failureCode ?? 'unknown') : null,
        actionUrl: result.actionUrl,
      });
    },
  );

  app.get(
    '/portal/payments/:id',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'One payment of this account: where it stands, what it pays, what happened to it',
        params: Type.Object({ id: Uuid }),
        response: { 200: PaymentStatusSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const view = await getPaymentStatus(
        { db },
        { orgId, paymentId: request.params.id, customerId: accountId },
      );
      if (!view) throw new AppError('not_found');
      return statusJson(requestLocale(request), view, true);
    },
  );

  app.delete(
    '/portal/payment-methods/:id',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Forget a saved payment method (the processor detaches it too)',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const method = await findSavedMethod(db, { orgId, customerId: accountId, methodId: request.params.id });
      if (!method) throw new AppError('not_found');
      // Autopay charges it: choose another method for autopay (or cancel it) first.
      if ((await autopayMethodIds(db, { orgId, customerId: accountId })).has(method.id))
        throw new AppError('method_in_use');
      const gateway = await gateways.forSeller(orgId);
      await gateway.detachMethod(method.token);
      await inTransaction(db, (trx) => markMethodRemoved(trx, { orgId, methodId: method.id }));
      return reply.code(204).send(null);
    },
  );
};

export { PaymentStatusSchema, statusJson as paymentStatusJson };
