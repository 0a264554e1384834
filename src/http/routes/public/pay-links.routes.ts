import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { buildInvoiceDocument } from '../../../domain/documents/invoice-document.ts';
import { buildReceiptDocument } from '../../../domain/documents/receipt-document.ts';
import { AppError } from '../../../domain/errors.ts';
import { getPayLinkPayment } from '../../../domain/pay-links/get-pay-link-payment.ts';
import { countGuess, refuseGuessers } from '../../../domain/pay-links/limit-pay-link-guesses.ts';
import { openPayLink } from '../../../domain/pay-links/open-pay-link.ts';
import type { PayLink } from '../../../domain/pay-links/pay-links.repository.ts';
import { payPayLink } from '../../../domain/pay-links/pay-pay-link.ts';
import { openMethodEntry } from '../../../domain/payments/open-method-entry.ts';
import { cardFee } from '../../../domain/payments/payment-settings.repository.ts';
import { onlineEligibility } from '../../../domain/payments/quote-online-payment.ts';
import { enforceRateLimit } from '../../../domain/shared/rate-limit.ts';
import { invoicePdf } from '../../../formats/pdf/invoice-pdf.ts';
import { receiptPdf } from '../../../formats/pdf/receipt-pdf.ts';
import { t } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { clientInfo } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { DateTime, IdempotencyKey, MinorAmountOut, PaymentStatus, problems, Uuid } from '../../schemas.ts';
import { sendPdf } from '../console/documents.routes.ts';
import {
  declineJson,
  MethodKind,
  MethodToken,
  Nullable,
  PayAnswerSchema,
} from '../online-payment-schemas.ts';
import { PaymentStatusSchema, paymentStatusJson } from '../portal/online-payments.routes.ts';

const params = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

const InvoiceDetail = Type.Object({
  issueDate: Type.String(),
  dueDate: Type.String(),
  total: MinorAmountOut,
  openAmount: MinorAmountOut,
  pdfUrl: Type.String(),
  lines: Type.Array(
    Type.Object({
      description: Type.String(),
      quantity: Type.String(),
      unitPrice: Type.String(),
      netAmount: MinorAmountOut,
    }),
  ),
});

const PayLinkSchema = Type.Object({
  id: Uuid,
  state: Type.Union([Type.Literal('open'), Type.Literal('processing'), Type.Literal('paid')]),
  seller: Type.Object({ name: Type.String() }),
  customer: Type.Object({ name: Type.String() }),
  purpose: Type.Union([Type.Literal('order'), Type.Literal('invoices')]),
  orderReference: Nullable(Type.String()),
  invoices: Type.Array(
    Type.Object({
      number: Type.String(),
      amount: MinorAmountOut,
      /** A pay-now e-mail's link shows each document's detail and its PDF. */
      detail: Type.Optional(InvoiceDetail),
    }),
  ),
  /** Made for a pay-now e-mail (0018): its documents' detail is shown, partial payment per settings. */
  sentByMail: Type.Optional(Type.Boolean()),
  partial: Type.Optional(Type.Object({ allowed: Type.Boolean(), minimum: Nullable(MinorAmountOut) })),
  amount: MinorAmountOut,
  currency: Type.String(),
  expiresAt: DateTime,
  /** Why it cannot be paid online now (the seller switched it off), or null. */
  blockedReason: Nullable(
    Type.Union([Type.Literal('seller_off'), Type.Literal('customer_off'), Type.Literal('no_methods')]),
  ),
  methods: Type.Array(MethodKind),
  fees: Type.Object({ card: MinorAmountOut, ach: MinorAmountOut }),
  achAuthorization: Type.String(),
  payment: Nullable(Type.Object({ id: Uuid, number: Type.String(), status: PaymentStatus })),
  receiptUrl: Nullable(Type.String()),
});

const PayAnswer = PayAnswerSchema;

/** Requests per address and window; look-ups that find no link have their own, tighter limit. */
const REQUESTS = { limit: 300, windowSeconds: 600 };

const receiptPath = (token: string) => `/api/v1/pay-links/${token}/receipt.pdf`;
const paidStatuses = new Set(['completed', 'refunded']);

/**
 * Pay links, for whoever holds one — no sign-in: the link's token is the only authority, and it
 * opens exactly what the link names (an order's prepayment, or some invoices), nothing else, until
 * it expires. What the link pays, the processor's page for a new card or bank account (numbers
 * never reach Saldo), the payment (Idempotency-Key required; the link pays once), its status page
 * and receipt. Rate-limited per address; lookups of unknown tokens have a tighter limit of their own.
 */
export const payLinkRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, gateways, config }) => {
  /** The link behind the request's token, with the address's limits counted. */
  async function linkOf(request: FastifyRequest<{ Params: { token: string } }>): Promise<PayLink> {
    const ip = request.ip ?? 'unknown';
    await enforceRateLimit(db, `pay-link:ip:${ip}`, REQUESTS.limit, REQUESTS.windowSeconds);
    await refuseGuessers(db, ip);
    try {
      return await openPayLink({ db }, { token: request.params.token });
    } catch (error) {
      if (error instanceof AppError && error.code === 'pay_link_not_found') await countGuess(db, ip);
      throw error;
    }
  }

  /** Each invoice of a pay-now link as its holder may read it: dates, amounts, lines, its PDF. */
  async function detailsOf(link: PayLink, token: string) {
    return Promise.all(
      link.invoices.map(async (i) => {
        const view = await buildInvoiceDocument(
          { db },
          { orgId: link.orgId, invoiceId: i.id, customerId: link.customer.id },
        );
        const invoice = view.invoice;
        return {
          number: i.number,
          amount: i.amount,
          detail: {
            issueDate: invoice.issueDate,
            dueDate: invoice.dueDate,
            total: invoice.total,
            openAmount: invoice.openAmount,
            pdfUrl: `/api/v1/pay-links/${token}/invoices/${i.id}/pdf`,
            lines: invoice.lines.map((l) => ({
              description: l.description,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              netAmount: l.netAmount,
            })),
          },
        };
      }),
    );
  }

  app.get(
    '/pay-links/:token/invoices/:invoiceId/pdf',
    {
      schema: {
        tags: ['pay-links'],
        summary: "One of the link's invoices as a PDF (a pay-now e-mail's link only; no other invoice)",
        params: Type.Object({ token: params.properties.token, invoiceId: Uuid }),
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 404, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const link = await linkOf(request);
      const invoice = link.invoices.find((i) => i.id === request.params.invoiceId);
      if (!link.sentByMail || !invoice) throw new AppError('not_found');
      const view = await buildInvoiceDocument(
        { db },
        { orgId: link.orgId, invoiceId: invoice.id, customerId: link.customer.id },
      );
      return sendPdf(reply, invoice.number, await invoicePdf(view));
    },
  );

  app.get(
    '/pay-links/:token',
    {
      schema: {
        tags: ['pay-links'],
        summary: 'What a pay link pays, to whom, and where it stands',
        params,
        response: { 200: PayLinkSchema, ...problems(400, 404, 410, 429) },
      },
    },
    async (request) => {
      const link = await linkOf(request);
      const locale = requestLocale(request);
      const { settings, blockedReason, methods } = await onlineEligibility(db, {
        orgId: link.orgId,
        customerId: link.customer.id,
        role: null,
        purpose: link.purpose,
      });
      const paid = link.payment && paidStatuses.has(link.payment.status);
      return {
        id: link.id,
        state: link.state as 'open' | 'processing' | 'paid',
        seller: { name: link.sellerName },
        customer: { name: link.customer.name },
        purpose: link.purpose,
        orderReference: link.orderReference,
        invoices: link.sentByMail
          ? await detailsOf(link, request.params.token)
          : link.invoices.map((i) => ({ number: i.number, amount: i.amount })),
        ...(link.sentByMail
          ? {
              sentByMail: true,
              partial: { allowed: settings.partialAllowed, minimum: settings.partialMinimum },
            }
          : {}),
        amount: link.amount,
        currency: link.currency,
        expiresAt: link.expiresAt,
        blockedReason: blockedReason === 'role' ? null : blockedReason,
        methods: blockedReason ? [] : methods,
        fees: { card: cardFee(settings, link.amount), ach: 0n },
        achAuthorization: t(locale, 'ach.authorization', { seller: link.sellerName }),
        payment: link.payment,
        receiptUrl: paid ? receiptPath(request.params.token) : null,
      };
    },
  );

  app.post(
    '/pay-links/:token/entry',
    {
      schema: {
        tags: ['pay-links'],
        summary: "The processor's own page where the payer types a new card or bank account",
        description:
          'The processor sends the browser back to `/pay/return/<link id>` with `method=<token>&kind=<kind>` ' +
          '(or `methodCancelled=1`): the address carries no link token, so the processor never records one.',
        params,
        body: Type.Object({ kind: MethodKind }, { additionalProperties: false }),
        response: {
          200: Type.Object({ type: Type.Literal('redirect'), url: Type.String() }),
          ...problems(400, 403, 404, 409, 410, 422, 429),
        },
      },
    },
    async (request) => {
      const link = await linkOf(request);
      if (link.state === 'paid') throw new AppError('pay_link_paid');
      if (link.state === 'processing') throw new AppError('pay_link_in_progress');
      const { kind } = request.body;
      const { blockedReason, methods } = await onlineEligibility(db, {
        orgId: link.orgId,
        customerId: link.customer.id,
        role: null,
        purpose: link.purpose,
      });
      if (blockedReason) throw new AppError('online_payments_disabled', { reason: blockedReason });
      if (!methods.includes(kind)) throw new AppError('method_not_accepted', { kind });
      const back = `${config.publicUrl}/pay/return/${link.id}`;
      const { url } = await openMethodEntry(
        { db, gateways },
        {
          orgId: link.orgId,
          customerId: link.customer.id,
          customerName: link.customer.name,
          kind,
          locale: requestLocale(request),
          returnUrl: `${back}?kind=${kind}`,
          cancelUrl: `${back}?methodCancelled=1`,
          reference: link.id,
        },
      );
      return { type: 'redirect' as const, url };
    },
  );

  app.post(
    '/pay-links/:token/payments',
    {
      schema: {
        tags: ['pay-links'],
        summary: 'Pay what the link names with the method the processor’s page returned',
        description:
          'Requires `Idempotency-Key`: the same key and body answer the payment it started (200). The link ' +
          'pays once: while a payment through it is in flight or after one completed, another is refused ' +
          '(409 `pay_link_in_progress` / `pay_link_paid`). A decline is not an error: `status: failed`, and ' +
          'the link stays open for another try.',
        params,
        headers: Type.Object({
          'idempotency-key': IdempotencyKey,
        }),
        body: Type.Object(
          {
            kind: MethodKind,
            methodToken: MethodToken,
            achAuthorizationAccepted: Type.Optional(Type.Boolean()),
            /** A pay-now link paid in part (payment settings allow it): minor units, oldest invoice first. */
            amount: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PayAnswer, 201: PayAnswer, ...problems(400, 403, 404, 409, 410, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const link = await linkOf(request);
      const body = request.body;
      const result = await payPayLink(
        { db, gateways },
        {
          token: request.params.token,
          kind: body.kind,
          methodToken: body.methodToken,
          achAuthorizationAccepted: body.achAuthorizationAccepted ?? false,
          idempotencyKey: request.headers['idempotency-key'],
          client: clientInfo(request),
          requestId: request.id,
          returnUrl: `${config.publicUrl}/pay/return/${link.id}?payment=`,
          amount: body.amount !== undefined && link.sentByMail ? BigInt(body.amount) : null,
        },
      );
      const p = result.payment;
      const failure =
        p.status === 'failed' ? declineJson(requestLocale(request), p.failureCode ?? 'unknown') : null;
      return reply.code(result.replayed ? 200 : 201).send({
        id: p.id,
        number: p.number,
        status: p.status,
        amount: p.amount,
        fee: p.feeAmount,
        total: p.amount + p.feeAmount,
        currency: p.currency,
        failure,
        actionUrl: result.actionUrl,
      });
    },
  );

  app.get(
    '/pay-links/:token/payments/:paymentId',
    {
      schema: {
        tags: ['pay-links'],
        summary: 'A payment made through the link: where it stands, what happened to it',
        params: Type.Object({ token: params.properties.token, paymentId: Uuid }),
        response: { 200: PaymentStatusSchema, ...problems(400, 404, 410, 429) },
      },
    },
    async (request) => {
      const link = await linkOf(request);
      const view = await getPayLinkPayment({ db }, { link, paymentId: request.params.paymentId });
      const json = paymentStatusJson(requestLocale(request), view, true);
      return {
        ...json,
        receiptUrl: paidStatuses.has(view.status) ? receiptPath(request.params.token) : null,
      };
    },
  );

  app.get(
    '/pay-links/:token/receipt.pdf',
    {
      schema: {
        tags: ['pay-links'],
        summary: 'The receipt of the payment that paid the link, as a PDF',
        params,
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 404, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const link = await linkOf(request);
      if (!link.payment || !paidStatuses.has(link.payment.status)) throw new AppError('not_found');
      const view = await buildReceiptDocument(
        { db },
        { orgId: link.orgId, paymentId: link.payment.id, customerId: link.customer.id },
      );
      return sendPdf(reply, view.payment.number, await receiptPdf(view));
    },
  );
};
