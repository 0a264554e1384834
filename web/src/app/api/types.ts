/** Shapes shared by several features, exactly as the server's /api/v1 returns them (schema.gen.ts). */
import type { components } from './schema.gen.ts';

export type Me = components['schemas']['Me'];
export type User = Me['user'];
export type Locale = User['locale'];
export type Context = NonNullable<Me['context']>;
export type StaffContext = Extract<Context, { kind: 'staff' }>;
export type CustomerContext = Extract<Context, { kind: 'customer' }>;
export type StaffRole = StaffContext['role'];
export type CustomerRole = CustomerContext['role'];
export type Role = StaffRole | CustomerRole;

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
