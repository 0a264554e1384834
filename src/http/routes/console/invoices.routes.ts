import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError } from '../../../domain/errors.ts';
import { computeInvoice } from '../../../domain/invoices/compute-invoice.ts';
import { createInvoice } from '../../../domain/invoices/create-invoice.ts';
import { getInvoice, type InvoiceDetail } from '../../../domain/invoices/get-invoice.ts';
import {
  type InvoiceSummary,
  invoiceSorts,
  invoiceStatusFilters,
} from '../../../domain/invoices/invoices.repository.ts';
import { listInvoices } from '../../../domain/invoices/list-invoices.ts';
import { suggestInvoiceNumber } from '../../../domain/invoices/suggest-invoice-number.ts';
import { voidInvoice } from '../../../domain/invoices/void-invoice.ts';
import { createOnce } from '../../../domain/shared/create-once.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import {
  CalendarDate,
  DateTime,
  IdempotencyKey,
  MAX_MINOR,
  MinorAmount,
  MinorAmountOut,
  PageQuery,
  problems,
  Uuid,
} from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Minor = MinorAmount;
const NonNegativeMinor = Type.Integer({ minimum: 0, maximum: MAX_MINOR });
const Decimal = Type.String({
  pattern: '^-?\\d{1,14}(\\.\\d{1,6})?$',
  description: 'a decimal string, e.g. "12.5"',
});
const Rate = Type.String({ pattern: '^\\d{1,5}(\\.\\d{1,4})?$', description: 'percent, e.g. "16"' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const PaymentMethod = Type.Enum(['check', 'cash', 'bank_transfer', 'card_terminal', 'other', 'card', 'ach']);

export const InvoiceSummarySchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  erpId: Nullable(Type.String()),
  customer: Type.Object({ id: Uuid, name: Type.String(), accountNumber: Type.String() }),
  issueDate: CalendarDate,
  dueDate: CalendarDate,
  currency: Type.String(),
  poNumber: Nullable(Type.String()),
  status: Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('void')]),
  paymentStatus: Type.Union([
    Type.Literal('unpaid'),
    Type.Literal('partially_paid'),
    Type.Literal('payment_pending'),
    Type.Literal('paid'),
  ]),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer({ minimum: 0 }),
  total: MinorAmountOut,
  openAmount: MinorAmountOut,
});

const ChargeKind = Type.Union([Type.Literal('fee'), Type.Literal('tax')]);
/** What an invoice's charges may be: also 'discount', a document discount (imported; amount < 0). */
const ChargeKindOut = Type.Union([Type.Literal('fee'), Type.Literal('tax'), Type.Literal('discount')]);

export const InvoiceDetailSchema = Type.Object({
  ...InvoiceSummarySchema.properties,
  pendingAmount: MinorAmountOut,
  subtotal: MinorAmountOut,
  discountTotal: MinorAmountOut,
  taxTotal: MinorAmountOut,
  feeTotal: MinorAmountOut,
  notes: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      sku: Nullable(Type.String()),
      description: Type.String(),
      quantity: Type.String(),
      unit: Nullable(Type.String()),
      unitPrice: Type.String(),
      discountAmount: MinorAmountOut,
      netAmount: MinorAmountOut,
      taxAmount: MinorAmountOut,
      totalAmount: MinorAmountOut,
      taxes: Type.Array(
        Type.Object({ name: Type.String(), rate: Nullable(Type.String()), amount: MinorAmountOut }),
      ),
    }),
  ),
  charges: Type.Array(
    Type.Object({
      kind: ChargeKindOut,
      name: Type.String(),
      rate: Nullable(Type.String()),
      amount: MinorAmountOut,
    }),
  ),
  payments: Type.Array(
    Type.Object({
      applicationId: Uuid,
      paymentId: Uuid,
      number: Type.String(),
      receivedOn: CalendarDate,
      method: PaymentMethod,
      amount: MinorAmountOut,
      appliedAt: DateTime,
      unappliedAt: Nullable(DateTime),
    }),
  ),
  credits: Type.Array(
    Type.Object({
      applicationId: Uuid,
      creditMemoId: Uuid,
      number: Type.String(),
      amount: MinorAmountOut,
      appliedAt: DateTime,
      unappliedAt: Nullable(DateTime),
    }),
  ),
  voidedAt: Nullable(DateTime),
  voidReason: Nullable(Type.String()),
});

export const InvoiceList = Type.Object({
  items: Type.Array(InvoiceSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** The filters and sorts of an invoice list, shared by the console and the portal. */
export const invoiceListFilters = {
  ...PageQuery,
  status: Type.Optional(Type.Enum(invoiceStatusFilters)),
  issuedFrom: Type.Optional(CalendarDate),
  issuedTo: Type.Optional(CalendarDate),
  dueFrom: Type.Optional(CalendarDate),
  dueTo: Type.Optional(CalendarDate),
  minAmount: Type.Optional(NonNegativeMinor),
  maxAmount: Type.Optional(NonNegativeMinor),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Enum(invoiceSorts)),
};

export function listFiltersIn(query: { minAmount?: number | undefined; maxAmount?: number | undefined }): {
  minAmount?: bigint;
  maxAmount?: bigint;
} {
  return {
    ...(query.minAmount !== undefined ? { minAmount: BigInt(query.minAmount) } : {}),
    ...(query.maxAmount !== undefined ? { maxAmount: BigInt(query.maxAmount) } : {}),
  };
}

/** Amounts stay bigint to the wire (MinorAmountOut): the serializer writes their digits. */
export function invoiceSummaryOut(i: InvoiceSummary): Static<typeof InvoiceSummarySchema> {
  return i;
}

export function invoiceDetailOut(i: InvoiceDetail): Static<typeof InvoiceDetailSchema> {
  return i;
}

const optionalBigInt = (n: number | null | undefined) => (n === undefined || n === null ? n : BigInt(n));

const CreateInvoiceBody = Type.Object(
  {
    customerId: Uuid,
    number: Text(50),
    issueDate: CalendarDate,
    dueDate: Type.Optional(CalendarDate),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    poNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    orderReference: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: 'The order it bills: what was prepaid for that order (a pay link) is applied to it.',
        }),
      ),
    ),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
          description: Text(500),
          quantity: Decimal,
          unit: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
          unitPrice: Decimal,
          discountAmount: Type.Optional(NonNegativeMinor),
          taxes: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  name: Text(50),
                  rate: Type.Optional(Nullable(Rate)),
                  amount: Type.Optional(Nullable(Minor)),
                },
                { additionalProperties: false },
              ),
              { maxItems: 10 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
    charges: Type.Optional(
      Type.Array(
        Type.Object(
          {
            kind: ChargeKind,
            name: Text(100),
            rate: Type.Optional(Nullable(Rate)),
            amount: Type.Optional(Nullable(Minor)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('open')])),
  },
  { additionalProperties: false },
);

const PreviewInvoiceBody = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    lines: CreateInvoiceBody.properties.lines,
    charges: CreateInvoiceBody.properties.charges,
  },
  { additionalProperties: false },
);

const InvoicePreviewSchema = Type.Object({
  currency: Type.String(),
  subtotal: MinorAmountOut,
  discountTotal: MinorAmountOut,
  taxTotal: MinorAmountOut,
  feeTotal: MinorAmountOut,
  total: MinorAmountOut,
  lines: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      discountAmount: MinorAmountOut,
      netAmount: MinorAmountOut,
      taxAmount: MinorAmountOut,
      totalAmount: MinorAmountOut,
      taxes: Type.Array(
        Type.Object({ name: Type.String(), rate: Nullable(Type.String()), amount: MinorAmountOut }),
      ),
    }),
  ),
  charges: Type.Array(
    Type.Object({
      kind: ChargeKind,
      name: Type.String(),
      rate: Nullable(Type.String()),
      amount: MinorAmountOut,
    }),
  ),
});

type LineBody = Static<typeof CreateInvoiceBody>['lines'][number];
type ChargeBody = NonNullable<Static<typeof CreateInvoiceBody>['charges']>[number];

const linesIn = (lines: LineBody[]) =>
  lines.map((l) => ({
    sku: l.sku ?? null,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit ?? null,
    unitPrice: l.unitPrice,
    ...(l.discountAmount !== undefined ? { discountAmount: BigInt(l.discountAmount) } : {}),
    taxes: (l.taxes ?? []).map((t) => ({
      name: t.name,
      rate: t.rate ?? null,
      amount: optionalBigInt(t.amount) ?? null,
    })),
  }));

const chargesIn = (charges: ChargeBody[] | undefined) =>
  (charges ?? []).map((c) => ({
    kind: c.kind,
    name: c.name,
    rate: c.rate ?? null,
    amount: optionalBigInt(c.amount) ?? null,
  }));

/**
 * The seller's invoices: list (filters, sorts and pages on the server), create (amounts computed
 * exactly from the lines), detail, void. Every staff role reads; owners, admins and AR agents
 * change. The PDF route lives with the documents.
 */
export const invoiceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');

  async function detail(orgId: string, invoiceId: string) {
    const invoice = await getInvoice({ db }, { orgId, invoiceId });
    if (!invoice) throw new AppError('not_found');
    return invoiceDetailOut(invoice);
  }

  app.get(
    '/console/invoices',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: "The seller's invoices, filtered, sorted and paginated on the server",
        querystring: Type.Object(
          { ...invoiceListFilters, customerId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 200: InvoiceList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, minAmount, maxAmount, ...filters } = request.query;
      const result = await listInvoices(
        { db },
        {
          orgId: staffOf(request).orgId,
          page,
          pageSize,
          ...filters,
          ...listFiltersIn({ minAmount, maxAmount }),
        },
      );
      return { items: result.items.map(invoiceSummaryOut), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/console/invoices',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Create an invoice (open: posted at once; draft: kept aside)',
        description:
          'A retried request with the same `Idempotency-Key` answers the invoice it created (200) instead ' +
          'of a duplicate-number conflict; the same key with any other request is refused with 422 ' +
          '`idempotency_key_reused`.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
        body: CreateInvoiceBody,
        response: {
          200: InvoiceDetailSchema,
          201: InvoiceDetailSchema,
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = staffOf(request);
      const body = request.body;
      const key = {
        orgId,
        scope: 'invoice' as const,
        key: request.headers['idempotency-key'] ?? null,
        request: body,
      };
      const { id, replayed } = await inTransaction(db, (trx) =>
        createOnce(trx, key, () =>
          createInvoice(
            { db: trx },
            {
              orgId,
              customerId: body.customerId,
              number: body.number.trim(),
              issueDate: body.issueDate,
              dueDate: body.dueDate ?? null,
              currency: body.currency ?? null,
              poNumber: body.poNumber?.trim() || null,
              orderReference: body.orderReference?.trim() || null,
              notes: body.notes ?? null,
              lines: linesIn(body.lines),
              charges: chargesIn(body.charges),
              status: body.status ?? 'open',
              actor: actorOf(request),
            },
          ),
        ),
      );
      return reply.code(replayed ? 200 : 201).send(await detail(orgId, id));
    },
  );

  app.get(
    '/console/invoices/next-number',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A suggested number for a new invoice: the series of the invoice created last, one further',
        description:
          'Saldo does not number invoices (the ERP does); `null` when there is no numbered invoice to follow.',
        response: { 200: Type.Object({ number: Nullable(Type.String()) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ number: await suggestInvoiceNumber({ db }, { orgId: staffOf(request).orgId }) }),
  );

  app.post(
    '/console/invoices/preview',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: "An invoice's amounts computed from its lines and charges, writing nothing",
        description:
          'The same computation (and the same field errors) as creating the invoice: what the new-invoice form shows as totals.',
        body: PreviewInvoiceBody,
        response: { 200: InvoicePreviewSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { currency, lines, charges } = request.body;
      const computed = computeInvoice(currency, linesIn(lines), chargesIn(charges));
      return {
        currency,
        subtotal: computed.subtotal,
        discountTotal: computed.discountTotal,
        taxTotal: computed.taxTotal,
        feeTotal: computed.feeTotal,
        total: computed.total,
        lines: computed.lines.map((l) => ({
          lineNo: l.lineNo,
          discountAmount: l.discountAmount,
          netAmount: l.netAmount,
          taxAmount: l.taxAmount,
          totalAmount: l.totalAmount,
          taxes: l.taxes.map((t) => ({ name: t.name, rate: t.rate, amount: t.amount })),
        })),
        charges: computed.charges.map((c) => ({
          kind: c.kind,
          name: c.name,
          rate: c.rate,
          amount: c.amount,
        })),
      };
    },
  );

  app.get(
    '/console/invoices/:id',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'An invoice with its lines, taxes, charges and applications',
        params: Type.Object({ id: Uuid }),
        response: { 200: InvoiceDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => detail(staffOf(request).orgId, request.params.id),
  );

  app.post(
    '/console/invoices/:id/void',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Void an invoice nothing is applied to (a reversing journal entry)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: InvoiceDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        voidInvoice(
          { db: trx },
          {
            orgId,
            invoiceId: request.params.id,
            reason: request.body.reason.trim(),
            actor: actorOf(request),
          },
        ),
      );
      return detail(orgId, request.params.id);
    },
  );
};
