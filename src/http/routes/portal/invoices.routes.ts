import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { getInvoice } from '../../../domain/invoices/get-invoice.ts';
import { listInvoices } from '../../../domain/invoices/list-invoices.ts';
import type { AppDeps } from '../../deps.ts';
import { customerOf, requireCustomer } from '../../plugins/auth.ts';
import { problems, Uuid } from '../../schemas.ts';
import {
  InvoiceDetailSchema,
  InvoiceList,
  invoiceDetailOut,
  invoiceListFilters,
  invoiceSummaryOut,
  listFiltersIn,
} from '../console/invoices.routes.ts';

/**
 * The customer's own invoices: the session's customer account only (another account's invoice,
 * at this seller or another, is 404), never drafts. Every customer role reads.
 */
export const portalInvoiceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/invoices',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: "This account's invoices, filtered, sorted and paginated on the server",
        querystring: Type.Object(invoiceListFilters, { additionalProperties: false }),
        response: { 200: InvoiceList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const { page, pageSize, minAmount, maxAmount, ...filters } = request.query;
      const result = await listInvoices(
        { db },
        {
          orgId,
          page,
          pageSize,
          ...filters,
          ...listFiltersIn({ minAmount, maxAmount }),
          customerId: accountId,
          excludeDrafts: true,
        },
      );
      return { items: result.items.map(invoiceSummaryOut), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/portal/invoices/:id',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'One invoice of this account with its lines and applications',
        params: Type.Object({ id: Uuid }),
        response: { 200: InvoiceDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, accountId } = customerOf(request);
      const invoice = await getInvoice(
        { db },
        {
          orgId,
          invoiceId: request.params.id,
          customerId: accountId,
          excludeDrafts: true,
        },
      );
      if (!invoice) throw new AppError('not_found');
      return invoiceDetailOut(invoice);
    },
  );
};
