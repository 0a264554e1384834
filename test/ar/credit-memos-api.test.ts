import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { formatMoney } from '../../src/domain/money/money.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

/** Credit memos through the console API: issue, apply, unapply; the portal's list. */
const { app, db } = await useTestApp();
const seller = await seedSeller(db); // Spanish, MXN
const agent = as(app, await signIn(app, seller.staff.ar_agent.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));

let invoiceSeq = 0;
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

async function memosOf(customerId: string) {
  return db
    .selectFrom('credit_memos')
    .select(['id', 'unapplied_amount'])
    .where('org_id', '=', seller.org.id)
    .where('customer_id', '=', customerId)
    .execute();
}

const customer = async () => (await createCustomerAccount(db, seller.org.id)).id;
const post = (url: string, payload: unknown) => agent({ method: 'POST', url, payload: payload as object });

describe('issuing a credit memo', () => {
  test('against an invoice, applied to two invoices', async () => {
    const c = await customer();
    const a = await invoice(c, '1000.00', '2025-01-10');
    const b = await invoice(c, '1000.00', '2025-02-10');
    const r = await post('/api/v1/console/credit-memos', {
      customerId: c,
      amount: 50000,
      issueDate: '2025-02-15',
      reason: 'Producto dañado',
      invoiceId: a.id,
      allocations: [
        { invoiceId: a.id, amount: 20000 },
        { invoiceId: b.id, amount: 30000 },
      ],
    });
    expect(r.statusCode).toBe(201);
    const memo = r.json();
    expect(memo).toMatchObject({
      customer: { id: c },
      issueDate: '2025-02-15',
      currency: 'MXN',
      amount: 50000,
      unappliedAmount: 0,
      status: 'open',
      invoice: { id: a.id, number: a.number },
      reason: 'Producto dañado',
    });
    expect(memo.number).toMatch(/^CM-/);
    expect(
      memo.applications.map((x: { invoiceNumber: string; amount: number; unappliedAt: null }) => [
        x.invoiceNumber,
        x.amount,
        x.unappliedAt,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [a.number, 20000, null],
        [b.number, 30000, null],
      ]),
    );
    expect(memo.applications).toHaveLength(2);
    expect(await openAmount(a.id)).toBe(80000);
    expect(await openAmount(b.id)).toBe(70000);

    const got = await viewer({ method: 'GET', url: `/api/v1/console/credit-memos/${memo.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(memo);
    const list = (
      await viewer({ method: 'GET', url: `/api/v1/console/credit-memos?customerId=${c}` })
    ).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    const { applications: _, ...summary } = memo;
    expect(list.items).toEqual([summary]);
    const byReason = (
      await viewer({ method: 'GET', url: '/api/v1/console/credit-memos?q=da%C3%B1ado' })
    ).json();
    expect(byReason.items.map((m: { id: string }) => m.id)).toContain(memo.id);
  });

  test('issued unapplied, then applied to two invoices through /applications', async () => {
    const c = await customer();
    const a = await invoice(c, '300.00', '2025-01-10');
    const b = await invoice(c, '300.00', '2025-02-10');
    const r = await post('/api/v1/console/credit-memos', {
      customerId: c,
      amount: 40000,
      issueDate: '2025-02-15',
      number: 'NC-77',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      number: 'NC-77',
      unappliedAmount: 40000,
      invoice: null,
      reason: null,
      applications: [],
    });

    const applied = await post(`/api/v1/console/credit-memos/${r.json().id}/applications`, {
      allocations: [
        { invoiceId: a.id, amount: 30000 },
        { invoiceId: b.id, amount: 5000 },
      ],
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().unappliedAmount).toBe(5000);
    expect(applied.json().applications).toHaveLength(2);
    expect(await openAmount(a.id)).toBe(0);
    expect(await openAmount(b.id)).toBe(25000);

    const duplicate = await post('/api/v1/console/credit-memos', {
      customerId: c,
      amount: 100,
      issueDate: '2025-02-15',
      number: 'NC-77',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('duplicate_number');
  });

  test('a credit larger than what is open is refused (422) and nothing is issued', async () => {
    const c = await customer();
    const a = await invoice(c, '100.00', '2025-01-10');
    const r = await post('/api/v1/console/credit-memos', {
      customerId: c,
      amount: 20000,
      issueDate: '2025-02-15',
      invoiceId: a.id,
      allocations: [{ invoiceId: a.id, amount: 20000 }],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('exceeds_open_amount');
    expect(r.json().detail).toBe(
      `Es más que los ${formatMoney(10000n, 'MXN', 'es')} pendientes de la factura ${a.number}.`,
    );
    expect(await memosOf(c)).toEqual([]);
    expect(await openAmount(a.id)).toBe(10000);

    // Applying more than the memo holds.
    const memo = (
      await post('/api/v1/console/credit-memos', { customerId: c, amount: 3000, issueDate: '2025-02-15' })
    ).json();
    const over = await post(`/api/v1/console/credit-memos/${memo.id}/applications`, {
      allocations: [{ invoiceId: a.id, amount: 3001 }],
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('exceeds_unapplied');
    expect(await memosOf(c)).toEqual([{ id: memo.id, unapplied_amount: 3000n }]);
    expect(await openAmount(a.id)).toBe(10000);
  });

  test('another currency, another customer, zero and negative amounts are refused', async () => {
    const c = await customer();
    const dollars = await invoice(c, '100.00', '2025-01-10', 'USD');
    const mismatch = await post('/api/v1/console/credit-memos', {
      customerId: c,
      amount: 100,
      issueDate: '2025-02-15',
      invoiceId: dollars.id,
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('currency_mismatch');

    const someoneElse = await customer();
    const theirs = await invoice(someoneElse, '100.00', '2025-01-10');
    const memo = (
      await post('/api/v1/console/credit-memos', { customerId: c, amount: 500, issueDate: '2025-02-15' })
    ).json();
    const wrongCustomer = await post(`/api/v1/console/credit-memos/${memo.id}/applications`, {
      allocations: [{ invoiceId: theirs.id, amount: 100 }],
    });
    expect(wrongCustomer.statusCode).toBe(422);
    expect(wrongCustomer.json().code).toBe('customer_mismatch');
    const wrongCurrency = await post(`/api/v1/console/credit-memos/${memo.id}/applications`, {
      allocations: [{ invoiceId: dollars.id, amount: 100 }],
    });
    expect(wrongCurrency.statusCode).toBe(422);
    expect(wrongCurrency.json().code).toBe('currency_mismatch');

    for (const amount of [0, -100]) {
      const r = await post('/api/v1/console/credit-memos', {
        customerId: c,
        amount,
        issueDate: '2025-02-15',
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('amount_not_positive');
    }
    expect(
      (await post(`/api/v1/console/credit-memos/${memo.id}/applications`, { allocations: [] })).statusCode,
    ).toBe(400);
    expect(await memosOf(c)).toEqual([{ id: memo.id, unapplied_amount: 500n }]);
  });

  test('unapply a credit application, then apply it again; viewers cannot change anything', async () => {
    const c = await customer();
    const a = await invoice(c, '500.00', '2025-01-10');
    const memo = (
      await post('/api/v1/console/credit-memos', {
        customerId: c,
        amount: 10000,
        issueDate: '2025-02-15',
        allocations: [{ invoiceId: a.id, amount: 10000 }],
      })
    ).json();
    const applicationId = memo.applications[0].id;
    expect(await openAmount(a.id)).toBe(40000);

    const byViewer = await viewer({
      method: 'POST',
      url: `/api/v1/console/credit-applications/${applicationId}/unapply`,
      payload: {},
    });
    expect(byViewer.statusCode).toBe(403);
    const issueByViewer = await viewer({
      method: 'POST',
      url: '/api/v1/console/credit-memos',
      payload: { customerId: c, amount: 100, issueDate: '2025-02-15' },
    });
    expect(issueByViewer.statusCode).toBe(403);

    const r = await post(`/api/v1/console/credit-applications/${applicationId}/unapply`, {
      reason: 'Aplicada por error',
    });
    expect(r.statusCode).toBe(204);
    expect(await openAmount(a.id)).toBe(50000);
    const after = (await agent({ method: 'GET', url: `/api/v1/console/credit-memos/${memo.id}` })).json();
    expect(after.unappliedAmount).toBe(10000);
    expect(after.applications[0]).toMatchObject({ id: applicationId, unapplyReason: 'Aplicada por error' });
    expect(after.applications[0].unappliedAt).toEqual(expect.any(String));
    const twice = await post(`/api/v1/console/credit-applications/${applicationId}/unapply`, {});
    expect(twice.statusCode).toBe(409);

    const again = await post(`/api/v1/console/credit-memos/${memo.id}/applications`, {
      allocations: [{ invoiceId: a.id, amount: 4000 }],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().unappliedAmount).toBe(6000);
    expect(await openAmount(a.id)).toBe(46000);

    const missing = '01900000-0000-7000-8000-000000000002';
    expect((await agent({ method: 'GET', url: `/api/v1/console/credit-memos/${missing}` })).statusCode).toBe(
      404,
    );
    expect((await post(`/api/v1/console/credit-applications/${missing}/unapply`, {})).statusCode).toBe(404);
  });
});

describe('retries under an Idempotency-Key', () => {
  const issue = (key: string, payload: object) =>
    agent({
      method: 'POST',
      url: '/api/v1/console/credit-memos',
      headers: { 'idempotency-key': key },
      payload,
    });

  test('a retried request issues one credit memo and answers it again; another request under the key is refused', async () => {
    const c = await customer();
    const a = await invoice(c, '500.00', '2025-01-10');
    const body = {
      customerId: c,
      amount: 12000,
      issueDate: '2025-01-05',
      allocations: [{ invoiceId: a.id, amount: 12000 }],
    };
    const first = await issue('cm-retry-1', body);
    expect(first.statusCode).toBe(201);
    const again = await issue('cm-retry-1', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await memosOf(c)).toHaveLength(1);
    expect(await openAmount(a.id)).toBe(50000 - 12000);

    const changed = await issue('cm-retry-1', { ...body, amount: 13000, allocations: [] });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency_key_reused');
    expect(await memosOf(c)).toHaveLength(1);
    // The key is the seller's: the same key for a new request is a new memo only under a new key.
    const other = await issue('cm-retry-2', { ...body, allocations: [] });
    expect(other.statusCode).toBe(201);
    expect(await memosOf(c)).toHaveLength(2);
  });

  test('ten copies of one request at once issue one credit memo, applied once', async () => {
    const c = await customer();
    const a = await invoice(c, '800.00', '2025-01-10');
    const body = {
      customerId: c,
      amount: 30000,
      issueDate: '2025-01-05',
      allocations: [{ invoiceId: a.id, amount: 30000 }],
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => issue('cm-burst', body)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    expect(await memosOf(c)).toHaveLength(1);
    expect(await openAmount(a.id)).toBe(80000 - 30000);
  });
});

describe('the portal', () => {
  test("lists only its own account's credit memos", async () => {
    const own = await post('/api/v1/console/credit-memos', {
      customerId: seller.account.id,
      amount: 1500,
      issueDate: '2025-02-15',
    });
    expect(own.statusCode).toBe(201);
    const other = await customer();
    const theirs = await post('/api/v1/console/credit-memos', {
      customerId: other,
      amount: 999,
      issueDate: '2025-02-15',
    });
    expect(theirs.statusCode).toBe(201);

    const accountant = as(
      app,
      await signInTo(app, seller.customers.accountant.email, {
        kind: 'customer',
        orgId: seller.org.id,
        accountId: seller.account.id,
      }),
    );
    const r = await accountant({ method: 'GET', url: '/api/v1/portal/credit-memos' });
    expect(r.statusCode).toBe(200);
    const ids = r.json().items.map((m: { id: string }) => m.id);
    expect(ids).toContain(own.json().id);
    expect(ids).not.toContain(theirs.json().id);
    expect(
      r.json().items.every((m: { customer: { id: string } }) => m.customer.id === seller.account.id),
    ).toBe(true);
    expect((await accountant({ method: 'GET', url: '/api/v1/console/credit-memos' })).statusCode).toBe(403);
    expect((await agent({ method: 'GET', url: '/api/v1/portal/credit-memos' })).statusCode).toBe(403);
  });
});
