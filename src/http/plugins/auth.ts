import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../db/client.ts';
import type { CustomerRole, StaffRole } from '../../db/schema.ts';
import type { Actor } from '../../domain/audit/record-audit.ts';
import { AppError } from '../../domain/errors.ts';
import { authenticateApiKey } from '../../domain/identity/authenticate-api-key.ts';
import type { Context } from '../../domain/identity/contexts.ts';
import type { ClientInfo } from '../../domain/identity/security-events.ts';
import {
  findSessionPrincipal,
  SESSION_MAX_DAYS,
  type SessionPrincipal,
} from '../../domain/identity/sessions.ts';
import { safeEqual } from '../../domain/shared/tokens.ts';

export const SESSION_COOKIE = 'saldo_session';

type StaffContext = Extract<Context, { kind: 'staff' }>;
type CustomerContext = Extract<Context, { kind: 'customer' }>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person (cookie session), if any. */
    principal: SessionPrincipal | null;
    /** The ERP integration calling with an API key, if any. */
    apiKey: { orgId: string; id: string; scopes: string[] } | null;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.user.id ?? null,
    apiKeyId: request.apiKey?.id ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_MAX_DAYS * 24 * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Finds who is calling on every API request (one query for a session, see sessions.ts) and
 * guards changes against cross-site requests: none may come from another site (`Sec-Fetch-Site:
 * cross-site`) or origin (an `Origin` other than the public URL's or the request's own), and
 * cookie-authenticated ones must also carry the session's CSRF token in `X-CSRF-Token`. API-key
 * calls (no cookie) are not browser requests and skip both checks.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database; publicUrl: string }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('apiKey', null);
  const publicOrigin = new URL(opts.publicUrl).origin;

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.apiKey = await authenticateApiKey({ db: opts.db }, { key: authorization.slice(7).trim() });
      if (!request.apiKey) throw new AppError('unauthenticated');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length < 100) request.principal = await findSessionPrincipal(opts.db, token);

    if (!unsafe.has(request.method)) return;
    // Cross-site changes are refused, with a session or without: a valid CSRF token does not make a
    // request from another site one of ours (a leaked token, a sign-in forced from elsewhere).
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('csrf_failed');
    const origin = request.headers.origin;
    if (origin && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`)
      throw new AppError('csrf_failed');
    if (request.principal) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.principal.session.csrfToken))
        throw new AppError('csrf_failed');
    }
  });
});

/** Route guards. Role checks happen here, on the server, for every route. */
export const requireUser: preHandlerAsyncHookHandler = async (request) => {
  if (!request.principal) throw new AppError('unauthenticated');
};

export function requireStaff(...roles: StaffRole[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const context = request.principal?.context;
    if (!request.principal) throw new AppError('unauthenticated');
    if (context?.kind !== 'staff') throw new AppError('forbidden');
    if (roles.length && !roles.includes(context.role)) throw new AppError('forbidden');
  };
}

export function requireCustomer(...roles: CustomerRole[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const context = request.principal?.context;
    if (!request.principal) throw new AppError('unauthenticated');
    if (context?.kind !== 'customer') throw new AppError('forbidden');
    if (roles.length && !roles.includes(context.role)) throw new AppError('forbidden');
  };
}

export function requireApiKey(scope: string): preHandlerAsyncHookHandler {
  return async (request) => {
    if (!request.apiKey) throw new AppError('unauthenticated');
    if (!request.apiKey.scopes.includes(scope)) throw new AppError('forbidden');
  };
}

/** The staff context of a request that passed requireStaff. */
export function staffOf(request: FastifyRequest): StaffContext & { userId: string } {
  const context = request.principal!.context as StaffContext;
  return { ...context, userId: request.principal!.user.id };
}

export function customerOf(request: FastifyRequest): CustomerContext & { userId: string } {
  const context = request.principal!.context as CustomerContext;
  return { ...context, userId: request.principal!.user.id };
}
