import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { invalidatedBy, queryKeys } from '../../web/src/app/query-keys.ts';
import {
  allocationsBody,
  attemptOf,
  canSelectForPayment,
  checkAmount,
  checkAmounts,
  chosenCurrency,
  currencyGroups,
  defaultTexts,
  enteredMethod,
  errorsByInvoice,
  fingerprint,
  forgetKey,
  forgetPaymentKeys,
  idempotencyKeyFor,
  type KeyValueStore,
  loadFlow,
  methodFromParams,
  type PayInvoice,
  parseSelection,
  payableOf,
  paymentBody,
  payPath,
  rememberAttempt,
  rememberPaymentFor,
  retryPath,
  saveFlow,
  selectionKey,
  totalsByCurrency,
  wireAmount,
} from '../../web/src/features/portal-pay/pay-logic.ts';
import type { PaymentOptions } from '../../web/src/features/portal-pay/portal-pay.types.ts';

/**
 * The portal's payment flow without a browser: what may be paid on each invoice, the totals per
 * currency, the partial-payment rules, the bodies sent to the API, and what the tab remembers so
 * that a reload, a double click or a retry never pays twice.
 */
const LOCALE = 'en-US';

const row = (id: string, payable: number, currency = 'USD', openAmount = payable): PayInvoice => ({
  id,
  number: `INV-${id}`,
  currency,
  dueDate: '2026-11-01',
  status: 'open',
  paymentStatus: 'unpaid',
  overdue: false,
  daysOverdue: 0,
  openAmount,
  payable: BigInt(payable),
});

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const noPartial = { allowed: false, minimum: null };
const partial = (minimum: number | null) => ({ allowed: true, minimum });

describe('what may be paid on an invoice', () => {
  test('an open invoice: its open amount; with a pending amount known, what is left of it', () => {
    expect(payableOf({ status: 'open', paymentStatus: 'unpaid', openAmount: 5000 })).toBe(5000n);
    expect(
      payableOf({ status: 'open', paymentStatus: 'payment_pending', openAmount: 5000, pendingAmount: 2000 }),
    ).toBe(3000n);
    expect(
      payableOf({ status: 'open', paymentStatus: 'payment_pending', openAmount: 5000, pendingAmount: 5000 }),
    ).toBe(0n);
  });

  test('a list row with a payment pending (amount unknown), a paid, void or draft invoice: nothing', () => {
    expect(payableOf({ status: 'open', paymentStatus: 'payment_pending', openAmount: 5000 })).toBe(0n);
    expect(payableOf({ status: 'open', paymentStatus: 'paid', openAmount: 0 })).toBe(0n);
    expect(payableOf({ status: 'void', paymentStatus: 'unpaid', openAmount: 5000 })).toBe(0n);
    expect(payableOf({ status: 'draft', paymentStatus: 'unpaid', openAmount: 5000 })).toBe(0n);
    expect(canSelectForPayment({ status: 'open', paymentStatus: 'payment_pending', openAmount: 5000 })).toBe(
      false,
    );
    expect(canSelectForPayment({ status: 'open', paymentStatus: 'partially_paid', openAmount: 1 })).toBe(
      true,
    );
  });
});

describe('selection totals', () => {
  test('one line per currency, in the order they first appear; nothing payable is left out', () => {
    const totals = totalsByCurrency([
      { currency: 'USD', payable: 1000n },
      { currency: 'MXN', payable: 250n },
      { currency: 'USD', payable: 2500n },
      { currency: 'EUR', payable: 0n },
    ]);
    expect(totals).toEqual([
      { currency: 'USD', count: 2, total: 3500n },
      { currency: 'MXN', count: 1, total: 250n },
    ]);
  });

  test('the totals add up to the sum of what is payable, exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ currency: fc.constantFrom('USD', 'MXN', 'JPY'), payable: fc.bigInt(0n, 10n ** 15n) }),
        ),
        (invoices) => {
          const totals = totalsByCurrency(invoices);
          const sum = totals.reduce((s, t) => s + t.total, 0n);
          expect(sum).toBe(invoices.reduce((s, i) => s + i.payable, 0n));
          expect(totals.reduce((s, t) => s + t.count, 0)).toBe(invoices.filter((i) => i.payable > 0n).length);
        },
      ),
    );
  });

  test('one payment is in one currency: groups, and the currency asked for or the only one', () => {
    const groups = currencyGroups([row('a', 100), row('b', 200, 'MXN'), row('c', 0), row('d', 300)]);
    expect(groups.map((g) => [g.currency, g.rows.map((r) => r.id)])).toEqual([
      ['USD', ['a', 'd']],
      ['MXN', ['b']],
    ]);
    expect(chosenCurrency(groups, 'MXN')).toBe('MXN');
    expect(chosenCurrency(groups, 'EUR')).toBeNull();
    expect(chosenCurrency(groups, null)).toBeNull();
    expect(chosenCurrency([{ currency: 'USD' }], null)).toBe('USD');
  });
});

describe('the selection in the address', () => {
  test('chosen invoices (deduplicated, at most 200) or a preset; anything else is nothing', () => {
    expect(parseSelection(new URLSearchParams('invoices=a1,b2,a1'))).toEqual({
      kind: 'ids',
      ids: ['a1', 'b2'],
    });
    expect(parseSelection(new URLSearchParams('preset=overdue'))).toEqual({
      kind: 'preset',
      preset: 'overdue',
    });
    expect(parseSelection(new URLSearchParams('preset=all&invoices=a1'))).toEqual({
      kind: 'preset',
      preset: 'all',
    });
    expect(parseSelection(new URLSearchParams('preset=some'))).toBeNull();
    expect(parseSelection(new URLSearchParams('invoices=<script>,'))).toBeNull();
    const many = Array.from({ length: 250 }, (_, i) => `a${i}`).join(',');
    expect((parseSelection(new URLSearchParams(`invoices=${many}`)) as { ids: string[] }).ids).toHaveLength(
      200,
    );
  });

  test('the pay address reads back as the same selection, whatever the order of the ids for its key', () => {
    const selection = { kind: 'ids' as const, ids: ['b2', 'a1'] };
    const path = payPath(selection, { currency: 'USD', step: null });
    expect(path).toBe('/portal/pay?invoices=b2,a1&currency=USD');
    expect(parseSelection(new URL(path, 'http://x').searchParams)).toEqual(selection);
    expect(selectionKey(selection)).toBe(selectionKey({ kind: 'ids', ids: ['a1', 'b2'] }));
    expect(payPath({ kind: 'preset', preset: 'overdue' }, { currency: 'MXN' })).toBe(
      '/portal/pay?preset=overdue&currency=MXN',
    );
  });
});

describe('amounts', () => {
  test('each amount starts as all that may be paid, typed in the locale', () => {
    expect(defaultTexts([row('a', 123456), row('b', 5, 'JPY')], LOCALE)).toEqual({ a: '1234.56', b: '5' });
  });

  test('more than zero and at most what is payable', () => {
    const invoice = row('a', 10000);
    expect(checkAmount('100.00', invoice, partial(null), LOCALE)).toEqual({ ok: true, minor: 10000n });
    expect(checkAmount('100.01', invoice, partial(null), LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'exceedsPayable', payable: 10000n },
    });
    expect(checkAmount('0', invoice, partial(null), LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'parse', reason: 'notPositive' },
    });
    expect(checkAmount('', invoice, partial(null), LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'parse', reason: 'empty' },
    });
    expect(checkAmount('1.234', invoice, partial(null), LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'parse', reason: 'tooManyDecimals' },
    });
  });

  test('a part payment only when allowed, and at least the minimum; paying in full under the minimum is fine', () => {
    const invoice = row('a', 50000);
    expect(checkAmount('50', invoice, noPartial, LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'partialNotAllowed' },
    });
    expect(checkAmount('99.99', invoice, partial(10000), LOCALE)).toEqual({
      ok: false,
      problem: { kind: 'belowMinimum', minimum: 10000n },
    });
    expect(checkAmount('100', invoice, partial(10000), LOCALE)).toEqual({ ok: true, minor: 10000n });
    expect(checkAmount('50', row('b', 5000), partial(10000), LOCALE)).toEqual({ ok: true, minor: 5000n });
  });

  test('the check of a whole selection: totals, problems by invoice, left-out rows', () => {
    const rows = [row('a', 10000), row('b', 20000), row('c', 30000)];
    const check = checkAmounts(rows, { a: '40', b: '250' }, new Set(['c']), partial(null), LOCALE);
    expect(check.allocations).toEqual([{ invoiceId: 'a', amount: 4000n }]);
    expect(check.problems).toEqual({ b: { kind: 'exceedsPayable', payable: 20000n } });
    expect(check.total).toBe(4000n);
    expect(check.ok).toBe(false);

    const defaults = checkAmounts(rows, {}, new Set(), partial(null), LOCALE);
    expect(defaults.total).toBe(60000n);
    expect(defaults.ok).toBe(true);

    expect(checkAmounts(rows, {}, new Set(['a', 'b', 'c']), partial(null), LOCALE).ok).toBe(false);
  });

  test('without part payments every invoice is paid in full, whatever was typed', () => {
    const check = checkAmounts([row('a', 10000)], { a: '1' }, new Set(), noPartial, LOCALE);
    expect(check).toMatchObject({
      ok: true,
      total: 10000n,
      allocations: [{ invoiceId: 'a', amount: 10000n }],
    });
  });

  test('the total is the sum of the allocations and never exceeds what is payable (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000_000 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (pairs) => {
          const rows = pairs.map(([payable], i) => row(`r${i}`, payable));
          const texts = Object.fromEntries(pairs.map(([, typed], i) => [`r${i}`, (typed / 100).toFixed(2)]));
          const check = checkAmounts(rows, texts, new Set(), partial(null), LOCALE);
          expect(check.total).toBe(check.allocations.reduce((s, a) => s + a.amount, 0n));
          for (const allocation of check.allocations) {
            const limit = rows.find((r) => r.id === allocation.invoiceId)?.payable ?? 0n;
            expect(allocation.amount > 0n && allocation.amount <= limit).toBe(true);
          }
          expect(check.allocations.length + Object.keys(check.problems).length).toBe(rows.length);
        },
      ),
    );
  });
});

describe('the bodies sent to the API', () => {
  const allocations = [
    { invoiceId: 'a', amount: 12345n },
    { invoiceId: 'b', amount: 500n },
  ];

  test('allocations go as JSON numbers of minor units, refused when not exact', () => {
    expect(allocationsBody(allocations)).toEqual([
      { invoiceId: 'a', amount: 12345 },
      { invoiceId: 'b', amount: 500 },
    ]);
    expect(() => wireAmount(2n ** 60n)).toThrow(RangeError);
  });

  test('a saved method by id; a new one by token with "save for next time"; ACH carries the acceptance', () => {
    expect(
      paymentBody({
        method: { type: 'saved', id: 'pm1', kind: 'card' },
        allocations,
        saveMethod: true,
        achAccepted: false,
      }),
    ).toEqual({ kind: 'card', allocations: allocationsBody(allocations), paymentMethodId: 'pm1' });
    expect(
      paymentBody({
        method: { type: 'new', kind: 'ach', token: 'pm_sb_1' },
        allocations,
        saveMethod: true,
        achAccepted: true,
      }),
    ).toEqual({
      kind: 'ach',
      allocations: allocationsBody(allocations),
      methodToken: 'pm_sb_1',
      saveMethod: true,
      achAuthorizationAccepted: true,
    });
  });

  test('per-field errors of the API land on the invoice they name', () => {
    const errors = [
      { field: 'allocations/1/amount', message: 'Below the minimum' },
      { field: '/body/allocations/0/amount', message: 'Too much' },
      { field: 'kind', message: 'Not accepted' },
    ];
    expect(errorsByInvoice(errors, allocations)).toEqual({ a: 'Too much', b: 'Below the minimum' });
    expect(errorsByInvoice(undefined, allocations)).toEqual({});
  });
});

describe('the method in the address', () => {
  const options: Pick<PaymentOptions, 'methods' | 'savedMethods'> = {
    methods: ['card'],
    savedMethods: [
      {
        id: 'm1',
        kind: 'card',
        brand: 'visa',
        last4: '4242',
        expMonth: 1,
        expYear: 2030,
        bankName: null,
        accountType: null,
        usedByAutopay: false,
      },
      {
        id: 'm2',
        kind: 'ach',
        brand: null,
        last4: '6789',
        expMonth: null,
        expYear: null,
        bankName: 'Chase',
        accountType: 'checking',
        usedByAutopay: false,
      },
    ],
  };

  test('a saved method still on file and accepted; else the one just entered; never an unaccepted kind', () => {
    expect(methodFromParams(new URLSearchParams('pm=m1&method=tok&kind=card'), options)).toEqual({
      type: 'saved',
      id: 'm1',
      kind: 'card',
    });
    expect(methodFromParams(new URLSearchParams('pm=gone&method=tok&kind=card'), options)).toEqual({
      type: 'new',
      kind: 'card',
      token: 'tok',
    });
    expect(methodFromParams(new URLSearchParams('pm=m2'), options)).toBeNull();
    expect(enteredMethod(new URLSearchParams('method=tok&kind=ach'), options)).toBeNull();
    expect(enteredMethod(new URLSearchParams('method=tok'), options)).toBeNull();
  });
});

describe('the idempotency key, kept in the tab', () => {
  const body = paymentBody({
    method: { type: 'saved', id: 'pm1', kind: 'card' },
    allocations: [{ invoiceId: 'a', amount: 100n }],
    saveMethod: false,
    achAccepted: false,
  });
  let n = 0;
  const newKey = () => `key-${++n}`;

  test('the same payment, clicked twice or after a reload, sends the same key; another body, another key', () => {
    const store = memoryStore();
    const first = idempotencyKeyFor(store, fingerprint(body), newKey);
    // A reload: a new page reads the same storage.
    const again = idempotencyKeyFor(store, fingerprint({ ...body }), newKey);
    expect(again).toBe(first);
    const other = idempotencyKeyFor(
      store,
      fingerprint({ ...body, allocations: [{ invoiceId: 'a', amount: 99 }] }),
      newKey,
    );
    expect(other).not.toBe(first);
  });

  test('a failed attempt is forgotten: trying again is a new attempt with a new key', () => {
    const store = memoryStore();
    const print = fingerprint(body);
    const first = idempotencyKeyFor(store, print, newKey);
    forgetKey(store, print);
    expect(idempotencyKeyFor(store, print, newKey)).not.toBe(first);
  });

  test('"Try again" from a payment\'s page forgets the key that made it, and only that one', () => {
    const store = memoryStore();
    const print = fingerprint(body);
    const otherPrint = fingerprint({ ...body, kind: 'ach' });
    const first = idempotencyKeyFor(store, print, newKey);
    const other = idempotencyKeyFor(store, otherPrint, newKey);
    rememberPaymentFor(store, print, 'pay-1');
    rememberPaymentFor(store, otherPrint, 'pay-2');
    forgetPaymentKeys(store, 'pay-1');
    expect(idempotencyKeyFor(store, print, newKey)).not.toBe(first);
    expect(idempotencyKeyFor(store, otherPrint, newKey)).toBe(other);
  });

  test('a broken or blocked storage never stops a payment', () => {
    const broken: KeyValueStore = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(idempotencyKeyFor(broken, fingerprint(body), () => 'fresh')).toBe('fresh');
    expect(loadFlow(broken, 'x')).toEqual({ texts: {}, excluded: [], saveMethod: false });
  });
});

describe('what the tab remembers of a flow', () => {
  test('what is typed comes back after a reload', () => {
    const store = memoryStore();
    saveFlow(store, 'ids:a', { texts: { a: '10' }, excluded: ['b'], saveMethod: true });
    expect(loadFlow(store, 'ids:a')).toEqual({ texts: { a: '10' }, excluded: ['b'], saveMethod: true });
    expect(loadFlow(store, 'ids:other')).toEqual({ texts: {}, excluded: [], saveMethod: false });
  });

  test('"Try again" goes back to the review with the same selection and amounts; "another method" to the methods', () => {
    const store = memoryStore();
    rememberAttempt(store, 'pay-1', {
      path: '/portal/pay?invoices=a,b&step=review&pm=m1',
      selection: 'ids:a,b',
      texts: { a: '40.00' },
    });
    const payment = { id: 'pay-1', allocations: [{ invoiceId: 'a', amount: 4000 }] };
    expect(retryPath(store, payment, true, 'USD', LOCALE)).toBe(
      '/portal/pay?invoices=a,b&step=review&pm=m1&retry=pay-1',
    );
    expect(retryPath(store, payment, false, 'USD', LOCALE)).toBe(
      '/portal/pay?invoices=a,b&step=method&retry=pay-1',
    );
    expect(loadFlow(store, 'ids:a,b').texts).toEqual({ a: '40.00' });
    expect(attemptOf(store, 'pay-1')?.selection).toBe('ids:a,b');
  });

  test('without a record of the attempt (another tab), its invoices and amounts from the payment', () => {
    const store = memoryStore();
    const payment = {
      id: 'pay-9',
      allocations: [
        { invoiceId: 'b', amount: 2550 },
        { invoiceId: 'a', amount: 100 },
      ],
    };
    expect(retryPath(store, payment, true, 'USD', LOCALE)).toBe(
      '/portal/pay?invoices=b,a&currency=USD&step=method&retry=pay-9',
    );
    expect(loadFlow(store, selectionKey({ kind: 'ids', ids: ['a', 'b'] })).texts).toEqual({
      b: '25.50',
      a: '1.00',
    });
  });
});

describe('what paying refreshes', () => {
  const covers = (prefix: readonly unknown[], key: readonly unknown[]) =>
    prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));
  const refreshed = (key: readonly unknown[]) => invalidatedBy.payment.some((prefix) => covers(prefix, key));

  test('a payment refreshes the summary, the invoices (lists, details, presets) and the payments', () => {
    expect(refreshed(queryKeys.portalSummary)).toBe(true);
    expect(refreshed(queryKeys.invoices.list('portal', {}))).toBe(true);
    expect(refreshed(queryKeys.invoices.detail('portal', 'i1'))).toBe(true);
    expect(refreshed(queryKeys.portalPay.presetInvoices('overdue'))).toBe(true);
    expect(refreshed(queryKeys.payments.list('portal', {}))).toBe(true);
    expect(refreshed(queryKeys.portalPay.payment('p1'))).toBe(true);
  });

  test('a quote is a price for one body: nothing refreshes it behind the payer', () => {
    expect(refreshed(queryKeys.portalPay.quote({ kind: 'card', allocations: [] }))).toBe(false);
  });
});
