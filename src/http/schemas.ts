import { Type } from 'typebox';
import { paymentStatuses } from '../domain/payments/payment-lifecycle.ts';

/** Schemas shared by several routes. Every route declares its body, params, query and responses. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details; `code` is stable, `detail` is translated.' },
);

export const problemRef = Type.Ref('Problem');

/** The error responses a route may give, all problem+json. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemRef]));
}

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Locale = Type.Union([Type.Literal('es'), Type.Literal('en')]);
export const StaffRole = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('ar_agent'),
  Type.Literal('viewer'),
]);
export const CustomerRole = Type.Union([
  Type.Literal('account_admin'),
  Type.Literal('payer'),
  Type.Literal('accountant'),
]);
/** A timestamp: Date objects are serialized as ISO 8601 strings. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const Context = Type.Union([
  Type.Object({ kind: Type.Literal('staff'), orgId: Uuid, orgName: Type.String(), role: StaffRole }),
  Type.Object({
    kind: Type.Literal('customer'),
    orgId: Uuid,
    orgName: Type.String(),
    accountId: Uuid,
    accountName: Type.String(),
    role: CustomerRole,
  }),
]);

export const Me = Type.Object(
  {
    user: Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), locale: Locale }),
    context: Type.Union([Context, Type.Null()]),
    contexts: Type.Array(Context),
    csrfToken: Type.String(),
  },
  { $id: 'Me' },
);

export const meRef = Type.Ref('Me');

export const Member = Type.Object({
  userId: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
});
export const OpenInvitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: Type.String(),
  expiresAt: DateTime,
  createdAt: DateTime,
});

/** An `Idempotency-Key` header: one per creation the client means; a retry sends the same. */
export const IdempotencyKey = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create.',
});

/**
 * A new invitation, and how its e-mail goes: `email` (an SMTP server is set up) or `outbox` (none is:
 * the message is captured in the console's Outbox, not sent), so the inviter is not told "sent" in vain.
 */
export const CreatedInvitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: Type.String(),
  expiresAt: DateTime,
  delivery: Type.Union([Type.Literal('email'), Type.Literal('outbox')]),
});

/** How mail leaves this installation (see CreatedInvitation). */
export const mailDelivery = (config: { smtpUrl: string | undefined }) =>
  config.smtpUrl ? ('email' as const) : ('outbox' as const);

/** The last page a list may be asked for (beyond it a list is empty anyway; larger is a 400). */
export const MAX_PAGE = 1_000_000;

/** `?page=&pageSize=` of every list, bounded (a page past 10^6 or a 21-digit page is refused, never a 500). */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
};

export const Pagination = Type.Object(PageQuery);

/**
 * The window every calendar date must fall in, at the edge (validation.ts holds it for every
 * `format: date`): PostgreSQL has no year 0, and no invoice, payment or report of a living
 * business is dated before 1900 or after 2199.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';

/** A calendar date `YYYY-MM-DD` between 1900-01-01 and 2199-12-31. */
export const CalendarDate = Type.String({
  format: 'date',
  description: `A calendar date, YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}.`,
});

/** The ceiling of amounts in minor units (10^15): far beyond any invoice, and exact in JavaScript. */
export const MAX_MINOR = 1e15;

/** An amount in the currency's minor units, as sent: a JSON integer within ±10^15. */
export const MinorAmount = Type.Integer({ minimum: -MAX_MINOR, maximum: MAX_MINOR });

/**
 * An amount in minor units as answered. Handlers pass the domain's bigint straight through: the
 * serializer (fast-json-stringify) writes a bigint's digits, so an amount never passes through a
 * JavaScript number on its way out.
 */
export const MinorAmountOut = Type.Unsafe<bigint>({
  type: 'integer',
  minimum: -MAX_MINOR,
  maximum: MAX_MINOR,
});

/**
 * A sum of amounts as answered (a balance, an aging bucket, a report total): each document is
 * within ±10^15, a sum over many may pass it — and 2^53 — so it is written as the bigint's digits
 * with no bound. Integrators should read amounts as 64-bit integers or decimal strings.
 */
export const MinorSumOut = Type.Unsafe<bigint>({ type: 'integer' });

/**
 * The one exception to "bigints straight through": an amount inside a nullable branch (a credit
 * limit, the next due invoice). fast-json-stringify picks an `anyOf` branch by validating with
 * Ajv, which refuses a bigint, so such a value is answered as a number — only a single document's
 * amount, held within ±10^15 < 2^53 and so exact, and checked here rather than trusted.
 */
export function documentAmountAsNumber(value: bigint): number {
  if (value > BigInt(MAX_MINOR) || value < -BigInt(MAX_MINOR))
    throw new RangeError(`amount ${value} is outside ±10^15 minor units`);
  return Number(value);
}

/** A file sent as the whole body (the logo's PNG or JPEG). validation.ts lets it pass as the Buffer it is. */
export const BinaryBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** A link token as it arrives: anything malformed is simply a link that is not valid (410 token_invalid). */
export const Token = Type.String({ minLength: 1, maxLength: 200 });

/** Every state of a payment's life (domain/payments/payment-lifecycle.ts). */
export const PaymentStatus = Type.Unsafe<(typeof paymentStatuses)[number]>({
  type: 'string',
  enum: [...paymentStatuses],
});
