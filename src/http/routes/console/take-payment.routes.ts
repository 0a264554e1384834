import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordAudit } from '../../../domain/audit/record-audit.ts';
import { AppError } from '../../../domain/errors.ts';
import { findOpenInvoicesOldestFirst } from '../../../domain/invoices/invoices.repository.ts';
import { listInvoices } from '../../../domain/invoices/list-invoices.ts';
import { openMethodEntry } from '../../../domain/payments/open-method-entry.ts';
import { payOnline } from '../../../domain/payments/pay-online.ts';
import { findSavedMethods } from '../../../domain/payments/payment-methods.repository.ts';
import { onlineEligibility, quoteOnlinePayment } from '../../../domain/payments/quote-online-payment.ts';
import { t } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, clientInfo, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { entryReturnUrls } from '../../return-urls.ts';
import { IdempotencyKey, MinorAmount, MinorAmountOut, problems, Uuid } from '../../schemas.ts';
import {
  amountOrNull,
  declineJson,
  MethodKind,
  Nullable,
  PayAllocations,
  PayAnswerSchema,
  PayWithFields,
  QuoteAnswerSchema,
  SavedMethodSchema,
} from '../online-payment-schemas.ts';
import { InvoiceSummarySchema } from './invoices.routes.ts';

const Allocations = PayAllocations;
const CustomerParams = Type.Object({ id: Uuid });

/** The most open invoices the options list (one payment takes at most 200). */
const MAX_INVOICES = 200;

/** Staff who may take a payment for a customer; a viewer reads. */
const TAKERS = ['owner', 'admin', 'ar_agent'] as const;

const OptionsAnswer = Type.Object({
  customer: Type.Object({ id: Uuid, name: Type.String() }),
  enabled: Type.Boolean(),
  blockedReason: Nullable(
    Type.Union([Type.Literal('seller_off'), Type.Literal('customer_off'), Type.Literal('no_methods')]),
  ),
  holdMessage: Nullable(Type.String()),
  processor: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')]),
  methods: Type.Array(MethodKind),
  partial: Type.Object({ allowed: Type.Boolean(), minimum: Nullable(MinorAmount) }),
  cardFee: Nullable(Type.Object({ percentBps: Type.Integer(), cap: Nullable(MinorAmount) })),
  achAuthorization: Type.String(),
  savedMethods: Type.Array(SavedMethodSchema),
  invoices: Type.Array(Type.Object({ ...InvoiceSummarySchema.properties, payable: MinorAmountOut })),
  truncated: Type.Boolean(),
});

const TakeAnswer = PayAnswerSchema;
const asNumber = amountOrNull;

/**
 * Staff taking a payment on a customer's behalf (by phone, at the counter): what the customer may
 * pay online and with what, a quote with the card fee, the processor's own page for a new card or
 * bank account (the staff types what the customer reads out; numbers never reach Saldo), and the
 * payment itself under an Idempotency-Key — the portal's use cases with source `staff`, no
 * customer role, and the staff user as the actor. Always the staff's own seller and that
 * customer's invoices and methods: anything else is 404.
 */
export const takePaymentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, gateways, config } = deps;

  app.get(
    '/console/customers/:id/payment-options',
    {
      preHandler: requireStaff(...TAKERS),
      schema: {
        tags: ['console'],
        summary:
          'What staff may take online for this customer: why not, methods, saved methods, open invoices',
        description:
          'The portal’s payment options as staff see them (no role applies), plus the customer’s open invoices ' +
          'oldest due first with `payable` (open less what is in flight), at most 200 (`truncated` past that).',
        params: CustomerParams,
        response: { 200: OptionsAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      const { settings, blockedReason, holdMessage, sellerName, customerName, methods } =
        await onlineEligibility(db, { orgId, customerId, role: null });
      const [saved, open] = await Promise.all([
        findSavedMethods(db, { orgId, customerId, processor: settings.processor }),
        listInvoices(
          { db },
          { orgId, customerId, status: 'open', sort: 'dueDate', page: 1, pageSize: MAX_INVOICES },
        ),
      ]);
      // What each invoice may still take: open less what payments in flight hold (per currency).
      const available = new Map<string, bigint>();
      for (const currency of new Set(open.items.map((i) => i.currency)))
        for (const row of await findOpenInvoicesOldestFirst(db, { orgId, customerId, currency }))
          available.set(row.id, row.available > 0n ? row.available : 0n);
      return {
        customer: { id: customerId, name: customerName },
        enabled: blockedReason === null,
        // Staff carry no customer role: 'role' never applies here.
        blockedReason: blockedReason === 'role' ? null : blockedReason,
        holdMessage,
        processor: settings.processor,
        methods,
        partial: { allowed: settings.partialAllowed, minimum: asNumber(settings.partialMinimum) },
        cardFee:
          settings.cardFeeBps > 0
            ? { percentBps: settings.cardFeeBps, cap: asNumber(settings.cardFeeCap) }
            : null,
        achAuthorization: t(requestLocale(request), 'ach.authorization', { seller: sellerName }),
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
            usedByAutopay: false,
          })),
        invoices: open.items.map((i) => ({ ...i, payable: available.get(i.id) ?? 0n })),
        truncated: open.total > open.items.length,
      };
    },
  );

  app.post(
    '/console/customers/:id/payments/quote',
    {
      preHandler: requireStaff(...TAKERS),
      schema: {
        tags: ['console'],
        summary:
          'What taking this payment costs the customer (the card fee), every rule checked; nothing is written',
        params: CustomerParams,
        body: Type.Object({ kind: MethodKind, allocations: Allocations }, { additionalProperties: false }),
        response: {
          200: QuoteAnswerSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const { settings: _settings, ...answer } = await quoteOnlinePayment(
        { db },
        {
          orgId,
          customerId: request.params.id,
          role: null,
          kind: request.body.kind,
          allocations: request.body.allocations.map((a) => ({
            invoiceId: a.invoiceId,
            amount: BigInt(a.amount),
          })),
        },
      );
      return answer;
    },
  );

  app.post(
    '/console/customers/:id/payment-methods/entry',
    {
      preHandler: requireStaff(...TAKERS),
      schema: {
        tags: ['console'],
        summary: "The processor's own page where staff type the card or bank account the customer reads out",
        description:
          'Card and bank numbers never reach Saldo: the processor keeps them and sends the browser back to ' +
          '`returnPath` (a console address) with `method=<token>&kind=<kind>` added (or `methodCancelled=1`).',
        params: CustomerParams,
        body: Type.Object(
          {
            kind: MethodKind,
            returnPath: Type.String({ minLength: 9, maxLength: 2000, pattern: '^/console/' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ type: Type.Literal('redirect'), url: Type.String() }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      const { settings, blockedReason, customerName } = await onlineEligibility(db, {
        orgId,
        customerId,
        role: null,
      });
      if (blockedReason) throw new AppError('online_payments_disabled', { reason: blockedReason });
      const { kind, returnPath } = request.body;
      if (!settings.methods.includes(kind)) throw new AppError('method_not_accepted', { kind });
      const { url } = await openMethodEntry(
        { db, gateways },
        {
          orgId,
          customerId,
          customerName,
          kind,
          locale: requestLocale(request),
          ...entryReturnUrls(config.publicUrl, returnPath, '/console/', kind),
          reference: customerId,
        },
      );
      return { type: 'redirect' as const, url };
    },
  );

  app.post(
    '/console/customers/:id/online-payments',
    {
      preHandler: requireStaff(...TAKERS),
      schema: {
        tags: ['console'],
        summary:
          "Take a payment on the customer's behalf: one or several invoices, with a saved or a new method",
        description:
          'As the portal’s `POST /portal/payments`, with `source: staff` and the staff user as the actor. ' +
          'Requires `Idempotency-Key`: the same key with the same body answers the payment it started (200); ' +
          'with another body 422 `idempotency_key_reused`. A saved method must be this customer’s (else 404). ' +
          'ACH needs `achAuthorizationRead: true`: the staff read the debit authorization to the customer, who ' +
          'agreed; it is kept in the audit log under the staff user’s name. A decline answers `status: failed`.',
        headers: Type.Object({
          'idempotency-key': IdempotencyKey,
        }),
        params: CustomerParams,
        body: Type.Object(
          {
            ...PayWithFields,
            achAuthorizationRead: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: TakeAnswer, 201: TakeAnswer, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      const body = request.body;
      const locale = requestLocale(request);
      const { customerName, sellerName } = await onlineEligibility(db, { orgId, customerId, role: null });
      const actor = actorOf(request);
      const result = await payOnline(
        { db, gateways },
        {
          orgId,
          customerId,
          kind: body.kind,
          allocations: body.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: BigInt(a.amount) })),
          paymentMethodId: body.paymentMethodId ?? null,
          methodToken: body.methodToken ?? null,
          saveMethod: body.saveMethod ?? false,
          achAuthorizationAccepted: body.achAuthorizationRead ?? false,
          // Per seller: the same key for another customer is another body, refused.
          idempotencyKey: `staff:${request.headers['idempotency-key']}`,
          source: 'staff',
          role: null,
          actor,
          client: clientInfo(request),
          customer: { name: customerName, email: null },
          returnUrl: `${config.publicUrl}/console/payments/`,
        },
      );
      const p = result.payment;
      if (body.kind === 'ach' && !result.replayed)
        // The debit rests on what the payer agreed to by phone: who read it, and the words read.
        await recordAudit(db, {
          orgId,
          actor,
          action: 'payment.ach_authorization_read',
          entityType: 'payment',
          entityId: p.id,
          after: {
            number: p.number,
            customerId,
            readBy: actor.userId ?? null,
            locale,
            text: t(locale, 'ach.authorization', { seller: sellerName }),
          },
        });
      return reply.code(result.replayed ? 200 : 201).send({
        id: p.id,
        number: p.number,
        status: p.status,
        amount: p.amount,
        fee: p.feeAmount,
        total: p.amount + p.feeAmount,
        currency: p.currency,
        failure: p.status === 'failed' ? declineJson(locale, p.failureCode ?? 'unknown') : null,
        actionUrl: result.actionUrl,
      });
    },
  );
};
