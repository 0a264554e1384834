import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { AppError } from '../../src/domain/errors.ts';
import {
  defaultPaymentSettings,
  savePaymentSettings,
} from '../../src/domain/payments/payment-settings.repository.ts';
import { reconcilePayments } from '../../src/domain/payments/reconcile-payments.ts';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { sandboxWebhookSecret } from '../../src/gateways/resolve-gateways.ts';
import { TIMEOUT_AMOUNT } from '../../src/gateways/sandbox/sandbox-gateway.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Online payments under bad input and abuse (issue 8, "Bad input and abuse" and "Failures"),
 * through the portal API and the webhook endpoint with the sandbox processor: concurrent payers
 * of one balance, retried and reused idempotency keys, amounts that must be refused, forged,
 * stale, unknown, repeated (one after another and at once) and out-of-order webhooks, a
 * processor timeout settled by reconciliation (also racing itself and the charge's own webhook),
 * and concurrent refunds of one payment. Each test checks what was written (payments, sandbox
 * charges, invoices' open and pending amounts, the journal), not only the answer's status.
 */
const ctx = await useOnlinePaymentsApp({ captureLog: true });
const { db, config, gateways, logLines } = ctx;
const s = await onlineSeller(ctx);

const paymentRows = async () => {
  const { rows } = await sql<{
    n: string;
  }>`select count(*)::text as n from payments where org_id = ${s.orgId}`.execute(db);
  return Number(rows[0]!.n);
};

/** Log lines (parsed) whose message is `msg`. */
const logged = (msg: string) =>
  logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);

describe('concurrent payers and idempotency', () => {
  test('fifty concurrent attempts to pay the same open balance collect it once; the others are told why', async () => {
    const inv = await s.invoice('1234.56');
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) tokens.push(await s.card('4242424242424242'));
    const answers = await Promise.all(
      tokens.map((methodToken) =>
        s.pay({ kind: 'card', methodToken, allocations: [{ invoiceId: inv, amount: 123_456 }] }),
      ),
    );
    const completed = answers.filter((a) => a.statusCode === 201);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.json()).toMatchObject({ status: 'completed', amount: 123_456 });
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect([409, 422]).toContain(r.statusCode);
      const problem = r.json();
      expect(['exceeds_open_amount', 'payment_in_progress']).toContain(problem.code);
      expect(problem.detail).toMatch(/OPA-/);
    }
    expect(await s.invoiceState(inv)).toMatchObject({
      open_amount: 0n,
      pending_amount: 0n,
      payment_status: 'paid',
    });
    // The refused attempts wrote nothing and charged nothing.
    const payments = await s.paymentsFor(inv);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'completed', amount: 123_456n });
    expect(await s.sandboxCharges(payments[0]!.id)).toBe(1);
    expect(await s.problems()).toEqual([]);
  });

  test('the same Idempotency-Key retried ten times at once makes one payment and one charge', async () => {
    const inv = await s.invoice('300');
    const body = {
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: inv, amount: 30_000 }],
    };
    const key = randomUUID();
    const chargesBefore = await s.sandboxCharges();
    const answers = await Promise.all(Array.from({ length: 10 }, () => s.pay(body, key)));
    for (const a of answers) expect([200, 201], a.body).toContain(a.statusCode);
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.statusCode === 201).length).toBeLessThanOrEqual(1);
    const payments = await s.paymentsFor(inv);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.status).toBe('completed');
    expect(await s.sandboxCharges()).toBe(chargesBefore + 1);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 0n, pending_amount: 0n });

    const other = await s.invoice('10');
    const reused = await s.pay({ ...body, allocations: [{ invoiceId: other, amount: 1_000 }] }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    expect(await s.paymentsFor(other)).toHaveLength(0);
    expect(await s.invoiceState(other)).toMatchObject({ open_amount: 1_000n, pending_amount: 0n });
    expect(await s.sandboxCharges()).toBe(chargesBefore + 1);
    expect(await s.problems()).toEqual([]);
  });
  test('concurrent payments of overlapping sets of invoices, in part, never over-collect nor deadlock', async () => {
    const ids = [await s.invoice('100'), await s.invoice('100'), await s.invoice('100')];
    const tokens: string[] = [];
    for (let i = 0; i < 24; i++) tokens.push(await s.card('4242424242424242'));
    // Each attempt pays 40.00 of two of the three invoices, listed in either order.
    const pairs = [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
      [2, 0],
      [0, 2],
    ];
    const chargesBefore = await s.sandboxCharges();
    const answers = await Promise.all(
      tokens.map((methodToken, i) =>
        s.pay({
          kind: 'card',
          methodToken,
          allocations: pairs[i % pairs.length]!.map((k) => ({ invoiceId: ids[k]!, amount: 4_000 })),
        }),
      ),
    );
    for (const a of answers) expect([201, 409, 422], a.body).toContain(a.statusCode);
    const completed = answers.filter((a) => a.statusCode === 201);
    for (const c of completed) expect(c.json().status).toBe('completed');
    // 100.00 each, 40.00 at a time: at most two payments per invoice, so at most three in all.
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.length).toBeLessThanOrEqual(3);
    for (const id of ids) {
      const paid = (await s.paymentsFor(id)).filter((p) => p.status === 'completed');
      const state = await s.invoiceState(id);
      expect(state.open_amount).toBe(10_000n - 4_000n * BigInt(paid.length));
      expect(state.open_amount).toBeGreaterThanOrEqual(0n);
      expect(state.pending_amount).toBe(0n);
    }
    // A refused attempt never reached the processor.
    expect(await s.sandboxCharges()).toBe(chargesBefore + completed.length);
    expect(await s.problems()).toEqual([]);
  });
});

describe('amounts that must be refused', () => {
  test('above the open balance, zero, negative, too large, fractional, mixed currencies: each its code, nothing written', async () => {
    const inv = await s.invoice('100');
    const pesos = await s.invoice('100', 'MXN');
    const token = await s.card('4242424242424242');
    const before = await paymentRows();
    const cases: { allocations: { invoiceId: string; amount: number }[]; status: number; code: string }[] = [
      { allocations: [{ invoiceId: inv, amount: 10_001 }], status: 422, code: 'exceeds_open_amount' },
      { allocations: [{ invoiceId: inv, amount: 0 }], status: 400, code: 'amount_not_positive' },
      { allocations: [{ invoiceId: inv, amount: -500 }], status: 400, code: 'amount_not_positive' },
      { allocations: [{ invoiceId: inv, amount: 1e16 }], status: 400, code: 'validation_failed' },
      { allocations: [{ invoiceId: inv, amount: 12.5 }], status: 400, code: 'validation_failed' },
      {
        allocations: [
          { invoiceId: inv, amount: 10_000 },
          { invoiceId: pesos, amount: 10_000 },
        ],
        status: 422,
        code: 'currency_mismatch',
      },
      // The same invoice twice adds up: together they are more than is open.
      {
        allocations: [
          { invoiceId: inv, amount: 6_000 },
          { invoiceId: inv, amount: 6_000 },
        ],
        status: 422,
        code: 'exceeds_open_amount',
      },
    ];
    for (const c of cases) {
      const r = await s.pay({ kind: 'card', methodToken: token, allocations: c.allocations });
      expect(r.statusCode, `${JSON.stringify(c.allocations)}: ${r.body}`).toBe(c.status);
      expect(r.json().code).toBe(c.code);
      expect(r.json().detail.length).toBeGreaterThan(0);
    }
    expect(await paymentRows()).toBe(before);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 10_000n, pending_amount: 0n });
    expect(await s.invoiceState(pesos)).toMatchObject({ open_amount: 10_000n, pending_amount: 0n });
    // The token was never charged, so it still pays.
    const paid = await s.pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: inv, amount: 10_000 }],
    });
    expect(paid.json().status, paid.body).toBe('completed');
  });

  test('below the partial minimum, and partial when the seller allows none, are refused', async () => {
    const other = await onlineSeller(ctx);
    await savePaymentSettings(db, {
      orgId: other.orgId,
      settings: { ...defaultPaymentSettings, partialAllowed: true, partialMinimum: 5_000n },
      updatedBy: null,
    });
    const inv = await other.invoice('200');
    const token = await other.card('4242424242424242');
    const count = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*)::text as n from payments where org_id = ${other.orgId}`.execute(db)
        ).rows[0]!.n,
      );
    const low = await other.pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: inv, amount: 4_999 }],
    });
    expect(low.statusCode).toBe(422);
    expect(low.json().code).toBe('below_partial_minimum');
    expect(low.json().detail).toMatch(/50\.00/);
    expect(await count()).toBe(0);

    await savePaymentSettings(db, {
      orgId: other.orgId,
      settings: { ...defaultPaymentSettings, partialAllowed: false },
      updatedBy: null,
    });
    const part = await other.pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: inv, amount: 10_000 }],
    });
    expect(part.statusCode).toBe(422);
    expect(part.json().code).toBe('partial_not_allowed');
    expect(await count()).toBe(0);
    expect(await other.invoiceState(inv)).toMatchObject({ open_amount: 20_000n, pending_amount: 0n });
    const whole = await other.pay({
      kind: 'card',
      methodToken: token,
      allocations: [{ invoiceId: inv, amount: 20_000 }],
    });
    expect(whole.json().status, whole.body).toBe('completed');
  });
});

describe('webhooks', () => {
  const event = (type: string, data: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) => ({
    id: `evt_test_${randomUUID()}`,
    type,
    created,
    data,
  });

  test('a bad signature, a stale timestamp, an unknown seller or no signature is refused and logged', async () => {
    const inv = await s.invoice('25');
    const paid = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: inv, amount: 2_500 }],
    });
    expect(paid.json().status).toBe('pending');
    const charge = await s.chargeOf(paid.json().id);
    const body = event('charge.settled', {
      chargeId: charge.id,
      amount: '2500',
      currency: 'USD',
      kind: 'ach',
      fee: '0',
      metadata: charge.metadata,
    });
    const lines = await s.journalLineCount();
    const refusedBefore = logged('webhook refused').length;

    const good = s.signedWebhook(body);
    const forged = s.signedWebhook(body, { secret: 'not-the-secret' });
    const stale = s.signedWebhook(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const unknownOrg = randomUUID();
    const unknown = s.signedWebhook(body, { secret: sandboxWebhookSecret(config.secretKey, unknownOrg) });
    const { 'saldo-sandbox-signature': _dropped, ...unsigned } = good.headers;
    const attempts = [
      {
        name: 'bad signature',
        r: await s.deliverWebhook(forged.raw, forged.headers),
        reason: 'bad_signature',
      },
      {
        name: 'tampered body',
        r: await s.deliverWebhook(good.raw.replace('2500', '2501'), good.headers),
        reason: 'bad_signature',
      },
      { name: 'stale', r: await s.deliverWebhook(stale.raw, stale.headers), reason: 'stale_timestamp' },
      { name: 'missing', r: await s.deliverWebhook(good.raw, unsigned), reason: 'missing_signature' },
      {
        name: 'unknown seller',
        r: await s.deliverWebhook(unknown.raw, unknown.headers, unknownOrg),
        reason: 'unknown_account',
      },
    ];
    for (const a of attempts) {
      expect(a.r.statusCode, `${a.name}: ${a.r.body}`).toBe(400);
      expect(a.r.json().code, a.name).toBe('webhook_rejected');
    }
    // Nothing moved: the payment still waits, the invoice still shows it pending.
    expect(await s.journalLineCount()).toBe(lines);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 2_500n, pending_amount: 2_500n });
    const events = await db
      .selectFrom('processor_events')
      .select('event_id')
      .where('event_id', '=', body.id)
      .execute();
    expect(events).toHaveLength(0);
    // Each refusal is logged: the signature's with its reason; the unknown seller's (refused
    // after verification, see handleProcessorEvent) by its request line.
    const refusals = logged('webhook refused').slice(refusedBefore);
    expect(refusals.map((l) => l.reason).sort()).toEqual(
      ['bad_signature', 'bad_signature', 'missing_signature', 'stale_timestamp'].sort(),
    );
    expect(refusals.every((l) => l.level === 40 && l.orgId === s.orgId)).toBe(true);
    const unknownLine = logged('request').find(
      (l) => (l.req as { url: string }).url.includes(unknownOrg) && l.status === 400,
    );
    expect(unknownLine).toBeDefined();
    expect(logLines.join('\n')).not.toContain(good.headers['saldo-sandbox-signature'].split('v1=')[1]);

    // The genuine event, delivered twice: it settles the payment once.
    const first = await s.deliverWebhook(good.raw, good.headers);
    expect(first.json(), first.body).toEqual({ received: true, outcome: 'applied' });
    const afterFirst = await s.journalLineCount();
    const again = s.signedWebhook(body);
    const second = await s.deliverWebhook(again.raw, again.headers);
    expect(second.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await s.journalLineCount()).toBe(afterFirst);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 0n, pending_amount: 0n });
    expect(await s.problems()).toEqual([]);
  });

  test('out-of-order events: a failure after the settlement, a settlement before the submission are stale or take effect once', async () => {
    // An ACH debit settled by an event, then the sandbox's older events arrive, then a late failure.
    const inv = await s.invoice('60');
    const paid = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: inv, amount: 6_000 }],
    });
    const paymentId = paid.json().id;
    const charge = await s.chargeOf(paymentId);
    const data = {
      chargeId: charge.id,
      amount: '6000',
      currency: 'USD',
      kind: 'ach',
      fee: '0',
      metadata: charge.metadata,
    };
    const settled = s.signedWebhook(event('charge.settled', data));
    expect((await s.deliverWebhook(settled.raw, settled.headers)).json().outcome).toBe('applied');
    const lines = await s.journalLineCount(paymentId);
    const lateFailure = s.signedWebhook(
      event(
        'charge.failed',
        {
          ...data,
          failure: {
            code: 'insufficient_funds',
            retryable: true,
            processorCode: 'R01',
            processorMessage: 'x',
          },
        },
        Math.floor(Date.now() / 1000) - 3_600,
      ),
    );
    expect((await s.deliverWebhook(lateFailure.raw, lateFailure.headers)).json().outcome).toBe('stale');
    const secondSettle = s.signedWebhook(event('charge.settled', data));
    expect((await s.deliverWebhook(secondSettle.raw, secondSettle.headers)).json().outcome).toBe('stale');
    expect(await s.journalLineCount(paymentId)).toBe(lines);
    const status = await s.payer({ method: 'GET', url: `/api/v1/portal/payments/${paymentId}` });
    expect(status.json().status).toBe('completed');
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 0n, pending_amount: 0n });
    // The sandbox's own settlement of the same debit, days later, is stale too.
    await s.advance(5);
    expect(await s.journalLineCount(paymentId)).toBe(lines);
    const outcomes = await db
      .selectFrom('processor_events')
      .select(['type', 'outcome'])
      .where('org_id', '=', s.orgId)
      .where('payment_id', '=', paymentId)
      .execute();
    expect(outcomes.filter((o) => o.outcome === 'applied')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.type === 'charge.settled' && o.outcome === 'stale').length,
    ).toBeGreaterThanOrEqual(2);
    expect(await s.problems()).toEqual([]);
  });

  test('one event delivered ten times at once takes effect once', async () => {
    const inv = await s.invoice('45');
    const paid = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: inv, amount: 4_500 }],
    });
    const paymentId = paid.json().id;
    const charge = await s.chargeOf(paymentId);
    const body = event('charge.settled', {
      chargeId: charge.id,
      amount: '4500',
      currency: 'USD',
      kind: 'ach',
      fee: '0',
      metadata: charge.metadata,
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => {
        const hook = s.signedWebhook(body);
        return s.deliverWebhook(hook.raw, hook.headers);
      }),
    );
    const outcomes = answers.map((a) => a.json().outcome).sort();
    expect(outcomes).toEqual(['applied', ...Array(9).fill('duplicate')]);
    const entries = await sql<{ kind: string }>`
      select distinct e.id, e.kind from journal_entries e
        join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
       where e.org_id = ${s.orgId} and l.payment_id = ${paymentId}`.execute(db);
    expect(entries.rows.map((e) => e.kind).sort()).toEqual(['payment.applied', 'payment.settled']);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 0n, pending_amount: 0n });
    expect(await s.problems()).toEqual([]);
  });
});

describe('a processor timeout', () => {
  test('leaves the payment processing and the invoice pending; reconciliation completes it exactly once', async () => {
    expect(TIMEOUT_AMOUNT).toBe(4_040_408n);
    const inv = await s.invoice('40404.08');
    const answer = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: inv, amount: Number(TIMEOUT_AMOUNT) }],
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ status: 'processing', failure: null });
    const paymentId = answer.json().id;
    expect(await s.invoiceState(inv)).toMatchObject({
      open_amount: TIMEOUT_AMOUNT,
      pending_amount: TIMEOUT_AMOUNT,
      payment_status: 'payment_pending',
    });
    // Nobody can pay it again meanwhile.
    const again = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: inv, amount: 100 }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('payment_in_progress');

    const later = new Date(Date.now() + 15 * 60_000);
    const first = await reconcilePayments(
      { db, gateways },
      { now: later, olderThanMinutes: 0, orgId: s.orgId },
    );
    expect(first.settled).toBe(1);
    expect(await s.invoiceState(inv)).toMatchObject({
      open_amount: 0n,
      pending_amount: 0n,
      payment_status: 'paid',
    });
    const clearing = await s.clearing();
    const lines = await s.journalLineCount(paymentId);
    const second = await reconcilePayments(
      { db, gateways },
      { now: later, olderThanMinutes: 0, orgId: s.orgId },
    );
    expect(second).toEqual({ settled: 0, left: 0 });
    // The charge's own webhook arrives after reconciliation: stale, nothing moves.
    await s.advance(0);
    expect(await s.journalLineCount(paymentId)).toBe(lines);
    expect(await s.clearing()).toBe(clearing);
    const status = await s.payer({ method: 'GET', url: `/api/v1/portal/payments/${paymentId}` });
    expect(status.json().status).toBe('completed');
    expect(await s.sandboxCharges(paymentId)).toBe(1);
    expect(await s.problems()).toEqual([]);
  });

  test('two reconciliations and the charge’s own webhook, all at once, complete it once', async () => {
    const inv = await s.invoice('40404.08');
    const answer = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: inv, amount: Number(TIMEOUT_AMOUNT) }],
    });
    expect(answer.json().status).toBe('processing');
    const paymentId = answer.json().id as string;
    const charge = await s.chargeOf(paymentId);
    // The event the sandbox recorded for the charge, as its clock would send it.
    const { rows } = await sql<{ id: string; type: string; created_at: Date; data: unknown }>`
      select id, type, created_at, data from sandbox_events
       where org_id = ${s.orgId} and type = 'charge.succeeded' and data->>'chargeId' = ${charge.id}`.execute(
      db,
    );
    expect(rows).toHaveLength(1);
    const own = rows[0]!;
    const hook = s.signedWebhook({
      id: own.id,
      type: own.type,
      created: Math.floor(own.created_at.getTime() / 1000),
      data: own.data,
    });
    const later = new Date(Date.now() + 15 * 60_000);
    const reconcile = () =>
      reconcilePayments({ db, gateways }, { now: later, olderThanMinutes: 0, orgId: s.orgId });
    const [one, two, delivered] = await Promise.all([
      reconcile(),
      reconcile(),
      s.deliverWebhook(hook.raw, hook.headers),
    ]);
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(['applied', 'stale']).toContain(delivered.json().outcome);
    // Whoever took the step counts it; the others found it taken.
    expect(one.settled + two.settled + (delivered.json().outcome === 'applied' ? 1 : 0)).toBe(1);
    const entries = await sql<{ kind: string }>`
      select distinct e.id, e.kind from journal_entries e
        join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
       where e.org_id = ${s.orgId} and l.payment_id = ${paymentId}`.execute(db);
    expect(entries.rows.map((e) => e.kind).sort()).toEqual(['payment.applied', 'payment.captured']);
    expect(await s.invoiceState(inv)).toMatchObject({
      open_amount: 0n,
      pending_amount: 0n,
      payment_status: 'paid',
    });
    expect(await s.problems()).toEqual([]);
  });
});

describe('refunds', () => {
  test('five concurrent refunds of the whole payment refund it once', async () => {
    const inv = await s.invoice('80');
    const paid = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: inv, amount: 8_000 }],
    });
    const paymentId = paid.json().id as string;
    const clearing = await s.clearing();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        refundPayment(
          { db, gateways },
          {
            orgId: s.orgId,
            paymentId,
            amount: 8_000n,
            reason: null,
            idempotencyKey: randomUUID(),
            actor: {},
          },
        ),
      ),
    );
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    // Refused while the first is at the processor, or after it made the payment `refunded`.
    for (const r of results)
      if (r.status === 'rejected')
        expect(['refund_exceeds_payment', 'payment_not_refundable']).toContain((r.reason as AppError).code);
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from sandbox_refunds where org_id = ${s.orgId}
         and charge_id = ${(await s.chargeOf(paymentId)).id}`.execute(db);
    expect(Number(rows[0]!.n)).toBe(1);
    const payment = await db
      .selectFrom('payments')
      .select(['status', 'refunded_amount'])
      .where('org_id', '=', s.orgId)
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(payment).toEqual({ status: 'refunded', refunded_amount: 8_000n });
    expect(await s.clearing()).toBe(clearing - 8_000n);
    expect(await s.invoiceState(inv)).toMatchObject({ open_amount: 8_000n, pending_amount: 0n });
    expect(await s.problems()).toEqual([]);
  });
});
