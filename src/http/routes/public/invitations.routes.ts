import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { acceptInvitation } from '../../../domain/identity/accept-invitation.ts';
import { inspectInvitation } from '../../../domain/identity/inspect-invitation.ts';
import { PASSWORD_MAX } from '../../../domain/identity/passwords.ts';
import { createSession, deleteSession } from '../../../domain/identity/sessions.ts';
import type { AppDeps } from '../../deps.ts';
import { clientInfo } from '../../plugins/auth.ts';
import { meRef, problems, Token } from '../../schemas.ts';
import { startSession } from '../me/me-response.ts';

/** Invitation links: anyone holding one may see what it invites to, and accept it. */
export const invitationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link invites to',
        params: Type.Object({ token: Token }),
        response: {
          200: Type.Object({
            email: Type.String(),
            kind: Type.Union([Type.Literal('staff'), Type.Literal('customer')]),
            role: Type.String(),
            orgName: Type.String(),
            accountName: Type.Union([Type.String(), Type.Null()]),
            userExists: Type.Boolean(),
          }),
          ...problems(400, 410),
        },
      },
    },
    async (request) => inspectInvitation({ db }, { token: request.params.token }),
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags: ['invitations'],
        summary:
          'Accept an invitation (new people set a name and password; existing logins prove themselves)',
        params: Type.Object({ token: Token }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: meRef, ...problems(400, 401, 403, 409, 410) },
      },
    },
    async (request, reply) => {
      const client = clientInfo(request);
      // The membership, the spent link and the new session commit together.
      const session = await inTransaction(db, async (trx) => {
        const accepted = await acceptInvitation(
          { db: trx },
          {
            token: request.params.token,
            signedInUserId: request.principal?.user.id ?? null,
            client,
            ...request.body,
          },
        );
        if (request.principal) await deleteSession(trx, request.principal.session.tokenHash);
        return createSession(trx, { userId: accepted.userId, context: accepted.context, client });
      });
      return startSession(db, reply, session.token, config.secureCookies);
    },
  );
};
