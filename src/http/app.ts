import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import cookie from '@fastify/cookie';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Gateways } from '../domain/payments/payment-gateway.ts';
import { resolveGateways, sandboxWebhookSecret } from '../gateways/resolve-gateways.ts';
import { runSandboxClock } from '../gateways/sandbox/run-sandbox-clock.ts';
import { sandboxRoutes } from '../gateways/sandbox/sandbox.routes.ts';
import type { AppDeps } from './deps.ts';
import { httpLoggerOptions } from './logging.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { webPlugin } from './plugins/web.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { apiKeyRoutes } from './routes/console/api-keys.routes.ts';
import { consoleAutopayRoutes } from './routes/console/autopay.routes.ts';
import { collectionRoutes } from './routes/console/collections.routes.ts';
import { consoleCreditCheckRoutes } from './routes/console/credit-checks.routes.ts';
import { creditMemoRoutes } from './routes/console/credit-memos.routes.ts';
import { customerRoutes } from './routes/console/customers.routes.ts';
import { consoleDeliveryRoutes } from './routes/console/delivery.routes.ts';
import { depositRoutes } from './routes/console/deposits.routes.ts';
import { documentRoutes } from './routes/console/documents.routes.ts';
import { dunningRoutes } from './routes/console/dunning.routes.ts';
import { erpSyncRoutes } from './routes/console/erp-sync.routes.ts';
import { importRoutes } from './routes/console/imports.routes.ts';
import { consoleInquiryRoutes } from './routes/console/inquiries.routes.ts';
import { invoiceRoutes } from './routes/console/invoices.routes.ts';
import { mailTemplateRoutes } from './routes/console/mail-templates.routes.ts';
import { consoleOnlinePaymentRoutes } from './routes/console/online-payments.routes.ts';
import { organizationRoutes } from './routes/console/organization.routes.ts';
import { outboxRoutes } from './routes/console/outbox.routes.ts';
import { consolePayNowRoutes } from './routes/console/pay-now.routes.ts';
import { paymentSettingsRoutes } from './routes/console/payment-settings.routes.ts';
import { paymentRoutes } from './routes/console/payments.routes.ts';
import { reportRoutes } from './routes/console/reports.routes.ts';
import { statementRoutes } from './routes/console/statements.routes.ts';
import { takePaymentRoutes } from './routes/console/take-payment.routes.ts';
import { teamRoutes } from './routes/console/team.routes.ts';
import { webhookRoutes } from './routes/console/webhooks.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { helpRoutes } from './routes/help.routes.ts';
import { batchRoutes } from './routes/integration/batch.routes.ts';
import { creditCheckRoutes } from './routes/integration/credit-checks.routes.ts';
import { integrationRoutes } from './routes/integration/whoami.routes.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { accountRoutes } from './routes/portal/account.routes.ts';
import { portalAutopayRoutes } from './routes/portal/autopay.routes.ts';
import { portalDeliveryRoutes } from './routes/portal/delivery.routes.ts';
import { portalDocumentRoutes } from './routes/portal/documents.routes.ts';
import { portalInquiryRoutes } from './routes/portal/inquiries.routes.ts';
import { portalInvoiceRoutes } from './routes/portal/invoices.routes.ts';
import { portalOnlinePaymentRoutes } from './routes/portal/online-payments.routes.ts';
import { portalPaymentRoutes } from './routes/portal/payments.routes.ts';
import { portalStatementRoutes } from './routes/portal/statements.routes.ts';
import { portalSummaryRoutes } from './routes/portal/summary.routes.ts';
import { invitationRoutes } from './routes/public/invitations.routes.ts';
import { payLinkRoutes } from './routes/public/pay-links.routes.ts';
import { processorWebhookRoutes } from './routes/webhooks/processor-webhooks.routes.ts';
import { Me, Problem } from './schemas.ts';
import { refuseBadText, serializerOnFirstUse, validatorCompiler } from './validation.ts';

export interface BuildAppOptions extends Omit<AppDeps, 'gateways'> {
  /** The sellers' processors; default: each seller's own (sandbox or Stripe, resolveGateways). */
  gateways?: Gateways;
  /** The built SPA (web/dist), or null to serve the API alone. */
  webDist: string | null;
  /** pino level, or false for no logs (tests). */
  logLevel?: string | false;
  /** Where logs go (default stdout). */
  logStream?: NodeJS.WritableStream;
  version?: string;
}

/**
 * A stable camelCase operationId from method and path, without the `/api/v1` prefix:
 * `GET /api/v1/console/payments/:id` → `getConsolePaymentsById`,
 * `GET /api/v1/console/settings/documents/preview.pdf` → `getConsoleSettingsDocumentsPreviewPdf`.
 * Method + path is unique per route, so the ids are too.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[:{](\w+)}?$/.exec(segment);
      const parts = (param ? param[1]! : segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return param ? ['by', ...parts] : parts;
    });
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return method.toLowerCase() + pascal;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const deps: AppDeps = {
    db: options.db,
    config,
    mailer: options.mailer,
    gateways: options.gateways ?? resolveGateways({ db: options.db, config }),
  };
  const app = Fastify({
    logger:
      options.logLevel === false
        ? false
        : {
            ...httpLoggerOptions(options.logLevel ?? config.logLevel),
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: 512 * 1024,
    trustProxy: process.env.SALDO_TRUST_PROXY === '1',
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    // One line per request, written when it is answered (onResponse below), instead of two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
    schemaController: { compilersFactory: { buildSerializer: serializerOnFirstUse() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // The hooks every request runs are plain callbacks rather than async functions: no promise each.
  // NUL and lone surrogates are refused once, here, for every string of every route (validation.ts).
  app.addHook('preValidation', (request, _reply, done) => {
    refuseBadText(request);
    done();
  });
  app.addSchema(Problem);
  app.addSchema(Me);
  const headers = securityHeaders(config);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done();
  });
  const flushLog = (options.logStream as { flush?: () => void } | undefined)?.flush?.bind(options.logStream);
  app.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level](
      { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    // A buffered log (http/logging.ts: bufferedStdout) writes an error's line at once.
    if (level === 'error') flushLog?.();
    done();
  });

  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(authPlugin, { db: options.db, publicUrl: config.publicUrl });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saldo API',
        version: options.version ?? '0.1.0',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        description:
          'Accounts receivable for B2B sellers. Errors are RFC 9457 problem+json with a stable `code`. ' +
          'Browser sessions use the `saldo_session` cookie and send `X-CSRF-Token` on changes; the ERP uses `Authorization: Bearer <api key>`.',
      },
      servers: [{ url: config.publicUrl, description: 'This Saldo (SALDO_PUBLIC_URL)' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'saldo_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }],
    },
    // Every operation gets its operationId here, from its method and path, so no route file has to
    // name one and a new route cannot forget it.
    transform: ({ schema, url, route }) => ({
      schema: {
        ...schema,
        operationId: schema?.operationId ?? operationIdOf(String(route.method), url),
      } as typeof schema,
      url,
    }),
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });

  await app.register(healthRoutes, deps);
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes, deps);
      await api.register(meRoutes, deps);
      await api.register(helpRoutes, deps);
      await api.register(invitationRoutes, deps);
      await api.register(teamRoutes, deps);
      await api.register(outboxRoutes, deps);
      await api.register(mailTemplateRoutes, deps);
      await api.register(apiKeyRoutes, deps);
      await api.register(organizationRoutes, deps);
      await api.register(accountRoutes, deps);
      await api.register(integrationRoutes, deps);
      await api.register(customerRoutes, deps);
      await api.register(invoiceRoutes, deps);
      await api.register(portalInvoiceRoutes, deps);
      await api.register(portalSummaryRoutes, deps);
      await api.register(paymentRoutes, deps);
      await api.register(creditMemoRoutes, deps);
      await api.register(portalPaymentRoutes, deps);
      await api.register(reportRoutes, deps);
      await api.register(documentRoutes, deps);
      await api.register(portalDocumentRoutes, deps);
      await api.register(portalOnlinePaymentRoutes, deps);
      await api.register(consoleOnlinePaymentRoutes, deps);
      await api.register(takePaymentRoutes, deps);
      await api.register(paymentSettingsRoutes, deps);
      await api.register(portalAutopayRoutes, deps);
      await api.register(consoleAutopayRoutes, deps);
      await api.register(depositRoutes, deps);
      await api.register(processorWebhookRoutes, deps);
      await api.register(creditCheckRoutes, deps);
      await api.register(payLinkRoutes, deps);
      await api.register(consoleCreditCheckRoutes, deps);
      await api.register(consolePayNowRoutes, deps);
      await api.register(importRoutes, deps);
      await api.register(batchRoutes, deps);
      await api.register(webhookRoutes, deps);
      await api.register(erpSyncRoutes, deps);
      await api.register(collectionRoutes, deps);
      await api.register(dunningRoutes, deps);
      await api.register(statementRoutes, deps);
      await api.register(portalStatementRoutes, deps);
      await api.register(consoleInquiryRoutes, deps);
      await api.register(portalInquiryRoutes, deps);
      await api.register(consoleDeliveryRoutes, deps);
      await api.register(portalDeliveryRoutes, deps);
    },
    { prefix: '/api/v1' },
  );
  // The sandbox processor's own pages (card and bank entry, 3-D Secure), outside the API.
  await app.register(sandboxRoutes, {
    prefix: '/sandbox',
    db: options.db,
    onEvents: (orgId) =>
      void runSandboxClock(
        {
          db: options.db,
          publicUrl: config.publicUrl,
          webhookSecret: (id) => sandboxWebhookSecret(config.secretKey, id),
          now: new Date(),
        },
        { orgId },
      ).catch((err: unknown) => app.log.error({ err }, 'sandbox clock failed')),
  });
  await app.register(webPlugin, { webDist: options.webDist });
  return app;
}

/** Saldo's helmet settings: a strict, static policy; index.html adds its style nonce (plugins/web.ts). */
export function helmetOptions(config: Config): FastifyHelmetOptions {
  return {
    enableCSPNonces: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

type Helmet = (options: object) => (req: object, res: object, next: (err?: unknown) => void) => void;

/**
 * The security headers of every response: what @fastify/helmet sets with helmetOptions, computed
 * once by running the same helmet (the one @fastify/helmet depends on) against a recorder. The
 * plugin rebuilds helmet's middleware on every request (its directives parsed again, names
 * dashified: ~9 µs and much garbage per request in the http-session profile) and writes the
 * headers on the raw response, which takes Node off its fast path for every other header. Every
 * directive here is a fixed string, so the headers are the same on every response; they go on
 * the reply, where plugins/web.ts reads the policy to add index.html's nonce.
 */
export function securityHeaders(config: Config): Record<string, string> {
  const helmet = createRequire(import.meta.resolve('@fastify/helmet'))('helmet') as Helmet;
  const { enableCSPNonces: _nonces, global: _global, ...options } = helmetOptions(config);
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    // helmet also removes X-Powered-By, which nothing in Saldo sets.
    removeHeader: () => {},
  };
  helmet(options)({}, recorder, (err) => {
    if (err) throw err;
  });
  return headers;
}
