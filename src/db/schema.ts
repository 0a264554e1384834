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
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffMembershipsTable {
  org_id: string;
  user_id: string;
  role: StaffRole;
  created_at: Generated<Date>;
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
  audit_log: AuditLogTable;
  security_events: SecurityEventsTable;
  rate_limits: RateLimitsTable;
  mail_messages: MailMessagesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type MailMessage = Selectable<MailMessagesTable>;
