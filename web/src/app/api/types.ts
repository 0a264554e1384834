/** Shapes shared by several features, exactly as the server's /api/v1 returns them. */

export type Locale = 'es' | 'en';

export type StaffRole = 'owner' | 'admin' | 'ar_agent' | 'viewer';
export type CustomerRole = 'account_admin' | 'payer' | 'accountant';
export type Role = StaffRole | CustomerRole;

export interface StaffContext {
  kind: 'staff';
  orgId: string;
  orgName: string;
  role: StaffRole;
}

export interface CustomerContext {
  kind: 'customer';
  orgId: string;
  orgName: string;
  accountId: string;
  accountName: string;
  role: CustomerRole;
}

export type Context = StaffContext | CustomerContext;

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

export interface Me {
  user: User;
  context: Context | null;
  contexts: Context[];
  csrfToken: string;
}

/** RFC 9457 problem details; `detail` and `errors[].message` arrive translated. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
}

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function contextKey(context: Context): string {
  return context.kind === 'staff'
    ? `staff:${context.orgId}`
    : `customer:${context.orgId}:${context.accountId}`;
}

export function homePathFor(context: Context | null): string {
  if (!context) return '/choose';
  return context.kind === 'staff' ? '/console' : '/portal';
}
