import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import { formatAmount } from '../../domain/money/format.ts';
import type { ChargeFailure } from '../../domain/payments/payment-gateway.ts';
import { completeAuthentication, sandboxId } from './sandbox.repository.ts';
import { readBankForm, readCardForm } from './sandbox-entry-form.ts';
import { renderAuthenticatePage, renderEntryPage, renderMessagePage, SANDBOX_CSS } from './sandbox-pages.ts';
import { sandboxDb } from './sandbox-tables.ts';
import { lateReturnTokenPrefix } from './sandbox-test-numbers.ts';
import { type SandboxLocale, sandboxText } from './sandbox-text.ts';

/**
 * The sandbox processor's hosted pages, registered by the app at prefix `/sandbox` (outside the
 * API): the card and bank-account entry page a payer is sent to by `createEntrySession`, and the
 * 3-D Secure step a `requires_action` charge points at. They are the processor's, not Saldo's:
 * a number typed here is read once to derive brand, last four and test behaviour and is never
 * stored, logged or sent on (the request log has no bodies: http/logging.ts). Forms post back to
 * the page itself (application/x-www-form-urlencoded, parsed in this plugin's scope only); the
 * random session or charge id in the path is what grants access, and cross-site posts are refused.
 */
export interface SandboxRoutesOptions {
  db: Database;
  now?: () => Date;
  /**
   * Called after a page recorded events for a seller (a 3-D Secure answer), e.g. to run the sandbox
   * clock for that seller at once instead of at its next minute.
   */
  onEvents?: (orgId: string) => void | Promise<void>;
}

const SESSION_ID = /^ses_sb_[A-Za-z0-9_-]{16,64}$/;
const CHARGE_ID = /^ch_sb_[A-Za-z0-9_-]{16,64}$/;

const authenticationFailure: ChargeFailure = {
  code: 'authentication_required',
  retryable: false,
  processorCode: 'payment_intent_authentication_failure',
  processorMessage: 'The provided payment method has failed authentication.',
};

type Form = Record<string, string>;

function localeOf(request: FastifyRequest): SandboxLocale {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*es\b/i.test(header) ? 'es' : 'en';
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function withParams(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.toString();
}

function formOf(request: FastifyRequest): URLSearchParams {
  const body = request.body;
  const form = new URLSearchParams();
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body as Form))
      if (typeof value === 'string') form.set(key, value);
  return form;
}

export const sandboxRoutes: FastifyPluginAsync<SandboxRoutesOptions> = async (app, opts) => {
  const db = sandboxDb(opts.db);
  const now = opts.now ?? (() => new Date());

  // A plain object (not URLSearchParams), so the app's NUL/surrogate check sees every field.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      const form: Form = {};
      for (const [key, value] of new URLSearchParams(body as string)) form[key] = value;
      done(null, form);
    },
  );

  app.get('/sandbox.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SANDBOX_CSS),
  );

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const text = sandboxText[localeOf(request)];
    return html(reply, 404, renderMessagePage(localeOf(request), text.notFoundTitle, text.notFoundBody));
  };

  const crossSite = (request: FastifyRequest) => request.headers['sec-fetch-site'] === 'cross-site';

  const findSession = (id: string) =>
    db.selectFrom('sandbox_entry_sessions').selectAll().where('id', '=', id).executeTakeFirst();

  app.get<{ Params: { sessionId: string } }>(
    '/entry/:sessionId',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = request.params.sessionId;
      const session = SESSION_ID.test(id) ? await findSession(id) : undefined;
      if (!session) return notFound(request, reply);
      const text = sandboxText[session.locale];
      if (session.completed_at || session.expires_at <= now())
        return html(reply, 410, renderMessagePage(session.locale, text.expiredTitle, text.expiredBody));
      return html(
        reply,
        200,
        renderEntryPage({
          locale: session.locale,
          kind: session.kind,
          cancelUrl: session.cancel_url,
          values: {},
          errors: {},
        }),
      );
    },
  );

  app.post<{ Params: { sessionId: string } }>(
    '/entry/:sessionId',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = request.params.sessionId;
      const session = SESSION_ID.test(id) && !crossSite(request) ? await findSession(id) : undefined;
      if (!session) return notFound(request, reply);
      const text = sandboxText[session.locale];
      const returnTo = (token: string) =>
        reply
          .header('cache-control', 'no-store')
          .redirect(withParams(session.return_url, { method: token }), 303);
      // A second submit of a finished form (a double click) goes where the first went.
      if (session.method_token) return returnTo(session.method_token);
      const at = now();
      if (session.expires_at <= at)
        return html(reply, 410, renderMessagePage(session.locale, text.expiredTitle, text.expiredBody));

      const form = formOf(request);
      const outcome = session.kind === 'card' ? readCardForm(form, text, at) : readBankForm(form, text);
      if (!outcome.ok)
        return html(
          reply,
          422,
          renderEntryPage({
            locale: session.locale,
            kind: session.kind,
            cancelUrl: session.cancel_url,
            values: outcome.values,
            errors: outcome.errors,
          }),
        );

      const { method } = outcome;
      const token = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('sandbox_entry_sessions')
          .set({
            completed_at: at,
            method_token: sandboxId(
              method.returnsAfterSettling ? lateReturnTokenPrefix(method.returnsAfterSettling) : 'pm_sb_',
            ),
          })
          .where('org_id', '=', session.org_id)
          .where('id', '=', session.id)
          .where('completed_at', 'is', null)
          .where('expires_at', '>', at)
          .returning('method_token')
          .executeTakeFirst();
        if (!claimed?.method_token) return null;
        await trx
          .insertInto('sandbox_methods')
          .values({
            org_id: session.org_id,
            token: claimed.method_token,
            kind: method.kind,
            brand: method.brand,
            last4: method.last4,
            exp_month: method.expMonth,
            exp_year: method.expYear,
            bank_name: method.bankName,
            account_type: method.accountType,
            behaviour: method.behaviour,
            customer_id: null,
            used_at: null,
            detached_at: null,
          })
          .execute();
        return claimed.method_token;
      });
      if (token) return returnTo(token);
      // Another submit finished first, or the session ran out meanwhile.
      const again = await findSession(session.id);
      if (again?.method_token) return returnTo(again.method_token);
      return html(reply, 410, renderMessagePage(session.locale, text.expiredTitle, text.expiredBody));
    },
  );

  const findCharge = (id: string) =>
    db
      .selectFrom('sandbox_charges')
      .select(['org_id', 'id', 'status', 'amount', 'currency', 'return_url'])
      .where('id', '=', id)
      .executeTakeFirst();

  app.get<{ Params: { chargeId: string } }>(
    '/authenticate/:chargeId',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = request.params.chargeId;
      const charge = CHARGE_ID.test(id) ? await findCharge(id) : undefined;
      if (!charge) return notFound(request, reply);
      const locale = localeOf(request);
      const text = sandboxText[locale];
      if (charge.status !== 'requires_action')
        return html(reply, 200, renderMessagePage(locale, text.authDoneTitle, text.authClosed));
      return html(
        reply,
        200,
        renderAuthenticatePage(
          locale,
          formatAmount(charge.amount, charge.currency, locale === 'es' ? 'es-MX' : 'en-US'),
        ),
      );
    },
  );

  app.post<{ Params: { chargeId: string } }>(
    '/authenticate/:chargeId',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = request.params.chargeId;
      const charge = CHARGE_ID.test(id) && !crossSite(request) ? await findCharge(id) : undefined;
      if (!charge) return notFound(request, reply);
      const locale = localeOf(request);
      const text = sandboxText[locale];
      const choice = formOf(request).get('outcome');
      if (choice !== 'approve' && choice !== 'fail')
        return html(
          reply,
          400,
          renderAuthenticatePage(
            locale,
            formatAmount(charge.amount, charge.currency, locale === 'es' ? 'es-MX' : 'en-US'),
          ),
        );
      const done = await db
        .transaction()
        .execute((trx) => completeAuthentication(trx, charge.id, choice, authenticationFailure, now()));
      if (done) await opts.onEvents?.(charge.org_id);
      const status = done?.status ?? charge.status;
      if (charge.return_url)
        return reply.header('cache-control', 'no-store').redirect(
          withParams(charge.return_url, {
            charge: charge.id,
            redirect_status: status === 'succeeded' ? 'succeeded' : 'failed',
          }),
          303,
        );
      return html(
        reply,
        200,
        renderMessagePage(
          locale,
          text.authDoneTitle,
          !done ? text.authClosed : status === 'succeeded' ? text.authApproved : text.authFailed,
        ),
      );
    },
  );
};
