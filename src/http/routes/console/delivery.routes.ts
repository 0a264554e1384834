import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inTransaction } from '../../../db/transaction.ts';
import { customerExists } from '../../../domain/customers/customers.repository.ts';
import { createPrintBatch } from '../../../domain/delivery/create-print-batch.ts';
import { deliverDocument, ediOutboundRootOf } from '../../../domain/delivery/deliver-document.ts';
import {
  findDelivery,
  findDeliveryFile,
  findPrintBatchPdf,
  listDeliveries,
  listDueToPrint,
  listPrintBatches,
  loadDeliveryPreference,
  loadDeliverySettings,
  saveDeliverySettings,
} from '../../../domain/delivery/delivery.repository.ts';
import { resendEInvoice } from '../../../domain/delivery/send-e-invoice.ts';
import {
  preferenceView,
  updateDeliveryPreference,
} from '../../../domain/delivery/update-delivery-preference.ts';
import { AppError } from '../../../domain/errors.ts';
import { isLoopbackPublicUrl } from '../../../domain/integration/webhooks/webhook-url.ts';
import { eInvoiceWriters } from '../../../formats/e-invoice-writers.ts';
import { creditMemoPdf } from '../../../formats/pdf/credit-memo-pdf.ts';
import { invoicePdf } from '../../../formats/pdf/invoice-pdf.ts';
import { printBatchWriters } from '../../../formats/pdf/print-batch-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { BinaryBody, DateTime, problems, Uuid } from '../../schemas.ts';
import {
  DeliverySchema,
  deliveryJson,
  EmailedSchema,
  Peppol,
  PreferenceBody,
  PreferenceSchema,
} from '../delivery-schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IdParams = Type.Object({ id: Uuid });
const Address = Type.Object(
  {
    line1: Type.Optional(Type.String({ maxLength: 200 })),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(Type.String({ maxLength: 2 })),
  },
  { additionalProperties: false },
);
const BatchSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  documentCount: Type.Integer(),
  customerCount: Type.Integer(),
  pageCount: Type.Integer(),
  createdAt: DateTime,
  createdBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
});
const DueSchema = Type.Object({
  customers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      address: Address,
      deliveries: Type.Array(DeliverySchema),
    }),
  ),
  documentCount: Type.Integer(),
});

/**
 * Delivery for staff: a customer's delivery preference and its deliveries, sending one document
 * its customer's way (or another), re-sending a failed e-invoice, downloading what was sent (UBL,
 * EDI 810), the print console (what is due to print, "print batch", earlier batches), and the
 * seller's own e-invoicing details (its address and Peppol id).
 */
export const consoleDeliveryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (
  app,
  { db, config, mailer },
) => {
  const read = requireStaff();
  const change = requireStaff('owner', 'admin', 'ar_agent');
  const policy = { allowLoopback: isLoopbackPublicUrl(config.publicUrl) };
  const ediOutboundRoot = ediOutboundRootOf(config.dataDir);

  app.get(
    '/console/customers/:id/delivery',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A customer’s delivery preference and its latest deliveries (UBL, EDI, postal)',
        params: IdParams,
        response: {
          200: Type.Object({ preference: PreferenceSchema, deliveries: Type.Array(DeliverySchema) }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const customerId = request.params.id;
      if (!(await customerExists(db, { orgId, customerId }))) throw new AppError('not_found');
      const [preference, deliveries] = await Promise.all([
        loadDeliveryPreference(db, { orgId, customerId }),
        listDeliveries(db, { orgId, customerId, limit: 20 }),
      ]);
      return { preference: preferenceView(preference), deliveries: deliveries.map(deliveryJson) };
    },
  );

  app.put(
    '/console/customers/:id/delivery',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Set how a customer receives its documents',
        description:
          '`email` (with `emailAttachPdf`: PDF attached, or a link only), `postal` (printed in a batch), `ubl` ' +
          '(Peppol BIS 3.0 posted to `apEndpointUrl`, with `apAuthToken` as a bearer secret — sealed at rest, ' +
          'never returned; omit it to keep the stored one, null to remove it) or `edi` (X12 810 with the trading ' +
          'partner’s ISA/GS ids in `edi`). Incomplete settings: 400 `validation_failed` with the fields.',
        params: IdParams,
        body: PreferenceBody,
        response: { 200: PreferenceSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      updateDeliveryPreference(
        { db, secretKey: config.secretKey, policy },
        {
          orgId: staffOf(request).orgId,
          customerId: request.params.id,
          preference: request.body,
          actor: actorOf(request),
        },
      ),
  );

  app.post(
    '/console/deliveries',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Deliver an invoice or credit memo the customer’s way (or through `channel`)',
        description:
          'E-mail: the document e-mail to the contacts who receive invoices, the PDF attached or a pay link only ' +
          '(200, the recipients; 422 `no_delivery_recipients` without one). UBL: the document is kept and posted ' +
          'by a job (retried; a failure is reported and can be sent again), or attached to the e-mail when the ' +
          'customer takes UBL by e-mail. EDI: an 810 with the next control numbers, written to the seller’s ' +
          'outbound folder. Postal: queued for the next print batch.',
        body: Type.Object(
          {
            documentType: Type.Union([Type.Literal('invoice'), Type.Literal('credit_memo')]),
            documentId: Uuid,
            channel: Type.Optional(
              Type.Union([
                Type.Literal('email'),
                Type.Literal('postal'),
                Type.Literal('ubl'),
                Type.Literal('edi'),
              ]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: EmailedSchema, 201: DeliverySchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const delivery = await deliverDocument(
        {
          db,
          writers: eInvoiceWriters,
          ediOutboundRoot,
          mail: { mailer, publicUrl: config.publicUrl, invoicePdf, creditMemoPdf },
        },
        {
          orgId: staffOf(request).orgId,
          type: request.body.documentType,
          documentId: request.body.documentId,
          ...(request.body.channel ? { channel: request.body.channel } : {}),
          actor: actorOf(request),
        },
      );
      if (!delivery) throw new AppError('not_found');
      if ('recipients' in delivery) return reply.code(200).send(delivery);
      return reply.code(201).send(deliveryJson(delivery));
    },
  );

  app.get(
    '/console/deliveries',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Deliveries (UBL, EDI, postal), newest first; the latest 200',
        querystring: Type.Object(
          {
            customerId: Type.Optional(Uuid),
            status: Type.Optional(
              Type.Union([
                Type.Literal('pending'),
                Type.Literal('delivered'),
                Type.Literal('failed'),
                Type.Literal('printed'),
              ]),
            ),
            channel: Type.Optional(
              Type.Union([Type.Literal('postal'), Type.Literal('ubl'), Type.Literal('edi')]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DeliverySchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const items = await listDeliveries(db, { orgId: staffOf(request).orgId, ...request.query, limit: 200 });
      return { items: items.map(deliveryJson) };
    },
  );

  app.post(
    '/console/deliveries/:id/resend',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Send a failed e-invoice again (the same document, a fresh set of attempts)',
        params: IdParams,
        response: { 200: DeliverySchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      await inTransaction(db, (trx) =>
        resendEInvoice({ db: trx }, { orgId, deliveryId: request.params.id, actor: actorOf(request) }),
      );
      const delivery = await findDelivery(db, { orgId, id: request.params.id });
      if (!delivery) throw new AppError('not_found');
      return deliveryJson(delivery);
    },
  );

  app.get(
    '/console/deliveries/:id/file',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'The file a delivery sent (UBL XML or X12 810)',
        params: IdParams,
        response: { 200: BinaryBody, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await findDeliveryFile(db, { orgId: staffOf(request).orgId, id: request.params.id });
      if (!file) throw new AppError('not_found');
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.content);
    },
  );

  app.get(
    '/console/print-queue',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'What is due to print: postal deliveries not printed yet, by customer',
        response: { 200: DueSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const due = await listDueToPrint(db, staffOf(request).orgId);
      const customers: {
        id: string;
        name: string;
        address: object;
        deliveries: ReturnType<typeof deliveryJson>[];
      }[] = [];
      for (const d of due) {
        let last = customers.at(-1);
        if (!last || last.id !== d.customerId) {
          last = { id: d.customerId, name: d.customerName, address: d.address, deliveries: [] };
          customers.push(last);
        }
        last.deliveries.push(deliveryJson(d));
      }
      return { customers, documentCount: due.length };
    },
  );

  app.post(
    '/console/print-batches',
    {
      preHandler: change,
      schema: {
        tags: ['console'],
        summary: 'Print a batch: one merged PDF of everything due (or the deliveries named), marked printed',
        body: Type.Object(
          { deliveryIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })) },
          { additionalProperties: false },
        ),
        response: { 201: BatchSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const batch = await createPrintBatch(
        { db, writers: printBatchWriters },
        {
          orgId: staffOf(request).orgId,
          ...(request.body.deliveryIds ? { deliveryIds: request.body.deliveryIds } : {}),
          actor: actorOf(request),
        },
      );
      return reply.code(201).send(batch);
    },
  );

  app.get(
    '/console/print-batches',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Earlier print batches, newest first (the latest 50)',
        response: { 200: Type.Object({ items: Type.Array(BatchSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listPrintBatches(db, staffOf(request).orgId, 50) }),
  );

  app.get(
    '/console/print-batches/:id/pdf',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'A print batch’s merged PDF',
        params: IdParams,
        response: { 200: BinaryBody, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const batch = await findPrintBatchPdf(db, { orgId: staffOf(request).orgId, id: request.params.id });
      if (!batch) throw new AppError('not_found');
      return reply
        .header('content-disposition', `attachment; filename="print-batch-${batch.number}.pdf"`)
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(batch.pdf);
    },
  );

  const SettingsSchema = Type.Object(
    {
      sellerAddress: Address,
      peppol: Nullable(Peppol),
      deliverNew: Type.Boolean({
        description: 'Each new invoice and credit memo goes to its customer its way, on its own',
      }),
      deliverNewSince: Nullable(DateTime),
    },
    { additionalProperties: false },
  );
  const SettingsBody = Type.Object(
    {
      sellerAddress: Address,
      peppol: Nullable(Peppol),
      deliverNew: Type.Optional(Type.Boolean()),
      deliverNewSince: Type.Optional(Nullable(DateTime)),
    },
    { additionalProperties: false },
  );
  app.get(
    '/console/settings/delivery',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary:
          'The seller’s delivery settings: its postal address and Peppol participant id, and whether new documents are delivered on their own',
        response: { 200: SettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => loadDeliverySettings(db, staffOf(request).orgId),
  );
  app.put(
    '/console/settings/delivery',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Save the seller’s delivery settings',
        description:
          '`deliverNew` on: from now on, each invoice and credit memo posted is delivered to its customer its way ' +
          '(documents from before are never sent); left out: unchanged. `deliverNewSince` is ignored.',
        body: SettingsBody,
        response: { 200: SettingsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { orgId } = staffOf(request);
      const { deliverNewSince: _ignored, ...settings } = request.body;
      await saveDeliverySettings(db, orgId, settings);
      return loadDeliverySettings(db, orgId);
    },
  );
};
