import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChargeRequest, MethodKind, Payout } from '../../src/domain/payments/payment-gateway.ts';
import { fromStripeAmount, toStripeAmount } from '../../src/gateways/stripe/stripe-amounts.ts';
import { toAchFailure, toChargeFailure } from '../../src/gateways/stripe/stripe-failures.ts';
import { createStripeGateway } from '../../src/gateways/stripe/stripe-gateway.ts';
import { toPayoutLine, toPayouts } from '../../src/gateways/stripe/stripe-payouts.ts';
import { type StripeFake, startStripeFake } from '../support/stripe-fake/stripe-fake.ts';

// Each test gets its own fake: a payout sweeps up every balance transaction not yet paid out.
let fake: StripeFake;
beforeEach(async () => {
  fake = await startStripeFake();
});
afterEach(async () => {
  await fake.close();
});

function gateway() {
  return createStripeGateway({
    secretKey: fake.secretKey,
    publishableKey: 'pk_test_saldo',
    api: { host: '127.0.0.1', port: fake.port, protocol: 'http' },
  });
}

function charge(amount: bigint, kind: MethodKind = 'card'): ChargeRequest {
  return {
    idempotencyKey: randomUUID(),
    amount,
    currency: 'USD',
    kind,
    methodToken: kind === 'card' ? 'pm_card_visa' : 'pm_usBankAccount_success',
    customer: { processorCustomerId: null, name: 'Norte', email: null, orgId: 'org-1', customerId: 'c-1' },
    offSession: false,
    description: 'Invoice F-1',
    metadata: { paymentId: randomUUID(), orgId: 'org-1' },
  };
}

const net = (payout: Payout) => payout.lines.reduce((sum, l) => sum + l.amount - l.fee, 0n);

describe('listPayouts', () => {
  it('lists a card payout whose lines add up to the deposit', async () => {
    const g = gateway();
    const a = await g.charge(charge(10_000n));
    const b = await g.charge(charge(5_000n));
    await g.refund({
      idempotencyKey: randomUUID(),
      processorPaymentId: b.processorPaymentId as string,
      amount: 2_000n,
      currency: 'USD',
      reason: null,
      metadata: { paymentId: 'p', orgId: 'org-1', refundId: 'r' },
    });
    const dispute = await fake.openDispute(a.processorPaymentId as string);
    fake.addFee(700, 'Radar fee');
    const stripePayout = await fake.createPayout({ arrivalDate: '2026-12-02' });

    const [payout, ...rest] = await g.listPayouts({ since: '2026-12-01' });
    expect(rest).toEqual([]);
    if (!payout) throw new Error('no payout');
    expect(payout).toMatchObject({
      id: stripePayout.id,
      currency: 'USD',
      arrivalDate: '2026-12-02',
      methodKind: 'card',
      status: 'paid',
    });
    // 100.00 + 50.00 − 20.00 refund − 100.00 dispute, less card fees, the dispute fee and a Radar fee.
    expect(payout.amount).toBe(10_000n + 5_000n - 2_000n - 10_000n - 320n - 175n - 1_500n - 700n);
    expect(net(payout)).toBe(payout.amount);
    expect(payout.amount).toBe(BigInt(stripePayout.amount));
    expect(payout.lines).toEqual(
      expect.arrayContaining([
        { type: 'charge', processorPaymentId: a.processorPaymentId, amount: 10_000n, fee: 320n },
        { type: 'charge', processorPaymentId: b.processorPaymentId, amount: 5_000n, fee: 175n },
        { type: 'refund', processorPaymentId: b.processorPaymentId, amount: -2_000n, fee: 0n },
        { type: 'dispute', processorPaymentId: a.processorPaymentId, amount: -10_000n, fee: 1_500n },
        { type: 'fee', processorPaymentId: null, amount: 0n, fee: 700n },
      ]),
    );
    expect(payout.lines).toHaveLength(5);
    expect(dispute.payment_intent).toBe(a.processorPaymentId);
  });

  it('splits a payout carrying card and ACH funds into its card and ACH parts', async () => {
    const g = gateway();
    const card = await g.charge(charge(20_000n));
    const ach = await g.charge(charge(300_000n, 'ach'));
    await fake.settleAch(ach.processorPaymentId as string);
    const stripePayout = await fake.createPayout({ arrivalDate: '2026-12-03', fee: 150 });

    const payouts = await g.listPayouts({ since: '2026-12-03' });
    expect(payouts.map((p) => [p.id, p.methodKind])).toEqual([
      [`${stripePayout.id}:card`, 'card'],
      [`${stripePayout.id}:ach`, 'ach'],
    ]);
    const [cardPart, achPart] = payouts as [Payout, Payout];
    expect(achPart.lines).toEqual([
      { type: 'charge', processorPaymentId: ach.processorPaymentId, amount: 300_000n, fee: 500n },
    ]);
    expect(cardPart.lines).toEqual(
      expect.arrayContaining([
        { type: 'charge', processorPaymentId: card.processorPaymentId, amount: 20_000n, fee: 610n },
        { type: 'fee', processorPaymentId: null, amount: 0n, fee: 150n },
      ]),
    );
    for (const part of payouts) expect(net(part)).toBe(part.amount);
    expect(cardPart.amount + achPart.amount).toBe(BigInt(stripePayout.amount));
  });

  it('lists only payouts arriving on or after the date, across pages', async () => {
    const g = gateway();
    await g.charge(charge(1_000n));
    await fake.createPayout({ arrivalDate: '2026-11-20' });
    const wanted: string[] = [];
    for (let i = 0; i < 3; i++) {
      await g.charge(charge(1_000n + BigInt(i)));
      wanted.push((await fake.createPayout({ arrivalDate: `2026-11-2${5 + i}`, status: 'in_transit' })).id);
    }
    const payouts = await g.listPayouts({ since: '2026-11-25' });
    expect(payouts.map((p) => p.id).sort()).toEqual([...wanted].sort());
    expect(payouts.every((p) => p.status === 'in_transit' && net(p) === p.amount)).toBe(true);
  });

  it('reports Stripe being down as unavailable, and a bad date as a refusal', async () => {
    fake.failNext(1, 502);
    await expect(gateway().listPayouts({ since: '2026-12-01' })).rejects.toMatchObject({
      name: 'GatewayUnavailableError',
    });
    await expect(gateway().listPayouts({ since: '12/01/2026' })).rejects.toMatchObject({
      name: 'GatewayRequestError',
    });
  });
});

describe('payout lines (property)', () => {
  const txnArb = fc.record({
    type: fc.constantFrom(
      'charge',
      'payment',
      'refund',
      'payment_failure_refund',
      'stripe_fee',
      'adjustment',
    ),
    amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fee: fc.integer({ min: 0, max: 10_000 }),
    kind: fc.constantFrom<MethodKind | null>('card', 'ach', null),
  });

  it('every payout (or its card and ACH parts) adds up to what reached the bank', () => {
    fc.assert(
      fc.property(
        fc.array(txnArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 500 }),
        (txns, payoutFee) => {
          const lines = txns.flatMap((t, i) => {
            const txn = {
              ...t,
              id: `txn_${i}`,
              net: t.amount - t.fee,
              reporting_category: t.type,
              source: null,
            };
            const line = toPayoutLine(txn as unknown as Stripe.BalanceTransaction, null, t.kind);
            return line ? [line] : [];
          });
          const total = txns.reduce((sum, t) => sum + t.amount - t.fee, 0) - payoutFee;
          const payoutTxn = { type: 'payout', amount: -total, fee: payoutFee, net: -total - payoutFee };
          const own = toPayoutLine(payoutTxn as unknown as Stripe.BalanceTransaction, null, null);
          if (own) lines.push(own);
          const payout = { id: 'po_1', amount: total, currency: 'usd', arrival_date: 0, status: 'paid' };
          const parts = toPayouts(payout as unknown as Stripe.Payout, lines);
          expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(BigInt(total));
          for (const part of parts) expect(net(part)).toBe(part.amount);
          expect(parts.every((p) => p.lines.every((l) => l.fee >= 0n))).toBe(true);
        },
      ),
    );
  });
});

describe('amounts and failures (property)', () => {
  it('an amount crosses to Stripe only when it survives the trip exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), (amount) => {
        const exact = amount >= 0n && amount <= BigInt(Number.MAX_SAFE_INTEGER);
        if (exact) expect(fromStripeAmount(toStripeAmount(amount))).toBe(amount);
        else expect(() => toStripeAmount(amount)).toThrow();
      }),
    );
  });

  it('every Stripe code maps to a known failure and keeps the code for support', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (code, decline) => {
          const failure = toChargeFailure({ code, decline_code: decline });
          expect(failure.processorCode).toBe(decline || code || 'unknown');
          if (failure.code === 'unknown') expect(failure.retryable).toBe(false);
        },
      ),
    );
    expect(toAchFailure({ code: 'insufficient_funds', network_decline_code: 'R09' })).toMatchObject({
      code: 'insufficient_funds',
      retryable: true,
    });
    expect(toAchFailure({ code: 'debit_not_authorized' })).toMatchObject({
      code: 'unauthorized_debit',
      retryable: false,
    });
  });
});
