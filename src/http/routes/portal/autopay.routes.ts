import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../../db/client.ts';
import type { Locale } from '../../../db/schema.ts';
import { findEnrollment } from '../../../domain/autopay/autopay.repository.ts';
import { cancelAutopay } from '../../../domain/autopay/cancel-autopay.ts';
import { enrolAutopay } from '../../../domain/autopay/enrol-autopay.ts';
import {
  type AutopayEnrollmentView,
  type AutopayView,
  enrollmentView,
  getAutopay,
} from '../../../domain/autopay/get-autopay.ts';
import { pauseAutopay } from '../../../domain/autopay/pause-autopay.ts';
import { resumeAutopay } from '../../../domain/autopay/resume-autopay.ts';
import { AppError } from '../../../domain/errors.ts';
import { loadPaymentSettings } from '../../../domain/payments/payment-settings.repository.ts';
import { t } from '../../../i18n/index.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, clientInfo, customerOf, requireCustomer } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import {
  CalendarDate,
  DateTime,
  documentAmountAsNumber,
  MinorAmount,
  problems,
  Uuid,
} from '../../schemas.ts';
import {
  declineJson,
  FailureSchema,
  MethodKind,
  Nullable,
  SavedMethodSchema,
} from '../online-payment-schemas.ts';

const Failure = FailureSchema;

export const AutopayEnrollmentSchema = Type.Object({
  id: Uuid,
  status: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('cancelled')]),
  /** Why it is paused: by the customer, by staff, or because its method can no longer be charged. */
  pauseReason: Nullable(
    Type.Union([Type.Literal('customer'), Type.Literal('staff'), Type.Literal('method_unusable')]),
  ),
  paymentMethod: Type.Object({
    id: Uuid,
    kind: MethodKind,
    brand: Nullable(Type.String()),
    last4: Type.String(),
    bankName: Nullable(Type.String()),
  }),
  timing: Type.Union([Type.Literal('due_date'), Type.Literal('days_before')]),
  daysBefore: Nullable(Type.Integer()),
  scope: Type.Union([Type.Literal('all_due'), Type.Literal('overdue_only')]),
  maxPerCharge: Nullable(MinorAmount),
  currency: Type.String(),
  authorization: Type.Object({
    text: Type.String(),
    locale: Type.Union([Type.Literal('es'), Type.Literal('en')]),
    acceptedAt: DateTime,
    acceptedBy: Type.Object({
      kind: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
      name: Type.String(),
      email: Type.String(),
    }),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
  }),
  pausedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  nextCharge: Nullable(Type.Object({ on: CalendarDate, amount: MinorAmount, invoiceCount: Type.Integer() })),
  history: Type.Array(
    Type.Object({
      on: CalendarDate,
      paymentId: Nullable(Uuid),
      number: Nullable(Type.String()),
      amount: MinorAmount,
      status: Type.String(),
      attempt: Type.Integer(),
      failure: Nullable(Failure),
      nextRetryOn: Nullable(CalendarDate),
    }),
  ),
});

const SavedMethod = SavedMethodSchema;

export const AutopaySchema = Type.Object({
  available: Type.Boolean(),
  unavailableReason: Nullable(Type.String()),
  authorizationText: Type.String(),
  /** The account's currency: what `maxPerCharge` is in. */
  currency: Type.String(),
  methods: Type.Array(SavedMethod),
  enrollment: Nullable(AutopayEnrollmentSchema),
});

export const AutopayBody = Type.Object(
  {
    paymentMethodId: Uuid,
    timing: Type.Union([Type.Literal('due_date'), Type.Literal('days_before')]),
    daysBefore: Nullable(Type.Integer({ minimum: 1, maximum: 30 })),
    scope: Type.Union([Type.Literal('all_due'), Type.Literal('overdue_only')]),
    maxPerCharge: Nullable(Type.Integer({ minimum: 1, maximum: 1e15 })),
    authorizationAccepted: Type.Literal(true),
    authorizationText: Type.String({ minLength: 1, maxLength: 10000 }),
  },
  { additionalProperties: false },
);

/** Saldo's default authorization text in each language, `{seller}` and `{customer}` left to fill. */
export const defaultAutopayTexts = (): Record<Locale, string> => ({
  es: t('es', 'autopay.authorization'),
  en: t('en', 'autopay.authorization'),
});

const failureJson = (locale: Locale, code: string | null, retryable: boolean | null) =>
  declineJson(locale, code, retryable);

export function enrollmentJson(locale: Locale, e: AutopayEnrollmentView) {
  const a = e.authorization;
  return {
    id: e.id,
    status: e.status,
    pauseReason: e.pauseReason,
    paymentMethod: e.paymentMethod!,
    timing: e.timing,
    daysBefore: e.daysBefore,
    scope: e.scope,
    // Nullable amounts are answered as numbers (schemas.ts: documentAmountAsNumber).
    maxPerCharge: e.maxPerCharge === null ? null : documentAmountAsNumber(e.maxPerCharge),
    currency: e.currency,
    authorization: {
      text: a.text,
      locale: a.locale,
      acceptedAt: a.acceptedAt,
      acceptedBy: { kind: a.acceptedBy.kind, name: a.acceptedBy.name, email: a.acceptedBy.email },
      ip: a.ip,
      userAgent: a.userAgent,
    },
    pausedAt: e.pausedAt,
    cancelledAt: e.cancelledAt,
    nextCharge: e.nextCharge
      ? {
          on: e.nextCharge.on,
          amount: documentAmountAsNumber(e.nextCharge.amount),
          invoiceCount: e.nextCharge.invoiceCount,
        }
      : null,
    history: e.history.map((h) => ({
      on: h.runOn,
      paymentId: h.paymentId,
      number: h.paymentNumber,
      // Inside the nullable `enrollment` of GET: answered as a number (schemas.ts: documentAmountAsNumber).
      amount: documentAmountAsNumber(h.amount),
      // The payment's own state once there is one (a pending ACH debit settles or comes back later).
      status: h.paymentStatus ?? h.status,
      attempt: h.attempt,
      failure: failureJson(locale, h.failureCode ?? h.paymentFailureCode, h.failureRetryable),
      nextRetryOn: h.stopped ? null : h.nextRetryOn,
    })),
  };
}

export function autopayJson(locale: Locale, view: AutopayView) {
  return {
    available: view.available,
    unavailableReason:
      view.unavailableReason === null
        ? null
        : view.unavailableReason === 'role'
          ? t(locale, 'autopay.unavailable.role')
          : t(locale, `onlineBlocked.${view.unavailableReason}`),
    authorizationText: view.authorizationText,
    currency: view.currency,
    methods: view.methods.map((m) => ({
      id: m.id,
      kind: m.kind,
      brand: m.brand,
      last4: m.last4,
      expMonth: m.expMonth,
      expYear: m.expYear,
      bankName: m.bankName,
      accountType: m.accountType,
      usedByAutopay: m.usedByAutopay,
    })),
    enrollment: view.enrollment ? enrollmentJson(locale, view.enrollment) : null,
  };
}

/** The account's enrollment as it stands after a change, read once the change has committed. */
export async function currentEnrollmentJson(
  db: Database,
  request: FastifyRequest,
  input: { orgId: string; customerId: string },
) {
  const enrollment = await findEnrollment(db, input);
  if (!enrollment) throw new AppError('not_found');
  const settings = await loadPaymentSettings(db, input.orgId);
  const view = await enrollmentView(db, {
    orgId: input.orgId,
    enrollment,
    partial: { allowed: settings.partialAllowed, minimum: settings.partialMinimum },
  });
  return enrollmentJson(requestLocale(request), view);
}

const putDescription =
  'Enrols the account (201) or replaces the rules of its enrollment (200; it becomes active again). ' +
  '`authorizationText` must be exactly the `authorizationText` GET answered in the same language (what ' +
  'was shown): another text is 409 `autopay_text_changed`. Each call records a new authorization: the ' +
  'text, its language, who accepted it, when, from which address and browser. `daysBefore` (1–30) goes ' +
  'with `timing: days_before` only. `maxPerCharge`: minor units; invoices are paid oldest due first up ' +
  'to it, the last one in part if the seller allows partial payments; the rest is left to pay by hand.';

/**
 * Autopay from the portal: the account's enrollment, its rules and consent (account admins and
 * payers change it; an accountant reads). Always the session's own account.
 */
export const portalAutopayRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/autopay',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary:
          "This account's autopay: whether it may enrol, the text to accept, its methods and enrollment",
        response: { 200: AutopaySchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId, role } = customerOf(request);
      const locale = requestLocale(request);
      const view = await getAutopay(
        { db },
        { orgId, customerId: accountId, role, locale, defaultTexts: defaultAutopayTexts() },
      );
      return autopayJson(locale, view);
    },
  );

  app.put(
    '/portal/autopay',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Enrol in autopay, or change its rules, accepting the authorization shown',
        description: putDescription,
        body: AutopayBody,
        response: {
          200: AutopayEnrollmentSchema,
          201: AutopayEnrollmentSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId, accountId, role } = customerOf(request);
      const user = request.principal!.user;
      const body = request.body;
      const { created } = await enrolAutopay(
        { db },
        {
          orgId,
          customerId: accountId,
          paymentMethodId: body.paymentMethodId,
          timing: body.timing,
          daysBefore: body.daysBefore,
          scope: body.scope,
          maxPerCharge: body.maxPerCharge === null ? null : BigInt(body.maxPerCharge),
          authorizationText: body.authorizationText,
          locale: requestLocale(request),
          defaultTexts: defaultAutopayTexts(),
          role,
          acceptedBy: { kind: 'customer', userId: user.id, name: user.name, email: user.email },
          client: clientInfo(request),
          actor: actorOf(request),
        },
      );
      const json = await currentEnrollmentJson(db, request, { orgId, customerId: accountId });
      return reply.code(created ? 201 : 200).send(json);
    },
  );

  app.post(
    '/portal/autopay/pause',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Pause autopay: nothing is charged or noticed until it is resumed',
        response: { 200: AutopayEnrollmentSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      await pauseAutopay({ db }, { orgId, customerId: accountId, by: 'customer', actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId: accountId });
    },
  );

  app.post(
    '/portal/autopay/resume',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Resume paused autopay under the authorization on record',
        response: { 200: AutopayEnrollmentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      await resumeAutopay({ db }, { orgId, customerId: accountId, actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId: accountId });
    },
  );

  app.delete(
    '/portal/autopay',
    {
      preHandler: requireCustomer('account_admin', 'payer'),
      schema: {
        tags: ['portal'],
        summary: 'Cancel autopay (its authorizations and history are kept)',
        response: { 200: AutopayEnrollmentSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      await cancelAutopay({ db }, { orgId, customerId: accountId, actor: actorOf(request) });
      return currentEnrollmentJson(db, request, { orgId, customerId: accountId });
    },
  );
};
