import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { minorToInput } from '../../web/src/app/money-input.ts';
import type { AutopayState, Enrollment } from '../../web/src/features/autopay/autopay.types.ts';
import {
  asSentence,
  autopayCurrency,
  canManageAutopay,
  chargeTone,
  checkRules,
  enrollBody,
  initialForm,
  liveEnrollment,
  parseDaysBefore,
  type RulesForm,
} from '../../web/src/features/autopay/autopay-logic.ts';

/**
 * Autopay's rules form without a browser: what a person types, checked as the API checks it, the
 * body sent (the exact text shown, accepted), and how each charge of the history reads.
 */

const METHODS = [{ id: 'pm-1' }, { id: 'pm-2' }];
const base: RulesForm = {
  methodId: 'pm-1',
  timing: 'due_date',
  daysBefore: '3',
  scope: 'all_due',
  limited: false,
  maxText: '',
};

function enrollment(over: Partial<Enrollment> = {}): Enrollment {
  return {
    id: 'e1',
    status: 'active',
    pauseReason: null,
    paymentMethod: { id: 'pm-2', kind: 'card', brand: 'visa', last4: '4242', bankName: null },
    timing: 'days_before',
    daysBefore: 5,
    scope: 'all_due',
    maxPerCharge: 250_000,
    currency: 'USD',
    authorization: {
      text: 'I authorize…',
      locale: 'en',
      acceptedAt: '2026-12-01T10:00:00Z',
      acceptedBy: { kind: 'customer', name: 'Sarah Kim', email: 'ap@blueanchorbistro.example' },
      ip: '127.0.0.1',
      userAgent: 'test',
    },
    pausedAt: null,
    cancelledAt: null,
    nextCharge: null,
    history: [],
    ...over,
  };
}

describe('the rules form', () => {
  test('the usual rules, with the one saved method chosen, go as they are', () => {
    const form = initialForm(null, [{ id: 'pm-1' }], 'en-US');
    expect(form.methodId).toBe('pm-1');
    const check = checkRules(form, [{ id: 'pm-1' }], 'USD', 'en-US');
    expect(check).toEqual({
      ok: true,
      maxMinor: null,
      rules: {
        paymentMethodId: 'pm-1',
        timing: 'due_date',
        daysBefore: null,
        scope: 'all_due',
        maxPerCharge: null,
      },
    });
  });

  test('with several saved methods none is chosen for the payer', () => {
    const form = initialForm(null, METHODS, 'en-US');
    expect(form.methodId).toBeNull();
    expect(checkRules(form, METHODS, 'USD', 'en-US')).toEqual({
      ok: false,
      errors: { method: 'chooseMethod' },
    });
  });

  test('a method that is no longer saved is refused', () => {
    expect(checkRules({ ...base, methodId: 'gone' }, METHODS, 'USD', 'en-US')).toEqual({
      ok: false,
      errors: { method: 'chooseMethod' },
    });
  });

  test('changing an enrollment starts from its rules, the maximum as the locale writes it', () => {
    expect(initialForm(enrollment(), METHODS, 'es-419')).toEqual({
      methodId: 'pm-2',
      timing: 'days_before',
      daysBefore: '5',
      scope: 'all_due',
      limited: true,
      maxText: '2500.00',
    });
    // Its method removed meanwhile: the first saved one is offered instead.
    expect(initialForm(enrollment(), [{ id: 'pm-1' }], 'en-US').methodId).toBe('pm-1');
    // Paused because its card can no longer be charged: another method is offered, or none.
    expect(
      initialForm(enrollment({ status: 'paused', pauseReason: 'method_unusable' }), METHODS, 'en-US')
        .methodId,
    ).toBe('pm-1');
    expect(
      initialForm(enrollment({ status: 'paused', pauseReason: 'method_unusable' }), [{ id: 'pm-2' }], 'en-US')
        .methodId,
    ).toBeNull();
    // A cancelled one is not changed: a new one starts from the usual rules.
    expect(initialForm(enrollment({ status: 'cancelled' }), METHODS, 'en-US').timing).toBe('due_date');
  });

  test('days before the due date: whole days from 1 to 30, nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 200 }), (days) => {
        const check = checkRules(
          { ...base, timing: 'days_before', daysBefore: String(days) },
          METHODS,
          'USD',
          'en-US',
        );
        if (days >= 1 && days <= 30) expect(check.ok && check.rules.daysBefore).toBe(days);
        else expect(check).toEqual({ ok: false, errors: { daysBefore: 'daysBeforeRange' } });
      }),
    );
    for (const text of ['', ' ', '2.5', '1e1', '03x', '٣']) expect(parseDaysBefore(text)).toBeNull();
    expect(parseDaysBefore(' 12 ')).toBe(12);
    // On the due date the days typed do not count, and are not sent.
    const check = checkRules({ ...base, daysBefore: 'nonsense' }, METHODS, 'USD', 'en-US');
    expect(check.ok && check.rules.daysBefore).toBeNull();
  });

  test('only overdue invoices: charged after the due date, so no timing goes with it', () => {
    const check = checkRules(
      { ...base, scope: 'overdue_only', timing: 'days_before', daysBefore: '99' },
      METHODS,
      'USD',
      'en-US',
    );
    expect(check.ok && check.rules).toEqual({
      paymentMethodId: 'pm-1',
      timing: 'due_date',
      daysBefore: null,
      scope: 'overdue_only',
      maxPerCharge: null,
    });
  });

  test('a maximum per charge is read exactly in the currency, and refused with the reason', () => {
    const max = (maxText: string, currency = 'USD', locale = 'en-US') =>
      checkRules({ ...base, limited: true, maxText }, METHODS, currency, locale);
    expect(max('1,234.56')).toMatchObject({ ok: true, maxMinor: 123456n, rules: { maxPerCharge: 123456 } });
    expect(max('1.234,56', 'USD', 'es-419')).toMatchObject({ ok: true, maxMinor: 123456n });
    expect(max('5000', 'JPY')).toMatchObject({ ok: true, maxMinor: 5000n });
    expect(max('1.5', 'JPY')).toEqual({ ok: false, errors: { maxPerCharge: 'maxTooManyDecimals' } });
    expect(max('')).toEqual({ ok: false, errors: { maxPerCharge: 'maxEmpty' } });
    expect(max('ten')).toEqual({ ok: false, errors: { maxPerCharge: 'maxInvalid' } });
    expect(max('0')).toEqual({ ok: false, errors: { maxPerCharge: 'maxNotPositive' } });
    expect(max('-5')).toMatchObject({ ok: false });
    expect(max('1'.repeat(20))).toEqual({ ok: false, errors: { maxPerCharge: 'maxTooLarge' } });
    // Unticked, whatever is typed is not sent.
    expect(checkRules({ ...base, maxText: 'ten' }, METHODS, 'USD', 'en-US')).toMatchObject({
      ok: true,
      rules: { maxPerCharge: null },
    });
  });

  test('any maximum written back as the form writes it reads as the same amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.constantFrom('USD', 'JPY', 'BHD', 'MXN'),
        fc.constantFrom('en-US', 'es-419'),
        (minor, currency, locale) => {
          const check = checkRules(
            { ...base, limited: true, maxText: minorToInput(minor, currency, locale) },
            METHODS,
            currency,
            locale,
          );
          expect(check.ok && check.maxMinor).toBe(minor);
          expect(check.ok && check.rules.maxPerCharge).toBe(Number(minor));
        },
      ),
    );
  });

  test('the body carries the text that was shown, accepted', () => {
    const check = checkRules(base, METHODS, 'USD', 'en-US');
    if (!check.ok) throw new Error('rules refused');
    const text = 'Autorizo a Harbor Foods…\n\nLínea dos';
    expect(enrollBody(check.rules, text)).toEqual({
      ...check.rules,
      authorizationAccepted: true,
      authorizationText: text,
    });
  });
});

describe('who may change it, and which enrollment counts', () => {
  test('account admins and payers in the portal; owners, admins and AR agents in the console', () => {
    expect(['account_admin', 'payer', 'accountant'].map((r) => canManageAutopay('portal', r))).toEqual([
      true,
      true,
      false,
    ]);
    expect(['owner', 'admin', 'ar_agent', 'viewer'].map((r) => canManageAutopay('console', r))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  test('a cancelled enrollment is off', () => {
    expect(liveEnrollment(enrollment({ status: 'cancelled' }))).toBeNull();
    expect(liveEnrollment(enrollment({ status: 'paused' }))?.status).toBe('paused');
    expect(liveEnrollment(null)).toBeNull();
  });

  test('the maximum is typed in the enrollment’s currency, else the account’s, else the caller’s', () => {
    const state = (over: Partial<AutopayState>): AutopayState => ({
      available: true,
      unavailableReason: null,
      authorizationText: '',
      currency: 'USD',
      methods: [],
      enrollment: null,
      ...over,
    });
    expect(autopayCurrency(state({ enrollment: enrollment({ currency: 'MXN' }) }), 'JPY')).toBe('MXN');
    // No enrollment yet: the account's currency, as the server answers it.
    expect(autopayCurrency(state({}), 'JPY')).toBe('USD');
    expect(autopayCurrency(undefined, 'USD')).toBe('USD');
  });
});

test('the reason autopay is not available reads as a sentence', () => {
  expect(asSentence('the account is on credit hold')).toBe('The account is on credit hold.');
  expect(asSentence('ésta cuenta no puede pagar en línea; comunícate con el vendedor')).toBe(
    'Ésta cuenta no puede pagar en línea; comunícate con el vendedor.',
  );
  expect(asSentence('Already one.')).toBe('Already one.');
  expect(asSentence('  ')).toBe('');
});

describe('a charge in the history', () => {
  const charge = { failure: null, nextRetryOn: null };
  const declined = { code: 'insufficient_funds', message: 'Not enough funds.', retryable: true };
  test.each([
    ['paid', { ...charge, status: 'succeeded' }, 'ok'],
    ['its payment completed', { ...charge, status: 'completed' }, 'ok'],
    ['on its way (ACH)', { ...charge, status: 'pending' }, 'waiting'],
    ['being charged', { ...charge, status: 'processing' }, 'waiting'],
    [
      'a soft decline with a retry day',
      { status: 'failed', failure: declined, nextRetryOn: '2026-12-03' },
      'retrying',
    ],
    ['the last soft decline', { status: 'failed', failure: declined, nextRetryOn: null }, 'stopped'],
    [
      'a hard decline',
      {
        status: 'failed',
        failure: { ...declined, code: 'card_declined', retryable: false },
        nextRetryOn: null,
      },
      'stopped',
    ],
    ['returned by the bank', { ...charge, status: 'returned' }, 'stopped'],
    ['skipped', { ...charge, status: 'skipped' }, 'skipped'],
  ] as const)('%s', (_, item, tone) => {
    expect(chargeTone(item)).toBe(tone);
  });
});
