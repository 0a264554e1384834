import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types, kept by hand beside the migrations in db/migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Locale = 'es' | 'en';
export type StaffRole = 'owner' | 'admin' | 'ar_agent' | 'viewer';
export type CustomerRole = 'account_admin' | 'payer' | 'accountant';

export interface Branding {
  accentColor?: string;
  logoUrl?: string;
  footer?: string;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  legal_name: string | null;
  tax_id: string | null;
  country: string;
  time_zone: string;
  default_currency: string;
  locale: Locale;
  branding: Json<Branding>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: Generated<string>;
  password_hash: string | null;
  locale: Generated<Locale>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffMembershipsTable {
  org_id: string;
  user_id: string;
  role: StaffRole;
  created_at: Generated<Date>;
}

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface CustomerAccountsTable {
  org_id: string;
  id: string;
  account_number: string;
  name: string;
  tax_id: string | null;
  currency: string;
  locale: Locale;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  billing_address: Generated<Json<Address>>;
  shipping_address: Generated<Json<Address>>;
  payment_terms_days: Generated<number>;
  credit_limit: bigint | null;
  hold_status: Generated<'active' | 'on_hold'>;
  hold_reason: string | null;
  /** What the customer sees about the hold (0004); the reason stays internal. */
  hold_message: string | null;
  hold_by: string | null;
  hold_at: Timestamp | null;
  collector_user_id: string | null;
  tags: Generated<string[]>;
  erp_id: string | null;
  /** The seller lets this account pay online (0006). */
  online_payments: Generated<boolean>;
  /** The automatic hold rule that placed the current hold (0024); null for a hold staff placed. */
  hold_rule: Generated<HoldRule | null>;
}

export type ContactMessage = 'invoices' | 'statements' | 'reminders' | 'receipts';

export interface CustomerContactsTable {
  org_id: string;
  id: string;
  account_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  locale: Generated<Locale>;
  receives: Generated<ContactMessage[]>;
  created_at: Generated<Date>;
}

export type InvoiceStatus = 'draft' | 'open' | 'void';
export type PaymentStatus = 'unpaid' | 'partially_paid' | 'payment_pending' | 'paid';

export interface InvoicesTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  erp_id: string | null;
  issue_date: string;
  due_date: string;
  currency: string;
  po_number: string | null;
  /** The ERP's order this invoice bills (0012): a waiting prepayment for it is applied at creation. */
  order_reference: string | null;
  status: InvoiceStatus;
  subtotal: bigint;
  discount_total: Generated<bigint>;
  tax_total: Generated<bigint>;
  fee_total: Generated<bigint>;
  total: bigint;
  open_amount: bigint;
  pending_amount: Generated<bigint>;
  payment_status: ColumnType<PaymentStatus, never, never>;
  /** When the open amount last reached zero (0024, a trigger); null while something is open. */
  paid_at: ColumnType<Date | null, never, never>;
  /** When Saldo first delivered it to the customer (or tried to) (0025). */
  delivered_at: Timestamp | null;
  notes: string | null;
  posted_at: Timestamp | null;
  voided_at: Timestamp | null;
  void_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InvoiceLinesTable {
  org_id: string;
  invoice_id: string;
  line_no: number;
  sku: string | null;
  description: string;
  /** numeric(18,4), as an exact decimal string */
  quantity: string;
  unit: string | null;
  /** numeric(24,6) in major units, as an exact decimal string */
  unit_price: string;
  discount_amount: bigint;
  net_amount: bigint;
  tax_amount: bigint;
  total_amount: bigint;
}

export interface InvoiceLineTaxesTable {
  org_id: string;
  invoice_id: string;
  line_no: number;
  seq: number;
  name: string;
  rate: string | null;
  amount: bigint;
}

export interface InvoiceChargesTable {
  org_id: string;
  invoice_id: string;
  seq: number;
  kind: 'fee' | 'tax' | 'discount';
  name: string;
  rate: string | null;
  amount: bigint;
}

export interface CreditMemosTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  erp_id: string | null;
  invoice_id: string | null;
  issue_date: string;
  currency: string;
  amount: bigint;
  unapplied_amount: bigint;
  reason: string | null;
  status: Generated<'open' | 'void'>;
  voided_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  /** When Saldo first delivered it (or tried to) (0025). */
  delivered_at: Timestamp | null;
}

export type PaymentMethod = 'check' | 'cash' | 'bank_transfer' | 'card_terminal' | 'other' | 'card' | 'ach';

export interface PaymentsTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  currency: string;
  amount: bigint;
  unapplied_amount: bigint;
  received_on: string;
  method: PaymentMethod;
  reference: string | null;
  status: Generated<PaymentLifecycleStatus>;
  reversed_at: Timestamp | null;
  reverse_reason: string | null;
  idempotency_key: string | null;
  /** SHA-256 of the whole request recorded under idempotency_key (migration 0003). */
  idempotency_fingerprint: Generated<string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  /** Online payments (0006). */
  source: Generated<PaymentSource>;
  processor: ProcessorName | null;
  processor_payment_id: string | null;
  payment_method_id: string | null;
  fee_amount: Generated<bigint>;
  refunded_amount: Generated<bigint>;
  failure_code: string | null;
  failure_message: string | null;
  return_code: string | null;
  completed_at: Timestamp | null;
  expected_settlement: string | null;
  client_ip: string | null;
  client_user_agent: string | null;
  updated_at: Generated<Date>;
  /** When the receipt e-mail was queued (0008): set once, by the receipt job's claim. */
  receipt_sent_at: Timestamp | null;
  /** What it was paid with, for a method not saved (0009): display details only. */
  method_brand: string | null;
  method_last4: string | null;
  method_bank_name: string | null;
  /** A prepayment's order (0012) and the pay link it was paid through. */
  order_reference: string | null;
  pay_link_id: string | null;
  /** A payment recorded in the ERP (0014): the ERP's id, unique per org; source 'erp'. */
  erp_id: string | null;
}

export type PaymentLifecycleStatus =
  | 'initiated'
  | 'processing'
  | 'requires_action'
  | 'pending'
  | 'completed'
  | 'failed'
  | 'returned'
  | 'refunded'
  | 'disputed'
  | 'reversed';
export type PaymentSource = 'manual' | 'portal' | 'staff' | 'autopay' | 'pay_link' | 'credit_check' | 'erp';
export type ProcessorName = 'sandbox' | 'stripe';
export type MethodKind = 'card' | 'ach';

export interface PaymentAllocationsIntendedTable {
  org_id: string;
  payment_id: string;
  invoice_id: string;
  amount: bigint;
}

export interface PaymentTimelineTable {
  org_id: string;
  id: string;
  payment_id: string;
  from_status: PaymentLifecycleStatus | null;
  to_status: PaymentLifecycleStatus;
  journal_entry_id: string | null;
  processor_event_id: string | null;
  detail: ColumnType<Record<string, string | number | null>, string | undefined, string>;
  actor_user_id: string | null;
  created_at: Generated<Date>;
}

export interface ProcessorEventsTable {
  org_id: string;
  processor: ProcessorName;
  event_id: string;
  type: string;
  occurred_at: Timestamp;
  payment_id: string | null;
  outcome: 'applied' | 'ignored' | 'stale' | 'unknown_payment';
  received_at: Generated<Date>;
}

export interface PaymentRefundsTable {
  org_id: string;
  id: string;
  payment_id: string;
  amount: bigint;
  status: 'initiated' | 'pending' | 'succeeded' | 'failed';
  reason: string | null;
  processor_refund_id: string | null;
  idempotency_key: string;
  journal_entry_id: string | null;
  failure_code: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PaymentMethodsTable {
  org_id: string;
  id: string;
  customer_id: string;
  processor: ProcessorName;
  token: string;
  kind: MethodKind;
  brand: string | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  bank_name: string | null;
  account_type: 'checking' | 'savings' | null;
  created_by: string | null;
  created_at: Generated<Date>;
  removed_at: Timestamp | null;
}

export interface ProcessorCustomersTable {
  org_id: string;
  customer_id: string;
  processor: ProcessorName;
  processor_customer_id: string;
  created_at: Generated<Date>;
}

export interface PaymentSettingsTable {
  org_id: string;
  processor: Generated<ProcessorName>;
  online_invoices: Generated<boolean>;
  online_orders: Generated<boolean>;
  methods: Generated<MethodKind[]>;
  erp_account_card: string | null;
  erp_account_ach: string | null;
  partial_allowed: Generated<boolean>;
  partial_minimum: bigint | null;
  card_fee_bps: Generated<number>;
  card_fee_cap: bigint | null;
  autopay_text_es: string | null;
  autopay_text_en: string | null;
  /** An order over the credit limit pays the part over it, or the whole order (0012). */
  order_payment: Generated<'excess' | 'whole'>;
  /** How many days a pay-now e-mail's link stays payable (0018). */
  pay_link_days: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ProcessorCredentialsTable {
  org_id: string;
  processor: 'stripe';
  publishable_key: string;
  /** AES-256-GCM under SALDO_SECRET_KEY (domain/shared/sealed-secrets.ts), never the plain key. */
  secret_key_sealed: string;
  secret_key_last4: string;
  webhook_secret_sealed: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Autopay (0010): a seller's notice lead time; no row means the default (3 days). */
export interface AutopaySettingsTable {
  org_id: string;
  notice_days: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export type AutopayStatus = 'active' | 'paused' | 'cancelled';
export type AutopayTiming = 'due_date' | 'days_before';
export type AutopayScope = 'all_due' | 'overdue_only';

/** One customer account's autopay (0010); at most one not cancelled per account. */
export interface AutopayEnrollmentsTable {
  org_id: string;
  id: string;
  customer_id: string;
  status: Generated<AutopayStatus>;
  payment_method_id: string;
  timing: AutopayTiming;
  days_before: number | null;
  scope: AutopayScope;
  max_per_charge: bigint | null;
  currency: string;
  authorization_id: string;
  paused_at: Timestamp | null;
  pause_reason: 'customer' | 'staff' | 'method_unusable' | null;
  cancelled_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Each consent to autopay, as shown and accepted (0010); append-only. */
export interface AutopayAuthorizationsTable {
  org_id: string;
  id: string;
  enrollment_id: string;
  text: string;
  locale: Locale;
  accepted_at: Generated<Date>;
  accepted_by_kind: 'customer' | 'staff';
  accepted_by_user_id: string | null;
  accepted_by_name: string;
  accepted_by_email: string;
  ip: string | null;
  user_agent: string | null;
  terms: Json<Record<string, unknown>>;
}

export type AutopayAttemptStatus = 'processing' | 'succeeded' | 'pending' | 'failed' | 'skipped';

/** One autopay charge attempt (0010), unique per enrollment, charge day and attempt number. */
export interface AutopayAttemptsTable {
  org_id: string;
  id: string;
  enrollment_id: string;
  authorization_id: string;
  customer_id: string;
  charge_on: string;
  attempt: number;
  run_on: string;
  status: AutopayAttemptStatus;
  payment_id: string | null;
  amount: Generated<bigint>;
  currency: string;
  failure_code: string | null;
  failure_retryable: boolean | null;
  next_retry_on: string | null;
  stopped: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AutopayAttemptItemsTable {
  org_id: string;
  attempt_id: string;
  invoice_id: string;
  authorization_id: string;
  amount: bigint;
}

export interface AutopayNoticesTable {
  org_id: string;
  enrollment_id: string;
  authorization_id: string;
  charge_on: string;
  amount: bigint;
  invoice_count: number;
  sent_at: Generated<Date>;
}

/** Deposits (0011): one per processor payout, card and ACH apart; see the migration. */
export interface DepositsTable {
  org_id: string;
  id: string;
  processor: ProcessorName;
  payout_id: string;
  method_kind: MethodKind;
  currency: string;
  arrival_date: string;
  covers_from: string;
  covers_to: string;
  charges: bigint;
  refunds: bigint;
  returns: bigint;
  adjustments: bigint;
  gross: bigint;
  fees: bigint;
  net: bigint;
  status: 'reconciled' | 'unmatched';
  processor_status: 'pending' | 'in_transit' | 'paid' | 'failed';
  journal_entry_id: string | null;
  report_sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface DepositLinesTable {
  org_id: string;
  deposit_id: string;
  line_no: number;
  type: 'charge' | 'refund' | 'return' | 'dispute' | 'fee' | 'adjustment';
  processor_payment_id: string | null;
  amount: bigint;
  fee: bigint;
  payment_id: string | null;
  refund_id: string | null;
}

export interface DepositReportRecipientsTable {
  org_id: string;
  email: string;
  position: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Files an outbox message carries (0011), in order. */
export interface MailAttachmentsTable {
  message_id: string;
  position: number;
  filename: string;
  content_type: string;
  content: Buffer;
}

export type LedgerAccount =
  | 'accounts_receivable'
  | 'sales'
  | 'sales_returns'
  | 'customer_credits'
  | 'unapplied_cash'
  | 'cash_clearing'
  | 'processor_clearing'
  | 'convenience_fees'
  | 'processor_fees'
  | 'bank';

export interface JournalEntriesTable {
  org_id: string;
  id: string;
  currency: string;
  kind: string;
  memo: string | null;
  reverses_entry_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface JournalLinesTable {
  org_id: string;
  entry_id: string;
  line_no: number;
  account: LedgerAccount;
  customer_id: string;
  invoice_id: string | null;
  credit_memo_id: string | null;
  payment_id: string | null;
  amount: bigint;
}

export interface PaymentApplicationsTable {
  org_id: string;
  id: string;
  payment_id: string;
  invoice_id: string;
  amount: bigint;
  journal_entry_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  unapplied_at: Timestamp | null;
  unapplied_by: string | null;
  unapply_reason: string | null;
  reversal_entry_id: string | null;
}

export interface CreditApplicationsTable {
  org_id: string;
  id: string;
  credit_memo_id: string;
  invoice_id: string;
  amount: bigint;
  journal_entry_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  unapplied_at: Timestamp | null;
  unapplied_by: string | null;
  reversal_entry_id: string | null;
}

export interface DocumentSequencesTable {
  org_id: string;
  kind: string;
  next_value: bigint;
}

export interface DocumentTemplatesTable {
  org_id: string;
  logo: Buffer | null;
  logo_type: 'image/png' | 'image/jpeg' | null;
  accent_color: Generated<string>;
  footer_text: Generated<string>;
  show_sku: Generated<boolean>;
  show_unit: Generated<boolean>;
  show_discount: Generated<boolean>;
  show_tax_detail: Generated<boolean>;
  show_po_number: Generated<boolean>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CustomerMembershipsTable {
  org_id: string;
  account_id: string;
  user_id: string;
  role: CustomerRole;
  created_at: Generated<Date>;
}

export interface InvitationsTable {
  org_id: string;
  id: string;
  email: string;
  kind: 'staff' | 'customer';
  role: StaffRole | CustomerRole;
  account_id: string | null;
  token_hash: Buffer;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: Buffer;
  user_id: string;
  org_id: string | null;
  account_id: string | null;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: Buffer;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface ApiKeysTable {
  org_id: string;
  id: string;
  name: string;
  prefix: string;
  key_hash: Buffer;
  scopes: string[];
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  org_id: string;
  id: string;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
  ip: string | null;
}

export interface SecurityEventsTable {
  id: string;
  user_id: string | null;
  email: string | null;
  type: string;
  at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface MailMessagesTable {
  id: string;
  org_id: string | null;
  template: string;
  locale: Locale;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  sensitive: Generated<boolean>;
  transport: string | null;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  smtp_message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  /** The seller's mail_templates version it was rendered from; null for Saldo's default. */
  template_version: number | null;
  /** The customer account it was sent to or about (migration 0017); null for logins and staff. */
  customer_id: string | null;
  /** The customer's next contacts, tried in order when delivery to to_address fails for good. */
  fallback_addresses: Generated<string[]>;
  /** The message this one is the fallback copy of. */
  fallback_of: string | null;
  /** A test send from the templates editor (migration 0021): not a use of the template. */
  is_test: Generated<boolean>;
  /** The pay link it carries (a pay-now e-mail, 0018). */
  pay_link_id: Generated<string | null>;
}

/** One version of a seller's mail template (Liquid sources); the highest version is in use. */
/** Idempotency keys of console creations other than payments (migration 0013). */
export interface RequestKeysTable {
  org_id: string;
  scope: 'credit_memo' | 'invoice' | 'import';
  key: string;
  fingerprint: string;
  resource_id: string;
  created_at: Generated<Date>;
}

export interface MailTemplatesTable {
  org_id: string;
  key: string;
  locale: Locale;
  version: number;
  subject: string;
  preheader: Generated<string>;
  text_body: string;
  html_body: string;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
}

export interface DB {
  organizations: OrganizationsTable;
  users: UsersTable;
  staff_memberships: StaffMembershipsTable;
  customer_accounts: CustomerAccountsTable;
  customer_memberships: CustomerMembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  api_keys: ApiKeysTable;
  import_profiles: ImportProfilesTable;
  import_runs: ImportRunsTable;
  import_file_chunks: ImportFileChunksTable;
  import_errors: ImportErrorsTable;
  import_reviews: ImportReviewsTable;
  erp_sync_settings: ErpSyncSettingsTable;
  erp_confirmation_exports: ErpConfirmationExportsTable;
  erp_confirmation_items: ErpConfirmationItemsTable;
  webhook_endpoints: WebhookEndpointsTable;
  integration_events: IntegrationEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  delivery_preferences: DeliveryPreferencesTable;
  delivery_settings: DeliverySettingsTable;
  print_batches: PrintBatchesTable;
  document_deliveries: DocumentDeliveriesTable;
  invoice_inquiries: InvoiceInquiriesTable;
  invoice_inquiry_messages: InvoiceInquiryMessagesTable;
  payment_promises: PaymentPromisesTable;
  audit_log: AuditLogTable;
  security_events: SecurityEventsTable;
  rate_limits: RateLimitsTable;
  mail_messages: MailMessagesTable;
  mail_templates: MailTemplatesTable;
  request_keys: RequestKeysTable;
  customer_contacts: CustomerContactsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  invoice_line_taxes: InvoiceLineTaxesTable;
  invoice_charges: InvoiceChargesTable;
  credit_memos: CreditMemosTable;
  payments: PaymentsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  payment_applications: PaymentApplicationsTable;
  credit_applications: CreditApplicationsTable;
  document_sequences: DocumentSequencesTable;
  document_templates: DocumentTemplatesTable;
  payment_allocations_intended: PaymentAllocationsIntendedTable;
  payment_timeline: PaymentTimelineTable;
  processor_events: ProcessorEventsTable;
  payment_refunds: PaymentRefundsTable;
  payment_methods: PaymentMethodsTable;
  processor_customers: ProcessorCustomersTable;
  payment_settings: PaymentSettingsTable;
  processor_credentials: ProcessorCredentialsTable;
  deposits: DepositsTable;
  deposit_lines: DepositLinesTable;
  deposit_report_recipients: DepositReportRecipientsTable;
  mail_attachments: MailAttachmentsTable;
  pay_links: PayLinksTable;
  pay_link_invoices: PayLinkInvoicesTable;
  credit_checks: CreditChecksTable;
  autopay_settings: AutopaySettingsTable;
  autopay_enrollments: AutopayEnrollmentsTable;
  autopay_authorizations: AutopayAuthorizationsTable;
  autopay_attempts: AutopayAttemptsTable;
  autopay_attempt_items: AutopayAttemptItemsTable;
  autopay_notices: AutopayNoticesTable;
  collection_schedules: CollectionSchedulesTable;
  collection_subscriptions: CollectionSubscriptionsTable;
  collection_runs: CollectionRunsTable;
  statement_settings: StatementSettingsTable;
  statements: StatementsTable;
  dunning_settings: DunningSettingsTable;
  dunning_steps: DunningStepsTable;
  dunning_customer_policies: DunningCustomerPoliciesTable;
  dunning_runs: DunningRunsTable;
  reminder_sends: ReminderSendsTable;
}

/** Pay links (0012): only the token's SHA-256 is kept; the state is read from the payment. */
export interface PayLinksTable {
  org_id: string;
  id: string;
  token_hash: Buffer;
  customer_id: string;
  purpose: 'order' | 'invoices';
  order_reference: string | null;
  amount: bigint;
  currency: string;
  expires_at: Timestamp;
  payment_id: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: 'superseded' | 'staff' | null;
  created_by: string | null;
  created_at: Generated<Date>;
  /** Made for a pay-now e-mail (0018): a fresh random token, the console's idempotency key. */
  sent_by_mail: Generated<boolean>;
  idempotency_key: string | null;
  idempotency_fingerprint: string | null;
}

export interface PayLinkInvoicesTable {
  org_id: string;
  pay_link_id: string;
  invoice_id: string;
  amount: bigint;
}

/** One answer to the ERP's "does this order fit the credit?" (0012). */
export interface CreditChecksTable {
  org_id: string;
  id: string;
  customer_id: string;
  order_reference: string;
  order_amount: bigint;
  currency: string;
  credit_limit: bigint | null;
  balance: bigint;
  pending_orders: bigint;
  prepaid: bigint;
  available_credit: bigint | null;
  decision: 'approved' | 'payment_required';
  amount_to_pay: bigint;
  pay_link_id: string | null;
  pay_link_unavailable: 'seller_off' | 'customer_off' | 'no_methods' | null;
  api_key_id: string | null;
  created_at: Generated<Date>;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type MailMessage = Selectable<MailMessagesTable>;
export type MailTemplateRow = Selectable<MailTemplatesTable>;

/** Imports from the ERP (migration 0014). */
export type ImportKindColumn =
  | 'customers'
  | 'contacts'
  | 'invoices'
  | 'credit_memos'
  | 'payments'
  | 'holds'
  | 'aging';
export type ImportRunStatus = 'queued' | 'running' | 'completed' | 'rejected' | 'failed' | 'interrupted';
export type ImportChannel = 'console' | 'cli' | 'drop_folder' | 'api';

export interface ImportProfilesTable {
  org_id: string;
  id: string;
  kind: ImportKindColumn;
  name: string;
  /** ImportSettings (domain/integration/import-types.ts). */
  settings: Json<unknown>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ImportRunsTable {
  org_id: string;
  id: string;
  kind: ImportKindColumn;
  channel: ImportChannel;
  profile_id: string | null;
  file_name: string;
  file_size: bigint;
  file_sha256: string;
  settings: Json<unknown>;
  status: Generated<ImportRunStatus>;
  rows_done: Generated<number>;
  bytes_done: Generated<bigint>;
  /** ImportSummary (domain/integration/import-types.ts) once finished. */
  summary: Json<unknown> | null;
  error_count: Generated<number>;
  /** Why a run failed as a whole (a file it could not read): an error code. */
  failure_code: string | null;
  /** An earlier completed run of the same kind with the same bytes. */
  duplicate_of: string | null;
  started_by: string | null;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ImportFileChunksTable {
  org_id: string;
  import_id: string;
  seq: number;
  data: Buffer;
}

export interface ImportErrorsTable {
  org_id: string;
  import_id: string;
  seq: number;
  line: number | null;
  column_name: string | null;
  code: string;
  params: Generated<Json<Record<string, string | number>>>;
}

export interface ImportReviewsTable {
  org_id: string;
  id: string;
  import_id: string;
  kind: 'invoice' | 'credit_memo' | 'payment' | 'aging';
  document_id: string | null;
  erp_id: string | null;
  reason: string;
  params: Generated<Json<Record<string, string | number>>>;
  status: Generated<'open' | 'resolved' | 'dismissed'>;
  created_at: Generated<Date>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

/** Outbound webhooks to the ERP (migration 0015). */
export interface WebhookEndpointsTable {
  org_id: string;
  id: string;
  url: string;
  description: Generated<string>;
  /** Null: every event type. */
  event_types: string[] | null;
  enabled: Generated<boolean>;
  secret_sealed: string;
  secret_last4: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IntegrationEventsTable {
  org_id: string;
  id: string;
  type: string;
  /** The exact JSON body every delivery of the event sends. */
  body: string;
  created_at: Generated<Date>;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  org_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  delivered_at: Timestamp | null;
  claimed_until: Timestamp | null;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryAttemptsTable {
  org_id: string;
  delivery_id: string;
  attempt: number;
  manual: Generated<boolean>;
  started_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  request_headers: Json<Record<string, string>>;
  response_body: string | null;
  error: string | null;
}

/** Payment confirmations out to the ERP and the sync settings (migration 0016). */
export type ErpSyncFrequency = 'off' | 'hourly' | 'every_4_hours' | 'daily';
export type ErpMarking = 'automatic' | 'manual';
export type ErpExportFormat = 'csv' | 'json';
export type ErpExportChannel = 'schedule' | 'console' | 'cli' | 'api';
export type ErpConfirmationSubject = 'payment' | 'payment_application' | 'refund' | 'credit_application';
export type ErpConfirmationChange =
  | 'received'
  | 'applied'
  | 'unapplied'
  | 'refunded'
  | 'refund_failed'
  | 'returned'
  | 'reversed';

export interface ErpSyncSettingsTable {
  org_id: string;
  frequency: Generated<ErpSyncFrequency>;
  daily_at: Generated<string>;
  marking: Generated<ErpMarking>;
  csv_delimiter: Generated<',' | ';'>;
  csv_decimal: Generated<'.' | ','>;
  csv_dates: Generated<'iso' | 'dmy' | 'mdy'>;
  erp_account_check: string | null;
  erp_account_cash: string | null;
  erp_account_bank_transfer: string | null;
  erp_account_card_terminal: string | null;
  erp_account_other: string | null;
  recipients: Generated<string[]>;
  last_slot: Timestamp | null;
  last_error_code: string | null;
  last_error_at: Timestamp | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ErpConfirmationExportsTable {
  org_id: string;
  id: string;
  seq: number;
  format: ErpExportFormat;
  channel: ErpExportChannel;
  marking: ErpMarking;
  item_count: Generated<number>;
  created_by: string | null;
  api_key_id: string | null;
  file_name: Generated<string>;
  content_type: Generated<string>;
  content: Generated<Buffer>;
  mailed_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface ErpConfirmationItemsTable {
  org_id: string;
  subject: ErpConfirmationSubject;
  subject_id: string;
  change: ErpConfirmationChange;
  export_id: string;
  occurred_at: Timestamp;
}

export type InquiryKind = 'question' | 'dispute';
export type DisputeReason =
  | 'price'
  | 'quantity'
  | 'damaged_goods'
  | 'not_received'
  | 'already_paid'
  | 'other';
export type InquiryResolution = 'answered' | 'credit_issued' | 'adjusted' | 'rejected' | 'withdrawn';

/** A customer's question about an invoice or dispute of it (migration 0023). */
export interface InvoiceInquiriesTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string;
  kind: InquiryKind;
  /** Disputes only. */
  reason: DisputeReason | null;
  /** Disputes only; null: the whole open amount. Minor units of `currency`. */
  disputed_amount: bigint | null;
  currency: string;
  status: Generated<'open' | 'resolved'>;
  resolution: InquiryResolution | null;
  opened_by: 'customer' | 'staff';
  opened_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  resolved_at: Timestamp | null;
  resolved_by_user_id: string | null;
}

/** One message of an inquiry's thread, in order from 1. */
export interface InvoiceInquiryMessagesTable {
  org_id: string;
  inquiry_id: string;
  position: number;
  author: 'customer' | 'staff';
  author_user_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

/** A promise to pay an amount by a date, for one invoice or (invoice_id null) the account. */
export interface PaymentPromisesTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string | null;
  /** 'YYYY-MM-DD'. */
  promised_on: string;
  amount: bigint;
  currency: string;
  note: string | null;
  status: Generated<'open' | 'cancelled'>;
  recorded_by: 'customer' | 'staff';
  recorded_by_user_id: string | null;
  created_at: Generated<Date>;
  cancelled_at: Timestamp | null;
}

// 0019-delivery: delivery preferences, e-invoicing (UBL, X12 810), the print batch.
export type DeliveryChannel = 'email' | 'postal' | 'ubl' | 'edi';
export type DocumentDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'printed';

export interface DeliveryPreferencesTable {
  org_id: string;
  customer_id: string;
  channel: Generated<DeliveryChannel>;
  email_attach_pdf: Generated<boolean>;
  ap_endpoint_url: string | null;
  ap_auth_sealed: string | null;
  ap_auth_last4: string | null;
  peppol_scheme: string | null;
  peppol_id: string | null;
  edi_isa_sender_qualifier: string | null;
  edi_isa_sender_id: string | null;
  edi_isa_receiver_qualifier: string | null;
  edi_isa_receiver_id: string | null;
  edi_gs_sender_id: string | null;
  edi_gs_receiver_id: string | null;
  edi_usage: Generated<'T' | 'P'>;
  /** UBL: posted to the AP endpoint or attached to the e-mail (0025). */
  ubl_via: Generated<'endpoint' | 'email'>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface DeliverySettingsTable {
  org_id: string;
  seller_address: Generated<Json<Address>>;
  peppol_scheme: string | null;
  peppol_id: string | null;
  edi_interchange_control: Generated<bigint>;
  edi_group_control: Generated<bigint>;
  edi_transaction_control: Generated<bigint>;
  /** New invoices and credit memos delivered on their own, those posted since (0025). */
  deliver_new: Generated<boolean>;
  deliver_new_since: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface PrintBatchesTable {
  org_id: string;
  id: string;
  number: number;
  document_count: number;
  customer_count: number;
  page_count: number;
  pdf: Buffer;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface DocumentDeliveriesTable {
  org_id: string;
  id: string;
  customer_id: string;
  document_type: 'invoice' | 'credit_memo';
  document_id: string;
  document_number: string;
  channel: Exclude<DeliveryChannel, 'email'>;
  status: DocumentDeliveryStatus;
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  file_name: string | null;
  content_type: string | null;
  content: Buffer | null;
  control_number: bigint | null;
  print_batch_id: string | null;
  printed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** The weekly automatic collection (0020): one schedule per seller, in its time zone. */
export type CollectionDocuments = 'all_open' | 'overdue';
export interface CollectionSchedulesTable {
  org_id: string;
  enabled: Generated<boolean>;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: Generated<number>;
  /** Local hour 0–23. */
  hour: Generated<number>;
  template: Generated<'weekly_collection'>;
  documents: Generated<CollectionDocuments>;
  last_slot: Date | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CollectionSubscriptionsTable {
  org_id: string;
  customer_id: string;
  subscribed: Generated<boolean>;
  subscribed_at: Date | null;
  subscribed_by: string | null;
  unsubscribed_at: Date | null;
  unsubscribed_by: string | null;
}

export interface CollectionRunsTable {
  org_id: string;
  id: string;
  slot: Date | null;
  trigger: 'schedule' | 'manual';
  status: Generated<'queued' | 'running' | 'done'>;
  customers: Generated<number>;
  messages: Generated<number>;
  last_customer_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

/** Monthly statements of account (0020). */
export interface StatementSettingsTable {
  org_id: string;
  enabled: Generated<boolean>;
  day_of_month: Generated<number>;
  /** 'YYYY-MM': the latest month queued. */
  last_period: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface StatementsTable {
  org_id: string;
  id: string;
  customer_id: string;
  period_start: string;
  period_end: string;
  currency: string;
  opening_balance: bigint;
  closing_balance: bigint;
  channel: 'monthly' | 'on_demand';
  mail_message_ids: Generated<string[]>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Dunning steps and automatic holds (0024). */
export type HoldRule = 'overdue' | 'over_limit';
export type ReminderTemplate = 'reminder_upcoming' | 'reminder' | 'reminder_final';

export interface DunningSettingsTable {
  org_id: string;
  enabled: Generated<boolean>;
  /** Local hour 0–23 of the daily run. */
  hour: Generated<number>;
  hold_overdue_days: number | null;
  hold_over_limit: Generated<boolean>;
  /** The latest local day a run was queued for. */
  last_run_on: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface DunningStepsTable {
  org_id: string;
  id: string;
  /** Null: the seller's sequence; set: that customer's own. */
  customer_id: string | null;
  offset_days: number;
  template: ReminderTemplate;
}

export interface DunningCustomerPoliciesTable {
  org_id: string;
  customer_id: string;
  mode: 'custom' | 'off';
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface DunningRunsTable {
  org_id: string;
  id: string;
  run_on: string;
  trigger: 'schedule' | 'manual';
  status: Generated<'queued' | 'running' | 'done'>;
  reminders: Generated<number>;
  messages: Generated<number>;
  holds_placed: Generated<number>;
  holds_released: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface ReminderSendsTable {
  org_id: string;
  id: string;
  customer_id: string;
  invoice_id: string;
  kind: 'step' | 'manual';
  offset_days: number | null;
  template: ReminderTemplate;
  days_from_due: number;
  currency: string;
  amount: bigint;
  run_id: string | null;
  mail_message_ids: Generated<string[]>;
  sent_by: string | null;
  sent_at: Generated<Date>;
}
