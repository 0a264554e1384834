import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { buildCreditMemoDocument } from '../../../domain/documents/credit-memo-document.ts';
import {
  ACCENT_COLOR_PATTERN,
  MAX_FOOTER_LENGTH,
  MAX_LOGO_BYTES,
  normalizeSettings,
} from '../../../domain/documents/document-template.ts';
import { getDocumentSettings } from '../../../domain/documents/get-document-settings.ts';
import { buildInvoiceDocument } from '../../../domain/documents/invoice-document.ts';
import { buildInvoicePreviewDocument } from '../../../domain/documents/invoice-preview-document.ts';
import { buildReceiptDocument } from '../../../domain/documents/receipt-document.ts';
import { removeDocumentLogo } from '../../../domain/documents/remove-document-logo.ts';
import { setDocumentLogo } from '../../../domain/documents/set-document-logo.ts';
import { updateDocumentSettings } from '../../../domain/documents/update-document-settings.ts';
import { AppError } from '../../../domain/errors.ts';
import { creditMemoPdf } from '../../../formats/pdf/credit-memo-pdf.ts';
import { canEmbedImage } from '../../../formats/pdf/embeddable-image.ts';
import { invoicePdf } from '../../../formats/pdf/invoice-pdf.ts';
import { receiptPdf } from '../../../formats/pdf/receipt-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { BinaryBody, problems, Uuid } from '../../schemas.ts';

const settingsFields = {
  accentColor: Type.String({ pattern: ACCENT_COLOR_PATTERN }),
  footerText: Type.String({ maxLength: MAX_FOOTER_LENGTH }),
  showSku: Type.Boolean(),
  showUnit: Type.Boolean(),
  showDiscount: Type.Boolean(),
  showTaxDetail: Type.Boolean(),
  showPoNumber: Type.Boolean(),
};

/** The template's settings as the console reads them. */
export const DocumentSettings = Type.Object({ ...settingsFields, hasLogo: Type.Boolean() });

/** Settings as a form sends them; `hasLogo` may be echoed back (ignored when saving; `false` hides the logo in a preview). */
const SettingsBody = Type.Object(
  { ...settingsFields, hasLogo: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** The same settings as a query string, for the framed preview (an iframe can only GET). */
const SettingsQuery = Type.Object({
  accentColor: Type.String({ pattern: ACCENT_COLOR_PATTERN }),
  footerText: Type.String({ maxLength: MAX_FOOTER_LENGTH, default: '' }),
  showSku: Type.Boolean({ default: true }),
  showUnit: Type.Boolean({ default: true }),
  showDiscount: Type.Boolean({ default: true }),
  showTaxDetail: Type.Boolean({ default: true }),
  showPoNumber: Type.Boolean({ default: true }),
  hasLogo: Type.Optional(Type.Boolean()),
  /** Ignored: lets a frame's address change (and reload) when the saved logo does. */
  v: Type.Optional(Type.String({ maxLength: 40 })),
});

const pdfResponse = { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) };

/**
 * Sends a PDF to be shown in the browser (or in the console's preview frame): not cached, named
 * after the document, framed by Saldo's own pages only.
 */
export function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer) {
  const safe = filename.replace(/[^\w.-]+/g, '_') || 'document';
  return (
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${safe}.pdf"`)
      .header('cache-control', 'private, no-store')
      // Only who may frame it: browsers' PDF viewers embed the file as an object, which a
      // policy such as Saldo's page CSP (object-src 'none') would block.
      .header('content-security-policy', "frame-ancestors 'self'")
      .header('x-frame-options', 'SAMEORIGIN')
      .send(pdf)
  );
}

/**
 * Staff's PDFs of invoices, credit memos and receipts, and the document template (owners and
 * admins). A PDF is the domain's view model (domain/documents/*-document.ts) written by
 * formats/pdf; changes to the template run in one transaction the handler opens.
 */
export const documentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  // Logos arrive as the raw image; this parser lives only inside this plugin's context.
  app.addContentTypeParser(
    ['image/png', 'image/jpeg'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/console/invoices/:id/pdf',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "An invoice as a PDF, in the customer's language",
        params: Type.Object({ id: Uuid }),
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await buildInvoiceDocument(
        { db },
        { orgId: staffOf(request).orgId, invoiceId: request.params.id },
      );
      return sendPdf(reply, view.invoice.number, await invoicePdf(view));
    },
  );

  app.get(
    '/console/credit-memos/:id/pdf',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "A credit memo as a PDF, in the customer's language",
        params: Type.Object({ id: Uuid }),
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await buildCreditMemoDocument(
        { db },
        { orgId: staffOf(request).orgId, creditMemoId: request.params.id },
      );
      return sendPdf(reply, view.creditMemo.number, await creditMemoPdf(view));
    },
  );

  app.get(
    '/console/payments/:id/receipt.pdf',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['console'],
        summary: "A payment's receipt as a PDF, in the customer's language",
        params: Type.Object({ id: Uuid }),
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await buildReceiptDocument(
        { db },
        { orgId: staffOf(request).orgId, paymentId: request.params.id },
      );
      return sendPdf(reply, view.payment.number, await receiptPdf(view));
    },
  );

  const admins = requireStaff('owner', 'admin');

  app.get(
    '/console/settings/documents',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: 'The document template: accent colour, footer, optional columns, whether there is a logo',
        response: { 200: DocumentSettings, ...problems(401, 403) },
      },
    },
    async (request) => getDocumentSettings({ db }, { orgId: staffOf(request).orgId }),
  );

  app.put(
    '/console/settings/documents',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: 'Save the document template (the logo has its own route)',
        body: SettingsBody,
        response: { 200: DocumentSettings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { hasLogo: _ignored, ...settings } = request.body;
      const input = { orgId: staffOf(request).orgId, settings, actor: actorOf(request) };
      return inTransaction(db, (trx) => updateDocumentSettings({ db: trx }, input));
    },
  );

  app.put(
    '/console/settings/documents/logo',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: 'Replace the logo: the PNG or JPEG file itself as the body (at most 512 KiB)',
        consumes: ['image/png', 'image/jpeg'],
        body: BinaryBody,
        response: { 200: DocumentSettings, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      const image = request.body;
      if (!Buffer.isBuffer(image)) throw new AppError('unsupported_media_type');
      const input = { orgId: staffOf(request).orgId, image, actor: actorOf(request) };
      return inTransaction(db, (trx) => setDocumentLogo({ db: trx, canEmbedImage }, input));
    },
  );

  app.delete(
    '/console/settings/documents/logo',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: 'Remove the logo',
        response: { 200: DocumentSettings, ...problems(401, 403) },
      },
    },
    async (request) => {
      const input = { orgId: staffOf(request).orgId, actor: actorOf(request) };
      return inTransaction(db, (trx) => removeDocumentLogo({ db: trx }, input));
    },
  );

  app.post(
    '/console/settings/documents/preview',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: "A sample invoice PDF with unsaved settings and the seller's real name",
        body: SettingsBody,
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const view = await buildInvoicePreviewDocument(
        { db },
        {
          orgId: staffOf(request).orgId,
          settings: { ...normalizeSettings(request.body), hasLogo: request.body.hasLogo },
          locale: request.principal!.user.locale,
        },
      );
      return sendPdf(reply, 'preview', await invoicePdf(view));
    },
  );

  app.get(
    '/console/settings/documents/preview.pdf',
    {
      preHandler: admins,
      schema: {
        tags: ['console'],
        summary: 'The same preview for a frame: the unsaved settings in the query string',
        querystring: SettingsQuery,
        produces: ['application/pdf'],
        response: { ...pdfResponse, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { hasLogo, v: _version, ...settings } = request.query;
      const view = await buildInvoicePreviewDocument(
        { db },
        {
          orgId: staffOf(request).orgId,
          settings: { ...normalizeSettings(settings), hasLogo },
          locale: request.principal!.user.locale,
        },
      );
      return sendPdf(reply, 'preview', await invoicePdf(view));
    },
  );
};
