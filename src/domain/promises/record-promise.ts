import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { AppError } from '../errors.ts';
import { assertSafeAmount } from '../money/money.ts';
import { isCalendarDay } from '../shared/calendar-date.ts';
import { newId } from '../shared/ids.ts';

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return Boolean(match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])));
}

/** How far ahead a promise may be dated. */
export const PROMISE_MAX_DAYS = 366;

/**
 * A promise to pay `amount` by `promisedOn`, for one open invoice of the account or the account as
 * a whole, recorded by staff or by the customer in the portal. The date is today or later (the
 * seller's calendar) and within a year; the amount is positive and, for an invoice, no more than
 * it has open. Reminders for what it covers pause until the date, and resume if it is missed.
 */
export function recordPromise(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    invoiceId?: string | null | undefined;
    promisedOn: string;
    amount: bigint;
    note?: string | null | undefined;
    recordedBy: 'customer' | 'staff';
    actor: Actor;
  },
): Promise<{ id: string }> {
  if (!isCalendarDate(input.promisedOn))
    throw new AppError('validation_failed', {}, [{ field: 'promisedOn', code: 'invalid_date' }]);
  if (input.amount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(input.amount);
  const note = input.note?.trim() || null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (note && (note.length > 1000 || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note)))
    throw new AppError('validation_failed', {}, [{ field: 'note', code: 'invalid' }]);
  return inTransaction(deps.db, async (trx) => {
    const customer = await trx
      .selectFrom('customer_accounts')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .select(['id', 'currency'])
      .executeTakeFirst();
    if (!customer) throw new AppError('not_found');
    let currency = customer.currency;
    let number: string | null = null;
    if (input.invoiceId) {
      const invoice = await trx
        .selectFrom('invoices')
        .where('org_id', '=', input.orgId)
        .where('id', '=', input.invoiceId)
        .where('customer_id', '=', input.customerId)
        .select(['number', 'status', 'open_amount', 'currency'])
        .executeTakeFirst();
      if (!invoice || invoice.status === 'draft') throw new AppError('not_found');
      if (invoice.status !== 'open' || invoice.open_amount <= 0n)
        throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
      if (input.amount > invoice.open_amount)
        throw new AppError('exceeds_open_amount', {
          amount: invoice.open_amount.toString(),
          currency: invoice.currency,
        });
      currency = invoice.currency;
      number = invoice.number;
    }
    const today = (await orgTodayOf(trx, input.orgId)) as string;
    const last = new Date(`${today}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + PROMISE_MAX_DAYS);
    if (input.promisedOn < today || input.promisedOn > last.toISOString().slice(0, 10))
      throw new AppError('validation_failed', {}, [{ field: 'promisedOn', code: 'out_of_range' }]);
    const id = newId();
    await trx
      .insertInto('payment_promises')
      .values({
        org_id: input.orgId,
        id,
        customer_id: input.customerId,
        invoice_id: input.invoiceId ?? null,
        promised_on: input.promisedOn,
        amount: input.amount,
        currency,
        note,
        recorded_by: input.recordedBy,
        recorded_by_user_id: input.actor.userId ?? null,
      })
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.promise_recorded',
      entityType: 'customer_account',
      entityId: input.customerId,
      after: {
        promiseId: id,
        invoiceNumber: number,
        promisedOn: input.promisedOn,
        amount: input.amount.toString(),
        currency,
        recordedBy: input.recordedBy,
      },
    });
    return { id };
  });
}
