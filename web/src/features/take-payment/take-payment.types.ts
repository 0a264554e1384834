/*
 * Taking a payment on a customer's behalf, as the console's page uses the API: aliases of the wire
 * types generated from the server's OpenAPI document (app/api/schema.gen.ts).
 */
import type { BodyOf, ResponseOf } from '../../app/api/wire.ts';

export type StaffPaymentOptions = ResponseOf<'getConsoleCustomersByIdPaymentOptions'>;
export type StaffOpenInvoice = StaffPaymentOptions['invoices'][number];
export type StaffBlockedReason = NonNullable<StaffPaymentOptions['blockedReason']>;
export type StaffQuoteBody = BodyOf<'postConsoleCustomersByIdPaymentsQuote'>;
export type StaffQuote = ResponseOf<'postConsoleCustomersByIdPaymentsQuote'>;
export type TakePaymentBody = BodyOf<'postConsoleCustomersByIdOnlinePayments'>;
export type TakePaymentAnswer = ResponseOf<'postConsoleCustomersByIdOnlinePayments'>;
