/**
 * The API's shapes as the web uses them: every type here is an alias of the wire types generated
 * from the server's OpenAPI document (schema.gen.ts, `npm run gen:api-types`), so a schema that
 * changes on the server changes here, and `tsc` shows every screen it breaks. Amounts are JSON
 * integers of minor units (the server's MinorAmountOut), so `number` here.
 */
import type { components, operations } from './schema.gen.ts';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of an operation's 200 (or 201) reply. */
export type ResponseOf<Op extends keyof operations> = operations[Op]['responses'] extends infer R
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;
/** The JSON body an operation takes. */
export type BodyOf<Op extends keyof operations> = operations[Op] extends { requestBody?: infer B }
  ? Json<NonNullable<B>>
  : never;
/** The query string an operation takes. */
export type QueryOf<Op extends keyof operations> = operations[Op]['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : never;
type Item<List> = List extends { items: (infer T)[] } ? T : never;

export type Problem = components['schemas']['Problem'];
export type MeWire = components['schemas']['Me'];

// Invoices
export type InvoiceSummary = Item<ResponseOf<'getConsoleInvoices'>>;
export type InvoiceDetail = ResponseOf<'getConsoleInvoicesById'>;
export type InvoiceStatus = InvoiceSummary['status'];
export type InvoicePaymentStatus = InvoiceSummary['paymentStatus'];
export type CustomerRef = InvoiceSummary['customer'];
export type InvoiceLine = InvoiceDetail['lines'][number];
export type InvoiceTax = InvoiceLine['taxes'][number];
export type InvoiceCharge = InvoiceDetail['charges'][number];
export type InvoicePaymentEntry = InvoiceDetail['payments'][number];
export type InvoiceCreditEntry = InvoiceDetail['credits'][number];

// Payments and credit memos
export type PaymentSummary = Item<ResponseOf<'getConsolePayments'>>;
export type PaymentDetail = ResponseOf<'getConsolePaymentsById'>;
export type PaymentMethod = PaymentSummary['method'];
export type Application = PaymentDetail['applications'][number];
export type RecordPaymentBody = BodyOf<'postConsolePayments'>;
export type Allocation = Exclude<NonNullable<RecordPaymentBody['allocations']>, string>[number];
export type CreditSummary = Item<ResponseOf<'getConsoleCreditMemos'>>;
export type CreditDetail = ResponseOf<'getConsoleCreditMemosById'>;
export type NewCreditBody = BodyOf<'postConsoleCreditMemos'>;
/** POST /api/v1/console/payments/allocation-preview: the server's oldest-first rule run dry. */
export type AllocationPreview = ResponseOf<'postConsolePaymentsAllocationPreview'>;
export type AllocationPreviewBody = BodyOf<'postConsolePaymentsAllocationPreview'>;

// Customers
export type CustomerSummary = Item<ResponseOf<'getConsoleCustomers'>>;
export type CustomerDetail = ResponseOf<'getConsoleCustomersById'>;
export type Balance = CustomerSummary['balances'][number];
export type Contact = CustomerDetail['contacts'][number];
export type ContactMessage = Contact['receives'][number];
export type Address = NonNullable<CustomerDetail['billingAddress']>;
export type CustomerAging = CustomerDetail['aging'][number];
export type ActivityItem = Item<ResponseOf<'getConsoleCustomersByIdActivity'>>;
export type ActivityPage = ResponseOf<'getConsoleCustomersByIdActivity'>;
export type PlaceHoldBody = BodyOf<'postConsoleCustomersByIdHold'>;

// Reports and the portal
export type AgingReport = ResponseOf<'getConsoleReportsAging'>;
export type PortalSummary = ResponseOf<'getPortalSummary'>;

// Team, outbox, help, settings, links
export type ConsoleTeam = ResponseOf<'getConsoleTeam'>;
export type PortalAccount = ResponseOf<'getPortalAccount'>;
export type StaffInvitationCreated = ResponseOf<'postConsoleInvitations'>;
export type OutboxItem = Item<ResponseOf<'getConsoleOutbox'>>;
export type OutboxMessage = ResponseOf<'getConsoleOutboxById'>;
export type HelpIndex = ResponseOf<'getHelp'>;
export type HelpArticle = ResponseOf<'getHelpByLangBySlug'>;
export type SavedDocumentSettings = ResponseOf<'getConsoleSettingsDocuments'>;
export type DocumentSettings = BodyOf<'putConsoleSettingsDocuments'>;
export type Invitation = ResponseOf<'getInvitationsByToken'>;

// Online payments, staff's side: a payment's processor status with its refunds, and a refund
export type ConsolePaymentStatus = ResponseOf<'getConsolePaymentsByIdStatus'>;
export type PaymentLifecycleStatus = ConsolePaymentStatus['status'];
export type PaymentTimelineStep = ConsolePaymentStatus['timeline'][number];
export type PaymentRefund = ConsolePaymentStatus['refunds'][number];
export type RefundBody = BodyOf<'postConsolePaymentsByIdRefunds'>;
export type RefundAnswer = ResponseOf<'postConsolePaymentsByIdRefunds'>;
