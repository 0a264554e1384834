/*
 * The portal's online-payment API as the pay flow uses it: aliases of the wire types generated
 * from the server's OpenAPI document (app/api/schema.gen.ts, `npm run gen:api-types`), so a schema
 * that changes on the server changes here and `tsc` shows every screen it breaks. Imported with
 * its extension so the pure flow logic (pay-logic.ts) and its Node tests read it too.
 */
import type { BodyOf, ResponseOf } from '../../app/api/wire.ts';

export type PaymentOptions = ResponseOf<'getPortalPaymentOptions'>;
export type SavedMethod = PaymentOptions['savedMethods'][number];
export type PaymentKind = PaymentOptions['methods'][number];
export type BlockedReason = NonNullable<PaymentOptions['blockedReason']>;

export type QuoteBody = BodyOf<'postPortalPaymentsQuote'>;
export type AllocationBody = QuoteBody['allocations'][number];
export type Quote = ResponseOf<'postPortalPaymentsQuote'>;

/** What POST /portal/payments takes: a saved method or a new token, never both. */
export type NewPaymentBody = QuoteBody & { achAuthorizationAccepted?: boolean } & (
    | { paymentMethodId: string }
    | { methodToken: string; saveMethod: boolean }
  );

export type PaymentAnswer = ResponseOf<'postPortalPayments'>;
export type OnlinePaymentStatus = PaymentAnswer['status'];
export type PaymentFailure = NonNullable<PaymentAnswer['failure']>;

export type PortalPaymentDetail = ResponseOf<'getPortalPaymentsById'>;
export type TimelineStatus = PortalPaymentDetail['timeline'][number]['status'];
