import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decideCredit } from '../../src/domain/credit-checks/decide-credit.ts';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { as, seedSeller, signInTo } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';
import { calendarDay, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Orders over the credit limit through the integration API (`POST /api/v1/credit-checks` with an
 * API key): approved when the order fits `limit − balance − pending orders`, otherwise a pay link
 * for the part over the limit or the whole order (the seller's setting); a limit of 0 pays every
 * order; the same order answers the same link, a changed amount a new one; money in flight frees
 * no credit until it arrives; bad input and other sellers' keys are refused.
 */
const ctx = await useOnlinePaymentsApp();
const { app, db, config } = ctx;
const s = await onlineSeller(ctx);
const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));

const newKey = async (orgId: string, scopes: ('integration:read' | 'integration:write')[]) =>
  (await createApiKey({ db }, { orgId, name: 'ERP', scopes, createdBy: null, actor: {} })).key;
const writeKey = await newKey(s.orgId, ['integration:read', 'integration:write']);

const check = (body: Record<string, unknown>, key = writeKey, language = 'en') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/credit-checks',
    headers: { authorization: `Bearer ${key}`, 'accept-language': language },
    payload: body,
  });

const settings = async (body: { onlineOrders: boolean; orderPayment: 'excess' | 'whole' }) => {
  const put = await owner({ method: 'PUT', url: '/api/v1/console/settings/credit-checks', payload: body });
  expect(put.statusCode, put.body).toBe(200);
};
await settings({ onlineOrders: true, orderPayment: 'excess' });

/** A customer of the seller with this credit limit (major units; null: no limit). */
const customer = async (limit: string | null, overrides: { online_payments?: boolean } = {}) =>
  createCustomerAccount(db, s.orgId, {
    credit_limit: limit === null ? null : BigInt(limit) * 100n,
    erp_id: `ERP-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });

/** An open invoice of a customer (major units), optionally billing an order. */
const invoice = (customerId: string, amount: string, orderReference?: string) =>
  createInvoice(
    { db },
    {
      orgId: s.orgId,
      customerId,
      number: `CC-${randomUUID().slice(0, 8)}`,
      issueDate: calendarDay(-3),
      dueDate: calendarDay(27),
      status: 'open',
      ...(orderReference ? { orderReference } : {}),
      lines: [{ description: 'Goods', quantity: '1', unitPrice: amount }],
      actor: {},
    },
  );

const order = () => `SO-${randomUUID().slice(0, 8)}`;

describe('the decision', () => {
  test('an order that fits the available credit is approved; asking again answers the same check', async () => {
    const c = await customer('1000');
    await invoice(c.id, '300');
    const ref = order();
    const first = await check({
      customer: { id: c.id },
      orderReference: ref,
      orderAmount: 50_000,
      currency: 'USD',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      decision: 'approved',
      customerId: c.id,
      orderReference: ref,
      currency: 'USD',
      orderAmount: 50_000,
      creditLimit: 100_000,
      availableCredit: 70_000,
      amountToPay: 0,
      payLink: null,
      payLinkUnavailable: null,
    });
    const again = await check({
      customer: { id: c.id },
      orderReference: ref,
      orderAmount: 50_000,
      currency: 'USD',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  test('over the limit: a pay link for the part over it; the same order answers the same link, a new amount a new one', async () => {
    const c = await customer('1000');
    await invoice(c.id, '300');
    const ref = order();
    const body = { customer: { erpId: c.erp_id }, orderReference: ref, orderAmount: 90_000, currency: 'USD' };
    const first = await check(body);
    expect(first.statusCode, first.body).toBe(201);
    const answer = first.json();
    expect(answer).toMatchObject({
      decision: 'payment_required',
      availableCredit: 70_000,
      amountToPay: 20_000,
    });
    expect(answer.payLink.url).toMatch(new RegExp(`^${config.publicUrl}/pay/[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(answer.payLink.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // The link opens what it pays, in the payer's words.
    const token = answer.payLink.url.split('/pay/')[1];
    const opened = await app.inject({ method: 'GET', url: `/api/v1/pay-links/${token}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      state: 'open',
      purpose: 'order',
      orderReference: ref,
      amount: 20_000,
    });

    const again = await check(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().payLink.url).toBe(answer.payLink.url);
    // Only the token's hash is kept.
    const stored = await db
      .selectFrom('pay_links')
      .select('token_hash')
      .where('org_id', '=', s.orgId)
      .execute();
    for (const row of stored) expect(row.token_hash.toString('base64url')).not.toBe(token);

    const grown = await check({ ...body, orderAmount: 95_000 });
    expect(grown.statusCode).toBe(201);
    expect(grown.json()).toMatchObject({ decision: 'payment_required', amountToPay: 25_000 });
    expect(grown.json().payLink.url).not.toBe(answer.payLink.url);
    const old = await app.inject({
      method: 'GET',
      url: `/api/v1/pay-links/${token}`,
      headers: { 'accept-language': 'es' },
    });
    expect(old.statusCode).toBe(410);
    expect(old.json()).toMatchObject({
      code: 'pay_link_cancelled',
      detail: expect.stringMatching(/cancelado/),
    });
  });

  test('with the setting "whole order", an order over the limit pays all of it', async () => {
    await settings({ onlineOrders: true, orderPayment: 'whole' });
    try {
      const c = await customer('1000');
      const answer = await check({
        customer: { accountNumber: c.account_number },
        orderReference: order(),
        orderAmount: 120_000,
        currency: 'USD',
      });
      expect(answer.json()).toMatchObject({
        decision: 'payment_required',
        availableCredit: 100_000,
        amountToPay: 120_000,
      });
      // Another customer: the first order's link holds that customer's credit while it is open.
      const fits = await check({
        customer: { id: (await customer('1000')).id },
        orderReference: order(),
        orderAmount: 80_000,
        currency: 'USD',
      });
      expect(fits.json()).toMatchObject({ decision: 'approved', amountToPay: 0 });
    } finally {
      await settings({ onlineOrders: true, orderPayment: 'excess' });
    }
  });

  test('a limit of 0 means no credit: every order is paid in full online; no limit approves every order', async () => {
    const none = await customer('0');
    const answer = await check({
      customer: { id: none.id },
      orderReference: order(),
      orderAmount: 1,
      currency: 'USD',
    });
    expect(answer.json()).toMatchObject({ decision: 'payment_required', creditLimit: 0, amountToPay: 1 });
    expect(answer.json().payLink).not.toBeNull();
    const unlimited = await customer(null);
    await invoice(unlimited.id, '1000000');
    const open = await check({
      customer: { id: unlimited.id },
      orderReference: order(),
      orderAmount: 99_999_999,
      currency: 'USD',
    });
    expect(open.json()).toMatchObject({
      decision: 'approved',
      creditLimit: null,
      availableCredit: null,
      amountToPay: 0,
    });
  });

  test('orders approved or being prepaid hold credit until their invoice arrives; then the invoice does', async () => {
    const c = await customer('1000');
    const a = order();
    expect(
      (
        await check({ customer: { id: c.id }, orderReference: a, orderAmount: 60_000, currency: 'USD' })
      ).json(),
    ).toMatchObject({ decision: 'approved', availableCredit: 100_000 });
    const b = await check({
      customer: { id: c.id },
      orderReference: order(),
      orderAmount: 60_000,
      currency: 'USD',
    });
    expect(b.json()).toMatchObject({
      decision: 'payment_required',
      availableCredit: 40_000,
      amountToPay: 20_000,
    });
    // Order A is invoiced: its 600 is now in the balance, not pending twice.
    await invoice(c.id, '600', a);
    const later = await check({
      customer: { id: c.id },
      orderReference: order(),
      orderAmount: 10_000,
      currency: 'USD',
    });
    // 1000 − 600 (A's invoice) − 600 (B, its link still open) = −200: the whole order is over.
    expect(later.json()).toMatchObject({
      decision: 'payment_required',
      availableCredit: -20_000,
      amountToPay: 10_000,
    });
  });

  test('money in flight frees no credit until it arrives (an ACH debit pending, then settled)', async () => {
    await db
      .updateTable('customer_accounts')
      .set({ credit_limit: 100_000n })
      .where('id', '=', s.accountId)
      .execute();
    const inv = await s.invoice('800');
    const paid = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: inv, amount: 80_000 }],
    });
    expect(paid.json().status).toBe('pending');
    const pending = await check({
      customer: { id: s.accountId },
      orderReference: order(),
      orderAmount: 50_000,
      currency: 'USD',
    });
    expect(pending.json()).toMatchObject({ availableCredit: 20_000, amountToPay: 30_000 });
    await s.advance(4);
    expect((await s.invoiceState(inv)).payment_status).toBe('paid');
    const settled = await check({
      customer: { id: s.accountId },
      orderReference: order(),
      orderAmount: 50_000,
      currency: 'USD',
    });
    // The earlier order's link is still open and holds its 500 too: 1000 − 0 − 500 = 500.
    expect(settled.json()).toMatchObject({ decision: 'approved', availableCredit: 50_000 });
  });

  test('when online payment of orders is off (seller or customer), the answer says why there is no link', async () => {
    const c = await customer('100');
    await settings({ onlineOrders: false, orderPayment: 'excess' });
    try {
      const off = await check({
        customer: { id: c.id },
        orderReference: order(),
        orderAmount: 20_000,
        currency: 'USD',
      });
      expect(off.json()).toMatchObject({
        decision: 'payment_required',
        amountToPay: 10_000,
        payLink: null,
        payLinkUnavailable: 'seller_off',
      });
    } finally {
      await settings({ onlineOrders: true, orderPayment: 'excess' });
    }
    const blocked = await customer('100', { online_payments: false });
    const answer = await check({
      customer: { id: blocked.id },
      orderReference: order(),
      orderAmount: 20_000,
      currency: 'USD',
    });
    expect(answer.json()).toMatchObject({ payLink: null, payLinkUnavailable: 'customer_off' });
    const read = await owner({ method: 'GET', url: '/api/v1/console/settings/credit-checks' });
    expect(read.json()).toEqual({ onlineOrders: true, orderPayment: 'excess' });
  });

  test('the staff see a customer’s checks and links, never a link’s address', async () => {
    const c = await customer('100');
    const answer = (
      await check({ customer: { id: c.id }, orderReference: order(), orderAmount: 30_000, currency: 'USD' })
    ).json();
    const panel = await owner({ method: 'GET', url: `/api/v1/console/customers/${c.id}/credit-checks` });
    expect(panel.statusCode).toBe(200);
    expect(panel.json().creditChecks[0]).toMatchObject({
      id: answer.id,
      decision: 'payment_required',
      amountToPay: 20_000,
    });
    expect(panel.json().payLinks[0]).toMatchObject({ purpose: 'order', state: 'open', amount: 20_000 });
    const token = answer.payLink.url.split('/pay/')[1];
    expect(panel.body).not.toContain(token);
    const cancel = await owner({
      method: 'POST',
      url: `/api/v1/console/pay-links/${panel.json().payLinks[0].id}/cancel`,
    });
    expect(cancel.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/pay-links/${token}` })).json().code).toBe(
      'pay_link_cancelled',
    );
  });
});

describe('at the same moment', () => {
  test('orders checked at once queue: the credit is given out once (3 of 5 approved, then the excess, then all)', async () => {
    const c = await customer('1000');
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        check({ customer: { id: c.id }, orderReference: order(), orderAmount: 30_000, currency: 'USD' }),
      ),
    );
    const toPay = answers.map((a) => a.json().amountToPay as number).sort((x, y) => x - y);
    expect(toPay).toEqual([0, 0, 0, 20_000, 30_000]);
    expect(answers.filter((a) => a.json().decision === 'approved')).toHaveLength(3);
  });
});

describe('the rule, for any amounts', () => {
  test('approved exactly when nothing is to pay; never more than the order; excess or whole as set', () => {
    const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    fc.assert(
      fc.property(
        fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n }), { nil: null }),
        amount,
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom('excess' as const, 'whole' as const),
        (limit, owed, pendingOrders, prepaid, orderAmount, orderPayment) => {
          const r = decideCredit({ limit, owed, pendingOrders, prepaid, orderAmount, orderPayment });
          expect(r.decision === 'approved').toBe(r.amountToPay === 0n);
          expect(r.amountToPay >= 0n && r.amountToPay <= orderAmount).toBe(true);
          if (limit === null) {
            expect(r.decision).toBe('approved');
            return;
          }
          expect(r.available).toBe(limit - owed - pendingOrders);
          const fits = limit > 0n && r.available! >= orderAmount;
          const due = fits
            ? 0n
            : limit === 0n || orderPayment === 'whole'
              ? orderAmount
              : orderAmount - (r.available! > 0n ? r.available! : 0n);
          expect(r.amountToPay).toBe(due > prepaid ? due - prepaid : 0n);
        },
      ),
    );
  });
});

const badInputCustomer = await customer('1000');

describe('bad input and other sellers', () => {
  const c = badInputCustomer;
  const valid = { customer: { id: c.id }, orderReference: 'SO-1', orderAmount: 100, currency: 'USD' };

  test.each([
    ['NUL in the order reference', { ...valid, orderReference: 'SO\u00001' }],
    ['a lone surrogate', { ...valid, orderReference: 'SO-\ud800' }],
    ['a huge amount', { ...valid, orderAmount: 10 ** 16 }],
    ['a negative amount', { ...valid, orderAmount: -100 }],
    ['zero', { ...valid, orderAmount: 0 }],
    ['a fractional amount', { ...valid, orderAmount: 1.5 }],
    ['an amount as a string', { ...valid, orderAmount: '100' }],
    ['an impossible currency', { ...valid, currency: 'ZZZ' }],
    ['a lower-case currency', { ...valid, currency: 'usd' }],
    ['a reference too long', { ...valid, orderReference: 'x'.repeat(101) }],
    ['an empty reference', { ...valid, orderReference: '' }],
    ['two ways to name the customer', { ...valid, customer: { id: c.id, erpId: c.erp_id } }],
    ['no customer', { ...valid, customer: {} }],
    ['an unknown field', { ...valid, discount: 5 }],
  ])('%s is refused (400) with the field named', async (_name, body) => {
    const answer = await check(body);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().code).toMatch(/validation_failed|bad_request/);
  });

  test('an order in another currency than the customer’s credit is refused in the reader’s language', async () => {
    const answer = await check({ ...valid, currency: 'EUR' }, writeKey, 'es');
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({
      code: 'order_currency_mismatch',
      detail: expect.stringMatching(/EUR.*USD/),
    });
  });

  test('an unknown customer, or another seller’s, is 404; no key or a bogus one 401; a read-only key 403', async () => {
    expect((await check({ ...valid, customer: { id: randomUUID() } })).statusCode).toBe(404);
    expect((await check({ ...valid, customer: { erpId: 'nope' } })).statusCode).toBe(404);
    const other = await seedSeller(db, { locale: 'en' });
    const otherKey = await newKey(other.org.id, ['integration:read', 'integration:write']);
    expect((await check(valid, otherKey)).statusCode).toBe(404);
    expect((await check({ ...valid, customer: { id: other.account.id } })).statusCode).toBe(404);
    const none = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: valid });
    expect(none.statusCode).toBe(401);
    expect((await check(valid, 'saldo_bogus_key')).statusCode).toBe(401);
    expect((await check(valid, await newKey(s.orgId, ['integration:read']))).statusCode).toBe(403);
    // Nothing was written for any of them.
    const rows = await db
      .selectFrom('credit_checks')
      .select('id')
      .where('order_reference', '=', 'SO-1')
      .execute();
    expect(rows).toEqual([]);
  });
});
