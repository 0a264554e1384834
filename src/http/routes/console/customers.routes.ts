import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { addContact } from '../../../domain/customers/add-contact.ts';
import type { Balance } from '../../../domain/customers/balances.ts';
import { createCustomer } from '../../../domain/customers/create-customer.ts';
import { customerActivity } from '../../../domain/customers/customer-activity.ts';
import { customerSorts } from '../../../domain/customers/customers.repository.ts';
import {
  type CustomerDetail,
  type CustomerSummary,
  getCustomer,
} from '../../../domain/customers/get-customer.ts';
import { listCustomers } from '../../../domain/customers/list-customers.ts';
import { placeHold } from '../../../domain/customers/place-hold.ts';
import { releaseHold } from '../../../domain/customers/release-hold.ts';
import { removeContact } from '../../../domain/customers/remove-contact.ts';
import { suggestAccountNumber } from '../../../domain/customers/suggest-account-number.ts';
import { updateContact } from '../../../domain/customers/update-contact.ts';
import { updateCustomer } from '../../../domain/customers/update-customer.ts';
import { AppError } from '../../../domain/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { DateTime, documentAmountAsNumber, Locale, MinorSumOut, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Minor = MinorSumOut;
const NonNegativeMinor = Type.Integer({ minimum: 0, maximum: 1e15 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const BalanceSchema = Type.Object({
  currency: Type.String(),
  total: Minor,
  overdue: Minor,
  notYetDue: Minor,
  unappliedCash: Minor,
  unappliedCredits: Minor,
});
const BucketsSchema = Type.Object({
  current: Minor,
  d1_30: Minor,
  d31_60: Minor,
  d61_90: Minor,
  d90_plus: Minor,
});
const PersonRef = Type.Object({ userId: Uuid, name: Type.String() });
const HoldStatus = Type.Union([Type.Literal('active'), Type.Literal('on_hold')]);
const Address = Type.Object(
  {
    line1: Type.Optional(Type.String({ maxLength: 200 })),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  },
  { additionalProperties: false },
);
const ContactMessage = Type.Union([
  Type.Literal('invoices'),
  Type.Literal('statements'),
  Type.Literal('reminders'),
  Type.Literal('receipts'),
]);
const ContactSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  role: Nullable(Type.String()),
  locale: Locale,
  receives: Type.Array(ContactMessage),
});
const CustomerSummarySchema = Type.Object({
  id: Uuid,
  accountNumber: Type.String(),
  name: Type.String(),
  taxId: Nullable(Type.String()),
  currency: Type.String(),
  holdStatus: HoldStatus,
  holdReason: Nullable(Type.String()),
  collector: Nullable(PersonRef),
  tags: Type.Array(Type.String()),
  balances: Type.Array(BalanceSchema),
});
const CustomerDetailSchema = Type.Object({
  ...CustomerSummarySchema.properties,
  locale: Locale,
  paymentTermsDays: Type.Integer(),
  creditLimit: Nullable(NonNegativeMinor),
  billingAddress: Address,
  shippingAddress: Address,
  erpId: Nullable(Type.String()),
  /** Whether this account may pay online; the portal tells its users why when not. */
  onlinePayments: Type.Boolean(),
  hold: Type.Object({
    status: HoldStatus,
    reason: Nullable(Type.String({ description: 'Internal: staff and the audit log only' })),
    customerMessage: Nullable(Type.String({ description: 'What the customer sees in the portal, if any' })),
    by: Nullable(PersonRef),
    at: Nullable(DateTime),
  }),
  contacts: Type.Array(ContactSchema),
  hasDocuments: Type.Boolean({
    description:
      'A document (invoice, credit memo, payment) names the customer: its currency can no longer change',
  }),
  /** Per currency: total − unappliedCash − unappliedCredits = balance (the balance's total). */
  aging: Type.Array(
    Type.Object({
      ...BucketsSchema.properties,
      currency: Type.String(),
      total: Minor,
      unappliedCash: Minor,
      unappliedCredits: Minor,
      balance: Minor,
    }),
  ),
});

const customerFields = {
  accountNumber: Text(50),
  name: Text(200),
  taxId: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  currency: Currency,
  locale: Locale,
  paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  creditLimit: Type.Optional(Nullable(NonNegativeMinor)),
  billingAddress: Type.Optional(Address),
  shippingAddress: Type.Optional(Address),
  collectorUserId: Type.Optional(Nullable(Uuid)),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
};
const contactFields = {
  name: Text(200),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  role: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  locale: Type.Optional(Locale),
  receives: Type.Optional(Type.Array(ContactMessage, { maxItems: 4, uniqueItems: true })),
};
const ContactBody = Type.Object(contactFields, { additionalProperties: false });
const CreateCustomerBody = Type.Object(
  {
    ...customerFields,
    contacts: Type.Optional(
      Type.Array(ContactBody, { maxItems: 20, description: 'Contacts created with the customer, in one go' }),
    ),
  },
  { additionalProperties: false },
);
const UpdateCustomerBody = Type.Partial(Type.Object(customerFields), {
  additionalProperties: false,
  minProperties: 1,
});
const ContactPatchBody = Type.Partial(ContactBody, { additionalProperties: false, minProperties: 1 });

const IdParams = Type.Object({ id: Uuid });
const ContactParams = Type.Object({ id: Uuid, contactId: Uuid });
const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });

export function balanceOut(b: Balance): Static<typeof BalanceSchema> {
  return {
    currency: b.currency,
    total: b.total,
    overdue: b.overdue,
    notYetDue: b.notYetDue,
    unappliedCash: b.unappliedCash,
    unappliedCredits: b.unappliedCredits,
  };
}

function summaryOut(c: CustomerSummary): Static<typeof CustomerSummarySchema> {
  return { ...c, balances: c.balances.map(balanceOut) };
}

function detailOut(c: CustomerDetail): Static<typeof CustomerDetailSchema> {
  return {
    ...summaryOut(c),
    locale: c.locale,
    paymentTermsDays: c.paymentTermsDays,
    creditLimit: c.creditLimit === null ? null : documentAmountAsNumber(c.creditLimit),
    billingAddress: c.billingAddress,
    shippingAddress: c.shippingAddress,
    erpId: c.erpId,
    onlinePayments: c.onlinePayments,
    hold: c.hold,
    contacts: c.contacts,
    hasDocuments: c.hasDocuments,
    aging: c.aging.map((a) => ({
      currency: a.currency,
      current: a.current,
      d1_30: a.d1_30,
      d31_60: a.d31_60,
      d61_90: a.d61_90,
      d90_plus: a.d90_plus,
      total: a.total,
      unappliedCash: a.unappliedCash,
      unappliedCredits: a.unappliedCredits,
      balance: a.balance,
    })),
  };
}

const optionalBigInt = (n: number | null | undefined) =>
  n === undefined ? undefined : n === null ? null : BigInt(n);

/**
 * The seller's customers: list (server-side filters, sorts and pages), detail with balances and
 * aging, changes, contacts, credit holds and activity. Every staff role reads; owners, admins
 * and AR agents change.
 */
export const customerRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, customerId: string) {
    const customer = await getCustomer({ db }, { orgId, customerId });
    if (!customer) throw new AppError('not_found');
    return detailOut(customer);
  }

  app.get(
    '/console/customers',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Customers with their balances; filtered, sorted and paginated on the server',
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            hold: Type.Optional(HoldStatus),
            collectorId: Type.Optional(Uuid),
            overdue: Type.Optional(Type.Boolean()),
            sort: Type.Optional(Type.Enum(customerSorts)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(CustomerSummarySchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const result = await listCustomers(
        { db },
        { orgId: staffOf(request).orgId, page, pageSize, ...filters },
      );
      return { items: result.items.map(summaryOut), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/console/customers',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Create a customer account',
        body: CreateCustomerBody,
        response: { 201: CustomerDetailSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const { creditLimit, ...rest } = request.body;
      const { id } = await inTransaction(db, (trx) =>
        createCustomer(
          { db: trx },
          { ...rest, orgId, creditLimit: optionalBigInt(creditLimit), actor: actorOf(request) },
        ),
      );
      return reply.code(201).send(await detail(orgId, id));
    },
  );

  app.get(
    '/console/customers/next-account-number',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: "A suggested account number for a new customer: the last one's series, one further",
        response: {
          200: Type.Object({ accountNumber: Nullable(Type.String()) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({
      accountNumber: await suggestAccountNumber({ db }, { orgId: staffOf(request).orgId }),
    }),
  );

  app.get(
    '/console/customers/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A customer with contacts, balances and aging',
        params: IdParams,
        response: { 200: CustomerDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => detail(staffOf(request).orgId, request.params.id),
  );

  app.patch(
    '/console/customers/:id',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Change a customer's fields",
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: CustomerDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const { creditLimit, ...rest } = request.body;
      await inTransaction(db, (trx) =>
        updateCustomer(
          { db: trx },
          {
            orgId,
            customerId: request.params.id,
            changes: {
              ...rest,
              ...(creditLimit !== undefined ? { creditLimit: optionalBigInt(creditLimit) } : {}),
            },
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );

  app.post(
    '/console/customers/:id/contacts',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Add a contact to a customer',
        params: IdParams,
        body: ContactBody,
        response: { 201: ContactSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const contact = await inTransaction(db, (trx) =>
        addContact(
          { db: trx },
          {
            orgId: staffOf(request).orgId,
            customerId: request.params.id,
            contact: request.body,
            actor: actorOf(request),
          },
        ),
      );
      return reply.code(201).send(contact);
    },
  );

  app.patch(
    '/console/customers/:id/contacts/:contactId',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Change a customer's contact",
        params: ContactParams,
        body: ContactPatchBody,
        response: { 200: ContactSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inTransaction(db, (trx) =>
        updateContact(
          { db: trx },
          {
            orgId: staffOf(request).orgId,
            customerId: request.params.id,
            contactId: request.params.contactId,
            changes: request.body,
            actor: actorOf(request),
          },
        ),
      ),
  );

  app.delete(
    '/console/customers/:id/contacts/:contactId',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Remove a customer's contact",
        params: ContactParams,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inTransaction(db, (trx) =>
        removeContact(
          { db: trx },
          {
            orgId: staffOf(request).orgId,
            customerId: request.params.id,
            contactId: request.params.contactId,
            actor: actorOf(request),
          },
        ),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/console/customers/:id/hold',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Put a customer on credit hold (an internal reason; optionally a message for the customer)',
        params: IdParams,
        body: Type.Object(
          {
            reason: Reason,
            customerMessage: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: CustomerDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        placeHold(
          { db: trx },
          {
            orgId,
            customerId: request.params.id,
            reason: request.body.reason,
            customerMessage: request.body.customerMessage ?? null,
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );

  app.delete(
    '/console/customers/:id/hold',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: "Release a customer's credit hold (the reason, if given, goes to the audit log)",
        description:
          'The body is required, as for every JSON operation: a JSON object, `{}` when there is no reason to give.',
        params: IdParams,
        body: Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false }),
        response: { 200: CustomerDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        releaseHold(
          { db: trx },
          {
            orgId,
            customerId: request.params.id,
            reason: request.body.reason ?? null,
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );

  app.get(
    '/console/customers/:id/activity',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary:
          'What happened to a customer and its documents, newest business date first (from the audit log)',
        params: IdParams,
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                date: Type.String({
                  format: 'date',
                  description:
                    'The business date: the document’s issue/received date for the entry that created it, otherwise the seller’s day it happened',
                }),
                at: DateTime,
                action: Type.String(),
                actor: Nullable(Type.Object({ name: Type.String() })),
                entityType: Type.String(),
                entityId: Type.String(),
                summary: Type.String(),
              }),
            ),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await customerActivity(
        { db },
        {
          orgId: staffOf(request).orgId,
          customerId: request.params.id,
          page,
          pageSize,
        },
      );
      if (!result) throw new AppError('not_found');
      return { ...result, page, pageSize };
    },
  );
};
