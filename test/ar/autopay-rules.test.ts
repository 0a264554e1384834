import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  allocateUnderMax,
  chargeDayOf,
  chargeHorizon,
  nextRetryDay,
  type PayableInvoice,
} from '../../src/domain/autopay/autopay-rules.ts';
import { businessDaysBetween, isBusinessDay } from '../../src/domain/calendar/business-days.ts';

/**
 * Autopay's calendar and allocation rules (domain/autopay/autopay-rules.ts) as properties over
 * random days, rules and invoices in the US, Mexican and Colombian calendars. The sweep selects
 * with the horizon in SQL and the charge job checks each invoice with chargeDayOf: the two must
 * agree on every day.
 */
const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2025-01-01', n));
const country = fc.constantFrom('US', 'MX', 'CO');
const rules = fc.oneof(
  fc.record({
    timing: fc.constant('due_date' as const),
    daysBefore: fc.constant(null),
    scope: fc.constantFrom('all_due' as const, 'overdue_only' as const),
  }),
  fc.record({
    timing: fc.constant('days_before' as const),
    daysBefore: fc.integer({ min: 1, max: 30 }),
    scope: fc.constantFrom('all_due' as const, 'overdue_only' as const),
  }),
);

describe('autopay rules', () => {
  test('a charge day is a business day, never after its target when due, and no business day lies between', () => {
    fc.assert(
      fc.property(country, rules, day, (c, r, due) => {
        const on = chargeDayOf(c, r, due);
        expect(isBusinessDay(c, on)).toBe(true);
        if (r.scope === 'overdue_only') {
          expect(on > due).toBe(true);
          expect(businessDaysBetween(c, due, on)).toBe(1);
        } else {
          const target = r.timing === 'days_before' ? addDays(due, -r.daysBefore!) : due;
          expect(on <= target).toBe(true);
          // The business day before: none in (on, target].
          expect(businessDaysBetween(c, on, target)).toBe(0);
        }
      }),
    );
  });

  test('the sweep’s horizon selects exactly the invoices whose charge day has come', () => {
    fc.assert(
      fc.property(country, rules, day, day, (c, r, due, today) => {
        fc.pre(isBusinessDay(c, today));
        const byRule = chargeDayOf(c, r, due) <= today;
        const horizon = chargeHorizon(c, today);
        // What dueChargesSql compares, in SQL, for each scope and timing.
        const bySql =
          r.scope === 'overdue_only'
            ? due <= addDays(today, -1)
            : due <= addDays(horizon, r.timing === 'days_before' ? r.daysBefore! : 0);
        expect(bySql).toBe(byRule);
      }),
    );
  });

  test('retries fall 1, 3 and 5 business days after the first charge day, then stop', () => {
    fc.assert(
      fc.property(country, day, (c, first) => {
        fc.pre(isBusinessDay(c, first));
        const days = [1, 2, 3].map((attempt) => nextRetryDay(c, first, attempt)!);
        expect(days.map((d) => businessDaysBetween(c, first, d))).toEqual([1, 3, 5]);
        expect(nextRetryDay(c, first, 4)).toBeNull();
      }),
    );
  });

  const invoices = fc.uniqueArray(
    fc.record({
      invoiceId: fc.uuid(),
      dueDate: day,
      issueDate: fc.constant('2024-12-01'),
      number: fc.string({ minLength: 1, maxLength: 6 }),
      payable: fc.bigInt({ min: 1n, max: 10_000_000n }),
    }),
    { selector: (i) => i.invoiceId, maxLength: 12 },
  );

  test('the maximum per charge: never exceeded, oldest due first, each invoice at most what it owes', () => {
    fc.assert(
      fc.property(
        invoices,
        fc.option(fc.bigInt({ min: 1n, max: 30_000_000n })),
        fc.boolean(),
        fc.option(fc.bigInt({ min: 1n, max: 1_000_000n })),
        (list: PayableInvoice[], max, allowed, minimum) => {
          const { paid, leftOut } = allocateUnderMax(list, max, { allowed, minimum });
          const total = paid.reduce((s, p) => s + p.amount, 0n);
          if (max !== null) expect(total <= max).toBe(true);
          else expect(leftOut).toEqual([]);
          expect(paid.length + leftOut.length).toBe(list.length);
          const byId = new Map(list.map((i) => [i.invoiceId, i]));
          const partials = paid.filter((p) => p.amount < byId.get(p.invoiceId)!.payable);
          expect(partials.length).toBeLessThanOrEqual(allowed ? 1 : 0);
          for (const p of paid)
            expect(p.amount > 0n && p.amount <= byId.get(p.invoiceId)!.payable).toBe(true);
          // Nothing left out is due before something paid.
          const lastPaid = paid
            .map((p) => byId.get(p.invoiceId)!.dueDate)
            .sort()
            .at(-1);
          for (const id of leftOut) if (lastPaid) expect(byId.get(id)!.dueDate >= lastPaid).toBe(true);
        },
      ),
    );
  });
});
