import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { createInvitation } from '../../../domain/identity/create-invitation.ts';
import { getCustomerAccountWithUsers } from '../../../domain/identity/get-customer-account-with-users.ts';
import { listOpenInvitations } from '../../../domain/identity/list-open-invitations.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, customerOf, requireCustomer } from '../../plugins/auth.ts';
import {
  CreatedInvitation,
  CustomerRole,
  Email,
  Member,
  mailDelivery,
  OpenInvitation,
  problems,
  Uuid,
} from '../../schemas.ts';

/** The customer's own account and its people. Account admins invite payers, accountants and other admins. */
export const accountRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/portal/account',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'The customer account, its users and open invitations',
        response: {
          200: Type.Object({
            id: Uuid,
            accountNumber: Type.String(),
            name: Type.String(),
            orgName: Type.String(),
            users: Type.Array(Member),
            invitations: Type.Array(OpenInvitation),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const account = await getCustomerAccountWithUsers({ db: deps.db }, { orgId, accountId });
      if (!account) throw new AppError('not_found');
      return {
        ...account,
        invitations: await listOpenInvitations({ db: deps.db }, { orgId, kind: 'customer', accountId }),
      };
    },
  );

  app.post(
    '/portal/invitations',
    {
      preHandler: requireCustomer('account_admin'),
      schema: {
        tags: ['portal'],
        summary: 'Invite a person (an accountant, a payer) to this customer account',
        body: Type.Object({ email: Email, role: CustomerRole }, { additionalProperties: false }),
        response: {
          201: CreatedInvitation,
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const customer = customerOf(request);
      const invitation = await inTransaction(deps.db, (trx) =>
        createInvitation(
          { db: trx, mailer: deps.mailer, publicUrl: deps.config.publicUrl },
          {
            orgId: customer.orgId,
            email: request.body.email,
            target: { kind: 'customer', role: request.body.role, accountId: customer.accountId },
            inviter: { userId: customer.userId, name: request.principal!.user.name },
            actor: actorOf(request),
          },
        ),
      );
      return reply.code(201).send({ ...invitation, delivery: mailDelivery(deps.config) });
    },
  );
};
