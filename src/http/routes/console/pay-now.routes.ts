import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { recordAudit } from '../../../domain/audit/record-audit.ts';
import { customerExists } from '../../../domain/customers/customers.repository.ts';
import { AppError } from '../../../domain/errors.ts';
import { listCustomerMessages } from '../../../domain/pay-now/list-customer-messages.ts';
import { listPayNowLinks, type PayNowLink } from '../../../domain/pay-now/list-pay-now-links.ts';
import {
  listContactsWithEmail,
  loadPayLinkDays,
  savePayLinkDays,
} from '../../../domain/pay-now/pay-now.repository.ts';
import { MAX_PAY_NOW_INVOICES, sendPayNowEmail } from '../../../domain/pay-now/send-pay-now-email.ts';
import { invoicePdf } from '../../../formats/pdf/invoice-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, IdempotencyKey, MinorAmountOut, PaymentStatus, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const SentSchema = Type.Object({
  payLinkId: Uuid,
  customerId: Uuid,
  expiresAt: DateTime,
  recipients: Type.Array(Type.String()),
  invoices: Type.Array(Type.Object({ id: Uuid, number: Type.String(), amount: MinorAmountOut })),
  amount: MinorAmountOut,
  currency: Type.String(),
});

const MessageStatus = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]);

const PayNowLinkSchema = Type.Object({
  id: Uuid,
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('processing'),
    Type.Literal('paid'),
    Type.Literal('expired'),
    Type.Literal('cancelled'),
  ]),
  invoices: Type.Array(Type.Object({ id: Uuid, number: Type.String(), amount: MinorAmountOut })),
  amount: MinorAmountOut,
  currency: Type.String(),
  expiresAt: DateTime,
  createdAt: DateTime,
  payment: Nullable(Type.Object({ id: Uuid, number: Type.String(), status: PaymentStatus })),
  messages: Type.Array(
    Type.Object({
      id: Uuid,
      to: Type.String(),
      status: MessageStatus,
      fallbackOf: Nullable(Uuid),
      createdAt: DateTime,
    }),
  ),
});

const CustomerMessageSchema = Type.Object({
  id: Uuid,
  template: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('sent'),
    Type.Literal('failed'),
    Type.Literal('fallback'),
  ]),
  transport: Nullable(Type.Union([Type.Literal('smtp'), Type.Literal('capture')])),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  sensitive: Type.Boolean(),
  attachments: Type.Integer(),
  fallbackOf: Nullable(Uuid),
  fallbackTo: Nullable(Type.String()),
  payLinkId: Nullable(Uuid),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});

const Settings = Type.Object(
  { linkDays: Type.Integer({ minimum: 1, maximum: 90 }) },
  { additionalProperties: false },
);

function linkOut(l: PayNowLink) {
  return {
    id: l.id,
    state: l.state,
    invoices: l.invoices,
    amount: l.amount,
    currency: l.currency,
    expiresAt: l.expiresAt,
    createdAt: l.createdAt,
    payment: l.payment,
    messages: l.messages.map((m) => ({
      id: m.id,
      to: m.to,
      status: m.status,
      fallbackOf: m.fallbackOf,
      createdAt: m.createdAt,
    })),
  };
}

/**
 * Pay-now e-mails from the console: send one for some open invoices of one customer (PDFs
 * attached, a link that pays exactly them), the links sent to a customer or for an invoice with
 * their state (revoking is `POST /console/pay-links/:id/cancel`), the customer's messages (its
 * activity), who may receive one, and how long links last. Links' addresses are never answered.
 */
export const consolePayNowRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (
  app,
  { db, mailer, config },
) => {
  app.post(
    '/console/pay-now-emails',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Send a pay-now e-mail: invoices of one customer, their PDFs, and a link that pays them',
        description:
          'To the chosen contacts of the customer, or else to every contact who receives invoices; the ' +
          "customer's other contacts are the fallbacks when delivery fails for good. Refused for " +
          "another seller's invoices (404), invoices of different customers (422 `customer_mismatch`), " +
          'void or draft ones (409 `invoice_not_open`), paid ones (409 `invoice_already_paid`) and ones ' +
          'with a payment in flight (409 `payment_in_progress`). The same `Idempotency-Key` and body ' +
          'answer the e-mail already sent (200); another body under it is 422 `idempotency_key_reused`.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
        body: Type.Object(
          {
            invoiceIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_PAY_NOW_INVOICES }),
            contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SentSchema, 201: SentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const sent = await inTransaction(db, (trx) =>
        sendPayNowEmail(
          { db: trx, mailer, publicUrl: config.publicUrl, invoicePdf },
          {
            orgId,
            invoiceIds: request.body.invoiceIds,
            contactIds: request.body.contactIds ?? null,
            idempotencyKey: request.headers['idempotency-key'] ?? null,
            actor: actorOf(request),
          },
        ),
      );
      const { replayed, ...body } = sent;
      return reply.code(replayed ? 200 : 201).send(body);
    },
  );

  app.get(
    '/console/customers/:id/pay-now',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary:
          "A customer's pay-now links (with their state and messages) and the contacts who can get one",
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({
            links: Type.Array(PayNowLinkSchema),
            contacts: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                email: Type.String(),
                receivesInvoices: Type.Boolean(),
              }),
            ),
            linkDays: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      if (!(await customerExists(db, { orgId, customerId }))) throw new AppError('not_found');
      const [links, contacts, linkDays] = await Promise.all([
        listPayNowLinks({ db }, { orgId, customerId }),
        listContactsWithEmail(db, { orgId, customerId }),
        loadPayLinkDays(db, orgId),
      ]);
      return {
        links: links.map(linkOut),
        contacts: contacts.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          receivesInvoices: c.receives.includes('invoices'),
        })),
        linkDays,
      };
    },
  );

  app.get(
    '/console/invoices/:id/pay-now-links',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: 'The pay-now links sent for an invoice, with their state',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ links: Type.Array(PayNowLinkSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const links = await listPayNowLinks({ db }, { orgId, invoiceId: request.params.id });
      return { links: links.map(linkOut) };
    },
  );

  app.get(
    '/console/customers/:id/messages',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "A customer's messages (its activity): every e-mail sent to it, with its delivery status",
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(CustomerMessageSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      if (!(await customerExists(db, { orgId, customerId }))) throw new AppError('not_found');
      const { page, pageSize } = request.query;
      const result = await listCustomerMessages(
        { db },
        { orgId, customerId, limit: pageSize, offset: (page - 1) * pageSize },
      );
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/console/settings/pay-now',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "How many days a pay-now e-mail's link stays payable",
        response: { 200: Settings, ...problems(401, 403) },
      },
    },
    async (request) => ({ linkDays: await loadPayLinkDays(db, staffOf(request).orgId) }),
  );

  app.put(
    '/console/settings/pay-now',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary:
          "Change how many days a pay-now e-mail's link stays payable (1–90); links already sent keep theirs",
        body: Settings,
        response: { 200: Settings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const actor = actorOf(request);
      await inTransaction(db, async (trx) => {
        const before = await loadPayLinkDays(trx, orgId);
        await savePayLinkDays(trx, { orgId, days: request.body.linkDays, userId: actor.userId ?? null });
        await recordAudit(trx, {
          orgId,
          actor,
          action: 'pay_now.settings_updated',
          entityType: 'payment_settings',
          entityId: orgId,
          before: { linkDays: before },
          after: { linkDays: request.body.linkDays },
        });
      });
      return { linkDays: request.body.linkDays };
    },
  );
};
