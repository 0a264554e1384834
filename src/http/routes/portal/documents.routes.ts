import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildCreditMemoDocument } from '../../../domain/documents/credit-memo-document.ts';
import { buildInvoiceDocument } from '../../../domain/documents/invoice-document.ts';
import { buildReceiptDocument } from '../../../domain/documents/receipt-document.ts';
import { creditMemoPdf } from '../../../formats/pdf/credit-memo-pdf.ts';
import { invoicePdf } from '../../../formats/pdf/invoice-pdf.ts';
import { receiptPdf } from '../../../formats/pdf/receipt-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { customerOf, requireCustomer } from '../../plugins/auth.ts';
import { problems, Uuid } from '../../schemas.ts';
import { sendPdf } from '../console/documents.routes.ts';

const pdfResponse = { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) };
const params = Type.Object({ id: Uuid });

/**
 * The customer's own documents as PDFs (the domain's view model, written by formats/pdf): anything
 * of another account (or a draft) is 404.
 */
export const portalDocumentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/invoices/:id/pdf',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'One of the account’s invoices as a PDF',
        params,
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const view = await buildInvoiceDocument(
        { db },
        { orgId, invoiceId: request.params.id, customerId: accountId },
      );
      return sendPdf(reply, view.invoice.number, await invoicePdf(view));
    },
  );

  app.get(
    '/portal/credit-memos/:id/pdf',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'One of the account’s credit memos as a PDF',
        params,
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const view = await buildCreditMemoDocument(
        { db },
        { orgId, creditMemoId: request.params.id, customerId: accountId },
      );
      return sendPdf(reply, view.creditMemo.number, await creditMemoPdf(view));
    },
  );

  app.get(
    '/portal/payments/:id/receipt.pdf',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'The receipt of one of the account’s payments as a PDF',
        params,
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const view = await buildReceiptDocument(
        { db },
        { orgId, paymentId: request.params.id, customerId: accountId },
      );
      return sendPdf(reply, view.payment.number, await receiptPdf(view));
    },
  );
};
