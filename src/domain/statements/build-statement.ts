import type { Database } from '../../db/client.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { loadDocumentTemplate } from '../documents/document-templates.repository.ts';
import { toAddress } from '../documents/document-views.ts';
import { loadSeller, printedSeller } from '../documents/seller.ts';
import { AppError } from '../errors.ts';
import { type AgingCustomer, type AgingReport, agingReport, emptyBuckets } from '../reports/aging-report.ts';
import type { StatementDocumentView, StatementLine } from './statement-port.ts';
import { statementLines } from './statements.repository.ts';

const ymd = /^\d{4}-\d{2}-\d{2}$/;

/** The day before a calendar date ('YYYY-MM-DD'). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

/** Checks a period: real days, start ≤ end, at most ten years, never after today (clamped). */
export function checkPeriod(
  input: { from: string; to: string },
  today: string,
): { from: string; to: string } {
  const valid = (d: string) => ymd.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  if (!valid(input.from) || !valid(input.to) || input.from > input.to || input.from < '1900-01-02')
    throw new AppError('statement_period_invalid');
  const to = input.to > today ? today : input.to;
  if (input.from > to) throw new AppError('statement_period_invalid');
  if (Date.parse(to) - Date.parse(input.from) > 3653 * 86_400_000)
    throw new AppError('statement_period_invalid');
  return { from: input.from, to };
}

function customerAging(
  report: AgingReport | null,
  currency: string,
  customerId: string,
): AgingCustomer | null {
  return (
    report?.currencies
      .find((c) => c.currency === currency)
      ?.customers.find((c) => c.customerId === customerId) ?? null
  );
}

/** The aging as of a day, or nothing for an org without any documents then. */
async function agingAsOf(db: Database, orgId: string, asOf: string): Promise<AgingReport | null> {
  try {
    return await agingReport({ db }, { orgId, asOf, history: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The seller's agings at the two ends of a period, shared by every statement of a monthly run. */
export interface PeriodAgings {
  opening: AgingReport | null;
  closing: AgingReport | null;
}

export async function periodAgings(
  db: Database,
  orgId: string,
  from: string,
  to: string,
): Promise<PeriodAgings> {
  const [opening, closing] = await Promise.all([
    agingAsOf(db, orgId, dayBefore(from)),
    agingAsOf(db, orgId, to),
  ]);
  return { opening, closing };
}

/**
 * A customer's statement of account for a period (inclusive, ending today at the latest): the
 * balance before it (the aging as of the day before), every movement in it (invoices, credit
 * memos, payments, voids, reversals, refunds), the balance at its end and the aging then — by the
 * aging's own history query, so the statement says what the aging report says for those days.
 * Should the movements ever not add up to the difference (a history the rules do not describe),
 * the remainder is printed as an adjustment rather than hidden. With `customerId` only this
 * seller's customer; anything else is `not_found`.
 */
export async function buildStatement(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    from: string;
    to: string;
    agings?: PeriodAgings;
    now?: Date;
  },
): Promise<StatementDocumentView> {
  const { db } = deps;
  const customer = await db
    .selectFrom('customer_accounts')
    .select(['id', 'name', 'account_number', 'tax_id', 'currency', 'locale', 'billing_address'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('not_found');
  const today = (await orgTodayOf(db, input.orgId)) ?? new Date().toISOString().slice(0, 10);
  const { from, to } = checkPeriod(input, today);
  const [seller, template, agings, lines] = await Promise.all([
    loadSeller(db, input.orgId),
    loadDocumentTemplate(db, input.orgId),
    input.agings ?? periodAgings(db, input.orgId, from, to),
    statementLines(db, {
      orgId: input.orgId,
      customerId: customer.id,
      currency: customer.currency,
      from,
      to,
    }),
  ]);
  const open = customerAging(agings.opening, customer.currency, customer.id);
  const close = customerAging(agings.closing, customer.currency, customer.id);
  const openingBalance = open?.balance ?? 0n;
  const closingBalance = close?.balance ?? 0n;
  const all: StatementLine[] = [...lines];
  const moved = lines.reduce((sum, l) => sum + l.amount, 0n);
  if (openingBalance + moved !== closingBalance)
    all.push({
      date: to,
      kind: 'adjustment',
      number: '',
      amount: closingBalance - openingBalance - moved,
      dueDate: null,
    });
  const totals = { invoices: 0n, credits: 0n, payments: 0n, other: 0n };
  for (const l of all) {
    if (l.kind === 'invoice') totals.invoices += l.amount;
    else if (l.kind === 'credit') totals.credits += l.amount;
    else if (l.kind === 'payment') totals.payments += l.amount;
    else totals.other += l.amount;
  }
  const buckets = close?.buckets ?? emptyBuckets();
  return {
    seller: printedSeller(seller),
    template,
    locale: customer.locale,
    customer: {
      name: customer.name,
      accountNumber: customer.account_number,
      taxId: customer.tax_id,
      address: toAddress(customer.billing_address),
    },
    currency: customer.currency,
    periodStart: from,
    periodEnd: to,
    openingBalance,
    closingBalance,
    lines: all,
    totals,
    aging: {
      ...buckets,
      total: close?.total ?? 0n,
      unappliedCash: close?.unappliedCash ?? 0n,
      unappliedCredits: close?.unappliedCredits ?? 0n,
    },
    generatedAt: input.now ?? new Date(),
  };
}
