import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bpsToPercent,
  formFieldOf,
  formFromSettings,
  type PaymentSettingsForm,
  paymentSettingsBody,
  percentToBps,
  type SavedPaymentSettings,
  webhookUrlFor,
} from '../../web/src/features/settings/payment-settings.form.ts';

/**
 * The online-payment settings form (web/src/features/settings): the card fee typed as a percent
 * and sent as basis points, amounts typed in the seller's currency and sent as minor units, and
 * Stripe's secrets sent only when typed.
 */
const saved: SavedPaymentSettings = {
  processor: 'sandbox',
  onlineInvoices: true,
  methods: ['ach', 'card'],
  erpAccounts: { card: 'TARJETA', ach: null },
  partialAllowed: true,
  partialMinimum: 5_000,
  cardFeeBps: 290,
  cardFeeCap: 2_550,
  autopayText: { es: 'Autorizo…', en: null },
  stripe: null,
  webhookUrl: 'https://saldo.example/api/v1/webhooks/sandbox/0193a0c4-0000-7000-8000-000000000001',
};
const usd = { currency: 'USD', locale: 'en-US', hasStripeKeys: false };
const form = (overrides: Partial<PaymentSettingsForm> = {}): PaymentSettingsForm => ({
  ...formFromSettings(saved, 'USD', 'en-US'),
  ...overrides,
});
const bodyOf = (values: PaymentSettingsForm, options = usd) => {
  const built = paymentSettingsBody(values, options);
  if (!built.ok) throw new Error(`unexpected errors: ${JSON.stringify(built.errors)}`);
  return built.body;
};
const errorsOf = (values: PaymentSettingsForm, options = usd) => {
  const built = paymentSettingsBody(values, options);
  return built.ok ? {} : built.errors;
};

describe('the card fee: a percent with two decimals is basis points', () => {
  test('typed percents', () => {
    expect(percentToBps('2.9')).toEqual({ ok: true, bps: 290 });
    expect(percentToBps('2,9')).toEqual({ ok: true, bps: 290 });
    expect(percentToBps('3')).toEqual({ ok: true, bps: 300 });
    expect(percentToBps(' 0.05 % ')).toEqual({ ok: true, bps: 5 });
    expect(percentToBps('10')).toEqual({ ok: true, bps: 1000 });
    expect(percentToBps('')).toEqual({ ok: true, bps: 0 });
  });

  test('more than two decimals, other text, or above 10 % are refused', () => {
    expect(percentToBps('2.999')).toEqual({ ok: false, reason: 'percentInvalid' });
    expect(percentToBps('-1')).toEqual({ ok: false, reason: 'percentInvalid' });
    expect(percentToBps('1e2')).toEqual({ ok: false, reason: 'percentInvalid' });
    expect(percentToBps('10.01')).toEqual({ ok: false, reason: 'percentTooHigh' });
  });

  test('basis points shown as a percent in the locale read back as the same basis points', () => {
    expect(bpsToPercent(290, 'en-US')).toBe('2.9');
    expect(bpsToPercent(305, 'en-US')).toBe('3.05');
    expect(bpsToPercent(300, 'es-419')).toBe('3');
    expect(bpsToPercent(0, 'en-US')).toBe('');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('en-US', 'es-419', 'es-ES'),
        (bps, locale) => {
          expect(percentToBps(bpsToPercent(bps, locale))).toEqual({ ok: true, bps });
        },
      ),
    );
  });
});

describe('the body built from the form', () => {
  test('the saved settings come back as the same body: amounts in minor units, methods in order', () => {
    const body = bodyOf(form());
    expect(body).toEqual({
      processor: 'sandbox',
      onlineInvoices: true,
      methods: ['card', 'ach'],
      erpAccounts: { card: 'TARJETA', ach: null },
      partialAllowed: true,
      partialMinimum: 5_000,
      cardFeeBps: 290,
      cardFeeCap: 2_550,
      autopayText: { es: 'Autorizo…', en: null },
    });
    expect(body).not.toHaveProperty('stripe');
  });

  test('amounts are read in the seller currency and locale, exactly', () => {
    expect(bodyOf(form({ partialMinimum: '1,234.56' })).partialMinimum).toBe(123_456);
    const mxn = formFromSettings(saved, 'MXN', 'es-MX');
    expect(mxn.partialMinimum).toBe('50.00');
    expect(
      bodyOf({ ...mxn, cardFeeCap: '0.10' }, { ...usd, currency: 'MXN', locale: 'es-MX' }).cardFeeCap,
    ).toBe(10);
    expect(bodyOf(form({ partialMinimum: '' })).partialMinimum).toBeNull();
    expect(bodyOf(form({ cardFeeCap: '' })).cardFeeCap).toBeNull();
  });

  test('each wrong field is named; a minimum or cap that does not apply is neither checked nor sent', () => {
    expect(errorsOf(form({ partialMinimum: '10.005', cardFeeCap: '0', cardFeePercent: '12' }))).toEqual({
      partialMinimum: 'tooManyDecimals',
      cardFeePercent: 'percentTooHigh',
    });
    expect(errorsOf(form({ cardFeeCap: '0' }))).toEqual({ cardFeeCap: 'notPositive' });
    expect(errorsOf(form({ methods: [] }))).toEqual({ methods: 'noMethods' });
    expect(bodyOf(form({ methods: [], onlineInvoices: false })).methods).toEqual([]);
    const off = bodyOf(
      form({ partialAllowed: false, partialMinimum: 'abc', cardFeePercent: '', cardFeeCap: 'x' }),
    );
    expect(off).toMatchObject({ partialMinimum: null, cardFeeBps: 0, cardFeeCap: null });
  });

  test('Stripe: the keys go only with Stripe chosen; an empty secret keeps the stored one', () => {
    const first = form({
      processor: 'stripe',
      publishableKey: ' pk_test_abc123 ',
      secretKey: '',
      webhookSecret: '',
    });
    expect(errorsOf(first)).toEqual({ secretKey: 'required' });
    expect(errorsOf(form({ processor: 'stripe', secretKey: 'sk_test_x' }))).toEqual({
      publishableKey: 'required',
    });
    expect(bodyOf(first, { ...usd, hasStripeKeys: true }).stripe).toEqual({
      publishableKey: 'pk_test_abc123',
    });
    expect(
      bodyOf(
        form({
          processor: 'stripe',
          publishableKey: 'pk_test_a',
          secretKey: 'sk_test_b',
          webhookSecret: 'whsec_c',
        }),
      ).stripe,
    ).toEqual({ publishableKey: 'pk_test_a', secretKey: 'sk_test_b', webhookSecret: 'whsec_c' });
    // Back to the sandbox: typed keys are not sent (the stored ones stay for later).
    expect(bodyOf(form({ processor: 'sandbox', secretKey: 'sk_test_b' }))).not.toHaveProperty('stripe');
  });

  test('the form filled from the server never holds a secret', () => {
    const withStripe = formFromSettings(
      {
        ...saved,
        processor: 'stripe',
        stripe: { publishableKey: 'pk_test_a', secretKeyLast4: 'UvWx', hasWebhookSecret: true },
      },
      'USD',
      'en-US',
    );
    expect(withStripe).toMatchObject({ publishableKey: 'pk_test_a', secretKey: '', webhookSecret: '' });
  });
});

describe('server errors land on their fields', () => {
  test('schema and use-case field names map to the form', () => {
    expect(formFieldOf('cardFeeBps')).toBe('cardFeePercent');
    expect(formFieldOf('partialMinimum')).toBe('partialMinimum');
    expect(formFieldOf('erpAccounts.card')).toBe('erpCard');
    expect(formFieldOf('autopayText.en')).toBe('autopayEn');
    expect(formFieldOf('stripe/secretKey')).toBe('secretKey');
    expect(formFieldOf('/stripe/webhookSecret')).toBe('webhookSecret');
    expect(formFieldOf('methods.1')).toBe('methods');
    expect(formFieldOf('(body)')).toBeNull();
  });

  test('the webhook address follows the processor chosen in the form', () => {
    expect(webhookUrlFor(saved, 'stripe')).toBe(
      'https://saldo.example/api/v1/webhooks/stripe/0193a0c4-0000-7000-8000-000000000001',
    );
    expect(webhookUrlFor(saved, 'sandbox')).toBe(saved.webhookUrl);
  });
});
