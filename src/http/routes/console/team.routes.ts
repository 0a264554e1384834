import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { createInvitation } from '../../../domain/identity/create-invitation.ts';
import { listOpenInvitations } from '../../../domain/identity/list-open-invitations.ts';
import { listStaff } from '../../../domain/identity/list-staff.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import {
  CreatedInvitation,
  Email,
  Member,
  mailDelivery,
  OpenInvitation,
  problems,
  StaffRole,
} from '../../schemas.ts';

/** The seller's people: staff list and staff invitations. */
export const teamRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/console/team',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "The seller's staff and open staff invitations",
        response: {
          200: Type.Object({ items: Type.Array(Member), invitations: Type.Array(OpenInvitation) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const [items, invitations] = await Promise.all([
        listStaff({ db: deps.db }, { orgId }),
        listOpenInvitations({ db: deps.db }, { orgId, kind: 'staff' }),
      ]);
      return { items, invitations };
    },
  );

  app.post(
    '/console/invitations',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Invite a person to the staff (owners and admins; only owners invite owners)',
        body: Type.Object({ email: Email, role: StaffRole }, { additionalProperties: false }),
        response: {
          201: CreatedInvitation,
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      if (request.body.role === 'owner' && staff.role !== 'owner') throw new AppError('forbidden');
      const invitation = await inTransaction(deps.db, (trx) =>
        createInvitation(
          { db: trx, mailer: deps.mailer, publicUrl: deps.config.publicUrl },
          {
            orgId: staff.orgId,
            email: request.body.email,
            target: { kind: 'staff', role: request.body.role },
            inviter: { userId: staff.userId, name: request.principal!.user.name },
            actor: actorOf(request),
          },
        ),
      );
      return reply.code(201).send({ ...invitation, delivery: mailDelivery(deps.config) });
    },
  );
};
