import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { type CreditCheckAnswer, checkCredit } from '../../../domain/credit-checks/check-credit.ts';
import type { CustomerRef } from '../../../domain/credit-checks/credit-checks.repository.ts';
import { AppError } from '../../../domain/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireApiKey } from '../../plugins/auth.ts';
import { DateTime, documentAmountAsNumber, MinorAmountOut, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What the ERP keys a customer and an order by: printable text, no control characters. */
const Reference = (max: number) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\x00-\\x1f\\x7f]+$' });

export const CreditCheckAnswerSchema = Type.Object({
  id: Uuid,
  decision: Type.Union([Type.Literal('approved'), Type.Literal('payment_required')]),
  customerId: Uuid,
  orderReference: Type.String(),
  currency: Type.String(),
  orderAmount: MinorAmountOut,
  creditLimit: Nullable(Type.Integer()),
  availableCredit: Nullable(Type.Integer()),
  amountToPay: MinorAmountOut,
  payLink: Nullable(Type.Object({ url: Type.String(), expiresAt: DateTime })),
  payLinkUnavailable: Nullable(
    Type.Union([Type.Literal('seller_off'), Type.Literal('customer_off'), Type.Literal('no_methods')]),
  ),
  checkedAt: DateTime,
});

/** A pay link's address: the SPA's page, the token in its path (logs redact it). */
export const payLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/pay/${token}`;

export function creditCheckJson(publicUrl: string, answer: CreditCheckAnswer) {
  const c = answer.check;
  const asNumber = (v: bigint | null) => (v === null ? null : documentAmountAsNumber(v));
  return {
    id: c.id,
    decision: c.decision,
    customerId: c.customerId,
    orderReference: c.orderReference,
    currency: c.currency,
    orderAmount: c.orderAmount,
    creditLimit: asNumber(c.creditLimit),
    availableCredit: asNumber(c.availableCredit),
    amountToPay: c.amountToPay,
    payLink: answer.payLink
      ? { url: payLinkUrl(publicUrl, answer.payLink.token), expiresAt: answer.payLink.expiresAt }
      : null,
    payLinkUnavailable: c.payLinkUnavailable,
    checkedAt: c.createdAt,
  };
}

/**
 * Orders over the credit limit, for the ERP (`Authorization: Bearer <api key>`): does this order
 * fit the customer's available credit, and if not, the pay link for what must be paid first.
 */
export const creditCheckRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  app.post(
    '/credit-checks',
    {
      preHandler: requireApiKey('integration:write'),
      schema: {
        tags: ['integration'],
        summary: 'Check an order against the customer’s credit; a pay link when it does not fit',
        description:
          '`available = credit limit − balance − pending orders` (orders approved or being prepaid that no ' +
          'invoice has billed yet; money in flight frees no credit until it arrives). The order is `approved` ' +
          'when it fits; otherwise `payment_required` with a pay link for the part over the limit or the whole ' +
          'order (the seller’s setting). A limit of 0 means no credit: every order is paid online; no limit ' +
          '(null) approves every order. What is paid waits as unapplied cash and is applied when the invoice ' +
          'with the same `orderReference` is created. Idempotent on `orderReference`: the same order and ' +
          'amount answer the same link (200); a changed amount is weighed anew with a new link (201). ' +
          '`payLinkUnavailable` says why no link was made (online payment of orders switched off).',
        security: [{ apiKey: [] }],
        body: Type.Object(
          {
            customer: Type.Object(
              {
                id: Type.Optional(Uuid),
                erpId: Type.Optional(Reference(100)),
                accountNumber: Type.Optional(Reference(50)),
              },
              { additionalProperties: false, description: 'Exactly one of id, erpId, accountNumber.' },
            ),
            orderReference: Reference(100),
            orderAmount: Type.Integer({ minimum: 1, maximum: 1e15, description: 'Minor units (cents).' }),
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            payLinkDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: CreditCheckAnswerSchema,
          201: CreditCheckAnswerSchema,
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.apiKey!;
      const body = request.body;
      const refs = Object.entries(body.customer).filter(([, v]) => v !== undefined);
      if (refs.length !== 1)
        throw new AppError('validation_failed', {}, [{ field: 'customer', code: 'invalid' }]);
      const customer = Object.fromEntries(refs) as CustomerRef;
      const answer = await inTransaction(db, (trx) =>
        checkCredit(
          { db: trx, secretKey: config.secretKey },
          {
            orgId,
            customer,
            orderReference: body.orderReference,
            orderAmount: BigInt(body.orderAmount),
            currency: body.currency,
            payLinkDays: body.payLinkDays,
            actor: actorOf(request),
          },
        ),
      );
      return reply.code(answer.replayed ? 200 : 201).send(creditCheckJson(config.publicUrl, answer));
    },
  );
};
