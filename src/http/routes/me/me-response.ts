import type { FastifyReply } from 'fastify';
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../domain/errors.ts';
import { findSessionPrincipal, type SessionPrincipal } from '../../../domain/identity/sessions.ts';
import { setSessionCookie } from '../../plugins/auth.ts';

/** The body of GET /api/v1/me. */
export function meBody(principal: SessionPrincipal) {
  return {
    user: principal.user,
    context: principal.context,
    contexts: principal.contexts,
    csrfToken: principal.session.csrfToken,
  };
}

/** After a sign-in of any kind: set the cookie and answer with the new session's Me. */
export async function startSession(db: Database, reply: FastifyReply, token: string, secureCookies: boolean) {
  const principal = await findSessionPrincipal(db, token);
  if (!principal) throw new AppError('internal');
  setSessionCookie(reply, token, secureCookies);
  reply.header('cache-control', 'no-store');
  return meBody(principal);
}
