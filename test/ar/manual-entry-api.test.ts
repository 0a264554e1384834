import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { followingNumber } from '../../src/domain/invoices/suggest-invoice-number.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';

/** What the console's new-customer and new-invoice forms rely on beyond create: suggestions, preview, the currency rule. */
const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const other = await seedSeller(db, { name: 'Other seller' });
const orgId = seller.org.id;
const staff = (s: typeof seller, role: 'owner' | 'ar_agent' | 'viewer') =>
  signInTo(app, s.staff[role].email, { kind: 'staff', orgId: s.org.id }).then((x) => as(app, x));
const agent = await staff(seller, 'ar_agent');
const viewer = await staff(seller, 'viewer');
const otherAgent = await staff(other, 'ar_agent');

async function newCustomer(accountNumber: string, currency = 'MXN') {
  const r = await agent({
    method: 'POST',
    url: '/api/v1/console/customers',
    payload: {
      accountNumber,
      name: `Cliente ${accountNumber}`,
      currency,
      locale: 'es',
      paymentTermsDays: 30,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; hasDocuments: boolean; currency: string };
}

async function newInvoice(customerId: string, number: string) {
  const r = await agent({
    method: 'POST',
    url: '/api/v1/console/invoices',
    payload: {
      customerId,
      number,
      issueDate: '2026-11-01',
      lines: [{ description: 'Aceite', quantity: '1', unitPrice: '100' }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('the next number in a series', () => {
  test('adds one to the last run of digits, keeping its width', () => {
    expect(followingNumber('F-0999')).toBe('F-1000');
    expect(followingNumber('A-99')).toBe('A-100');
    expect(followingNumber('2026/17B')).toBe('2026/18B');
    expect(followingNumber('C-1003')).toBe('C-1004');
    expect(followingNumber('SIN-NUMERO')).toBeNull();
  });

  test('the following number of a series is always a new number of the same shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.bigInt({ min: 0n, max: 10n ** 20n }), (prefix, n) => {
        const base = prefix.replace(/\d/g, '') + n.toString();
        const next = followingNumber(base)!;
        expect(next.startsWith(prefix.replace(/\d/g, ''))).toBe(true);
        expect(BigInt(next.slice(prefix.replace(/\d/g, '').length))).toBe(n + 1n);
      }),
    );
  });
});

describe('suggested numbers', () => {
  test('an account number follows the customer created last, skipping taken ones', async () => {
    await newCustomer('CL-0041');
    await newCustomer('CL-0043');
    await newCustomer('CL-0042');
    const r = await viewer({ method: 'GET', url: '/api/v1/console/customers/next-account-number' });
    expect(r.statusCode).toBe(200);
    // After CL-0042 comes CL-0043, which is taken: CL-0044.
    expect(r.json()).toEqual({ accountNumber: 'CL-0044' });
    // Another seller's customers are not part of this seller's series.
    const theirs = await otherAgent({ method: 'GET', url: '/api/v1/console/customers/next-account-number' });
    expect(theirs.json().accountNumber).not.toBe('CL-0044');
  });

  test('an invoice number follows the invoice created last; none without a numbered invoice', async () => {
    const none = await otherAgent({ method: 'GET', url: '/api/v1/console/invoices/next-number' });
    expect(none.json()).toEqual({ number: null });
    const customer = await newCustomer('CL-N1');
    await newInvoice(customer.id, 'FAC-00120');
    await newInvoice(customer.id, 'FAC-00122');
    await newInvoice(customer.id, 'FAC-00121');
    const r = await viewer({ method: 'GET', url: '/api/v1/console/invoices/next-number' });
    expect(r.json()).toEqual({ number: 'FAC-00123' });
    expect((await otherAgent({ method: 'GET', url: '/api/v1/console/invoices/next-number' })).json()).toEqual(
      {
        number: null,
      },
    );
  });
});

describe('the totals preview', () => {
  const body = {
    currency: 'MXN',
    lines: [
      {
        description: 'Aceite 20 L',
        quantity: '3',
        unitPrice: '689.50',
        taxes: [{ name: 'IVA', rate: '16' }],
      },
      {
        description: 'Arroz 25 kg',
        quantity: '2.5',
        unitPrice: '612.333',
        discountAmount: 1000,
        taxes: [{ name: 'IVA', rate: '16' }],
      },
    ],
    charges: [{ kind: 'fee', name: 'Flete', amount: 25000 }],
  };

  test('answers what creating the invoice computes, and writes nothing', async () => {
    const before = await db.selectFrom('invoices').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const r = await agent({ method: 'POST', url: '/api/v1/console/invoices/preview', payload: body });
    expect(r.statusCode, r.body).toBe(200);
    const preview = r.json();
    // 3 × 689.50 = 2068.50; 2.5 × 612.333 = 1530.8325 → 1530.83 − 10.00 = 1520.83 (half-up per line).
    expect(preview.lines.map((l: { netAmount: number }) => l.netAmount)).toEqual([206850, 152083]);
    // IVA per line, half-up: 330.96 and 243.3328 → 243.33.
    expect(preview.lines.map((l: { taxAmount: number }) => l.taxAmount)).toEqual([33096, 24333]);
    expect(preview).toMatchObject({
      currency: 'MXN',
      subtotal: 358933,
      discountTotal: 1000,
      taxTotal: 57429,
      feeTotal: 25000,
      total: 358933 + 57429 + 25000,
    });
    const after = await db.selectFrom('invoices').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const customer = await newCustomer('CL-P1');
    const created = await agent({
      method: 'POST',
      url: '/api/v1/console/invoices',
      payload: { customerId: customer.id, number: 'PREV-1', issueDate: '2026-11-01', ...body },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      subtotal: preview.subtotal,
      taxTotal: preview.taxTotal,
      feeTotal: preview.feeTotal,
      total: preview.total,
    });
  });

  test('refuses what create refuses, naming the field', async () => {
    const r = await agent({
      method: 'POST',
      url: '/api/v1/console/invoices/preview',
      headers: { 'accept-language': 'en' },
      payload: { currency: 'JPY', lines: [{ description: 'x', quantity: '1.00001', unitPrice: '10' }] },
    });
    expect(r.statusCode).toBe(400);
    const problem = r.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.quantity']);
  });
});

describe('a customer with documents keeps its currency', () => {
  test('the currency changes until a document names the customer, then is refused in words', async () => {
    const customer = await newCustomer('CL-CUR', 'MXN');
    expect(customer.hasDocuments).toBe(false);
    const changed = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${customer.id}`,
      payload: { currency: 'USD' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ currency: 'USD', hasDocuments: false });

    await newInvoice(customer.id, 'CUR-1');
    const detail = (await agent({ method: 'GET', url: `/api/v1/console/customers/${customer.id}` })).json();
    expect(detail.hasDocuments).toBe(true);
    const refused = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${customer.id}`,
      headers: { 'accept-language': 'es' },
      payload: { currency: 'MXN', paymentTermsDays: 45 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'currency', code: 'currency_locked' }),
    ]);
    expect(refused.json().errors[0].message).toContain('USD');
    // Nothing of the refused change was applied; the same currency with other changes is fine.
    const same = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${customer.id}`,
      payload: { currency: 'USD', paymentTermsDays: 45 },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ currency: 'USD', paymentTermsDays: 45 });
  });
});

describe('a customer created with its contacts', () => {
  test('contacts come in the same request, in the customer language unless given', async () => {
    const r = await agent({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: {
        accountNumber: 'CL-K1',
        name: 'Cliente con contactos',
        currency: 'MXN',
        locale: 'es',
        contacts: [
          {
            name: 'Laura Méndez',
            email: 'CxP@Cliente.example',
            role: 'Cuentas por pagar',
            receives: ['invoices'],
          },
          { name: 'Tom', email: 'tom@cliente.example', locale: 'en' },
        ],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().contacts).toEqual([
      expect.objectContaining({
        name: 'Laura Méndez',
        email: 'cxp@cliente.example',
        role: 'Cuentas por pagar',
        locale: 'es',
        receives: ['invoices'],
      }),
      expect.objectContaining({ name: 'Tom', locale: 'en' }),
    ]);
  });

  test('a contact with an invalid e-mail refuses the whole customer, naming the field', async () => {
    const r = await agent({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: {
        accountNumber: 'CL-K2',
        name: 'Cliente mal escrito',
        currency: 'MXN',
        locale: 'es',
        contacts: [
          { name: 'Ok', email: 'ok@cliente.example' },
          { name: 'Mal', email: 'mal@' },
        ],
      },
    });
    expect(r.statusCode).toBe(400);
    // (A nullable field answers each branch it failed: one field named, possibly more than once.)
    expect(new Set(r.json().errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['contacts.1.email']),
    );
    const rows = await db
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', orgId)
      .where('account_number', '=', 'CL-K2')
      .execute();
    expect(rows).toEqual([]);
  });
});
