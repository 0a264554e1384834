import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { sameContext } from '../../../domain/identity/contexts.ts';
import { findSessionPrincipal, setSessionContext } from '../../../domain/identity/sessions.ts';
import { setUserLocale } from '../../../domain/identity/set-user-locale.ts';
import type { AppDeps } from '../../deps.ts';
import { clientInfo, requireUser, SESSION_COOKIE } from '../../plugins/auth.ts';
import { Locale, meRef, problems, Uuid } from '../../schemas.ts';
import { meBody } from './me-response.ts';

export const meRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.addHook('preHandler', requireUser);

  const reload = async (token: string | undefined) => {
    const principal = token ? await findSessionPrincipal(db, token) : null;
    if (!principal) throw new AppError('unauthenticated');
    return meBody(principal);
  };

  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Who is signed in, where they can work, and the CSRF token',
        response: { 200: meRef, ...problems(401) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return meBody(request.principal!);
    },
  );

  app.put(
    '/me/context',
    {
      schema: {
        tags: ['me'],
        summary: 'Switch to another seller or customer account the login belongs to',
        body: Type.Union([
          Type.Object({ kind: Type.Literal('staff'), orgId: Uuid }, { additionalProperties: false }),
          Type.Object(
            { kind: Type.Literal('customer'), orgId: Uuid, accountId: Uuid },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: meRef, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const wanted = request.body;
      const target = principal.contexts.find((c) => sameContext(c, wanted));
      if (!target) throw new AppError('no_such_context');
      await setSessionContext(db, principal.session.tokenHash, {
        orgId: target.orgId,
        accountId: target.kind === 'customer' ? target.accountId : null,
      });
      return reload(request.cookies[SESSION_COOKIE]);
    },
  );

  app.put(
    '/me/locale',
    {
      schema: {
        tags: ['me'],
        summary: 'Keep the language of pages and e-mails for this login',
        body: Type.Object({ locale: Locale }, { additionalProperties: false }),
        response: { 200: meRef, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      await inTransaction(db, (trx) =>
        setUserLocale(
          { db: trx },
          { userId: request.principal!.user.id, locale: request.body.locale, client: clientInfo(request) },
        ),
      );
      return reload(request.cookies[SESSION_COOKIE]);
    },
  );
};
