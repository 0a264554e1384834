import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { inspectPasswordReset } from '../../../domain/identity/inspect-password-reset.ts';
import { PASSWORD_MAX } from '../../../domain/identity/passwords.ts';
import { requestPasswordReset } from '../../../domain/identity/request-password-reset.ts';
import { resetPassword } from '../../../domain/identity/reset-password.ts';
import { recordSecurityEvent } from '../../../domain/identity/security-events.ts';
import { deleteSession } from '../../../domain/identity/sessions.ts';
import { signIn } from '../../../domain/identity/sign-in.ts';
import type { AppDeps } from '../../deps.ts';
import { clearSessionCookie, clientInfo } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { Email, meRef, problems, Token } from '../../schemas.ts';
import { startSession } from '../me/me-response.ts';

export const authRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, config } = deps;

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: meRef, ...problems(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      // No transaction around it: a refused attempt must stay counted (sign-in.ts).
      const session = await signIn({ db }, { ...request.body, client: clientInfo(request) });
      return startSession(db, reply, session.token, config.secureCookies);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 204: Type.Null(), ...problems(403) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal) {
        await inTransaction(db, async (trx) => {
          await deleteSession(trx, principal.session.tokenHash);
          await recordSecurityEvent(trx, {
            type: 'sign_out',
            userId: principal.user.id,
            client: clientInfo(request),
          });
        });
      }
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset-requests',
    {
      schema: {
        tags: ['auth'],
        summary:
          'E-mail a password reset link (the answer is the same whether or not the e-mail has a login)',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Type.Object({}), ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      // No transaction around it: the rate limits it counts must hold when it refuses.
      await requestPasswordReset(
        { db, mailer: deps.mailer, publicUrl: config.publicUrl },
        { email: request.body.email, locale: requestLocale(request), client: clientInfo(request) },
      );
      return reply.code(202).send({});
    },
  );

  app.get(
    '/auth/password-resets/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check a password reset link',
        params: Type.Object({ token: Token }),
        response: { 200: Type.Object({ email: Type.String() }), ...problems(400, 410) },
      },
    },
    async (request) => inspectPasswordReset({ db }, { token: request.params.token }),
  );

  app.post(
    '/auth/password-resets/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link; signs in and ends every other session',
        params: Type.Object({ token: Token }),
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }) },
          { additionalProperties: false },
        ),
        response: { 200: meRef, ...problems(400, 403, 410) },
      },
    },
    async (request, reply) => {
      const session = await inTransaction(db, (trx) =>
        resetPassword(
          { db: trx },
          { token: request.params.token, password: request.body.password, client: clientInfo(request) },
        ),
      );
      return startSession(db, reply, session.token, config.secureCookies);
    },
  );
};
