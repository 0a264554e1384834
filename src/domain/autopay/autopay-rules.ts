import type { AutopayScope, AutopayTiming } from '../../db/schema.ts';
import {
  addBusinessDays,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from '../calendar/business-days.ts';
import { formatDay, parseDay } from '../calendar/calendar-day.ts';
import type { FailureCode } from '../payments/payment-gateway.ts';

/**
 * Autopay's rules as pure functions of calendar days (the seller's country's business days),
 * shared by the sweep (plan-autopay-run.ts), the charge job, the notices and the enrollment's
 * "next charge": nothing here reads the database.
 */

export interface AutopayRules {
  timing: AutopayTiming;
  /** With timing 'days_before': calendar days before the due date (1–30). */
  daysBefore: number | null;
  scope: AutopayScope;
}

/** The sweep runs hourly; a seller's charges and notices go out once its own day has reached this hour. */
export const SWEEP_FROM_HOUR = 6;

export const addDays = (day: string, n: number): string => formatDay(parseDay(day) + n);

/**
 * The business day an invoice is charged on. 'all_due': its due date (or N calendar days before
 * it); a day the banks are closed moves to the business day before, so the charge is never late.
 * 'overdue_only': the first business day after its due date, when it has become overdue.
 */
export function chargeDayOf(country: string, rules: AutopayRules, dueDate: string): string {
  if (rules.scope === 'overdue_only') return nextBusinessDay(country, addDays(dueDate, 1));
  const target = rules.timing === 'days_before' ? addDays(dueDate, -(rules.daysBefore ?? 0)) : dueDate;
  return isBusinessDay(country, target) ? target : previousBusinessDay(country, target);
}

/**
 * The latest target day whose charge day is on or before `today`: the first business day after
 * `today`, less one day. A target day T is charged by `today` exactly when T ≤ this horizon (the
 * days between today and the next business day are closed, so they move back to today or before).
 * Lets the sweep select every due invoice with one comparison in SQL.
 */
export function chargeHorizon(country: string, today: string): string {
  return addDays(nextBusinessDay(country, addDays(today, 1)), -1);
}

/**
 * Whether an invoice is due for autopay on `today`: its charge day has come (today, or earlier and
 * missed: an invoice that arrives late or was overdue at enrolment is charged at the next run).
 * Charges run on business days only.
 */
export function isDueForCharge(
  country: string,
  rules: AutopayRules,
  dueDate: string,
  today: string,
): boolean {
  if (!isBusinessDay(country, today)) return false;
  return chargeDayOf(country, rules, dueDate) <= today;
}

/**
 * Soft declines are retried 1, 3 and 5 business days after the first charge day, then autopay
 * stops; hard declines stop at once.
 */
export const RETRY_AFTER_BUSINESS_DAYS: readonly number[] = [1, 3, 5];
export const MAX_ATTEMPTS = RETRY_AFTER_BUSINESS_DAYS.length + 1;

/** The day of the next attempt after `attempt` failed softly; null when autopay stops. */
export function nextRetryDay(country: string, chargeOn: string, attempt: number): string | null {
  const after = RETRY_AFTER_BUSINESS_DAYS[attempt - 1];
  return after === undefined ? null : addBusinessDays(country, chargeOn, after);
}

/** Declines that say the method itself cannot be charged again: autopay pauses until another is chosen. */
const methodUnusable: ReadonlySet<string> = new Set<FailureCode | string>([
  'expired_card',
  'account_closed',
  'invalid_account',
  'unauthorized_debit',
  'method_removed',
]);
export const isMethodUnusable = (code: string): boolean => methodUnusable.has(code);

export interface PayableInvoice {
  invoiceId: string;
  dueDate: string;
  issueDate: string;
  number: string;
  /** Open less money in flight, minor units (> 0). */
  payable: bigint;
}

/**
 * What one charge pays: oldest due first (then issue date, number), whole invoices while they fit
 * under the maximum; the first that does not fit is paid in part when the seller allows partial
 * payments (and the part reaches its minimum), and autopay stops there. Without a maximum, all.
 * Returns the invoices paid and those the maximum left out.
 */
export function allocateUnderMax(
  invoices: readonly PayableInvoice[],
  max: bigint | null,
  partial: { allowed: boolean; minimum: bigint | null },
): { paid: { invoiceId: string; amount: bigint }[]; leftOut: string[] } {
  const sorted = [...invoices].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.number.localeCompare(b.number) ||
      a.invoiceId.localeCompare(b.invoiceId),
  );
  const paid: { invoiceId: string; amount: bigint }[] = [];
  const leftOut: string[] = [];
  let room = max;
  let stopped = false;
  for (const invoice of sorted) {
    if (invoice.payable <= 0n) continue;
    if (stopped) {
      leftOut.push(invoice.invoiceId);
      continue;
    }
    if (room === null || invoice.payable <= room) {
      paid.push({ invoiceId: invoice.invoiceId, amount: invoice.payable });
      if (room !== null) room -= invoice.payable;
      continue;
    }
    stopped = true;
    if (partial.allowed && room > 0n && (partial.minimum === null || room >= partial.minimum)) {
      paid.push({ invoiceId: invoice.invoiceId, amount: room });
      room = 0n;
    } else {
      leftOut.push(invoice.invoiceId);
    }
  }
  return { paid, leftOut };
}
