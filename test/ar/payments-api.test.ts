import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { formatMoney } from '../../src/domain/money/money.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

/** Payments through the console API: record, allocate, apply more, unapply, reverse; the portal's list. */
const { app, db } = await useTestApp();
const seller = await seedSeller(db); // Spanish, MXN
const agent = as(app, await signIn(app, seller.staff.ar_agent.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));

let invoiceSeq = 0;
/** An open invoice of one line; `price` in major units ("1000.00"). */
async function invoice(customerId: string, price: string, dueDate: string, currency?: string) {
  invoiceSeq += 1;
  const number = `F-${invoiceSeq}`;
  const { id, total } = await createInvoice(
    { db },
    {
      orgId: seller.org.id,
      customerId,
      number,
      issueDate: '2025-01-01',
      dueDate,
      ...(currency ? { currency } : {}),
      lines: [{ description: 'Producto', quantity: '1', unitPrice: price }],
      actor: {},
    },
  );
  return { id, number, total: Number(total) };
}

async function openAmount(invoiceId: string): Promise<number> {
  const row = await db
    .selectFrom('invoices')
    .select('open_amount')
    .where('org_id', '=', seller.org.id)
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  return Number(row.open_amount);
}

async function customer() {
  return (await createCustomerAccount(db, seller.org.id)).id;
}

async function journalCount(): Promise<number> {
  const row = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', seller.org.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  agent({ method: 'POST', url, payload: payload as object, headers });

/** The seller's calendar date, `days` from today, in its own time zone. */
function localDate(timeZone: string, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('what a payment may be: received by today, in a currency the customer deals in', () => {
  test("a date after the seller's today (in its time zone) is refused naming receivedOn; today is fine", async () => {
    const c = await customer();
    const today = localDate(seller.org.time_zone);
    const journal = await journalCount();
    for (const receivedOn of [localDate(seller.org.time_zone, 1), '2099-06-30']) {
      const r = await post('/api/v1/console/payments', {
        customerId: c,
        amount: 100,
        receivedOn,
        method: 'cash',
      });
      expect(r.statusCode, receivedOn).toBe(400);
      expect(r.json().code).toBe('validation_failed');
      expect(r.json().errors).toEqual([
        expect.objectContaining({
          field: 'receivedOn',
          code: 'maximum',
          message: `receivedOn debe ser como máximo ${today}`,
        }),
      ]);
    }
    expect(await journalCount()).toBe(journal);
    const ok = await post('/api/v1/console/payments', {
      customerId: c,
      amount: 100,
      receivedOn: today,
      method: 'cash',
    });
    expect(ok.statusCode).toBe(201);
  });

  test("a currency the customer has no balance in is refused naming currency; its own and its invoices' are fine", async () => {
    const c = await customer(); // MXN
    const base = { customerId: c, amount: 100, receivedOn: '2025-03-01', method: 'cash' };
    const r = await post('/api/v1/console/payments', { ...base, currency: 'EUR' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ field: 'currency', code: 'enum', message: 'currency debe ser uno de: MXN' }),
    ]);
    expect(
      await db
        .selectFrom('payments')
        .select('id')
        .where('org_id', '=', seller.org.id)
        .where('customer_id', '=', c)
        .execute(),
    ).toEqual([]);
    expect((await post('/api/v1/console/payments', { ...base, currency: 'MXN' })).statusCode).toBe(201);
    await invoice(c, '10.00', '2025-04-01', 'USD');
    expect((await post('/api/v1/console/payments', { ...base, currency: 'USD' })).statusCode).toBe(201);
    // the same list the customer page shows and the form offers
    const detail = (await agent({ method: 'GET', url: `/api/v1/console/customers/${c}` })).json();
    expect(detail.balances.map((b: { currency: string }) => b.currency)).toEqual(['MXN', 'USD']);
  });
});

describe('recording a payment', () => {
  test('auto: oldest due first across three invoices, partial on the last', async () => {
    const c = await customer();
    // Created newest-due first, so the order comes from the due dates, not from creation.
    const third = await invoice(c, '3000.00', '2025-03-10');
    const first = await invoice(c, '1000.00', '2025-01-10');
    const second = await invoice(c, '2000.00', '2025-02-10');

    const r = await post('/api/v1/console/payments', {
      customerId: c,
      amount: 450000,
      receivedOn: '2025-03-01',
      method: 'bank_transfer',
      reference: 'SPEI 123456',
      allocations: 'auto',
    });
    expect(r.statusCode).toBe(201);
    const payment = r.json();
    expect(payment).toMatchObject({
      customer: { id: c },
      amount: 450000,
      unappliedAmount: 0,
      currency: 'MXN',
      method: 'bank_transfer',
      reference: 'SPEI 123456',
      receivedOn: '2025-03-01',
      status: 'completed',
      reversedAt: null,
    });
    expect(payment.number).toMatch(/^PAY-/);
    expect(
      payment.applications.map(
        (a: { invoiceId: string; invoiceNumber: string; amount: number; unappliedAt: null }) => [
          a.invoiceNumber,
          a.amount,
          a.unappliedAt,
        ],
      ),
    ).toEqual(
      expect.arrayContaining([
        [first.number, 100000, null],
        [second.number, 200000, null],
        [third.number, 150000, null],
      ]),
    );
    expect(payment.applications).toHaveLength(3);
    expect(await openAmount(first.id)).toBe(0);
    expect(await openAmount(second.id)).toBe(0);
    expect(await openAmount(third.id)).toBe(150000);

    const got = await viewer({ method: 'GET', url: `/api/v1/console/payments/${payment.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(payment);

    const list = (await viewer({ method: 'GET', url: `/api/v1/console/payments?customerId=${c}` })).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(list.items[0]).toEqual({
      id: payment.id,
      number: payment.number,
      customer: payment.customer,
      receivedOn: '2025-03-01',
      method: 'bank_transfer',
      reference: 'SPEI 123456',
      currency: 'MXN',
      amount: 450000,
      unappliedAmount: 0,
      status: 'completed',
    });
    const byReference = (
      await viewer({ method: 'GET', url: '/api/v1/console/payments?q=spei%20123456' })
    ).json();
    expect(byReference.items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    const reversed = (
      await viewer({ method: 'GET', url: `/api/v1/console/payments?customerId=${c}&status=reversed` })
    ).json();
    expect(reversed).toMatchObject({ items: [], total: 0 });
  });

  test('explicit allocations leave the rest as unapplied cash; without allocations all of it stays unapplied', async () => {
    const c = await customer();
    const a = await invoice(c, '500.00', '2025-01-10');
    const b = await invoice(c, '500.00', '2025-02-10');
    const r = await post('/api/v1/console/payments', {
      customerId: c,
      amount: 100000,
      receivedOn: '2025-03-01',
      method: 'check',
      allocations: [{ invoiceId: b.id, amount: 30000 }],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ amount: 100000, unappliedAmount: 70000, reference: null });
    expect(r.json().applications).toMatchObject([
      { invoiceId: b.id, invoiceNumber: b.number, amount: 30000 },
    ]);
    expect(await openAmount(a.id)).toBe(50000);
    expect(await openAmount(b.id)).toBe(20000);

    const kept = await post('/api/v1/console/payments', {
      customerId: c,
      amount: 5000,
      receivedOn: '2025-03-02',
      method: 'cash',
    });
    expect(kept.statusCode).toBe(201);
    expect(kept.json()).toMatchObject({ unappliedAmount: 5000, applications: [] });
  });

  test('a retry with the same Idempotency-Key answers the same payment (200), never a second one', async () => {
    const c = await customer();
    const inv = await invoice(c, '800.00', '2025-01-10');
    const body = {
      customerId: c,
      amount: 30000,
      receivedOn: '2025-03-01',
      method: 'cash',
      allocations: 'auto',
    };
    const key = { 'idempotency-key': `retry-${c}` };
    const first = await post('/api/v1/console/payments', body, key);
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/console/payments', body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await db
      .selectFrom('payments')
      .select('id')
      .where('org_id', '=', seller.org.id)
      .where('customer_id', '=', c)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await openAmount(inv.id)).toBe(50000);
    // Without a key, the same body is a second payment.
    expect((await post('/api/v1/console/payments', body)).statusCode).toBe(201);
  });

  test('the same Idempotency-Key with any other request is refused (422 idempotency_key_reused), nothing recorded', async () => {
    const c = await customer();
    const other = await customer();
    const inv = await invoice(c, '800.00', '2025-01-10');
    const inv2 = await invoice(c, '100.00', '2025-01-20');
    const body = {
      customerId: c,
      amount: 30000,
      receivedOn: '2025-03-01',
      method: 'cash',
      reference: 'REC-1',
      allocations: [{ invoiceId: inv.id, amount: 30000 }],
    };
    const key = { 'idempotency-key': `reuse-${c}` };
    const first = await post('/api/v1/console/payments', body, key);
    expect(first.statusCode).toBe(201);
    const journal = await journalCount();
    const variants: Record<string, unknown> = {
      amount: { ...body, amount: 30001 },
      customer: { ...body, customerId: other, allocations: undefined },
      reference: { ...body, reference: 'REC-2' },
      'no reference': { ...body, reference: undefined },
      method: { ...body, method: 'check' },
      date: { ...body, receivedOn: '2025-03-02' },
      allocation: { ...body, allocations: [{ invoiceId: inv2.id, amount: 10000 }] },
      'auto allocation': { ...body, allocations: 'auto' },
      currency: { ...body, currency: 'MXN' },
    };
    for (const [what, variant] of Object.entries(variants)) {
      const r = await post('/api/v1/console/payments', variant, key);
      expect(r.statusCode, what).toBe(422);
      expect(r.json().code, what).toBe('idempotency_key_reused');
      expect(r.json().detail).toMatch(/Idempotency-Key/);
    }
    const rows = await db
      .selectFrom('payments')
      .select('id')
      .where('org_id', '=', seller.org.id)
      .where('customer_id', 'in', [c, other])
      .execute();
    expect(rows).toHaveLength(1);
    expect(await journalCount()).toBe(journal);
    expect(await openAmount(inv.id)).toBe(50000);
    expect(await openAmount(inv2.id)).toBe(10000);
    // the identical request still replays
    const again = await post('/api/v1/console/payments', body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
  });

  test('concurrent identical requests with one Idempotency-Key record one payment and all answer it', async () => {
    const c = await customer();
    const inv = await invoice(c, '800.00', '2025-01-10');
    const body = {
      customerId: c,
      amount: 12345,
      receivedOn: '2025-03-01',
      method: 'check',
      allocations: 'auto',
    };
    const key = { 'idempotency-key': `race-${c}` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post('/api/v1/console/payments', body, key)),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = answers.map((r) => r.json());
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ amount: 12345, unappliedAmount: 0 });
    const rows = await db
      .selectFrom('payments')
      .select('id')
      .where('org_id', '=', seller.org.id)
      .where('customer_id', '=', c)
      .execute();
    expect(rows).toEqual([{ id: bodies[0].id }]);
    expect(await openAmount(inv.id)).toBe(80000 - 12345);
  });

  test('zero, negative and non-integer amounts are refused with 400 and nothing recorded', async () => {
    const c = await customer();
    const base = { customerId: c, receivedOn: '2025-03-01', method: 'cash' };
    for (const amount of [0, -500]) {
      const r = await post('/api/v1/console/payments', { ...base, amount });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('amount_not_positive');
    }
    for (const amount of ['100', 10.5, 1e16]) {
      const r = await post('/api/v1/console/payments', { ...base, amount });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('validation_failed');
    }
    const inv = await invoice(c, '100.00', '2025-01-10');
    const zeroAllocation = await post('/api/v1/console/payments', {
      ...base,
      amount: 100,
      allocations: [{ invoiceId: inv.id, amount: 0 }],
    });
    expect(zeroAllocation.statusCode).toBe(400);
    expect(zeroAllocation.json().code).toBe('amount_not_positive');
    const rows = await db
      .selectFrom('payments')
      .select('id')
      .where('org_id', '=', seller.org.id)
      .where('customer_id', '=', c)
      .execute();
    expect(rows).toEqual([]);
    expect(
      (await post('/api/v1/console/payments', { ...base, amount: 100, method: 'card' })).statusCode,
    ).toBe(400);
    expect(
      (await post('/api/v1/console/payments', { ...base, amount: 100, receivedOn: '2025-02-30' })).statusCode,
    ).toBe(400);
  });

  test('an unknown customer is 404; viewers may read but not record', async () => {
    const c = await customer();
    const unknown = await post('/api/v1/console/payments', {
      customerId: '01900000-0000-7000-8000-000000000000',
      amount: 100,
      receivedOn: '2025-03-01',
      method: 'cash',
    });
    expect(unknown.statusCode).toBe(404);
    const r = await viewer({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: { customerId: c, amount: 100, receivedOn: '2025-03-01', method: 'cash' },
    });
    expect(r.statusCode).toBe(403);
    expect((await viewer({ method: 'GET', url: '/api/v1/console/payments' })).statusCode).toBe(200);
  });
});

describe('applying, unapplying and reversing', () => {
  async function paymentWithCash(c: string, amount: number, allocations?: unknown) {
    const r = await post('/api/v1/console/payments', {
      customerId: c,
      amount,
      receivedOn: '2025-03-01',
      method: 'check',
      ...(allocations ? { allocations } : {}),
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  }

  test('more than the unapplied cash: 422 exceeds_unapplied, translated, nothing changed', async () => {
    const c = await customer();
    const a = await invoice(c, '1000.00', '2025-01-10');
    const b = await invoice(c, '1000.00', '2025-02-10');
    const payment = await paymentWithCash(c, 100000, [{ invoiceId: a.id, amount: 30000 }]);
    const entries = await journalCount();

    const r = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: b.id, amount: 70001 }],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('exceeds_unapplied');
    expect(r.json().detail).toBe(`Es más de lo que queda sin aplicar: ${formatMoney(70000n, 'MXN', 'es')}.`);

    const english = await signIn(app, seller.staff.admin.email);
    await as(app, english)({ method: 'PUT', url: '/api/v1/me/locale', payload: { locale: 'en' } });
    const r2 = await as(
      app,
      english,
    )({
      method: 'POST',
      url: `/api/v1/console/payments/${payment.id}/applications`,
      payload: { allocations: [{ invoiceId: b.id, amount: 70001 }] },
    });
    expect(r2.statusCode).toBe(422);
    expect(r2.json().detail).toBe(
      `That is more than the ${formatMoney(70000n, 'MXN', 'en')} still unapplied.`,
    );

    expect((await agent({ method: 'GET', url: `/api/v1/console/payments/${payment.id}` })).json()).toEqual(
      payment,
    );
    expect(await openAmount(b.id)).toBe(100000);
    expect(await journalCount()).toBe(entries);
  });

  test("more than the invoice's open amount: 422 exceeds_open_amount; another currency: 422 currency_mismatch", async () => {
    const c = await customer();
    const small = await invoice(c, '100.00', '2025-01-10');
    const dollars = await invoice(c, '100.00', '2025-01-10', 'USD');
    const payment = await paymentWithCash(c, 100000);

    const tooMuch = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: small.id, amount: 10001 }],
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().code).toBe('exceeds_open_amount');
    expect(tooMuch.json().detail).toContain(small.number);
    expect(tooMuch.json().detail).toContain(formatMoney(10000n, 'MXN', 'es'));

    const mismatch = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: dollars.id, amount: 100 }],
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('currency_mismatch');

    // A mixed request where one line is wrong changes nothing at all.
    const mixed = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [
        { invoiceId: small.id, amount: 5000 },
        { invoiceId: dollars.id, amount: 100 },
      ],
    });
    expect(mixed.statusCode).toBe(422);
    expect(await openAmount(small.id)).toBe(10000);
    expect(await openAmount(dollars.id)).toBe(10000);

    const zero = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: small.id, amount: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    const negative = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: small.id, amount: -100 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(
      (await agent({ method: 'GET', url: `/api/v1/console/payments/${payment.id}` })).json().unappliedAmount,
    ).toBe(100000);

    const ok = await post(`/api/v1/console/payments/${payment.id}/applications`, { allocations: 'auto' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      unappliedAmount: 90000,
      applications: [{ invoiceId: small.id, amount: 10000 }],
    });
    expect(await openAmount(dollars.id)).toBe(10000);
  });

  test('unapply (reason required), then apply again', async () => {
    const c = await customer();
    const inv = await invoice(c, '1000.00', '2025-01-10');
    const payment = await paymentWithCash(c, 60000, 'auto');
    const applicationId = payment.applications[0].id;
    expect(await openAmount(inv.id)).toBe(40000);

    const noReason = await post(`/api/v1/console/payment-applications/${applicationId}/unapply`, {});
    expect(noReason.statusCode).toBe(400);
    const blank = await post(`/api/v1/console/payment-applications/${applicationId}/unapply`, {
      reason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const byViewer = await viewer({
      method: 'POST',
      url: `/api/v1/console/payment-applications/${applicationId}/unapply`,
      payload: { reason: 'no' },
    });
    expect(byViewer.statusCode).toBe(403);
    expect(await openAmount(inv.id)).toBe(40000);

    const r = await post(`/api/v1/console/payment-applications/${applicationId}/unapply`, {
      reason: 'Applied to the wrong invoice',
    });
    expect(r.statusCode).toBe(204);
    expect(await openAmount(inv.id)).toBe(100000);
    const after = (await agent({ method: 'GET', url: `/api/v1/console/payments/${payment.id}` })).json();
    expect(after.unappliedAmount).toBe(60000);
    expect(after.applications).toHaveLength(1);
    expect(after.applications[0]).toMatchObject({
      id: applicationId,
      unapplyReason: 'Applied to the wrong invoice',
    });
    expect(after.applications[0].unappliedAt).toEqual(expect.any(String));

    const twice = await post(`/api/v1/console/payment-applications/${applicationId}/unapply`, {
      reason: 'again',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('application_already_reversed');

    const reapplied = await post(`/api/v1/console/payments/${payment.id}/applications`, {
      allocations: [{ invoiceId: inv.id, amount: 60000 }],
    });
    expect(reapplied.statusCode).toBe(200);
    expect(reapplied.json().unappliedAmount).toBe(0);
    expect(
      reapplied.json().applications.filter((a: { unappliedAt: string | null }) => a.unappliedAt === null),
    ).toMatchObject([{ invoiceId: inv.id, amount: 60000 }]);
    expect(await openAmount(inv.id)).toBe(40000);
  });

  test("reversing restores every invoice's open amount and marks the payment reversed", async () => {
    const c = await customer();
    const a = await invoice(c, '1000.00', '2025-01-10');
    const b = await invoice(c, '2000.00', '2025-02-10');
    const payment = await paymentWithCash(c, 250000, 'auto');
    expect(await openAmount(a.id)).toBe(0);
    expect(await openAmount(b.id)).toBe(50000);

    expect((await post(`/api/v1/console/payments/${payment.id}/reverse`, {})).statusCode).toBe(400);
    const r = await post(`/api/v1/console/payments/${payment.id}/reverse`, { reason: 'Cheque sin fondos' });
    expect(r.statusCode).toBe(200);
    const reversed = r.json();
    expect(reversed).toMatchObject({
      status: 'reversed',
      reverseReason: 'Cheque sin fondos',
      amount: 250000,
      unappliedAmount: 0, // a reversed payment holds no money (docs/api.md, PaymentSummary)
    });
    expect(reversed.reversedAt).toEqual(expect.any(String));
    expect(reversed.applications).toHaveLength(2);
    for (const application of reversed.applications) {
      expect(application.unappliedAt).toEqual(expect.any(String));
      expect(application.unapplyReason).toBe('Cheque sin fondos');
    }
    expect(await openAmount(a.id)).toBe(a.total);
    expect(await openAmount(b.id)).toBe(b.total);

    const again = await post(`/api/v1/console/payments/${payment.id}/reverse`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('payment_reversed');
    const apply = await post(`/api/v1/console/payments/${payment.id}/applications`, { allocations: 'auto' });
    expect(apply.statusCode).toBe(409);
    expect(apply.json().code).toBe('payment_reversed');
    expect(await openAmount(a.id)).toBe(a.total);

    const list = (
      await agent({ method: 'GET', url: `/api/v1/console/payments?customerId=${c}&status=reversed` })
    ).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
  });

  test('unknown payments and applications are 404', async () => {
    const missing = '01900000-0000-7000-8000-000000000001';
    expect((await agent({ method: 'GET', url: `/api/v1/console/payments/${missing}` })).statusCode).toBe(404);
    expect(
      (await post(`/api/v1/console/payments/${missing}/applications`, { allocations: 'auto' })).statusCode,
    ).toBe(404);
    expect((await post(`/api/v1/console/payments/${missing}/reverse`, { reason: 'x' })).statusCode).toBe(404);
    expect(
      (await post(`/api/v1/console/payment-applications/${missing}/unapply`, { reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await agent({ method: 'GET', url: '/api/v1/console/payments/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('the portal', () => {
  test("lists only its own account's payments", async () => {
    const mine = await invoice(seller.account.id, '1000.00', '2025-01-10');
    const own = await post('/api/v1/console/payments', {
      customerId: seller.account.id,
      amount: 40000,
      receivedOn: '2025-03-01',
      method: 'bank_transfer',
      allocations: [{ invoiceId: mine.id, amount: 40000 }],
    });
    expect(own.statusCode).toBe(201);
    const other = await customer();
    const theirs = await post('/api/v1/console/payments', {
      customerId: other,
      amount: 777,
      receivedOn: '2025-03-01',
      method: 'cash',
    });
    expect(theirs.statusCode).toBe(201);

    const payer = as(
      app,
      await signInTo(app, seller.customers.payer.email, {
        kind: 'customer',
        orgId: seller.org.id,
        accountId: seller.account.id,
      }),
    );
    const r = await payer({ method: 'GET', url: '/api/v1/portal/payments' });
    expect(r.statusCode).toBe(200);
    const ids = r.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(own.json().id);
    expect(ids).not.toContain(theirs.json().id);
    expect(
      r.json().items.every((p: { customer: { id: string } }) => p.customer.id === seller.account.id),
    ).toBe(true);
    expect(r.json().total).toBe(ids.length);
    // The portal takes no customerId: the account is the session's.
    expect(
      (await payer({ method: 'GET', url: `/api/v1/portal/payments?customerId=${other}` })).statusCode,
    ).toBe(400);
    expect((await payer({ method: 'GET', url: '/api/v1/console/payments' })).statusCode).toBe(403);
    expect((await agent({ method: 'GET', url: '/api/v1/portal/payments' })).statusCode).toBe(403);
  });
});
