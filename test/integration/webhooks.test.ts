import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Logger, runOnce } from 'graphile-worker';
import pino from 'pino';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createWebhookEndpoint } from '../../src/domain/integration/webhooks/create-webhook-endpoint.ts';
import {
  DeliveryBusy,
  deliverWebhook,
  MAX_ATTEMPTS,
  RETRY_DELAYS_SECONDS,
} from '../../src/domain/integration/webhooks/deliver-webhook.ts';
import { recordIntegrationEvent } from '../../src/domain/integration/webhooks/record-integration-event.ts';
import { sendWebhookRequest } from '../../src/domain/integration/webhooks/send-webhook-request.ts';
import { verifyWebhookSignature } from '../../src/domain/integration/webhooks/webhook-signature.ts';
import { classifyAddress } from '../../src/domain/integration/webhooks/webhook-url.ts';
import { capturePayment } from '../../src/domain/payments/capture-payment.ts';
import { failPayment } from '../../src/domain/payments/fail-payment.ts';
import { returnPayment } from '../../src/domain/payments/return-payment.ts';
import { webhookTasks } from '../../src/jobs/tasks/webhook-jobs.ts';
import { createWorkerPgPool } from '../../src/jobs/worker-pool.ts';
import { as, signInTo } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Outbound webhooks end to end: a real HTTP receiver on 127.0.0.1 (node:http) that checks every
 * signature with the recipe the guide documents (docs/guide/en/webhooks.md), Saldo's worker task
 * delivering the jobs the AR code queued in its own transactions, retries on the documented schedule,
 * redelivery from the console API, the address checks, and secrets sealed at rest.
 */
// Saldo on localhost: loopback receivers are allowed (development and tests), as the guide says.
const { app, db, config } = await useOnlinePaymentsApp({ config: { publicUrl: 'http://localhost:3000' } });

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}
let received: Received[] = [];
/** Status codes the receiver answers next, in order; then 200. */
let answers: number[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
    const status = answers.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'ok' : `nope ${'x'.repeat(5000)}`);
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/saldo`;

const pgPool = createWorkerPgPool(testDatabaseUrl(), 4, pino({ level: 'silent' }));
afterAll(async () => {
  await pgPool.end();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
const taskList = webhookTasks({ db, secretKey: config.secretKey, policy: { allowLoopback: true } });
const runJobs = () =>
  runOnce({ pgPool, taskList, noHandleSignals: true, logger: new Logger(() => () => {}) });
const deliverDeps = {
  db,
  secretKey: config.secretKey,
  policy: { allowLoopback: true },
  send: sendWebhookRequest,
};

beforeEach(() => {
  received = [];
  answers = [];
});

/** The guide's Node recipe, written out here as a receiver would (no Saldo code). */
function recipeVerifies(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v!);
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

async function seller() {
  const s = await onlineSeller({ app, db, config });
  const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));
  const viewer = as(app, await signInTo(app, s.seller.staff.viewer.email, { kind: 'staff', orgId: s.orgId }));
  const addEndpoint = async (body: Record<string, unknown> = {}) => {
    const r = await owner({
      method: 'POST',
      url: '/api/v1/console/webhooks/endpoints',
      payload: { url: receiverUrl, description: 'ERP', ...body },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { endpoint: { id: string; secretLast4: string }; secret: string };
  };
  const events = async (type?: string) =>
    db
      .selectFrom('integration_events')
      .select(['id', 'type', 'body'])
      .where('org_id', '=', s.orgId)
      .$if(type !== undefined, (q) => q.where('type', '=', type!))
      .orderBy('id')
      .execute();
  const deliveries = () =>
    db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('org_id', '=', s.orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  return { ...s, owner, viewer, addEndpoint, events, deliveries };
}

const bodyOf = (r: Received) =>
  JSON.parse(r.raw) as { id: string; type: string; data: Record<string, unknown> };

describe('delivery', () => {
  test('a card payment that pays an invoice sends payment.succeeded and invoice.paid, signed as the guide verifies', async () => {
    const s = await seller();
    const { secret, endpoint } = await s.addEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint.secretLast4).toBe(secret.slice(-4));
    const listed = await s.viewer({ method: 'GET', url: '/api/v1/console/webhooks/endpoints' });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret);
    await db.updateTable('invoices').set({ erp_id: 'ERP-INV-1' }).where('org_id', '=', s.orgId).execute();
    const invoiceId = await s.invoice('150');
    await db.updateTable('invoices').set({ erp_id: 'ERP-INV-7' }).where('id', '=', invoiceId).execute();
    const paid = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId, amount: 15_000 }],
    });
    expect(paid.json().status).toBe('completed');
    await runJobs();

    expect(received).toHaveLength(2);
    const byType = new Map(received.map((r) => [bodyOf(r).type, r]));
    const succeeded = byType.get('payment.succeeded')!;
    const invoicePaid = byType.get('invoice.paid')!;
    for (const r of [succeeded, invoicePaid]) {
      const header = r.headers['saldo-signature'] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(recipeVerifies(secret, header, r.raw)).toBe(true);
      expect(verifyWebhookSignature(secret, header, r.raw)).toMatchObject({ valid: true });
      // Another secret, a changed body or an old timestamp do not verify.
      expect(recipeVerifies(`${secret}x`, header, r.raw)).toBe(false);
      expect(verifyWebhookSignature(secret, header, r.raw.replace('15000', '15001'))).toEqual({
        valid: false,
        reason: 'no_matching_signature',
      });
      expect(verifyWebhookSignature(secret, header, r.raw, 300, Math.floor(Date.now() / 1000) + 301)).toEqual(
        {
          valid: false,
          reason: 'timestamp_out_of_tolerance',
        },
      );
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('Saldo-Webhooks/1');
      expect(r.headers['saldo-delivery-attempt']).toBe('1');
      expect(r.headers['saldo-event-id']).toBe(bodyOf(r).id);
    }
    expect(JSON.parse(succeeded.raw)).toMatchObject({
      type: 'payment.succeeded',
      orgId: s.orgId,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        paymentId: paid.json().id,
        amount: '15000',
        currency: 'USD',
        applied: '15000',
        fee: '0',
        method: 'card',
        source: 'portal',
        customerId: s.accountId,
        customerErpId: null,
        paymentErpId: null,
      },
    });
    expect(bodyOf(invoicePaid).data).toMatchObject({
      invoiceId,
      invoiceErpId: 'ERP-INV-7',
      total: '15000',
      currency: 'USD',
      paidBy: { kind: 'payment', paymentId: paid.json().id },
    });
    const log = await s.viewer({ method: 'GET', url: '/api/v1/console/webhooks/deliveries' });
    expect(log.json()).toMatchObject({ total: 2 });
    expect(log.json().items.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    const detail = await s.viewer({
      method: 'GET',
      url: `/api/v1/console/webhooks/deliveries/${log.json().items[0].id}`,
    });
    expect(detail.json().attemptsLog).toMatchObject([{ attempt: 1, statusCode: 200, responseBody: 'ok' }]);
    expect(detail.json().body).toBe(received.find((r) => bodyOf(r).id === detail.json().eventId)!.raw);
  });

  test('a 500 is retried on the schedule (1 min, 5 min…), each attempt logged with the first 2 KB of the answer', async () => {
    const s = await seller();
    const { endpoint } = await s.addEndpoint({ eventTypes: ['credit.applied'] });
    const invoiceId = await s.invoice('80');
    const memo = await issueCreditMemo(
      { db },
      { orgId: s.orgId, customerId: s.accountId, amount: 3_000n, issueDate: '2026-01-02', actor: {} },
    );
    await applyCredit(
      { db },
      { orgId: s.orgId, creditMemoId: memo.id, allocations: [{ invoiceId, amount: 3_000n }], actor: {} },
    );
    // Only the type it listens to: a partial credit is no invoice.paid anyway.
    const [delivery] = await s.deliveries();
    expect(delivery).toMatchObject({
      endpoint_id: endpoint.id,
      event_type: 'credit.applied',
      status: 'pending',
    });
    answers = [500, 503];
    let clock = new Date('2026-12-01T10:00:00.000Z');
    const deps = { ...deliverDeps, now: () => clock };
    const first = await deliverWebhook(deps, { orgId: s.orgId, deliveryId: delivery!.id });
    expect(first).toMatchObject({ outcome: 'retrying', attempt: 1, statusCode: 500 });
    const job = async () =>
      (await db
        .selectFrom('graphile_worker.jobs' as never)
        .select(['run_at'] as never[])
        .where('key' as never, '=', `webhook-delivery:${delivery!.id}` as never)
        .executeTakeFirst()) as { run_at: Date } | undefined;
    expect(first.outcome === 'retrying' && first.nextAttemptAt.getTime() - clock.getTime()).toBe(60_000);
    expect((await job())?.run_at.getTime()).toBe(clock.getTime() + 60_000);
    clock = new Date(clock.getTime() + 60_000);
    const second = await deliverWebhook(deps, { orgId: s.orgId, deliveryId: delivery!.id });
    expect(second).toMatchObject({ outcome: 'retrying', attempt: 2, statusCode: 503 });
    expect(second.outcome === 'retrying' && second.nextAttemptAt.getTime() - clock.getTime()).toBe(300_000);
    clock = new Date(clock.getTime() + 300_000);
    expect(await deliverWebhook(deps, { orgId: s.orgId, deliveryId: delivery!.id })).toMatchObject({
      outcome: 'delivered',
      attempt: 3,
    });
    expect(received.map((r) => r.headers['saldo-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(received.map((r) => r.raw)).size).toBe(1);
    const detail = (
      await s.viewer({ method: 'GET', url: `/api/v1/console/webhooks/deliveries/${delivery!.id}` })
    ).json();
    expect(detail).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(detail.attemptsLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 503, 500]);
    expect(detail.attemptsLog[2].responseBody).toHaveLength(2048);
    // Delivered: a retried job finds nothing to send.
    expect(await deliverWebhook(deps, { orgId: s.orgId, deliveryId: delivery!.id })).toEqual({
      outcome: 'skipped',
    });
    expect(received).toHaveLength(3);
  });

  test('after the last attempt the delivery fails; Redeliver sends the same event again', async () => {
    expect(RETRY_DELAYS_SECONDS).toEqual([60, 300, 1800, 7200, 21_600, 43_200, 86_400, 86_400]);
    const s = await seller();
    await s.addEndpoint({ eventTypes: ['payment.failed'] });
    const invoiceId = await s.invoice('40');
    await s.pay({
      kind: 'card',
      methodToken: await s.card('4000000000000002'),
      allocations: [{ invoiceId, amount: 4_000 }],
    });
    const [delivery] = await s.deliveries();
    answers = Array(MAX_ATTEMPTS).fill(500);
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const result = await deliverWebhook(
        { ...deliverDeps, now: () => new Date(clock) },
        { orgId: s.orgId, deliveryId: delivery!.id },
      );
      expect(result.outcome).toBe(i < MAX_ATTEMPTS ? 'retrying' : 'failed');
      clock += (RETRY_DELAYS_SECONDS[i - 1] ?? 0) * 1000;
    }
    const [failed] = await s.deliveries();
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, next_attempt_at: null });
    expect(bodyOf(received[0]!)).toMatchObject({
      type: 'payment.failed',
      data: { failureCode: 'card_declined' },
    });

    const denied = await s.viewer({
      method: 'POST',
      url: `/api/v1/console/webhooks/deliveries/${delivery!.id}/redeliver`,
    });
    expect(denied.statusCode).toBe(403);
    const again = await s.owner({
      method: 'POST',
      url: `/api/v1/console/webhooks/deliveries/${delivery!.id}/redeliver`,
    });
    expect(again.statusCode).toBe(202);
    await runJobs();
    expect(received).toHaveLength(MAX_ATTEMPTS + 1);
    const last = received.at(-1)!;
    expect(last.raw).toBe(received[0]!.raw);
    expect(last.headers['saldo-event-id']).toBe(received[0]!.headers['saldo-event-id']);
    expect(last.headers['saldo-delivery-attempt']).toBe(String(MAX_ATTEMPTS + 1));
    const detail = (
      await s.owner({ method: 'GET', url: `/api/v1/console/webhooks/deliveries/${delivery!.id}` })
    ).json();
    expect(detail).toMatchObject({ status: 'delivered', attempts: MAX_ATTEMPTS + 1 });
    expect(detail.attemptsLog[0]).toMatchObject({ manual: true, statusCode: 200 });
  });

  test('two workers running the same delivery at once send it once', async () => {
    const s = await seller();
    const { endpoint } = await s.addEndpoint();
    const test = await s.owner({
      method: 'POST',
      url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/test`,
    });
    expect(test.statusCode).toBe(202);
    const [delivery] = await s.deliveries();
    const results = await Promise.allSettled([
      deliverWebhook(deliverDeps, { orgId: s.orgId, deliveryId: delivery!.id }),
      deliverWebhook(deliverDeps, { orgId: s.orgId, deliveryId: delivery!.id }),
    ]);
    expect(received).toHaveLength(1);
    expect(bodyOf(received[0]!)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    const outcomes = results.map((r) =>
      r.status === 'fulfilled' ? r.value.outcome : r.reason instanceof DeliveryBusy ? 'busy' : 'error',
    );
    expect(outcomes.sort()).toEqual(
      outcomes.includes('busy') ? ['busy', 'delivered'] : ['delivered', 'skipped'],
    );
  });

  test('rolling the secret signs with both until the old one expires; only the new one is shown, once', async () => {
    const s = await seller();
    const { endpoint, secret: old } = await s.addEndpoint();
    const rolled = await s.owner({
      method: 'POST',
      url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/roll-secret`,
      payload: {},
    });
    expect(rolled.statusCode).toBe(200);
    const fresh = rolled.json().secret as string;
    expect(fresh).not.toBe(old);
    await s.owner({ method: 'POST', url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/test` });
    await runJobs();
    const header = received[0]!.headers['saldo-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(recipeVerifies(old, header, received[0]!.raw)).toBe(true);
    expect(recipeVerifies(fresh, header, received[0]!.raw)).toBe(true);
    // Ended at once (overlap 0): one signature, the new secret's.
    const now = await s.owner({
      method: 'POST',
      url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/roll-secret`,
      payload: { overlapHours: 0 },
    });
    await s.owner({ method: 'POST', url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/test` });
    await runJobs();
    const second = received[1]!;
    expect((second.headers['saldo-signature'] as string).match(/v1=/g)).toHaveLength(1);
    expect(recipeVerifies(now.json().secret, second.headers['saldo-signature'] as string, second.raw)).toBe(
      true,
    );
    expect(recipeVerifies(fresh, second.headers['saldo-signature'] as string, second.raw)).toBe(false);
  });
});

describe('events', () => {
  test('each event is recorded once per cause: a repeated capture, failure or return records nothing again', async () => {
    const s = await seller();
    await s.addEndpoint();
    const a = await s.invoice('100');
    const paid = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 10_000 }],
    });
    const paymentId = paid.json().id as string;
    expect(await capturePayment({ db }, { orgId: s.orgId, paymentId })).toBe('stale');
    await s.redeliverAll();
    expect((await s.events()).map((e) => e.type).sort()).toEqual(['invoice.paid', 'payment.succeeded']);

    const b = await s.invoice('20');
    const declined = await s.pay({
      kind: 'card',
      methodToken: await s.card('4000000000000002'),
      allocations: [{ invoiceId: b, amount: 2_000 }],
    });
    const failure = { code: 'card_declined' as const, processorMessage: null };
    expect(await failPayment({ db }, { orgId: s.orgId, paymentId: declined.json().id, failure })).toBe(
      'stale',
    );
    expect(await s.events('payment.failed')).toHaveLength(1);

    expect(await returnPayment({ db }, { orgId: s.orgId, paymentId, returnCode: 'R10' })).toBe('applied');
    expect(await returnPayment({ db }, { orgId: s.orgId, paymentId, returnCode: 'R10' })).toBe('stale');
    const returned = await s.events('payment.returned');
    expect(returned).toHaveLength(1);
    expect(JSON.parse(returned[0]!.body).data).toMatchObject({
      paymentId,
      returnCode: 'R10',
      amount: '10000',
    });

    // Paid again after the return reopened it: a second invoice.paid, for a second cause.
    const memo = await issueCreditMemo(
      { db },
      { orgId: s.orgId, customerId: s.accountId, amount: 10_000n, issueDate: '2026-01-02', actor: {} },
    );
    await applyCredit(
      { db },
      { orgId: s.orgId, creditMemoId: memo.id, allocations: [{ invoiceId: a, amount: 10_000n }], actor: {} },
    );
    const paidEvents = (await s.events('invoice.paid')).map((e) => JSON.parse(e.body).data.paidBy);
    expect(paidEvents).toEqual([
      { kind: 'payment', paymentId, paymentErpId: null },
      { kind: 'credit', creditMemoId: memo.id, creditMemoErpId: null },
    ]);
    expect(await s.events('credit.applied')).toHaveLength(1);

    // Every delivery job run twice still sends each event once.
    await runJobs();
    const count = received.length;
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending' })
      .where('org_id', '=', s.orgId)
      .where('status', '=', 'failed')
      .execute();
    await runJobs();
    expect(received).toHaveLength(count);
    expect(new Set(received.map((r) => r.headers['saldo-event-id'])).size).toBe(count);
  });

  test('a disabled endpoint or one listening to other types gets no deliveries; without endpoints nothing is stored', async () => {
    const s = await seller();
    const a = await s.invoice('10');
    await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 1_000 }],
    });
    expect(await s.events()).toEqual([]);
    const { endpoint } = await s.addEndpoint({ eventTypes: ['payment.returned'] });
    const off = await s.addEndpoint({ enabled: false });
    const b = await s.invoice('10');
    await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: b, amount: 1_000 }],
    });
    expect(await s.events()).toEqual([]);
    const patched = await s.owner({
      method: 'PATCH',
      url: `/api/v1/console/webhooks/endpoints/${off.endpoint.id}`,
      payload: { enabled: true, eventTypes: ['invoice.paid'] },
    });
    expect(patched.json()).toMatchObject({ enabled: true, eventTypes: ['invoice.paid'] });
    const c = await s.invoice('10');
    await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: c, amount: 1_000 }],
    });
    expect((await s.deliveries()).map((d) => [d.endpoint_id, d.event_type])).toEqual([
      [off.endpoint.id, 'invoice.paid'],
    ]);
    expect(endpoint.id).not.toBe(off.endpoint.id);
    const filtered = await s.viewer({
      method: 'GET',
      url: `/api/v1/console/webhooks/deliveries?endpointId=${off.endpoint.id}&status=pending&eventType=invoice.paid`,
    });
    expect(filtered.json().total).toBe(1);
    const none = await s.viewer({
      method: 'GET',
      url: `/api/v1/console/webhooks/deliveries?endpointId=${endpoint.id}`,
    });
    expect(none.json().total).toBe(0);
  });
});

describe('recording', () => {
  test('an event commits with its cause: rolled back, nothing is stored or queued; committed, the ERP ids ride along', async () => {
    const s = await seller();
    await s.addEndpoint({ eventTypes: ['customer.hold_changed', 'import.finished'] });
    await db
      .updateTable('customer_accounts')
      .set({ erp_id: 'CLI-042' })
      .where('id', '=', s.accountId)
      .execute();
    const data = {
      customerId: s.accountId,
      holdStatus: 'on_hold' as const,
      reason: 'overdue 90 days',
      customerMessage: null,
    };
    await expect(
      db.transaction().execute(async (trx) => {
        await recordIntegrationEvent(trx, { orgId: s.orgId, type: 'customer.hold_changed', data });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await s.events()).toEqual([]);
    expect(await s.deliveries()).toEqual([]);

    const recorded = await db
      .transaction()
      .execute((trx) => recordIntegrationEvent(trx, { orgId: s.orgId, type: 'customer.hold_changed', data }));
    expect(recorded).toMatchObject({ deliveries: 1 });
    // Not listened to by this endpoint: nothing stored.
    expect(
      await db.transaction().execute((trx) =>
        recordIntegrationEvent(trx, {
          orgId: s.orgId,
          type: 'invoice.voided',
          data: {
            invoiceId: s.accountId,
            number: 'X',
            customerId: s.accountId,
            total: 1n,
            currency: 'USD',
            reason: null,
          },
        }),
      ),
    ).toBeNull();
    await runJobs();
    // (Other tests' jobs may run too: only this seller's requests are looked at.)
    const mine = received.filter((r) => JSON.parse(r.raw).orgId === s.orgId);
    expect(mine).toHaveLength(1);
    expect(bodyOf(mine[0]!)).toMatchObject({
      id: recorded!.eventId,
      type: 'customer.hold_changed',
      data: { ...data, customerErpId: 'CLI-042' },
    });
  });
});

describe('addresses and secrets', () => {
  test('internal addresses are refused when saved and again when sent; http only for localhost on a local Saldo', async () => {
    const s = await seller();
    for (const url of [
      'https://10.0.0.8/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::ffff:192.168.1.1]/x',
      'https://[fd00::1]/x',
      'http://erp.example.com/hook',
      'https://user:pass@erp.example.com/hook',
      'ftp://erp.example.com/',
    ]) {
      const r = await s.owner({
        method: 'POST',
        url: '/api/v1/console/webhooks/endpoints',
        payload: { url },
      });
      expect(r.statusCode, url).toBe(422);
      expect(r.json().code).toBe('webhook_url_refused');
    }
    const viewer = await s.viewer({
      method: 'POST',
      url: '/api/v1/console/webhooks/endpoints',
      payload: { url: receiverUrl },
    });
    expect(viewer.statusCode).toBe(403);
    // A Saldo on a public address refuses loopback receivers too.
    await expect(
      createWebhookEndpoint(
        { db, secretKey: config.secretKey, policy: { allowLoopback: false } },
        { orgId: s.orgId, url: receiverUrl, actor: {} },
      ),
    ).rejects.toMatchObject({ code: 'webhook_url_refused' });

    // A name that resolved to a public address when saved and points inside when sent.
    let answer = '93.184.216.34';
    const lookup = async () => [{ address: answer, family: 4 }];
    const { endpoint } = await createWebhookEndpoint(
      { db, secretKey: config.secretKey, policy: { allowLoopback: false }, lookup },
      { orgId: s.orgId, url: 'https://erp.example.com/hook', actor: {} },
    );
    await s.owner({ method: 'POST', url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/test` });
    const [delivery] = await s.deliveries();
    answer = '127.0.0.1';
    const sent: unknown[] = [];
    const result = await deliverWebhook(
      {
        ...deliverDeps,
        policy: { allowLoopback: false },
        lookup,
        send: async (r) => {
          sent.push(r);
          return { statusCode: 200, body: '' };
        },
      },
      { orgId: s.orgId, deliveryId: delivery!.id },
    );
    expect(result).toMatchObject({ outcome: 'retrying', error: 'address refused: internal_address' });
    expect(sent).toEqual([]);
  });

  test('classifies every private range, also inside IPv6 (mapped, NAT64)', () => {
    for (const a of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
    ])
      expect(classifyAddress(a), a).toBe('internal');
    for (const a of ['fd12::1', 'fe80::1', '::', '::ffff:10.0.0.1', '::ffff:a00:1', '64:ff9b::a9fe:a9fe'])
      expect(classifyAddress(a), a).toBe('internal');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::1')).toBe('loopback');
    expect(classifyAddress('93.184.216.34')).toBe('public');
    expect(classifyAddress('2606:4700::1111')).toBe('public');
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const v = classifyAddress(ip);
        expect(classifyAddress(`::ffff:${ip}`)).toBe(v);
        if (ip.startsWith('10.') || ip.startsWith('192.168.') || ip.startsWith('127.'))
          expect(v).not.toBe('public');
      }),
    );
  });

  test('secrets are sealed at rest: no column holds one in clear, and the log never shows it', async () => {
    const s = await seller();
    const { endpoint, secret } = await s.addEndpoint();
    const rolled = await s.owner({
      method: 'POST',
      url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/roll-secret`,
      payload: {},
    });
    const fresh = rolled.json().secret as string;
    const row = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('org_id', '=', s.orgId)
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.previous_secret_sealed).toMatch(/^v1\./);
    const text = JSON.stringify(row);
    for (const value of [secret, fresh, secret.slice(6), fresh.slice(6)]) expect(text).not.toContain(value);
    const audit = await db.selectFrom('audit_log').selectAll().where('org_id', '=', s.orgId).execute();
    expect(JSON.stringify(audit, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(fresh);
    await s.owner({ method: 'POST', url: `/api/v1/console/webhooks/endpoints/${endpoint.id}/test` });
    await runJobs();
    const attempts = await db
      .selectFrom('webhook_delivery_attempts')
      .selectAll()
      .where('org_id', '=', s.orgId)
      .execute();
    expect(attempts).toHaveLength(1);
    expect(JSON.stringify(attempts)).not.toContain(fresh.slice(6));
    const deleted = await s.owner({
      method: 'DELETE',
      url: `/api/v1/console/webhooks/endpoints/${endpoint.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await s.deliveries()).toEqual([]);
  });
});
