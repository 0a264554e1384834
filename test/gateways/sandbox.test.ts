import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ChargeRequest,
  GatewayRequestError,
  GatewayUnavailableError,
  type MethodKind,
  type PaymentGateway,
  type ProcessorCustomer,
  WebhookRejectedError,
} from '../../src/domain/payments/payment-gateway.ts';
import { runSandboxClock } from '../../src/gateways/sandbox/run-sandbox-clock.ts';
import { sandboxRoutes } from '../../src/gateways/sandbox/sandbox.routes.ts';
import { sandboxFee } from '../../src/gateways/sandbox/sandbox-fees.ts';
import {
  createSandboxGateway,
  type SandboxFaults,
  TIMEOUT_AMOUNT,
} from '../../src/gateways/sandbox/sandbox-gateway.ts';
import { sandboxDb } from '../../src/gateways/sandbox/sandbox-tables.ts';
import { signatureHeader } from '../../src/gateways/sandbox/sandbox-webhooks.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

const PUBLIC_URL = 'http://saldo.test';
const SECRET = 'whsec_sandbox_test_secret';
/** A Monday. */
const MONDAY = new Date('2026-03-02T15:00:00Z');
const DAY = 24 * 3600 * 1000;

const { db } = useTestDb();
let app: FastifyInstance;
/** The clock every gateway and page of this file reads; tests move it. */
let clock = MONDAY;
const now = () => clock;

beforeAll(async () => {
  app = Fastify();
  await app.register(sandboxRoutes, { prefix: '/sandbox', db, now });
  await app.ready();
});
afterAll(() => app.close());

interface Seller {
  orgId: string;
  gateway: PaymentGateway;
  customer: ProcessorCustomer;
  faults: SandboxFaults;
}

async function newSeller(options: { settlementDays?: number } = {}): Promise<Seller> {
  const org = await createOrg(db, { locale: 'en' });
  const account = await createCustomerAccount(db, org.id);
  const faults: SandboxFaults = {};
  const gateway = createSandboxGateway({
    db,
    publicUrl: PUBLIC_URL,
    orgId: org.id,
    webhookSecret: SECRET,
    now,
    faults,
    ...options,
  });
  return {
    orgId: org.id,
    gateway,
    faults,
    customer: {
      processorCustomerId: null,
      name: account.name,
      email: 'ap@bistro.test',
      orgId: org.id,
      customerId: account.id,
    },
  };
}

/** Types a number on the sandbox's entry page, as a payer would, and returns the token it hands back. */
async function enter(seller: Seller, kind: MethodKind, number: string): Promise<string> {
  const session = await seller.gateway.createEntrySession({
    kind,
    customer: seller.customer,
    locale: 'en',
    returnUrl: `${PUBLIC_URL}/portal/pay/return?ref=1`,
    cancelUrl: `${PUBLIC_URL}/portal/pay`,
    reference: 'test',
  });
  if (session.type !== 'redirect') throw new Error('the sandbox redirects');
  const fields: Record<string, string> =
    kind === 'card'
      ? {
          number,
          expiry: '12/30',
          cvc: number.startsWith('3') ? '1234' : '123',
          name: 'Alex Morgan',
          postalCode: '10001',
        }
      : { holderName: 'Corner Bistro LLC', routing: '110000000', account: number, accountType: 'checking' };
  const response = await app.inject({
    method: 'POST',
    url: new URL(session.url).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  expect(response.statusCode, response.body).toBe(303);
  const token = new URL(String(response.headers.location)).searchParams.get('method');
  expect(token).toMatch(/^pm_sb_/);
  return token!;
}

/** A token attached to the seller's sandbox customer (reusable, off-session too). */
async function saved(seller: Seller, kind: MethodKind, number: string): Promise<string> {
  const token = await enter(seller, kind, number);
  const result = await seller.gateway.saveMethod({
    idempotencyKey: randomUUID(),
    customer: seller.customer,
    methodToken: token,
    kind,
  });
  seller.customer = { ...seller.customer, processorCustomerId: result.processorCustomerId };
  return token;
}

function chargeRequest(seller: Seller, token: string, over: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    idempotencyKey: randomUUID(),
    amount: 10_000n,
    currency: 'USD',
    kind: 'card',
    methodToken: token,
    customer: seller.customer,
    offSession: false,
    description: 'INV-1001',
    metadata: { paymentId: randomUUID(), orgId: seller.orgId },
    ...over,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayRequestError);
  return (error as GatewayRequestError).processorCode;
}

/** Runs the clock for one seller at `at`, keeping what it delivered. */
async function tick(
  seller: Seller,
  at: Date,
  sent: { body: string; headers: Record<string, string> }[] = [],
) {
  clock = at;
  return runSandboxClock(
    {
      db,
      publicUrl: PUBLIC_URL,
      webhookSecret: SECRET,
      now: at,
      deliver: async (url, body, headers) => {
        expect(url).toBe(`${PUBLIC_URL}/api/v1/webhooks/sandbox/${seller.orgId}`);
        sent.push({ body, headers });
        return 200;
      },
    },
    { orgId: seller.orgId },
  );
}

function eventsOf(seller: Seller, sent: { body: string; headers: Record<string, string> }[]) {
  return sent.map((s) =>
    seller.gateway.verifyWebhook({
      rawBody: Buffer.from(s.body),
      headers: s.headers,
      secret: SECRET,
      now: clock,
    }),
  );
}

describe('cards', () => {
  test.each([
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
  ])('%s (%s) succeeds with a fee of 2.9%% + 30¢', async (number, brand) => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await enter(seller, 'card', number);
    const method = await seller.gateway.describeMethod(token);
    expect(method.details).toEqual({
      kind: 'card',
      brand,
      last4: number.slice(-4),
      expMonth: 12,
      expYear: 2030,
      bankName: null,
      accountType: null,
    });
    const result = await seller.gateway.charge(chargeRequest(seller, token, { amount: 12_345n }));
    // 2.9 % of 123.45 = 3.58005 → 3.58, plus 0.30.
    expect(result).toEqual({
      status: 'succeeded',
      processorPaymentId: expect.stringMatching(/^ch_sb_/),
      feeAmount: 388n,
    });
  });

  test.each([
    ['4000000000000002', 'card_declined', false, 'generic_decline'],
    ['4000000000009995', 'insufficient_funds', true, 'insufficient_funds'],
    ['4000000000000069', 'expired_card', false, 'expired_card'],
    ['4000000000000127', 'incorrect_cvc', false, 'incorrect_cvc'],
    ['4000000000000119', 'processing_error', true, 'processing_error'],
  ])('%s fails with %s (retryable: %s)', async (number, code, retryable, processorCode) => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await enter(seller, 'card', number);
    const result = await seller.gateway.charge(chargeRequest(seller, token));
    expect(result).toEqual({
      status: 'failed',
      processorPaymentId: expect.stringMatching(/^ch_sb_/),
      failure: { code, retryable, processorCode, processorMessage: expect.any(String) },
    });
    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, MONDAY, sent);
    expect(eventsOf(seller, sent)).toMatchObject([{ type: 'charge.failed', failure: { code } }]);
  });

  test('4000002760003184 asks for 3-D Secure on session and fails off session', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4000002760003184');
    const onSession = await seller.gateway.charge(chargeRequest(seller, token));
    expect(onSession).toEqual({
      status: 'requires_action',
      processorPaymentId: expect.stringMatching(/^ch_sb_/),
      actionUrl: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/sandbox/authenticate/ch_sb_`)),
    });
    const offSession = await seller.gateway.charge(chargeRequest(seller, token, { offSession: true }));
    expect(offSession).toMatchObject({
      status: 'failed',
      failure: { code: 'authentication_required', retryable: false },
    });
  });

  test('an unattached token is charged once; a saved one again and again; a detached one never', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const once = await enter(seller, 'card', '4242424242424242');
    expect((await seller.gateway.charge(chargeRequest(seller, once))).status).toBe('succeeded');
    expect(await refusal(seller.gateway.charge(chargeRequest(seller, once)))).toBe(
      'payment_method_unexpected_state',
    );

    const card = await saved(seller, 'card', '4242424242424242');
    for (let i = 0; i < 3; i++)
      expect((await seller.gateway.charge(chargeRequest(seller, card, { offSession: true }))).status).toBe(
        'succeeded',
      );
    await seller.gateway.detachMethod(card);
    expect(await refusal(seller.gateway.charge(chargeRequest(seller, card)))).toBe(
      'payment_method_unexpected_state',
    );
    expect((await seller.gateway.describeMethod(card)).details.last4).toBe('4242');
    expect(await refusal(seller.gateway.describeMethod('pm_sb_unknown'))).toBe('resource_missing');
  });

  test('a token of another seller is unknown here', async () => {
    const a = await newSeller();
    const b = await newSeller();
    const token = await enter(a, 'card', '4242424242424242');
    expect(await refusal(b.gateway.charge(chargeRequest(b, token)))).toBe('resource_missing');
  });
});

describe('fees', () => {
  test('card 2.9 % rounded half-up to the minor unit, plus 0.30 of the currency; ACH 0.8 % capped at 5.00', () => {
    expect(sandboxFee('card', 10_000n, 'USD')).toBe(320n);
    expect(sandboxFee('card', 50n, 'USD')).toBe(31n); // 1.45 → 1, + 30
    expect(sandboxFee('card', 52n, 'USD')).toBe(32n); // 1.508 → 2, + 30
    expect(sandboxFee('card', 10_000n, 'JPY')).toBe(290n); // no minor unit: 0.30 rounds to 0
    expect(sandboxFee('card', 10_000n, 'BHD')).toBe(590n); // 0.300 BHD is 300
    expect(sandboxFee('ach', 10_000n, 'USD')).toBe(80n);
    expect(sandboxFee('ach', 62_500n, 'USD')).toBe(500n);
    expect(sandboxFee('ach', 10_000_000n, 'USD')).toBe(500n);
  });
});

describe('idempotency', () => {
  test('the same key and request replays the first answer, and charges once', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const request = chargeRequest(seller, token);
    const first = await seller.gateway.charge(request);
    const again = await seller.gateway.charge({ ...request, metadata: { ...request.metadata } });
    expect(again).toEqual(first);
    const rows = await sandboxDb(db)
      .selectFrom('sandbox_charges')
      .select('id')
      .where('org_id', '=', seller.orgId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  test('the same key with another request is refused', async () => {
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const request = chargeRequest(seller, token);
    await seller.gateway.charge(request);
    expect(await refusal(seller.gateway.charge({ ...request, amount: 10_001n }))).toBe(
      'idempotency_key_reused',
    );
  });

  test('concurrent requests with one key make one charge', async () => {
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const request = chargeRequest(seller, token);
    const results = await Promise.all(Array.from({ length: 8 }, () => seller.gateway.charge(request)));
    expect(new Set(results.map((r) => r.processorPaymentId)).size).toBe(1);
  });

  test('refunds and saves replay too, and refuse a reused key', async () => {
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const charge = await seller.gateway.charge(chargeRequest(seller, token));
    const refund = {
      idempotencyKey: randomUUID(),
      processorPaymentId: charge.processorPaymentId!,
      amount: 1_000n,
      currency: 'USD',
      reason: null,
      metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
    };
    const first = await seller.gateway.refund(refund);
    expect(await seller.gateway.refund(refund)).toEqual(first);
    expect(await refusal(seller.gateway.refund({ ...refund, amount: 2_000n }))).toBe(
      'idempotency_key_reused',
    );

    const other = await enter(seller, 'card', '5555555555554444');
    const save = {
      idempotencyKey: randomUUID(),
      customer: seller.customer,
      methodToken: other,
      kind: 'card' as const,
    };
    const saveFirst = await seller.gateway.saveMethod(save);
    expect(await seller.gateway.saveMethod(save)).toEqual(saveFirst);
    expect(saveFirst.processorCustomerId).toBe(seller.customer.processorCustomerId);
    expect(await refusal(seller.gateway.saveMethod({ ...save, methodToken: token }))).toBe(
      'idempotency_key_reused',
    );
  });
});

describe('unknown outcomes', () => {
  test('a charge that timed out after the sandbox recorded it is found by its key, and a retry replays it', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const request = chargeRequest(seller, token);
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: null,
        idempotencyKey: request.idempotencyKey,
      }),
    ).toBe(null);
    seller.faults.timeoutNextCharge = true;
    await expect(seller.gateway.charge(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(seller.faults.timeoutNextCharge).toBe(false);
    const found = await seller.gateway.retrieveCharge({
      processorPaymentId: null,
      idempotencyKey: request.idempotencyKey,
    });
    expect(found).toMatchObject({ status: 'succeeded', feeAmount: 320n });
    expect(await seller.gateway.charge(request)).toEqual(found);
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: found!.processorPaymentId,
        idempotencyKey: 'other',
      }),
    ).toEqual(found);
  });

  test(`an amount of ${TIMEOUT_AMOUNT} minor units times out the same way`, async () => {
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const request = chargeRequest(seller, token, { amount: TIMEOUT_AMOUNT });
    await expect(seller.gateway.charge(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: null,
        idempotencyKey: request.idempotencyKey,
      }),
    ).toMatchObject({ status: 'succeeded' });
  });
});

describe('refunds', () => {
  test('never more than captured minus refunded', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await saved(seller, 'card', '4242424242424242');
    const charge = await seller.gateway.charge(chargeRequest(seller, token));
    const refund = (amount: bigint) =>
      seller.gateway.refund({
        idempotencyKey: randomUUID(),
        processorPaymentId: charge.processorPaymentId!,
        amount,
        currency: 'USD',
        reason: 'requested_by_customer',
        metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
      });
    expect(await refund(4_000n)).toEqual({
      status: 'succeeded',
      processorRefundId: expect.stringMatching(/^re_sb_/),
    });
    expect(await refusal(refund(6_001n))).toBe('amount_too_large');
    expect(await refusal(refund(0n))).toBe('parameter_invalid');
    expect((await refund(6_000n)).status).toBe('succeeded');
    expect(await refusal(refund(1n))).toBe('charge_already_refunded');
  });

  test('a declined charge cannot be refunded', async () => {
    const seller = await newSeller();
    const token = await enter(seller, 'card', '4000000000000002');
    const charge = await seller.gateway.charge(chargeRequest(seller, token));
    expect(
      await refusal(
        seller.gateway.refund({
          idempotencyKey: randomUUID(),
          processorPaymentId: charge.processorPaymentId!,
          amount: 1n,
          currency: 'USD',
          reason: null,
          metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
        }),
      ),
    ).toBe('charge_not_refundable');
  });
});

describe('ACH debits and the clock', () => {
  test('000123456789 settles two business days later, weekends skipped', async () => {
    const friday = new Date('2026-03-06T15:00:00Z');
    clock = friday;
    const seller = await newSeller();
    const token = await enter(seller, 'ach', '000123456789');
    expect((await seller.gateway.describeMethod(token)).details).toEqual({
      kind: 'ach',
      brand: null,
      last4: '6789',
      expMonth: null,
      expYear: null,
      bankName: 'Sandbox Bank',
      accountType: 'checking',
    });
    const charge = await seller.gateway.charge(
      chargeRequest(seller, token, { kind: 'ach', amount: 100_000n }),
    );
    expect(charge).toEqual({ status: 'processing', processorPaymentId: expect.stringMatching(/^ch_sb_/) });
    const lookup = { processorPaymentId: charge.processorPaymentId, idempotencyKey: 'unused' };

    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, new Date('2026-03-09T15:00:00Z'), sent); // Monday: one business day
    expect(await seller.gateway.retrieveCharge(lookup)).toMatchObject({ status: 'processing' });
    await tick(seller, new Date('2026-03-10T15:00:00Z'), sent); // Tuesday: the second
    // 0.8 % of 1,000.00 = 8.00, above the 5.00 cap.
    expect(await seller.gateway.retrieveCharge(lookup)).toEqual({
      status: 'succeeded',
      processorPaymentId: charge.processorPaymentId,
      feeAmount: 500n,
    });
    expect(eventsOf(seller, sent)).toMatchObject([
      {
        type: 'charge.settled',
        processorPaymentId: charge.processorPaymentId,
        paymentId: expect.any(String),
      },
    ]);
  });

  test.each([
    ['000111111116', 'R01', 'insufficient_funds'],
    ['000111111113', 'R02', 'account_closed'],
    ['000222222227', 'R03', 'invalid_account'],
    ['000333333335', 'R10', 'unauthorized_debit'],
    ['000444444440', 'R29', 'unauthorized_debit'],
  ])('%s comes back with %s on its settlement day', async (account, returnCode, code) => {
    clock = MONDAY;
    const seller = await newSeller({ settlementDays: 1 });
    const token = await enter(seller, 'ach', account);
    const charge = await seller.gateway.charge(chargeRequest(seller, token, { kind: 'ach', amount: 2_500n }));
    expect(charge.status).toBe('processing');
    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, new Date(MONDAY.getTime() + DAY), sent);
    expect(eventsOf(seller, sent)).toEqual([
      {
        id: expect.stringMatching(/^evt_sb_/),
        occurredAt: new Date(Math.floor((MONDAY.getTime() + DAY) / 1000) * 1000),
        paymentId: expect.any(String),
        type: 'charge.returned',
        processorPaymentId: charge.processorPaymentId,
        returnCode,
        amount: 2_500n,
      },
    ]);
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: charge.processorPaymentId,
        idempotencyKey: 'x',
      }),
    ).toMatchObject({ status: 'failed', failure: { code, processorCode: returnCode } });
    // Nothing reached the balance: no payout.
    await tick(seller, new Date(MONDAY.getTime() + 7 * DAY));
    expect(await seller.gateway.listPayouts({ since: '2026-01-01' })).toEqual([]);
  });

  test('000666666661 settles on its day, then comes back R10 two business days later, out of the next payout', async () => {
    const thursday = new Date('2026-03-05T15:00:00Z');
    clock = thursday;
    const seller = await newSeller();
    const token = await enter(seller, 'ach', '000666666661');
    expect((await seller.gateway.describeMethod(token)).details).toMatchObject({
      kind: 'ach',
      last4: '6661',
    });
    const charge = await seller.gateway.charge(
      chargeRequest(seller, token, { kind: 'ach', amount: 30_000n }),
    );
    const lookup = { processorPaymentId: charge.processorPaymentId, idempotencyKey: 'unused' };
    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, new Date('2026-03-09T15:00:00Z'), sent); // Monday: Thursday + 2 business days
    expect(await seller.gateway.retrieveCharge(lookup)).toMatchObject({ status: 'succeeded' });
    expect(eventsOf(seller, sent)).toMatchObject([{ type: 'charge.settled' }]);

    sent.length = 0;
    await tick(seller, new Date('2026-03-10T15:00:00Z'), sent); // Tuesday: one business day after
    expect(eventsOf(seller, sent).map((e) => e.type)).not.toContain('charge.returned');
    sent.length = 0;
    await tick(seller, new Date('2026-03-11T15:00:00Z'), sent); // Wednesday: the second
    expect(eventsOf(seller, sent).filter((e) => e.type === 'charge.returned')).toEqual([
      {
        id: expect.stringMatching(/^evt_sb_/),
        occurredAt: new Date('2026-03-11T15:00:00Z'),
        paymentId: expect.any(String),
        type: 'charge.returned',
        processorPaymentId: charge.processorPaymentId,
        returnCode: 'R10',
        amount: 30_000n,
      },
    ]);
    expect(await seller.gateway.retrieveCharge(lookup)).toMatchObject({
      status: 'failed',
      failure: { code: 'unauthorized_debit', processorCode: 'R10' },
    });
    // Once only, however often the clock runs.
    sent.length = 0;
    await tick(seller, new Date('2026-03-16T15:00:00Z'), sent);
    expect(eventsOf(seller, sent).map((e) => e.type)).not.toContain('charge.returned');
    // Its money went out in Tuesday's payout (less the fee) and came back out of Thursday's.
    const payouts = await seller.gateway.listPayouts({ since: '2026-01-01' });
    expect(
      payouts.map((p) => [p.methodKind, p.amount, p.lines.map((l) => [l.type, l.amount, l.fee])]),
    ).toEqual([
      ['ach', 29_760n, [['charge', 30_000n, 240n]]],
      ['ach', -30_000n, [['return', -30_000n, 0n]]],
    ]);
  });

  test('ACH is USD only, and is refunded only once settled, pending until the next tick', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await saved(seller, 'ach', '000123456789');
    expect(
      await refusal(seller.gateway.charge(chargeRequest(seller, token, { kind: 'ach', currency: 'MXN' }))),
    ).toBe('currency_not_supported');
    const charge = await seller.gateway.charge(
      chargeRequest(seller, token, { kind: 'ach', amount: 50_000n }),
    );
    const refund = (amount: bigint) =>
      seller.gateway.refund({
        idempotencyKey: randomUUID(),
        processorPaymentId: charge.processorPaymentId!,
        amount,
        currency: 'USD',
        reason: null,
        metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
      });
    expect(await refusal(refund(1_000n))).toBe('charge_not_refundable');
    await tick(seller, new Date('2026-03-04T15:00:00Z')); // Wednesday: settled
    expect((await refund(1_000n)).status).toBe('pending');
    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, new Date('2026-03-04T15:01:00Z'), sent);
    expect(eventsOf(seller, sent)).toMatchObject([{ type: 'refund.succeeded', amount: 1_000n }]);
  });
});

describe('payouts', () => {
  test('one per business day and kind, arriving the next business day, with its lines', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const card = await saved(seller, 'card', '4242424242424242');
    const bank = await saved(seller, 'ach', '000123456789');
    const charge = await seller.gateway.charge(chargeRequest(seller, card, { amount: 10_000n }));
    await seller.gateway.refund({
      idempotencyKey: randomUUID(),
      processorPaymentId: charge.processorPaymentId!,
      amount: 2_500n,
      currency: 'USD',
      reason: null,
      metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
    });
    const debit = await seller.gateway.charge(chargeRequest(seller, bank, { kind: 'ach', amount: 20_000n }));

    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, new Date('2026-03-03T09:00:00Z'), sent); // Tuesday: Monday's card payout arrives
    const [cardPayout] = await seller.gateway.listPayouts({ since: '2026-03-01' });
    expect(cardPayout).toEqual({
      id: expect.stringMatching(/^po_sb_/),
      amount: 10_000n - 2_500n - 320n,
      currency: 'USD',
      arrivalDate: '2026-03-03',
      methodKind: 'card',
      status: 'paid',
      lines: [
        { type: 'charge', processorPaymentId: charge.processorPaymentId, amount: 10_000n, fee: 320n },
        { type: 'refund', processorPaymentId: charge.processorPaymentId, amount: -2_500n, fee: 0n },
      ],
    });
    expect(eventsOf(seller, sent)).toMatchObject([
      { type: 'charge.succeeded' },
      { type: 'refund.succeeded' },
      { type: 'payout.paid', payoutId: cardPayout!.id, amount: 7_180n, arrivalDate: '2026-03-03' },
    ]);

    await tick(seller, new Date('2026-03-04T15:00:00Z')); // Wednesday: the debit settles
    await tick(seller, new Date('2026-03-05T15:00:00Z')); // Thursday: its payout arrives
    const payouts = await seller.gateway.listPayouts({ since: '2026-03-04' });
    expect(payouts).toMatchObject([
      {
        methodKind: 'ach',
        amount: 20_000n - 160n,
        arrivalDate: '2026-03-05',
        status: 'paid',
        lines: [{ type: 'charge', processorPaymentId: debit.processorPaymentId, amount: 20_000n, fee: 160n }],
      },
    ]);
  });

  test('payouts add up: Σ nets = Σ charges − Σ refunds − Σ returns − Σ fees', async () => {
    type Op =
      | { t: 'charge'; method: 'card' | 'ach' | 'achReturn'; amount: bigint }
      | { t: 'refund'; pick: number; percent: number }
      | { t: 'advance'; hours: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        t: fc.constant('charge' as const),
        method: fc.constantFrom('card' as const, 'ach' as const, 'achReturn' as const),
        amount: fc.bigInt({ min: 1n, max: 2_000_000n }),
      }),
      fc.record({
        t: fc.constant('refund' as const),
        pick: fc.nat(),
        percent: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 80 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        clock = MONDAY;
        const seller = await newSeller();
        const tokens = {
          card: await saved(seller, 'card', '4242424242424242'),
          ach: await saved(seller, 'ach', '000123456789'),
          achReturn: await saved(seller, 'ach', '000111111116'),
        };
        let charges = 0n;
        let refunds = 0n;
        let returns = 0n;
        let fees = 0n;
        const made: { id: string; amount: bigint; refunded: bigint }[] = [];
        for (const o of ops) {
          if (o.t === 'charge') {
            const kind = o.method === 'card' ? 'card' : 'ach';
            const result = await seller.gateway.charge(
              chargeRequest(seller, tokens[o.method], { kind, amount: o.amount }),
            );
            charges += o.amount;
            if (o.method === 'achReturn') returns += o.amount;
            else fees += sandboxFee(kind, o.amount, 'USD');
            made.push({ id: result.processorPaymentId!, amount: o.amount, refunded: 0n });
          } else if (o.t === 'refund' && made.length > 0) {
            const target = made[o.pick % made.length]!;
            const left = target.amount - target.refunded;
            const amount = (left * BigInt(o.percent)) / 100n;
            if (amount === 0n) continue;
            const result = await seller.gateway
              .refund({
                idempotencyKey: randomUUID(),
                processorPaymentId: target.id,
                amount,
                currency: 'USD',
                reason: null,
                metadata: { paymentId: randomUUID(), orgId: seller.orgId, refundId: randomUUID() },
              })
              .catch((e: unknown) => {
                // Unsettled or returned debits cannot be refunded: nothing moves.
                expect((e as GatewayRequestError).processorCode).toBe('charge_not_refundable');
                return null;
              });
            if (result) {
              target.refunded += amount;
              refunds += amount;
            }
          } else if (o.t === 'advance') {
            await tick(seller, new Date(clock.getTime() + o.hours * 3600_000));
          }
        }
        // Let everything settle, every refund complete, and every day's payout leave.
        await tick(seller, new Date(clock.getTime() + 10 * DAY));
        await tick(seller, new Date(clock.getTime() + 7 * DAY));
        const payouts = await seller.gateway.listPayouts({ since: '2000-01-01' });
        for (const p of payouts) expect(p.amount).toBe(p.lines.reduce((s, l) => s + l.amount - l.fee, 0n));
        expect(payouts.every((p) => p.status === 'paid')).toBe(true);
        expect(payouts.reduce((s, p) => s + p.amount, 0n)).toBe(charges - refunds - returns - fees);
        expect(payouts.flatMap((p) => p.lines).reduce((s, l) => s + l.fee, 0n)).toBe(fees);
      }),
      { numRuns: 15 },
    );
  });
});

describe('webhooks', () => {
  async function oneDelivery() {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await enter(seller, 'card', '4242424242424242');
    const charge = await seller.gateway.charge(chargeRequest(seller, token));
    const sent: { body: string; headers: Record<string, string> }[] = [];
    await tick(seller, MONDAY, sent);
    expect(sent).toHaveLength(1);
    return { seller, charge, delivery: sent[0]! };
  }

  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookRejectedError);
      return (error as WebhookRejectedError).reason;
    }
    throw new Error('accepted');
  };

  test('a delivery verifies and maps to the event, with its created time', async () => {
    const { seller, charge, delivery } = await oneDelivery();
    const body = JSON.parse(delivery.body);
    expect(body).toEqual({
      id: expect.stringMatching(/^evt_sb_/),
      type: 'charge.succeeded',
      created: Math.floor(MONDAY.getTime() / 1000),
      data: expect.objectContaining({ chargeId: charge.processorPaymentId, amount: '10000', fee: '320' }),
    });
    expect(
      seller.gateway.verifyWebhook({
        rawBody: Buffer.from(delivery.body),
        headers: delivery.headers,
        secret: SECRET,
        now: MONDAY,
      }),
    ).toEqual({
      id: body.id,
      occurredAt: MONDAY,
      paymentId: body.data.metadata.paymentId,
      type: 'charge.succeeded',
      processorPaymentId: charge.processorPaymentId,
      feeAmount: 320n,
    });
  });

  test('a bad signature, a stale timestamp and a missing header are rejected', async () => {
    const { seller, delivery } = await oneDelivery();
    const verify =
      (rawBody: string, headers: Record<string, string>, at = MONDAY, secret = SECRET) =>
      () =>
        seller.gateway.verifyWebhook({ rawBody: Buffer.from(rawBody), headers, secret, now: at });
    expect(reason(verify(delivery.body.replace('10000', '99999'), delivery.headers))).toBe('bad_signature');
    expect(reason(verify(delivery.body, delivery.headers, MONDAY, 'another secret'))).toBe('bad_signature');
    expect(reason(verify(delivery.body, delivery.headers, new Date(MONDAY.getTime() + 301_000)))).toBe(
      'stale_timestamp',
    );
    expect(reason(verify(delivery.body, { 'content-type': 'application/json' }))).toBe('missing_signature');
    expect(reason(verify(delivery.body, { 'saldo-sandbox-signature': 'v1=abc' }))).toBe('malformed');
    const t = Math.floor(MONDAY.getTime() / 1000);
    expect(
      reason(verify('not json', { 'saldo-sandbox-signature': signatureHeader(SECRET, t, 'not json') })),
    ).toBe('malformed');
  });

  test('a failed delivery is retried later with backoff, then delivered once', async () => {
    clock = MONDAY;
    const seller = await newSeller();
    const token = await enter(seller, 'card', '4242424242424242');
    await seller.gateway.charge(chargeRequest(seller, token));
    const statuses: number[] = [];
    const run = (at: Date, status: number) =>
      runSandboxClock(
        {
          db,
          publicUrl: PUBLIC_URL,
          webhookSecret: async () => SECRET,
          now: at,
          deliver: async () => {
            statuses.push(status);
            return status;
          },
        },
        { orgId: seller.orgId },
      );
    expect((await run(MONDAY, 500)).deliveryFailures).toBe(1);
    expect((await run(new Date(MONDAY.getTime() + 30_000), 200)).delivered).toBe(0); // not due yet
    expect((await run(new Date(MONDAY.getTime() + 60_000), 0)).deliveryFailures).toBe(1);
    expect((await run(new Date(MONDAY.getTime() + 3 * 60_000), 200)).delivered).toBe(1);
    expect((await run(new Date(MONDAY.getTime() + 60 * 60_000), 200)).delivered).toBe(0);
    expect(statuses).toEqual([500, 0, 200]);
  });
});
