import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { exportPaymentConfirmations } from '../../src/domain/integration/sync/export-payment-confirmations.ts';
import { renderPaymentConfirmations } from '../../src/formats/csv/payment-confirmations-csv.ts';
import { as, signInTo } from '../support/app.ts';
import { onlineSeller, sandboxAchDays, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Online payments through the sandbox, as the confirmations see them: a card payment once
 * captured (with its fee and the card account), an ACH debit never while pending — only once it
 * settled — and, after it was exported, its refund and its return as lines of their own.
 */
const { app, db, config } = await useOnlinePaymentsApp();
const s = await onlineSeller({ app, db, config });
const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));
const exportNow = async () =>
  (
    await exportPaymentConfirmations(
      { db, render: renderPaymentConfirmations },
      { orgId: s.orgId, format: 'json', channel: 'api', actor: {} },
    )
  )?.document ?? null;

describe('online payments in the confirmations', () => {
  test('card when captured; ACH only once settled; a refund and a return later, each once', async () => {
    await db
      .insertInto('payment_settings')
      .values({
        org_id: s.orgId,
        erp_account_card: 'CARD-CLEARING',
        erp_account_ach: 'ACH-CLEARING',
        card_fee_bps: 300,
      })
      .execute();
    const a = await s.invoice('200');
    const b = await s.invoice('100');
    const byCard = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 10_000 }],
    });
    expect(byCard.json().status, byCard.body).toBe('completed');
    const byAch = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000666666661'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: b, amount: 4_000 }],
    });
    expect(byAch.json().status).toBe('pending');

    const first = (await exportNow())!;
    expect(first.payments.map((p) => p.paymentId)).toEqual([byCard.json().id]);
    expect(first.payments[0]).toMatchObject({
      method: 'card',
      erpAccount: 'CARD-CLEARING',
      amount: 10_000n,
      fee: 300n,
      unapplied: 0n,
    });
    // The pending debit is not there, and nothing is new until it settles.
    expect(await exportNow()).toBeNull();

    const days = sandboxAchDays();
    await s.advance(days.settle);
    const settled = (await exportNow())!;
    expect(settled.payments.map((p) => [p.paymentId, p.method, p.erpAccount, p.amount])).toEqual([
      [byAch.json().id, 'ach', 'ACH-CLEARING', 4_000n],
    ]);
    expect(settled.payments[0]!.applications.map((x) => x.invoice.id)).toEqual([b]);

    const refunded = await owner({
      method: 'POST',
      url: `/api/v1/console/payments/${byCard.json().id}/refunds`,
      headers: { 'idempotency-key': randomUUID() },
      payload: { amount: 2_500, reason: 'Damaged goods' },
    });
    expect(refunded.statusCode, refunded.body).toBe(201);
    await s.advance(days.return);
    const later = (await exportNow())!;
    expect(later.payments).toEqual([]);
    const lines = later.changes.map((c) => [c.type, c.payment?.id, c.amount]);
    // Nothing was unapplied: the refund undid the card payment's application (its rest stays unapplied);
    // the return undid the debit's application.
    expect(lines).toEqual(
      expect.arrayContaining([
        ['unapplication', byCard.json().id, 10_000n],
        ['refund', byCard.json().id, 2_500n],
        ['unapplication', byAch.json().id, 4_000n],
        ['return', byAch.json().id, 4_000n],
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(later.changes.find((c) => c.type === 'return')!.reason).toBe('R10');
    expect(await exportNow()).toBeNull();
    expect(await s.problems()).toEqual([]);
  }, 120_000);
});
