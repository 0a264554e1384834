import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const orgId = seller.org.id;
const staff = (role: 'owner' | 'admin' | 'ar_agent' | 'viewer') =>
  signInTo(app, seller.staff[role].email, { kind: 'staff', orgId }).then((s) => as(app, s));
const agent = await staff('ar_agent');
const viewer = await staff('viewer');
const other = await createCustomerAccount(db, orgId, { name: 'Otra Cuenta SA', account_number: 'OTRA-1' });

/** The seller's calendar date, `days` from today, in its own time zone. */
function localDate(timeZone: string, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const mx = (days = 0) => localDate('America/Mexico_City', days);

let seq = 0;
async function createInvoice(overrides: Record<string, unknown> = {}, as_ = agent) {
  seq += 1;
  const response = await as_({
    method: 'POST',
    url: '/api/v1/console/invoices',
    payload: {
      customerId: seller.account.id,
      number: `F-${seq}`,
      issueDate: mx(-10),
      dueDate: mx(20),
      lines: [{ description: 'Caja de jitomate', quantity: '1', unitPrice: '100.00' }],
      ...overrides,
    },
  });
  return response;
}
async function invoice(overrides: Record<string, unknown> = {}) {
  const response = await createInvoice(overrides);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('creating an invoice', () => {
  test('computes lines, 16 % IVA and totals exactly in MXN', async () => {
    const created = await invoice({
      number: 'IVA-1',
      poNumber: 'OC-7781',
      lines: [
        {
          sku: 'JIT-01',
          description: 'Jitomate',
          quantity: '2',
          unit: 'caja',
          unitPrice: '100.00',
          taxes: [{ name: 'IVA', rate: '16' }],
        },
        { description: 'Cebolla', quantity: '3', unitPrice: '33.33', taxes: [{ name: 'IVA', rate: '16' }] },
        { description: 'Bolsa', quantity: '1', unitPrice: '0.50', taxes: [{ name: 'IVA', rate: '16' }] },
      ],
    });
    expect(created).toMatchObject({
      number: 'IVA-1',
      poNumber: 'OC-7781',
      currency: 'MXN',
      status: 'open',
      paymentStatus: 'unpaid',
      subtotal: 30049,
      taxTotal: 4808,
      discountTotal: 0,
      feeTotal: 0,
      total: 34857,
      openAmount: 34857,
      overdue: false,
      daysOverdue: 0,
      customer: { id: seller.account.id },
    });
    expect(created.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        sku: 'JIT-01',
        quantity: '2',
        unit: 'caja',
        unitPrice: '100',
        netAmount: 20000,
        taxAmount: 3200,
        totalAmount: 23200,
        taxes: [{ name: 'IVA', rate: '16', amount: 3200 }],
      }),
      // 99.99 × 16 % = 15.9984 → 16.00 (half-up on each line)
      expect.objectContaining({ lineNo: 2, netAmount: 9999, taxAmount: 1600, totalAmount: 11599 }),
      expect.objectContaining({ lineNo: 3, netAmount: 50, taxAmount: 8, totalAmount: 58 }),
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit).toEqual([{ action: 'invoice.created', actor_user_id: seller.staff.ar_agent.id }]);
    const journal = await db
      .selectFrom('journal_lines')
      .select(({ fn }) => fn.sum<string>('amount').as('net'))
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', created.id)
      .where('account', '=', 'accounts_receivable')
      .executeTakeFirstOrThrow();
    expect(BigInt(journal.net)).toBe(34857n);
  });

  test('defaults the due date to the customer terms and keeps document fees', async () => {
    const created = await invoice({
      dueDate: undefined,
      issueDate: '2030-01-10',
      charges: [{ kind: 'fee', name: 'Flete', amount: 5000 }],
    });
    expect(created.dueDate).toBe('2030-02-09');
    expect(created).toMatchObject({
      feeTotal: 5000,
      total: 15000,
      charges: [{ kind: 'fee', name: 'Flete', rate: null, amount: 5000 }],
    });
  });

  test('refuses a due date before the issue date and writes nothing', async () => {
    const r = await createInvoice({ number: 'BAD-DUE', issueDate: '2030-05-10', dueDate: '2030-05-09' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('due_before_issue');
    expect(await db.selectFrom('invoices').select('id').where('number', '=', 'BAD-DUE').execute()).toEqual(
      [],
    );
    const audit = await db
      .selectFrom('audit_log')
      .select('id')
      .where(sql<boolean>`after::text like '%BAD-DUE%'`)
      .execute();
    expect(audit).toEqual([]);
  });

  test('refuses a taken number, bad decimals, a foreign customer and a viewer', async () => {
    await invoice({ number: 'DUP-1' });
    const dup = await createInvoice({ number: 'DUP-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('duplicate_number');
    const badQty = await createInvoice({ lines: [{ description: 'x', quantity: '1,5', unitPrice: '1' }] });
    expect(badQty.statusCode).toBe(400);
    const strangerOrg = await createOrg(db);
    const stranger = await createCustomerAccount(db, strangerOrg.id);
    const foreign = await createInvoice({ customerId: stranger.id });
    expect(foreign.statusCode).toBe(404);
    const byViewer = await createInvoice({ number: 'VIEW-1' }, viewer);
    expect(byViewer.statusCode).toBe(403);
    expect(await db.selectFrom('invoices').select('id').where('number', '=', 'VIEW-1').execute()).toEqual([]);
  });
});

describe('retries under an Idempotency-Key', () => {
  const post = (key: string, payload: object) =>
    agent({ method: 'POST', url: '/api/v1/console/invoices', headers: { 'idempotency-key': key }, payload });
  const body = (number: string) => ({
    customerId: seller.account.id,
    number,
    issueDate: mx(-1),
    dueDate: mx(29),
    orderReference: ` PO-${number} `,
    lines: [{ description: 'Caja de aguacate', quantity: '2', unitPrice: '150.00' }],
  });
  const countOf = async (number: string) =>
    (
      await db
        .selectFrom('invoices')
        .select(['id', 'order_reference'])
        .where('org_id', '=', orgId)
        .where('number', '=', number)
        .execute()
    ).map((r) => r.order_reference);

  test('a retry answers the invoice it created (not "number taken"); another request under the key is refused', async () => {
    const first = await post('inv-retry-1', body('IDEM-1'));
    expect(first.statusCode).toBe(201);
    const again = await post('inv-retry-1', body('IDEM-1'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countOf('IDEM-1')).toEqual(['PO-IDEM-1']);

    const changed = await post('inv-retry-1', body('IDEM-2'));
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency_key_reused');
    expect(await countOf('IDEM-2')).toEqual([]);
    // Without a key, the same number is still a conflict.
    const unkeyed = await agent({ method: 'POST', url: '/api/v1/console/invoices', payload: body('IDEM-1') });
    expect(unkeyed.statusCode).toBe(409);
  });

  test('five copies at once create one invoice', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('inv-burst', body('IDEM-3'))));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await countOf('IDEM-3')).toHaveLength(1);
  });
});

describe('the bound on amounts (±10^15 minor units) holds for every computed amount', () => {
  const over = async (label: string, overrides: Record<string, unknown>, field: string) => {
    const number = `BIG-${label}`;
    const r = await createInvoice({ number, ...overrides });
    expect(r.statusCode, `${label}: ${r.body}`).toBe(400);
    expect(r.json().code).toBe('validation_failed');
    expect(r.json().errors).toEqual([expect.objectContaining({ field, code: 'maximum' })]);
    expect(await db.selectFrom('invoices').select('id').where('number', '=', number).execute()).toEqual([]);
    expect(await db.selectFrom('journal_entries').select('id').where('memo', '=', number).execute()).toEqual(
      [],
    );
  };
  const line = (extra: Record<string, unknown>) => ({
    description: 'Grano',
    quantity: '1',
    unitPrice: '1',
    ...extra,
  });

  test('unit price × quantity, a line tax, a line total, a fee, the subtotal and the total', async () => {
    // 3 × 3,333,333,333,333.34 = 10,000,000,000,000.02 MXN: one minor unit over 10^15 plus one
    await over(
      'NET',
      { lines: [line({ quantity: '3', unitPrice: '3333333333333.34' })] },
      'lines.0.unitPrice',
    );
    // a net of exactly 10^15 is fine on its own; 16 % tax on it is not
    await over(
      'TAX',
      { lines: [line({ quantity: '1', unitPrice: '10000000000000', taxes: [{ name: 'IVA', rate: '16' }] })] },
      'lines.0.totalAmount',
    );
    await over(
      'TAXRATE',
      {
        lines: [
          line({ quantity: '9', unitPrice: '10000000000000', taxes: [{ name: 'IVA', rate: '99999' }] }),
        ],
      },
      'lines.0.unitPrice',
    );
    await over(
      'SUB',
      {
        lines: [line({ unitPrice: '6000000000000' }), line({ unitPrice: '6000000000000' })],
      },
      'subtotal',
    );
    await over(
      'FEE',
      {
        lines: [line({ unitPrice: '9000000000000' })],
        charges: [{ kind: 'fee', name: 'Flete', amount: 200000000000000 }],
      },
      'total',
    );
    await over(
      'DOCTAX',
      { lines: [line({ unitPrice: '9000000000000' })], charges: [{ kind: 'tax', name: 'IEPS', rate: '50' }] },
      'total',
    );
  });

  test('an invoice of exactly 10^15 minor units is kept and answered to the last unit', async () => {
    const created = await invoice({
      number: 'BIG-MAX',
      lines: [line({ quantity: '1', unitPrice: '9999999999999.99' })],
      charges: [{ kind: 'fee', name: 'Redondeo', amount: 1 }],
    });
    expect(created.total).toBe(1e15);
    const detail = await agent({ method: 'GET', url: `/api/v1/console/invoices/${created.id}` });
    expect(detail.body).toContain('"total":1000000000000000,"openAmount":1000000000000000');
    const stored = await db
      .selectFrom('invoices')
      .select(['total', 'open_amount'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ total: 10n ** 15n, open_amount: 10n ** 15n });
  });
});

describe('voiding', () => {
  test('voids an open invoice with a reversing entry, once', async () => {
    const created = await invoice();
    const r = await agent({
      method: 'POST',
      url: `/api/v1/console/invoices/${created.id}/void`,
      payload: { reason: 'Pedido cancelado' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'void', voidReason: 'Pedido cancelado', overdue: false });
    expect(r.json().voidedAt).toEqual(expect.any(String));
    const again = await agent({
      method: 'POST',
      url: `/api/v1/console/invoices/${created.id}/void`,
      payload: { reason: 'otra vez' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invoice_not_open');
    const ar = await db
      .selectFrom('journal_lines')
      .select(({ fn }) => fn.sum<string>('amount').as('net'))
      .where('org_id', '=', orgId)
      .where('invoice_id', '=', created.id)
      .where('account', '=', 'accounts_receivable')
      .executeTakeFirstOrThrow();
    expect(BigInt(ar.net)).toBe(0n);
  });

  test('refuses an invoice with a payment applied, a blank reason, and a viewer', async () => {
    const created = await invoice();
    await recordPayment(
      { db },
      {
        orgId,
        customerId: seller.account.id,
        amount: 1000n,
        receivedOn: mx(),
        method: 'cash',
        allocations: [{ invoiceId: created.id, amount: 1000n }],
        actor: {},
      },
    );
    const r = await agent({
      method: 'POST',
      url: `/api/v1/console/invoices/${created.id}/void`,
      payload: { reason: 'no' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('invoice_has_applications');
    const blank = await agent({
      method: 'POST',
      url: `/api/v1/console/invoices/${created.id}/void`,
      payload: { reason: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    const fresh = await invoice();
    const byViewer = await viewer({
      method: 'POST',
      url: `/api/v1/console/invoices/${fresh.id}/void`,
      payload: { reason: 'x' },
    });
    expect(byViewer.statusCode).toBe(403);
    const row = await db
      .selectFrom('invoices')
      .select('status')
      .where('id', '=', fresh.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
});

describe('detail', () => {
  test('shows payment and credit applications with their documents', async () => {
    const created = await invoice({ lines: [{ description: 'x', quantity: '1', unitPrice: '500' }] });
    const payment = await recordPayment(
      { db },
      {
        orgId,
        customerId: seller.account.id,
        amount: 10000n,
        receivedOn: '2026-01-05',
        method: 'check',
        reference: 'CH-1',
        allocations: [{ invoiceId: created.id, amount: 10000n }],
        actor: {},
      },
    );
    const credit = await issueCreditMemo(
      { db },
      {
        orgId,
        customerId: seller.account.id,
        amount: 2500n,
        issueDate: mx(),
        allocations: [{ invoiceId: created.id, amount: 2500n }],
        actor: {},
      },
    );
    const r = await viewer({ method: 'GET', url: `/api/v1/console/invoices/${created.id}` });
    expect(r.statusCode).toBe(200);
    const detail = r.json();
    expect(detail).toMatchObject({ total: 50000, openAmount: 37500, paymentStatus: 'partially_paid' });
    expect(detail.payments).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        number: payment.number,
        method: 'check',
        receivedOn: '2026-01-05',
        amount: 10000,
        unappliedAt: null,
      }),
    ]);
    expect(detail.credits).toEqual([
      expect.objectContaining({
        creditMemoId: credit.id,
        number: credit.number,
        amount: 2500,
        unappliedAt: null,
      }),
    ]);
    const missing = await viewer({
      method: 'GET',
      url: '/api/v1/console/invoices/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the list', () => {
  // A customer of its own, so counts are exact.
  const setup = (async () => {
    const customer = await createCustomerAccount(db, orgId, { name: 'Lista SA' });
    const base = { customerId: customer.id };
    const overdue = await invoice({
      ...base,
      number: 'L-OVERDUE',
      issueDate: mx(-40),
      dueDate: mx(-5),
      poNumber: 'PO-100%',
      lines: [{ description: 'x', quantity: '1', unitPrice: '300' }],
    });
    const dueToday = await invoice({
      ...base,
      number: 'L-TODAY',
      issueDate: mx(-30),
      dueDate: mx(0),
      lines: [{ description: 'x', quantity: '1', unitPrice: '200' }],
    });
    const future = await invoice({
      ...base,
      number: 'L-FUTURE',
      issueDate: mx(-1),
      dueDate: mx(30),
      poNumber: 'PO-200',
      lines: [{ description: 'x', quantity: '1', unitPrice: '100' }],
    });
    const partial = await invoice({
      ...base,
      number: 'L-PARTIAL',
      issueDate: mx(-20),
      dueDate: mx(10),
      lines: [{ description: 'x', quantity: '1', unitPrice: '450' }],
    });
    const paid = await invoice({
      ...base,
      number: 'L-PAID',
      issueDate: mx(-50),
      dueDate: mx(-20),
      lines: [{ description: 'x', quantity: '1', unitPrice: '50' }],
    });
    const draft = await invoice({
      ...base,
      number: 'L-DRAFT',
      status: 'draft',
      issueDate: mx(-2),
      dueDate: mx(5),
    });
    const voided = await invoice({ ...base, number: 'L-VOID', issueDate: mx(-3), dueDate: mx(6) });
    await agent({
      method: 'POST',
      url: `/api/v1/console/invoices/${voided.id}/void`,
      payload: { reason: 'error' },
    });
    await recordPayment(
      { db },
      {
        orgId,
        customerId: customer.id,
        amount: 15000n,
        receivedOn: mx(),
        method: 'cash',
        allocations: [
          { invoiceId: partial.id, amount: 10000n },
          { invoiceId: paid.id, amount: 5000n },
        ],
        actor: {},
      },
    );
    return { customer, overdue, dueToday, future, partial, paid, draft, voided };
  })();
  const list = async (query: string) => {
    const { customer } = await setup;
    const r = await viewer({
      method: 'GET',
      url: `/api/v1/console/invoices?customerId=${customer.id}&${query}`,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      items: { number: string; overdue: boolean; daysOverdue: number }[];
      total: number;
      page: number;
      pageSize: number;
    };
  };
  const numbers = async (query: string) => (await list(query)).items.map((i) => i.number);

  test('filters by status, including the derived ones', async () => {
    await setup;
    expect(await numbers('status=overdue')).toEqual(['L-OVERDUE']);
    expect(await numbers('status=paid')).toEqual(['L-PAID']);
    expect(await numbers('status=partially_paid')).toEqual(['L-PARTIAL']);
    expect((await numbers('status=unpaid&sort=number')).sort()).toEqual(['L-FUTURE', 'L-OVERDUE', 'L-TODAY']);
    expect(await numbers('status=draft')).toEqual(['L-DRAFT']);
    expect(await numbers('status=void')).toEqual(['L-VOID']);
    // "open" means still owing: the paid invoice is posted (document status open) but not listed.
    expect((await numbers('status=open&sort=number')).sort()).toEqual([
      'L-FUTURE',
      'L-OVERDUE',
      'L-PARTIAL',
      'L-TODAY',
    ]);
    expect((await list('')).total).toBe(7);
  });

  test('judges overdue in the seller time zone: due today is not overdue', async () => {
    const { items } = await list('sort=dueDate');
    const byNumber = Object.fromEntries(items.map((i) => [i.number, i]));
    expect(byNumber['L-TODAY']).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(byNumber['L-OVERDUE']).toMatchObject({ overdue: true, daysOverdue: 5 });
    expect(byNumber['L-PAID']).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  test('filters by dates, amounts and q (number or PO, % taken literally)', async () => {
    expect(await numbers(`dueFrom=${mx(0)}&dueTo=${mx(10)}&sort=dueDate`)).toEqual([
      'L-TODAY',
      'L-DRAFT',
      'L-VOID',
      'L-PARTIAL',
    ]);
    expect(await numbers(`issuedFrom=${mx(-45)}&issuedTo=${mx(-25)}&sort=issueDate`)).toEqual([
      'L-OVERDUE',
      'L-TODAY',
    ]);
    expect(await numbers('minAmount=20000&maxAmount=30000&sort=total')).toEqual(['L-TODAY', 'L-OVERDUE']);
    expect(await numbers('q=po-100%25')).toEqual(['L-OVERDUE']);
    expect(await numbers('q=100%25')).toEqual(['L-OVERDUE']);
    expect(await numbers('q=l-fut')).toEqual(['L-FUTURE']);
  });

  test('sorts and paginates on the server', async () => {
    expect(await numbers('sort=-openAmount&status=open')).toEqual([
      'L-PARTIAL',
      'L-OVERDUE',
      'L-TODAY',
      'L-FUTURE',
    ]);
    expect(await numbers('sort=number&status=open')).toEqual([
      'L-FUTURE',
      'L-OVERDUE',
      'L-PARTIAL',
      'L-TODAY',
    ]);
    const page2 = await list('sort=number&pageSize=3&page=2');
    expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page2.items.map((i) => i.number)).toEqual(['L-PAID', 'L-PARTIAL', 'L-TODAY']);
    const bad = await viewer({ method: 'GET', url: '/api/v1/console/invoices?pageSize=500' });
    expect(bad.statusCode).toBe(400);
    const badSort = await viewer({ method: 'GET', url: '/api/v1/console/invoices?sort=secret' });
    expect(badSort.statusCode).toBe(400);
  });

  test('without customerId lists every customer of the seller', async () => {
    await invoice({ customerId: other.id, number: 'OTHER-CUST-1' });
    const r = await viewer({ method: 'GET', url: '/api/v1/console/invoices?q=OTHER-CUST' });
    expect(r.json().items.map((i: { customer: { name: string } }) => i.customer.name)).toEqual([
      'Otra Cuenta SA',
    ]);
  });
});

describe('time zones', () => {
  test('the same due date is overdue in one seller and not in another', async () => {
    // Pago Pago (UTC−11) and Kiritimati (UTC+14) are always at least a calendar day apart.
    const due = localDate('Pacific/Pago_Pago');
    for (const [timeZone, overdue] of [
      ['Pacific/Pago_Pago', false],
      ['Pacific/Kiritimati', true],
    ] as const) {
      const org = await createOrg(db, { time_zone: timeZone });
      const customer = await createCustomerAccount(db, org.id);
      await db
        .insertInto('invoices')
        .values({
          org_id: org.id,
          id: crypto.randomUUID(),
          customer_id: customer.id,
          number: 'TZ-1',
          issue_date: '2020-01-01',
          due_date: due,
          currency: 'MXN',
          status: 'open',
          subtotal: 100n,
          total: 100n,
          open_amount: 100n,
        })
        .execute();
      const { listInvoices } = await import('../../src/domain/invoices/list-invoices.ts');
      const { items } = await listInvoices({ db }, { orgId: org.id, page: 1, pageSize: 10 });
      expect(items[0]).toMatchObject({ number: 'TZ-1', overdue });
      const { items: onlyOverdue } = await listInvoices(
        { db },
        {
          orgId: org.id,
          status: 'overdue',
          page: 1,
          pageSize: 10,
        },
      );
      expect(onlyOverdue.length).toBe(overdue ? 1 : 0);
    }
  });
});
