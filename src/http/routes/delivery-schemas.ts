import { Type } from 'typebox';
import type { DocumentDelivery } from '../../domain/delivery/delivery.repository.ts';
import { DateTime, Uuid } from '../schemas.ts';

/** The shapes the console's and the portal's delivery routes share. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Channel = Type.Union([
  Type.Literal('email'),
  Type.Literal('postal'),
  Type.Literal('ubl'),
  Type.Literal('edi'),
]);

const Text = (max: number) => Type.String({ maxLength: max });

/** Where a UBL customer's e-invoice goes: its AP endpoint, or attached to the invoice e-mail. */
export const UblVia = Type.Union([Type.Literal('endpoint'), Type.Literal('email')]);

export const Peppol = Type.Object(
  { scheme: Type.String({ pattern: '^[0-9]{4}$' }), id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const EdiPartner = Type.Object(
  {
    isaSenderQualifier: Text(2),
    isaSenderId: Text(15),
    isaReceiverQualifier: Text(2),
    isaReceiverId: Text(15),
    gsSenderId: Text(15),
    gsReceiverId: Text(15),
    usage: Type.Union([Type.Literal('T'), Type.Literal('P')]),
  },
  { additionalProperties: false },
);

export const PreferenceBody = Type.Object(
  {
    channel: Channel,
    emailAttachPdf: Type.Boolean(),
    apEndpointUrl: Type.Optional(Nullable(Text(2000))),
    apAuthToken: Type.Optional(Nullable(Text(500))),
    peppol: Type.Optional(Nullable(Peppol)),
    ublVia: Type.Optional(UblVia),
    edi: Type.Optional(Nullable(EdiPartner)),
  },
  { additionalProperties: false },
);

export const PreferenceSchema = Type.Object({
  channel: Channel,
  emailAttachPdf: Type.Boolean(),
  apEndpointUrl: Nullable(Type.String()),
  apAuth: Nullable(Type.Object({ last4: Type.String() })),
  peppol: Nullable(Peppol),
  ublVia: UblVia,
  edi: Nullable(EdiPartner),
  updatedAt: Nullable(DateTime),
});

export const DeliverySchema = Type.Object({
  id: Uuid,
  customer: Type.Object({ id: Uuid, name: Type.String() }),
  document: Type.Object({
    type: Type.Union([Type.Literal('invoice'), Type.Literal('credit_memo')]),
    id: Uuid,
    number: Type.String(),
  }),
  channel: Type.Union([Type.Literal('postal'), Type.Literal('ubl'), Type.Literal('edi')]),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('delivered'),
    Type.Literal('failed'),
    Type.Literal('printed'),
  ]),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  fileName: Nullable(Type.String()),
  controlNumber: Nullable(Type.Integer()),
  printBatchId: Nullable(Uuid),
  printedAt: Nullable(DateTime),
  createdAt: DateTime,
});

/** A document handed to the outbox: who it went to and what it carried. */
export const EmailedSchema = Type.Object({
  channel: Type.Literal('email'),
  documentType: Type.Union([Type.Literal('invoice'), Type.Literal('credit_memo')]),
  documentId: Uuid,
  documentNumber: Type.String(),
  recipients: Type.Array(Type.String()),
  pdfAttached: Type.Boolean(),
  ublAttached: Type.Boolean(),
});

export const deliveryJson = (d: DocumentDelivery) => ({
  id: d.id,
  customer: { id: d.customerId, name: d.customerName },
  document: { type: d.documentType, id: d.documentId, number: d.documentNumber },
  channel: d.channel,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  lastAttemptAt: d.lastAttemptAt,
  deliveredAt: d.deliveredAt,
  fileName: d.fileName,
  controlNumber: d.controlNumber,
  printBatchId: d.printBatchId,
  printedAt: d.printedAt,
  createdAt: d.createdAt,
});
