import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { type Gateways, GatewayUnavailableError } from '../../src/domain/payments/payment-gateway.ts';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { agingReport } from '../../src/domain/reports/aging-report.ts';
import { resolveGateways } from '../../src/gateways/resolve-gateways.ts';
import { as, signInTo } from '../support/app.ts';
import {
  calendarDay,
  onlineSeller,
  onlineStripeSeller,
  STRIPE_WEBHOOK_SECRET,
  useOnlinePaymentsApp,
} from '../support/online-payments.ts';
import { startStripeFake } from '../support/stripe-fake/stripe-fake.ts';

/**
 * Staff refund online payments through the console API, with Saldo's sandbox processor: the money
 * leaves the unapplied cash first, then applications are undone newest first (their invoices
 * reopen), the journal balances and the processor's clearing account goes down by what was
 * refunded; never more than was paid, whatever arrives at once, and one refund per key. And with
 * Stripe: an ACH refund the processor accepted can fail days later, and its money comes back.
 */
const fake = await startStripeFake();
afterAll(() => fake.close());
const { app, db, config } = await useOnlinePaymentsApp({ config: { stripeApiUrl: fake.url } });
const s = await onlineSeller({ app, db, config });
const { seller, orgId, accountId } = s;
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const viewer = as(app, await signInTo(app, seller.staff.viewer.email, { kind: 'staff', orgId }));

/** A card payment through the portal, applied as given; answers its id. */
async function payByCard(allocations: { invoiceId: string; amount: number }[]): Promise<string> {
  const methodToken = await s.card('4242424242424242');
  const paid = await s.pay({ kind: 'card', methodToken, allocations });
  expect(paid.statusCode, paid.body).toBe(201);
  expect(paid.json().status).toBe('completed');
  return paid.json().id;
}

async function payByAch(allocations: { invoiceId: string; amount: number }[]): Promise<string> {
  const methodToken = await s.bank('000123456789');
  const paid = await s.pay({ kind: 'ach', methodToken, achAuthorizationAccepted: true, allocations });
  expect(paid.json().status, paid.body).toBe('pending');
  return paid.json().id;
}

const refundAs =
  (staff: typeof agent) =>
  (paymentId: string, amount: number, key = randomUUID(), reason = 'Customer asked') =>
    staff({
      method: 'POST',
      url: `/api/v1/console/payments/${paymentId}/refunds`,
      headers: { 'idempotency-key': key },
      payload: { amount, reason },
    });
const refund = refundAs(agent);

const statusAs = (staff: typeof agent) => async (paymentId: string) => {
  const r = await staff({ method: 'GET', url: `/api/v1/console/payments/${paymentId}/status` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const status = statusAs(agent);

const openAmount = async (id: string) => (await s.invoiceState(id)).open_amount;
const paymentRow = s.paymentRow;

describe('refunding online payments (console, sandbox)', () => {
  test('part, then the rest: unapplied cash first, then applications newest first; then refunded', async () => {
    const a = await s.invoice('150');
    const b = await s.invoice('80');
    const paymentId = await payByCard([
      { invoiceId: a, amount: 15_000 },
      { invoiceId: b, amount: 3_000 },
    ]);
    // Make the order plain: B's application is taken off and 2,000 of it applied again (the newest),
    // leaving 1,000 unapplied.
    const detail = (await agent({ method: 'GET', url: `/api/v1/console/payments/${paymentId}` })).json();
    const onB = detail.applications.find((x: { invoiceId: string }) => x.invoiceId === b);
    const unapplied = await agent({
      method: 'POST',
      url: `/api/v1/console/payment-applications/${onB.id}/unapply`,
      payload: { reason: 'reallocate' },
    });
    expect(unapplied.statusCode, unapplied.body).toBe(204);
    const applied = await agent({
      method: 'POST',
      url: `/api/v1/console/payments/${paymentId}/applications`,
      payload: { allocations: [{ invoiceId: b, amount: 2_000 }] },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await paymentRow(paymentId)).toMatchObject({ unapplied_amount: 1_000n });
    expect(await status(paymentId)).toMatchObject({ status: 'completed', refundable: 18_000, refunds: [] });
    const before = await s.clearing();

    const first = await refund(paymentId, 2_500);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'succeeded', amount: 2_500 });
    // 1,000 unapplied was not enough: B's application (the newest) was undone, A's kept.
    expect(await openAmount(a)).toBe(0n);
    expect(await openAmount(b)).toBe(8_000n);
    expect(await paymentRow(paymentId)).toEqual({
      status: 'completed',
      unapplied_amount: 500n,
      refunded_amount: 2_500n,
    });
    const partly = await status(paymentId);
    expect(partly).toMatchObject({ status: 'completed', refundedAmount: 2_500, refundable: 15_500 });
    expect(partly.refunds).toEqual([
      {
        id: first.json().refundId,
        amount: 2_500,
        status: 'succeeded',
        reason: 'Customer asked',
        createdAt: expect.any(String),
      },
    ]);
    expect(partly.allocations).toEqual([
      { invoiceId: a, number: expect.any(String), amount: 15_000, applied: true },
    ]);
    expect(await s.problems()).toEqual([]);
    expect(await s.clearing()).toBe(before - 2_500n);

    const rest = await refund(paymentId, 15_500);
    expect(rest.statusCode, rest.body).toBe(201);
    expect(await openAmount(a)).toBe(15_000n);
    expect(await openAmount(b)).toBe(8_000n);
    expect(await paymentRow(paymentId)).toEqual({
      status: 'refunded',
      unapplied_amount: 0n,
      refunded_amount: 18_000n,
    });
    const whole = await status(paymentId);
    expect(whole).toMatchObject({ status: 'refunded', refundedAmount: 18_000, refundable: 0 });
    expect(whole.allocations.filter((x: { applied: boolean }) => x.applied)).toEqual([]);
    expect(whole.refunds.map((r: { amount: number }) => r.amount)).toEqual([2_500, 15_500]);
    expect(whole.timeline.map((s: { status: string }) => s.status)).toEqual([
      'initiated',
      'processing',
      'completed',
      'completed',
      'refunded',
    ]);
    expect(whole.timeline.map((s: { refundId: string | null }) => s.refundId)).toEqual([
      null,
      null,
      null,
      first.json().refundId,
      rest.json().refundId,
    ]);
    expect(await s.problems()).toEqual([]);
    expect(await s.clearing()).toBe(before - 18_000n);
    // Nothing is left to refund.
    const again = await refund(paymentId, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'payment_not_refundable' });
  });

  test('more than is refundable is refused with what is left, in the person’s words', async () => {
    const a = await s.invoice('50');
    const paymentId = await payByCard([{ invoiceId: a, amount: 5_000 }]);
    expect((await refund(paymentId, 1_000)).statusCode).toBe(201);
    const tooMuch = await refund(paymentId, 4_001);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().code).toBe('refund_exceeds_payment');
    expect(tooMuch.json().detail).toContain('40.00');
    const zero = await refund(paymentId, 0);
    expect(zero.statusCode).toBe(400);
    const blank = await refund(paymentId, 100, randomUUID(), '   ');
    expect(blank.statusCode).toBe(400);
    const noKey = await agent({
      method: 'POST',
      url: `/api/v1/console/payments/${paymentId}/refunds`,
      payload: { amount: 100, reason: 'x' },
    });
    expect(noKey.statusCode).toBe(400);
    // The one application was undone whole; what was not refunded waits as unapplied cash.
    expect(await paymentRow(paymentId)).toMatchObject({ refunded_amount: 1_000n, unapplied_amount: 4_000n });
  });

  test('a manual payment and a pending ACH debit are not refundable; a settled one is, and pending refunds count once', async () => {
    const a = await s.invoice('30');
    const manual = await agent({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: { customerId: accountId, amount: 1_000, receivedOn: calendarDay(), method: 'check' },
    });
    expect(manual.statusCode, manual.body).toBe(201);
    const refusedManual = await refund(manual.json().id, 500);
    expect(refusedManual.statusCode).toBe(409);
    expect(refusedManual.json().code).toBe('payment_not_refundable');
    expect((await status(manual.json().id)).refundable).toBe(0);

    const achId = await payByAch([{ invoiceId: a, amount: 3_000 }]);
    expect((await status(achId)).refundable).toBe(0);
    const refusedPending = await refund(achId, 500);
    expect(refusedPending.statusCode).toBe(409);
    expect(refusedPending.json()).toMatchObject({ code: 'payment_not_refundable' });
    expect(refusedPending.json().detail).toMatch(/pending/);

    await s.advance(5);
    expect((await status(achId)).status).toBe('completed');
    // An ACH refund is pending at the processor: the money has left the books once, and only once.
    const part = await refund(achId, 1_000);
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().status).toBe('pending');
    expect(await status(achId)).toMatchObject({ refundedAmount: 1_000, refundable: 2_000 });
    const rest = await refund(achId, 2_000);
    expect(rest.statusCode, rest.body).toBe(201);
    expect(await paymentRow(achId)).toMatchObject({ status: 'refunded', refunded_amount: 3_000n });
    expect(await s.problems()).toEqual([]);
  });

  test('the same Idempotency-Key twice is one refund; with another amount it is refused', async () => {
    const a = await s.invoice('40');
    const paymentId = await payByCard([{ invoiceId: a, amount: 4_000 }]);
    const key = randomUUID();
    const first = await refund(paymentId, 1_500, key);
    expect(first.statusCode).toBe(201);
    const second = await refund(paymentId, 1_500, key);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const reused = await refund(paymentId, 1_000, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    // Retries arriving at once still make one refund.
    const keyB = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => refund(paymentId, 500, keyB)));
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.json().refundId)).size).toBe(1);
    expect(await paymentRow(paymentId)).toMatchObject({ refunded_amount: 2_000n });
    expect((await status(paymentId)).refunds).toHaveLength(2);
  });

  test('a processor that does not answer: the refund waits, and a retry with the same key finishes it once', async () => {
    const a = await s.invoice('60');
    const paymentId = await payByCard([{ invoiceId: a, amount: 6_000 }]);
    const real = resolveGateways({ db, config });
    // The processor refunds, but its answer is lost on the way back (a timeout).
    const lost: Gateways = {
      ...real,
      async forSeller(id) {
        const gateway = await real.forSeller(id);
        return {
          ...gateway,
          async refund(request) {
            await gateway.refund(request);
            throw new GatewayUnavailableError('sandbox', 'timeout');
          },
        };
      },
    };
    const input = {
      orgId,
      paymentId,
      amount: 2_000n,
      reason: 'duplicate',
      idempotencyKey: `test:${randomUUID()}`,
      actor: { userId: seller.staff.ar_agent.id },
    };
    await expect(refundPayment({ db, gateways: lost }, input)).rejects.toMatchObject({
      code: 'processor_unavailable',
    });
    // Not moved yet, but held back: the processor may have it.
    expect(await paymentRow(paymentId)).toMatchObject({ refunded_amount: 0n, unapplied_amount: 0n });
    expect(await status(paymentId)).toMatchObject({ refundable: 4_000, refunds: [{ status: 'initiated' }] });
    const retried = await refundPayment({ db, gateways: real }, input);
    expect(retried).toMatchObject({ status: 'succeeded', amount: 2_000n });
    expect(await refundPayment({ db, gateways: real }, input)).toMatchObject({ replayed: true });
    expect(await paymentRow(paymentId)).toMatchObject({ refunded_amount: 2_000n, unapplied_amount: 4_000n });
    // The processor holds one refund for the charge: the retry reused the key it was first sent with.
    const { processor_payment_id } = await db
      .selectFrom('payments')
      .select('processor_payment_id')
      .where('org_id', '=', orgId)
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    const atProcessor = await db
      .selectFrom('sandbox_refunds' as never)
      .select('amount' as never)
      .where('charge_id' as never, '=', processor_payment_id as never)
      .execute();
    expect(atProcessor).toEqual([{ amount: 2_000n }]);
    expect(await status(paymentId)).toMatchObject({ refundable: 4_000, refunds: [{ status: 'succeeded' }] });
  });

  test('a viewer may look but not refund', async () => {
    const a = await s.invoice('20');
    const paymentId = await payByCard([{ invoiceId: a, amount: 2_000 }]);
    const looked = await viewer({ method: 'GET', url: `/api/v1/console/payments/${paymentId}/status` });
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toMatchObject({ source: 'portal', refundable: 2_000 });
    const refused = await viewer({
      method: 'POST',
      url: `/api/v1/console/payments/${paymentId}/refunds`,
      headers: { 'idempotency-key': randomUUID() },
      payload: { amount: 100, reason: 'x' },
    });
    expect(refused.statusCode).toBe(403);
    expect(await paymentRow(paymentId)).toMatchObject({ refunded_amount: 0n });
  });

  test('concurrent refunds never exceed the payment (invariant 5)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 2, maxLength: 6 }),
        async (amounts) => {
          const a = await s.invoice('50');
          const paymentId = await payByCard([{ invoiceId: a, amount: 5_000 }]);
          const before = await s.clearing();
          const answers = await Promise.all(amounts.map((amount) => refund(paymentId, amount)));
          let refunded = 0n;
          answers.forEach((r, i) => {
            if (r.statusCode === 201) refunded += BigInt(amounts[i]!);
            else expect([409, 422]).toContain(r.statusCode);
          });
          expect(refunded).toBeLessThanOrEqual(5_000n);
          const row = await paymentRow(paymentId);
          expect(row.refunded_amount).toBe(refunded);
          expect(row.status).toBe(refunded === 5_000n ? 'refunded' : 'completed');
          // Every refund that was refused left room for it: none was refused while it would have fit.
          for (const [i, r] of answers.entries())
            if (r.statusCode !== 201) expect(refunded + BigInt(amounts[i]!)).toBeGreaterThan(5_000n);
          expect(await openAmount(a)).toBe(refunded === 0n ? 0n : 5_000n);
          expect(await s.problems()).toEqual([]);
          expect(await s.clearing()).toBe(before - refunded);
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe('a refund the processor accepted, then failed (Stripe ACH)', () => {
  /** A Stripe seller with its AR agent, and an ACH payment of `amount` on a new invoice, settled. */
  async function settledAch(total: string, amount: number) {
    const st = await onlineStripeSeller({ app, db, config, fake });
    const staff = as(
      app,
      await signInTo(app, st.seller.staff.ar_agent.email, { kind: 'staff', orgId: st.orgId }),
    );
    const invoiceId = await st.invoice(total);
    const back = await st.checkout(await st.entry('ach'), 'pm_usBankAccount_success');
    const paid = await st.pay({
      kind: 'ach',
      methodToken: back.searchParams.get('method'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId, amount }],
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const paymentId: string = paid.json().id;
    const intent = st.intentOf(paymentId);
    await fake.settleAch(intent.id);
    expect((await st.deliverEvent('payment_intent.succeeded', intent.id)).statusCode).toBe(200);
    expect(await st.paymentRow(paymentId)).toMatchObject({ status: 'completed' });
    /** Stripe's refund behind one of Saldo's. */
    const stripeRefund = (refundId: string) => {
      const found = [...fake.state.refunds.values()].find((r) => r.metadata.saldo_refund_id === refundId);
      expect(found, `Stripe's refund for ${refundId}`).toBeDefined();
      return found!;
    };
    return {
      st,
      invoiceId,
      paymentId,
      stripeRefund,
      refund: refundAs(staff),
      status: statusAs(staff),
    };
  }

  test('a part refund fails: its money is back as unapplied cash, refundable again; the timeline and refunds say so', async () => {
    const { st, invoiceId, paymentId, stripeRefund, refund, status } = await settledAch('400', 30_000);
    expect(await st.invoiceState(invoiceId)).toMatchObject({ open_amount: 10_000n });
    const clearing = await st.clearing();

    const asked = await refund(paymentId, 12_000);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', amount: 12_000 });
    // Nothing was unapplied: the one application was undone, the invoice reopened whole.
    expect(await st.invoiceState(invoiceId)).toMatchObject({ open_amount: 40_000n });
    expect(await st.paymentRow(paymentId)).toEqual({
      status: 'completed',
      unapplied_amount: 18_000n,
      refunded_amount: 12_000n,
    });
    expect(await st.clearing()).toBe(clearing - 12_000n);

    // Days later the payer's bank sends the credit back: Stripe says the refund failed.
    const re = stripeRefund(asked.json().refundId);
    await fake.settleRefund(re.id, false);
    const delivered = await st.deliverEvent('refund.failed', re.id);
    expect(delivered.statusCode, delivered.body).toBe(200);

    expect(await st.paymentRow(paymentId)).toEqual({
      status: 'completed',
      unapplied_amount: 30_000n,
      refunded_amount: 0n,
    });
    // The money waits as the customer's credit; the invoice the refund reopened stays open.
    expect(await st.invoiceState(invoiceId)).toMatchObject({ open_amount: 40_000n, pending_amount: 0n });
    expect(await st.clearing()).toBe(clearing);
    expect(await st.problems()).toEqual([]);
    const after = await status(paymentId);
    expect(after).toMatchObject({ status: 'completed', refundedAmount: 0, refundable: 30_000 });
    expect(after.refunds).toEqual([
      {
        id: asked.json().refundId,
        amount: 12_000,
        status: 'failed',
        reason: 'Customer asked',
        createdAt: expect.any(String),
      },
    ]);
    // Two steps name the refund: when it was made, and when it failed.
    expect(
      after.timeline
        .filter((step: { refundId: string | null }) => step.refundId === asked.json().refundId)
        .map((step: { status: string }) => step.status),
    ).toEqual(['completed', 'completed']);
    const entries = await db
      .selectFrom('journal_entries')
      .innerJoin('journal_lines', (j) =>
        j
          .onRef('journal_lines.org_id', '=', 'journal_entries.org_id')
          .onRef('journal_lines.entry_id', '=', 'journal_entries.id'),
      )
      .select([
        'journal_entries.kind',
        'journal_entries.reverses_entry_id',
        'journal_lines.account',
        'journal_lines.amount',
      ])
      .where('journal_entries.org_id', '=', st.orgId)
      .where('journal_entries.kind', '=', 'payment.refund_failed')
      .execute();
    expect(entries.map((e) => [e.account, e.amount]).sort()).toEqual([
      ['processor_clearing', 12_000n],
      ['unapplied_cash', -12_000n],
    ]);
    expect(entries[0]!.reverses_entry_id).not.toBeNull();

    // Told again (a redelivery, or the same news in another event): nothing moves twice.
    expect((await st.deliverEvent('refund.failed', re.id)).statusCode).toBe(200);
    const failedEvent = [...fake.state.events]
      .reverse()
      .find((e) => e.type === 'refund.failed' && e.data.object.id === re.id)!;
    const retold = fake.sign(
      { ...failedEvent, id: `${failedEvent.id}b`, type: 'charge.refund.updated' },
      STRIPE_WEBHOOK_SECRET,
    );
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/stripe/${st.orgId}`,
      headers: retold.headers,
      payload: retold.rawBody,
    });
    expect(stale.statusCode, stale.body).toBe(200);
    expect(await st.paymentRow(paymentId)).toMatchObject({ unapplied_amount: 30_000n, refunded_amount: 0n });
    expect(await st.clearing()).toBe(clearing);

    // It may be refunded again, all of it.
    const again = await refund(paymentId, 30_000);
    expect(again.statusCode, again.body).toBe(201);
    expect(await st.paymentRow(paymentId)).toMatchObject({ status: 'refunded', refunded_amount: 30_000n });
    expect(await st.problems()).toEqual([]);
  });

  test('a whole refund fails: the payment is completed again, and staff may apply the credit', async () => {
    const { st, invoiceId, paymentId, stripeRefund, refund, status } = await settledAch('200', 20_000);
    const asked = await refund(paymentId, 20_000);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(await st.paymentRow(paymentId)).toMatchObject({ status: 'refunded', unapplied_amount: 0n });
    expect(await st.invoiceState(invoiceId)).toMatchObject({ open_amount: 20_000n });

    const re = stripeRefund(asked.json().refundId);
    await fake.settleRefund(re.id, false);
    expect((await st.deliverEvent('refund.failed', re.id)).statusCode).toBe(200);
    expect(await st.paymentRow(paymentId)).toEqual({
      status: 'completed',
      unapplied_amount: 20_000n,
      refunded_amount: 0n,
    });
    const after = await status(paymentId);
    expect(after.timeline.at(-1)).toMatchObject({ status: 'completed', refundId: asked.json().refundId });
    expect(after.refunds).toMatchObject([{ status: 'failed' }]);
    expect(await st.problems()).toEqual([]);
    // The aging rebuilt from history agrees: a failed refund took nothing out.
    expect(await agingReport({ db }, { orgId: st.orgId, history: true })).toEqual(
      await agingReport({ db }, { orgId: st.orgId }),
    );

    const staff = as(
      app,
      await signInTo(app, st.seller.staff.ar_agent.email, { kind: 'staff', orgId: st.orgId }),
    );
    const applied = await staff({
      method: 'POST',
      url: `/api/v1/console/payments/${paymentId}/applications`,
      payload: { allocations: [{ invoiceId, amount: 20_000 }] },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await st.invoiceState(invoiceId)).toMatchObject({ open_amount: 0n, payment_status: 'paid' });
    expect(await st.problems()).toEqual([]);
  });

  test('whichever refunds fail, in any order, the books hold: refunded = Σ what went through (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 4_000 }), fails: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        async (refunds, failNewestFirst) => {
          const { st, paymentId, stripeRefund, refund } = await settledAch('100', 10_000);
          const clearing = await st.clearing();
          const made: { id: string; amount: number; fails: boolean }[] = [];
          for (const r of refunds) {
            const asked = await refund(paymentId, r.amount);
            if (asked.statusCode === 201) made.push({ id: asked.json().refundId, ...r });
            else expect(asked.json().code).toMatch(/^(refund_exceeds_payment|payment_not_refundable)$/);
          }
          const failing = made.filter((r) => r.fails);
          for (const r of failNewestFirst ? [...failing].reverse() : failing) {
            const re = stripeRefund(r.id);
            await fake.settleRefund(re.id, false);
            expect((await st.deliverEvent('refund.failed', re.id)).statusCode).toBe(200);
          }
          const kept = made.filter((r) => !r.fails).reduce((sum, r) => sum + BigInt(r.amount), 0n);
          expect(await st.paymentRow(paymentId)).toMatchObject({
            status: kept === 10_000n ? 'refunded' : 'completed',
            refunded_amount: kept,
            unapplied_amount: 10_000n - kept,
          });
          expect(await st.clearing()).toBe(clearing - kept);
          expect(await st.problems()).toEqual([]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('a refund that succeeds at the bank changes nothing more', async () => {
    const { st, paymentId, stripeRefund, refund } = await settledAch('100', 10_000);
    const asked = await refund(paymentId, 4_000);
    const re = stripeRefund(asked.json().refundId);
    await fake.settleRefund(re.id, true);
    expect((await st.deliverEvent('refund.updated', re.id)).statusCode).toBe(200);
    expect((await st.deliverEvent('charge.refunded', re.charge)).statusCode).toBe(200);
    expect(await st.paymentRow(paymentId)).toMatchObject({ status: 'completed', refunded_amount: 4_000n });
    expect(await st.problems()).toEqual([]);
  });
});
