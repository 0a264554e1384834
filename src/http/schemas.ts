import { Type } from 'typebox';

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

export const Pagination = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});

/** A link token as it arrives: anything malformed is simply a link that is not valid (410 token_invalid). */
export const Token = Type.String({ minLength: 1, maxLength: 200 });
