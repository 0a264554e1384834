import { afterAll, describe, expect, test } from 'vitest';
import { openSecret } from '../../src/domain/shared/sealed-secrets.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { startStripeFake } from '../support/stripe-fake/stripe-fake.ts';

/**
 * A seller's online-payment settings: owners and admins change them; Stripe's secret key and
 * webhook secret are sealed at rest (only this seller's id opens them) and never come back in
 * full; the switch per customer account stops that account paying online, with the reason.
 */
// Stripe keys are shown to Stripe before they are stored: here to the local fake, which knows one.
const fake = await startStripeFake({ secretKey: 'sk_test_51AbCdEfGhIjKlMnOpQrStUvWx' });
afterAll(() => fake.close());
const { app, db, config } = await useTestApp({ stripeApiUrl: fake.url });
const seller = await seedSeller(db, { locale: 'en' });
const orgId = seller.org.id;
const accountId = seller.account.id;
const owner = as(app, await signInTo(app, seller.staff.owner.email, { kind: 'staff', orgId }));
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const payer = as(
  app,
  await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId }),
);

const settings = (overrides: Record<string, unknown> = {}) => ({
  processor: 'sandbox',
  onlineInvoices: true,
  methods: ['card', 'ach'],
  erpAccounts: { card: 'TARJETA', ach: null },
  partialAllowed: true,
  partialMinimum: 5_000,
  cardFeeBps: 300,
  cardFeeCap: 2_500,
  autopayText: { es: null, en: null },
  ...overrides,
});
const put = (body: unknown, who = owner) =>
  who({ method: 'PUT', url: '/api/v1/console/settings/payments', payload: body as Record<string, unknown> });

describe('payment settings', () => {
  test('defaults: the sandbox, card and ACH, no fee; the webhook address names the seller', async () => {
    const r = await owner({ method: 'GET', url: '/api/v1/console/settings/payments' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      processor: 'sandbox',
      onlineInvoices: true,
      methods: ['card', 'ach'],
      cardFeeBps: 0,
      stripe: null,
      webhookUrl: `${config.publicUrl}/api/v1/webhooks/sandbox/${orgId}`,
    });
    expect((await agent({ method: 'GET', url: '/api/v1/console/settings/payments' })).statusCode).toBe(403);
  });

  test('saved settings are what the portal offers: the fee and the partial minimum apply', async () => {
    const saved = await put(settings());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ cardFeeBps: 300, cardFeeCap: 2_500, partialMinimum: 5_000 });
    const options = await payer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(options.json()).toMatchObject({
      cardFee: { percentBps: 300, cap: 2_500 },
      partial: { allowed: true, minimum: 5_000 },
    });
  });

  test('impossible values are refused, each named', async () => {
    const zeroMinimum = await put(settings({ partialMinimum: 0, cardFeeCap: -1 }));
    expect(zeroMinimum.statusCode).toBe(400);
    expect(
      zeroMinimum
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['cardFeeCap', 'partialMinimum']);
    expect((await put(settings({ cardFeeBps: 5_000 }))).statusCode).toBe(400);
    expect((await put(settings({ methods: ['card', 'card'] }))).statusCode).toBe(400);
    expect((await put(settings({ erpAccounts: { card: 'x\u0000', ach: null } }))).statusCode).toBe(400);
    // Stripe without keys, or with keys that are not Stripe's.
    expect((await put(settings({ processor: 'stripe' }))).statusCode).toBe(400);
    const bad = await put(settings({ stripe: { publishableKey: 'pk_nope', secretKey: '4242424242424242' } }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).not.toContain('4242424242424242');
  });

  test('Stripe keys: sealed at rest, only the last four shown, kept when not sent again', async () => {
    const secretKey = 'sk_test_51AbCdEfGhIjKlMnOpQrStUvWx';
    const saved = await put(
      settings({
        processor: 'stripe',
        stripe: {
          publishableKey: 'pk_test_51AbCdEfGhIjKlMn',
          secretKey,
          webhookSecret: 'whsec_abcdefghijklmnop',
        },
      }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().stripe).toEqual({
      publishableKey: 'pk_test_51AbCdEfGhIjKlMn',
      secretKeyLast4: 'UvWx',
      hasWebhookSecret: true,
    });
    expect(saved.body).not.toContain(secretKey);
    const row = await db
      .selectFrom('processor_credentials')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row.secret_key_sealed).not.toContain(secretKey);
    expect(openSecret(config.secretKey, orgId, row.secret_key_sealed)).toBe(secretKey);
    expect(() => openSecret(config.secretKey, accountId, row.secret_key_sealed)).toThrow();
    // Saved again without the secret: kept.
    const again = await put(
      settings({ processor: 'stripe', stripe: { publishableKey: 'pk_test_51AbCdEfGhIjKlMn' } }),
    );
    expect(again.json().stripe.secretKeyLast4).toBe('UvWx');
    const audit = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'payment_settings.updated')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(secretKey);
    await put(settings());
  });

  test('a secret key Stripe refuses is not stored, and says so', async () => {
    const refused = await put(
      settings({
        processor: 'stripe',
        stripe: {
          publishableKey: 'pk_test_51AbCdEfGhIjKlMn',
          secretKey: 'sk_test_51ZzZzZzZzZzZzZzZzZzZzZzZz',
        },
      }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'stripe_keys_invalid' });
    expect(refused.body).not.toContain('sk_test_51ZzZzZzZzZzZzZzZzZzZzZzZz');
    const row = await db
      .selectFrom('processor_credentials')
      .select('secret_key_sealed')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(openSecret(config.secretKey, orgId, row.secret_key_sealed)).toBe(
      'sk_test_51AbCdEfGhIjKlMnOpQrStUvWx',
    );
    expect((await owner({ method: 'GET', url: '/api/v1/console/settings/payments' })).json().processor).toBe(
      'sandbox',
    );
  });

  test('the switch per customer account: off, the portal says why and refuses to pay', async () => {
    const off = await agent({
      method: 'PUT',
      url: `/api/v1/console/customers/${accountId}/online-payments`,
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    const options = await payer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(options.json()).toMatchObject({ enabled: false, blockedReason: 'customer_off' });
    const quote = await payer({
      method: 'POST',
      url: '/api/v1/portal/payments/quote',
      payload: { kind: 'card', allocations: [{ invoiceId: crypto.randomUUID(), amount: 100 }] },
    });
    expect(quote.statusCode).toBe(403);
    expect(quote.json().code).toBe('online_payments_disabled');
    expect(quote.json().detail).toMatch(/cannot pay online/);
    await agent({
      method: 'PUT',
      url: `/api/v1/console/customers/${accountId}/online-payments`,
      payload: { enabled: true },
    });
    expect((await payer({ method: 'GET', url: '/api/v1/portal/payment-options' })).json().enabled).toBe(true);
  });
});
