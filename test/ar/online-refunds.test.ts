import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { type Gateways, GatewayUnavailableError } from '../../src/domain/payments/payment-gateway.ts';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { resolveGateways, sandboxWebhookSecret } from '../../src/gateways/resolve-gateways.ts';
import { runSandboxClock } from '../../src/gateways/sandbox/run-sandbox-clock.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';

/**
 * Staff refund online payments through the console API, with Saldo's sandbox processor: the money
 * leaves the unapplied cash first, then applications are undone newest first (their invoices
 * reopen), the journal balances and the processor's clearing account goes down by what was
 * refunded; never more than was paid, whatever arrives at once, and one refund per key.
 */
const { app, db, config } = await useTestApp();
const seller = await seedSeller(db, { locale: 'en' });
const orgId = seller.org.id;
const accountId = seller.account.id;
const payer = as(
  app,
  await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId }),
);
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const viewer = as(app, await signInTo(app, seller.staff.viewer.email, { kind: 'staff', orgId }));

function today(days = 0): string {
  const t = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const d = new Date(`${t}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
let n = 0;
const invoice = async (amount: string) => {
  n++;
  const created = await createInvoice(
    { db },
    {
      orgId,
      customerId: accountId,
      number: `RF-${n}`,
      issueDate: today(-20),
      dueDate: today(-5),
      status: 'open',
      lines: [{ description: 'x', quantity: '1', unitPrice: amount }],
      actor: {},
    },
  );
  return created.id;
};

/** The sandbox's entry page, as a browser fills it: answers the token it redirects back with. */
async function enterMethod(kind: 'card' | 'ach', fields: Record<string, string>): Promise<string> {
  const entry = await payer({
    method: 'POST',
    url: '/api/v1/portal/payment-methods/entry',
    payload: { kind, returnPath: '/portal/pay?invoices=x' },
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const url = new URL(entry.json().url);
  const posted = await app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
    payload: new URLSearchParams(fields).toString(),
  });
  expect(posted.statusCode, posted.body.slice(0, 500)).toBe(303);
  return new URL(posted.headers.location as string).searchParams.get('method')!;
}

/** A card payment through the portal, applied as given; answers its id. */
async function payByCard(allocations: { invoiceId: string; amount: number }[]): Promise<string> {
  const methodToken = await enterMethod('card', {
    number: '4242424242424242',
    expiry: '12/34',
    cvc: '123',
    name: 'Ana Pagos',
    postalCode: '12345',
  });
  const paid = await payer({
    method: 'POST',
    url: '/api/v1/portal/payments',
    headers: { 'idempotency-key': randomUUID() },
    payload: { kind: 'card', methodToken, allocations },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  expect(paid.json().status).toBe('completed');
  return paid.json().id;
}

async function payByAch(allocations: { invoiceId: string; amount: number }[]): Promise<string> {
  const methodToken = await enterMethod('ach', {
    holderName: 'Ana Pagos',
    routing: '110000000',
    account: '000123456789',
    accountType: 'checking',
  });
  const paid = await payer({
    method: 'POST',
    url: '/api/v1/portal/payments',
    headers: { 'idempotency-key': randomUUID() },
    payload: { kind: 'ach', methodToken, achAuthorizationAccepted: true, allocations },
  });
  expect(paid.json().status, paid.body).toBe('pending');
  return paid.json().id;
}

const refund = (paymentId: string, amount: number, key = randomUUID(), reason = 'Customer asked') =>
  agent({
    method: 'POST',
    url: `/api/v1/console/payments/${paymentId}/refunds`,
    headers: { 'idempotency-key': key },
    payload: { amount, reason },
  });

const status = async (paymentId: string) => {
  const r = await agent({ method: 'GET', url: `/api/v1/console/payments/${paymentId}/status` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

async function openAmount(id: string) {
  return (
    await db
      .selectFrom('invoices')
      .select('open_amount')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).open_amount;
}

async function paymentRow(id: string) {
  return db
    .selectFrom('payments')
    .select(['status', 'unapplied_amount', 'refunded_amount'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Entries of the seller that do not net to zero (invariant 1), and the processor clearing account. */
async function journal() {
  const rows = await db
    .selectFrom('journal_lines')
    .select(['entry_id', 'account', 'amount'])
    .where('org_id', '=', orgId)
    .execute();
  const byEntry = new Map<string, bigint>();
  let clearing = 0n;
  for (const r of rows) {
    byEntry.set(r.entry_id, (byEntry.get(r.entry_id) ?? 0n) + r.amount);
    if (r.account === 'processor_clearing') clearing += r.amount;
  }
  return { unbalanced: [...byEntry.values()].filter((v) => v !== 0n).length, clearing };
}

/** The sandbox's clock as if `days` had passed, its webhooks delivered into the app (see online-payments.test.ts). */
async function advance(days: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + days * 86_400_000);
  try {
    const result = await runSandboxClock(
      {
        db,
        publicUrl: config.publicUrl,
        webhookSecret: (id) => sandboxWebhookSecret(config.secretKey, id),
        now: new Date(),
        deliver: async (url, body, headers) =>
          (await app.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body }))
            .statusCode,
      },
      { orgId },
    );
    expect(result.deliveryFailures).toBe(0);
  } finally {
    vi.useRealTimers();
  }
}

describe('refunding online payments (console, sandbox)', () => {
  test('part, then the rest: unapplied cash first, then applications newest first; then refunded', async () => {
    const a = await invoice('150');
    const b = await invoice('80');
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
    const before = await journal();

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
    let after = await journal();
    expect(after.unbalanced).toBe(0);
    expect(after.clearing).toBe(before.clearing - 2_500n);

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
    after = await journal();
    expect(after.unbalanced).toBe(0);
    expect(after.clearing).toBe(before.clearing - 18_000n);
    // Nothing is left to refund.
    const again = await refund(paymentId, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'payment_not_refundable' });
  });

  test('more than is refundable is refused with what is left, in the person’s words', async () => {
    const a = await invoice('50');
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
    const a = await invoice('30');
    const manual = await agent({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: { customerId: accountId, amount: 1_000, receivedOn: today(), method: 'check' },
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

    await advance(5);
    expect((await status(achId)).status).toBe('completed');
    // An ACH refund is pending at the processor: the money has left the books once, and only once.
    const part = await refund(achId, 1_000);
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().status).toBe('pending');
    expect(await status(achId)).toMatchObject({ refundedAmount: 1_000, refundable: 2_000 });
    const rest = await refund(achId, 2_000);
    expect(rest.statusCode, rest.body).toBe(201);
    expect(await paymentRow(achId)).toMatchObject({ status: 'refunded', refunded_amount: 3_000n });
    expect((await journal()).unbalanced).toBe(0);
  });

  test('the same Idempotency-Key twice is one refund; with another amount it is refused', async () => {
    const a = await invoice('40');
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
    const a = await invoice('60');
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
    const a = await invoice('20');
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
          const a = await invoice('50');
          const paymentId = await payByCard([{ invoiceId: a, amount: 5_000 }]);
          const before = await journal();
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
          const after = await journal();
          expect(after.unbalanced).toBe(0);
          expect(after.clearing).toBe(before.clearing - refunded);
        },
      ),
      { numRuns: 6 },
    );
  });
});
