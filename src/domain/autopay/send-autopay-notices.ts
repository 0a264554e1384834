import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { findAccountRecipients } from '../customers/customers.repository.ts';
import { loadPaymentSettings } from '../payments/payment-settings.repository.ts';
import {
  claimNotice,
  findChargeableInvoices,
  findMailContext,
  findNoticeCandidates,
  sweepCalendars,
} from './autopay.repository.ts';
import type { AutopayMailer } from './autopay-mail-port.ts';
import { addDays, allocateUnderMax, chargeDayOf, SWEEP_FROM_HOUR } from './autopay-rules.ts';

/**
 * The notice before a charge: every active enrollment whose next charge day falls within the
 * seller's notice days (calendar days after today, default 3; autopay_settings) gets one e-mail
 * per charge day, to its payers and billing contacts, listing the invoices and the amount as
 * they stand (under the maximum per charge). Claimed per enrollment, consent and day, so a
 * second run sends nothing; an invoice that arrives after its day's notice is charged without
 * one. Paused and cancelled enrollments get none.
 */
export async function sendAutopayNotices(
  deps: { db: Database; mailer: AutopayMailer; publicUrl?: string | undefined },
  input: { orgId?: string; today?: string },
): Promise<{ sent: number }> {
  const { db } = deps;
  const explicitDay = input.today !== undefined;
  const calendars = (await sweepCalendars(db, { orgId: input.orgId })).filter(
    (c) => explicitDay || c.hour >= SWEEP_FROM_HOUR,
  );
  const seen = new Set<string>();
  let sent = 0;
  for (const c of calendars) {
    const today = input.today ?? c.today;
    if (seen.has(`${c.country}:${today}`)) continue;
    seen.add(`${c.country}:${today}`);
    const enrollments = await findNoticeCandidates(db, {
      country: c.country,
      today,
      orgId: input.orgId,
      explicitDay,
    });
    for (const enrollment of enrollments) {
      const last = addDays(today, enrollment.noticeDays);
      const byDay = new Map<string, Awaited<ReturnType<typeof findChargeableInvoices>>>();
      for (const invoice of await findChargeableInvoices(db, {
        orgId: enrollment.orgId,
        customerId: enrollment.customerId,
        currency: enrollment.currency,
        authorizationId: enrollment.authorizationId,
      })) {
        const day = chargeDayOf(c.country, enrollment, invoice.dueDate);
        if (day <= today || day > last) continue;
        byDay.set(day, [...(byDay.get(day) ?? []), invoice]);
      }
      if (byDay.size === 0) continue;
      const settings = await loadPaymentSettings(db, enrollment.orgId);
      for (const [chargeOn, invoices] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
        const { paid } = allocateUnderMax(invoices, enrollment.maxPerCharge, {
          allowed: settings.partialAllowed,
          minimum: settings.partialMinimum,
        });
        if (paid.length === 0) continue;
        const amount = paid.reduce((s, p) => s + p.amount, 0n);
        const numbers = new Map(invoices.map((i) => [i.invoiceId, i.number]));
        sent += await inTransaction(db, async (trx) => {
          const first = await claimNotice(trx, {
            orgId: enrollment.orgId,
            enrollmentId: enrollment.id,
            authorizationId: enrollment.authorizationId,
            chargeOn,
            amount,
            invoiceCount: paid.length,
          });
          if (!first) return 0;
          const context = await findMailContext(trx, {
            orgId: enrollment.orgId,
            customerId: enrollment.customerId,
            paymentMethodId: enrollment.paymentMethodId,
          });
          const recipients = await findAccountRecipients(trx, {
            contactsReceiving: ['invoices', 'receipts'],
            orgId: enrollment.orgId,
            customerId: enrollment.customerId,
          });
          for (const r of recipients)
            await deps.mailer.enqueue(trx, {
              orgId: enrollment.orgId,
              to: r.email,
              locale: r.locale,
              template: 'autopay_notice',
              data: {
                name: r.name,
                orgName: context.orgName,
                accountName: context.accountName,
                country: context.country,
                currency: enrollment.currency,
                method: context.method ?? { kind: 'card', brand: null, bankName: null, last4: null },
                invoices: paid.map((p) => ({ number: numbers.get(p.invoiceId) ?? '', amount: p.amount })),
                amount,
                url: deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/portal/autopay` : null,
                chargeOn,
              },
            });
          return recipients.length;
        });
      }
    }
  }
  return { sent };
}
