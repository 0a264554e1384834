import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import {
  defaultPaymentSettings,
  savePaymentSettings,
} from '../../src/domain/payments/payment-settings.repository.ts';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * The ledger's invariants under random sequences of online payments, through the portal API and
 * the sandbox (each run a fresh seller with two fresh invoices, and maybe a card fee): pay by card
 * in full or in part; pay by ACH, then the sandbox's clock settles the debit or returns it (R01,
 * before settlement); refund part or all of a completed payment (refundPayment); return a settled
 * ACH debit (R10, by a signed webhook); make the sandbox redeliver every event it ever sent.
 *
 * A small model (the oracle, none of the code under test) predicts each invoice's open amount,
 * each payment's status and refunds, and the processor clearing account: Σ captured (+ card fee)
 * − Σ refunded − Σ returned after settlement. After every step the database must agree with it,
 * and the oracle-free SQL checks (ledgerProblems) must find nothing: every entry nets to zero;
 * 0 ≤ open ≤ total and open = total − Σ live applications − Σ credits; pending = what in-flight
 * payments hold; a completed payment's amount = Σ live applications + unapplied + refunded;
 * refunds ≤ captured; no step that moves money posted twice; each processor event took effect
 * on at most one step. Redelivered events change nothing.
 */
const ctx = await useOnlinePaymentsApp();
const { db, gateways } = ctx;

type Command =
  | { t: 'card'; inv: number; part: number | null }
  | { t: 'ach'; inv: number; part: number | null; returns: boolean }
  | { t: 'refund'; pick: number; whole: boolean; part: number }
  | { t: 'returnSettled'; pick: number }
  | { t: 'redeliver' };

const fraction = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('card' as const), inv: fc.nat(1), part: fc.option(fraction) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('ach' as const),
      inv: fc.nat(1),
      part: fc.option(fraction),
      returns: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      pick: fc.nat(9),
      whole: fc.boolean(),
      part: fraction,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('returnSettled' as const), pick: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redeliver' as const) }) },
);

interface OPayment {
  id: string;
  kind: 'card' | 'ach';
  inv: number;
  amount: bigint;
  fee: bigint;
  refunded: bigint;
  applied: bigint;
  unapplied: bigint;
  status: 'completed' | 'returned' | 'refunded';
}

const major = (minor: bigint) => `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
const share = (amount: bigint, part: number) => {
  const x = BigInt(Math.floor(Number(amount) * part));
  return x < 1n ? 1n : x >= amount ? amount - 1n : x;
};
/** The card fee as the seller's settings say: bps of the amount, half up, capped. */
const feeOf = (bps: number, cap: bigint, amount: bigint) => {
  const fee = (amount * BigInt(bps) + 5_000n) / 10_000n;
  return fee > cap ? cap : fee;
};

const reached = new Map<string, number>();
const reach = (path: string) => reached.set(path, (reached.get(path) ?? 0) + 1);

describe('online payments keep the ledger’s invariants', () => {
  test('random sequences of card and ACH payments, settlements, returns, refunds and redeliveries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 1_000, max: 500_000 }), fc.integer({ min: 1_000, max: 500_000 })),
        fc.constantFrom(0, 250),
        fc.array(command, { minLength: 2, maxLength: 7 }),
        async (totals, feeBps, commands) => {
          const s = await onlineSeller(ctx);
          const feeCap = 1_000n;
          if (feeBps > 0)
            await savePaymentSettings(db, {
              orgId: s.orgId,
              settings: { ...defaultPaymentSettings, cardFeeBps: feeBps, cardFeeCap: feeCap },
              updatedBy: null,
            });
          const invoices = await Promise.all(
            totals.map(async (t) => ({
              id: await s.invoice(major(BigInt(t))),
              total: BigInt(t),
              open: BigInt(t),
            })),
          );
          const payments: OPayment[] = [];
          let clearing = 0n;

          const check = async (after: string) => {
            expect(await s.problems(), after).toEqual([]);
            for (const inv of invoices)
              expect(await s.invoiceState(inv.id), after).toMatchObject({
                total: inv.total,
                open_amount: inv.open,
                pending_amount: 0n,
              });
            expect(await s.clearing(), after).toBe(clearing);
            for (const p of payments) {
              const row = await db
                .selectFrom('payments')
                .select(['status', 'refunded_amount', 'amount', 'fee_amount', 'unapplied_amount'])
                .where('org_id', '=', s.orgId)
                .where('id', '=', p.id)
                .executeTakeFirstOrThrow();
              expect(row, after).toMatchObject({
                status: p.status,
                refunded_amount: p.refunded,
                amount: p.amount,
                fee_amount: p.fee,
                ...(p.status === 'completed' ? { unapplied_amount: p.unapplied } : {}),
              });
            }
          };

          for (const [step, c] of commands.entries()) {
            const label = `step ${step} ${JSON.stringify(c)}`;
            if (c.t === 'card' || c.t === 'ach') {
              const inv = invoices[c.inv]!;
              const methodToken =
                c.t === 'card'
                  ? await s.card('4242424242424242')
                  : await s.bank(c.returns ? '000111111116' : '000123456789');
              if (inv.open === 0n) {
                const r = await s.pay({
                  kind: c.t,
                  methodToken,
                  achAuthorizationAccepted: true,
                  allocations: [{ invoiceId: inv.id, amount: 100 }],
                });
                expect(r.statusCode, label).toBe(422);
                expect(r.json().code).toBe('exceeds_open_amount');
                reach('paid invoice refused');
                await check(label);
                continue;
              }
              const amount = c.part === null || inv.open === 1n ? inv.open : share(inv.open, c.part);
              const fee = c.t === 'card' && feeBps > 0 ? feeOf(feeBps, feeCap, amount) : 0n;
              const r = await s.pay({
                kind: c.t,
                methodToken,
                achAuthorizationAccepted: true,
                allocations: [{ invoiceId: inv.id, amount: Number(amount) }],
              });
              expect(r.statusCode, `${label}: ${r.body}`).toBe(201);
              const paymentId = r.json().id as string;
              const p: OPayment = {
                id: paymentId,
                kind: c.t,
                inv: c.inv,
                amount,
                fee,
                refunded: 0n,
                applied: amount,
                unapplied: 0n,
                status: 'completed',
              };
              if (c.t === 'card') {
                expect(r.json(), label).toMatchObject({
                  status: 'completed',
                  amount: Number(amount),
                  fee: Number(fee),
                });
                inv.open -= amount;
                clearing += amount + fee;
                payments.push(p);
                reach('card');
              } else {
                expect(r.json().status, label).toBe('pending');
                expect(await s.invoiceState(inv.id)).toMatchObject({
                  open_amount: inv.open,
                  pending_amount: amount,
                  payment_status: 'payment_pending',
                });
                await s.advance(5);
                if (c.returns) {
                  payments.push({ ...p, applied: 0n, unapplied: amount, status: 'returned' });
                  reach('ach returned');
                } else {
                  inv.open -= amount;
                  clearing += amount;
                  payments.push(p);
                  reach('ach settled');
                }
              }
            } else if (c.t === 'refund') {
              const live = payments.filter((p) => p.status === 'completed');
              if (live.length === 0) continue;
              const p = live[c.pick % live.length]!;
              const refundable = p.amount - p.refunded;
              const refund = (amount: bigint) =>
                refundPayment(
                  { db, gateways },
                  {
                    orgId: s.orgId,
                    paymentId: p.id,
                    amount,
                    reason: null,
                    idempotencyKey: randomUUID(),
                    actor: {},
                  },
                );
              // Never more than what is left of the payment.
              await expect(refund(refundable + 1n), label).rejects.toSatisfy(
                (e) => e instanceof AppError && e.code === 'refund_exceeds_payment',
              );
              const amount = c.whole || refundable === 1n ? refundable : share(refundable, c.part);
              const done = await refund(amount);
              expect(done.status, label).toBe(p.kind === 'card' ? 'succeeded' : 'pending');
              // The refund comes out of unapplied cash first, then undoes the application (the invoice reopens).
              if (p.unapplied < amount) {
                invoices[p.inv]!.open += p.applied;
                p.unapplied += p.applied;
                p.applied = 0n;
              }
              p.unapplied -= amount;
              p.refunded += amount;
              clearing -= amount;
              if (p.refunded === p.amount) p.status = 'refunded';
              reach(p.status === 'refunded' ? 'refund whole' : 'refund part');
            } else if (c.t === 'returnSettled') {
              const settled = payments.filter((p) => p.kind === 'ach' && p.status === 'completed');
              if (settled.length === 0) continue;
              const p = settled[c.pick % settled.length]!;
              const charge = await s.chargeOf(p.id);
              const body = {
                id: `evt_test_${randomUUID()}`,
                type: 'charge.returned',
                created: Math.floor(Date.now() / 1000),
                data: {
                  chargeId: charge.id,
                  amount: p.amount.toString(),
                  currency: 'USD',
                  kind: 'ach',
                  fee: '0',
                  metadata: charge.metadata,
                  returnCode: 'R10',
                },
              };
              const hook = s.signedWebhook(body);
              const r = await s.deliverWebhook(hook.raw, hook.headers);
              expect(r.json(), label).toEqual({ received: true, outcome: 'applied' });
              invoices[p.inv]!.open += p.applied;
              clearing -= p.amount - p.refunded;
              p.applied = 0n;
              p.status = 'returned';
              const again = s.signedWebhook(body);
              expect((await s.deliverWebhook(again.raw, again.headers)).json().outcome).toBe('duplicate');
              reach('return after settlement');
            } else {
              const lines = await s.journalLineCount();
              const events = await db
                .selectFrom('processor_events')
                .select(['event_id', 'outcome', 'payment_id'])
                .where('org_id', '=', s.orgId)
                .orderBy('event_id')
                .execute();
              const result = await s.redeliverAll();
              expect(await s.journalLineCount(), label).toBe(lines);
              // Each event is still recorded once, with the outcome it had the first time (events
              // the sandbox had not sent yet, such as a refund's, may join them).
              expect(
                await db
                  .selectFrom('processor_events')
                  .select(['event_id', 'outcome', 'payment_id'])
                  .where('org_id', '=', s.orgId)
                  .orderBy('event_id')
                  .execute(),
              ).toEqual(expect.arrayContaining(events));
              if (result.delivered > 0) reach('redelivery');
            }
            await check(label);
          }
        },
      ),
      {
        numRuns: 20,
        // One sequence that takes every path, whatever the random ones do.
        examples: [
          [
            [100_000, 50_000],
            250,
            [
              { t: 'card', inv: 0, part: 0.5 },
              { t: 'ach', inv: 1, part: null, returns: false },
              { t: 'ach', inv: 0, part: null, returns: true },
              { t: 'refund', pick: 0, whole: false, part: 0.3 },
              { t: 'refund', pick: 0, whole: true, part: 0.5 },
              { t: 'returnSettled', pick: 0 },
              { t: 'card', inv: 1, part: null },
              { t: 'redeliver' },
            ],
          ],
        ],
      },
    );
    for (const path of [
      'card',
      'ach settled',
      'ach returned',
      'refund part',
      'refund whole',
      'return after settlement',
      'redelivery',
    ])
      expect(reached.get(path) ?? 0, `${path} was never reached`).toBeGreaterThan(0);
  }, 240_000);
});
