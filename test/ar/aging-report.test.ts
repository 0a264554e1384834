import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { type AgingReport, agingReport } from '../../src/domain/reports/aging-report.ts';
import { agingCsv } from '../../src/formats/csv/aging-csv.ts';
import { agingXlsx } from '../../src/formats/xlsx/aging-xlsx.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

const { app, db } = await useTestApp();

let invoiceSeq = 0;

/**
 * An invoice row as the AR core leaves it (today's report reads the documents' state; no journal
 * needed here). Issued long before it is due, so that any as-of date of these tests counts it.
 */
async function invoice(
  database: Database,
  input: {
    orgId: string;
    customerId: string;
    dueDate: string;
    total: bigint;
    openAmount?: bigint;
    currency?: string;
    status?: 'open' | 'void' | 'draft';
  },
) {
  invoiceSeq += 1;
  const total = input.total;
  await database
    .insertInto('invoices')
    .values({
      org_id: input.orgId,
      id: uuidv7(),
      customer_id: input.customerId,
      number: `F-${invoiceSeq}`,
      issue_date: addDays(input.dueDate, -400),
      due_date: input.dueDate,
      currency: input.currency ?? 'MXN',
      status: input.status ?? 'open',
      subtotal: total,
      total,
      open_amount: input.openAmount ?? total,
    })
    .execute();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

// Today in the seller's zone: today's report reads the invoices' current open amounts.
const AS_OF = todayIn('America/Mexico_City');
const ages = [-5, 0, 1, 30, 31, 60, 61, 90, 91] as const;

/** A seller whose invoices sit at every boundary; amounts are powers of ten so each bucket's sum names its invoices. */
async function boundarySeller() {
  const org = await createOrg(db, { time_zone: 'America/Mexico_City' });
  const big = await createCustomerAccount(db, org.id, {
    name: 'Abarrotes "El Sol", S.A.',
    account_number: 'A-100',
  });
  const small = await createCustomerAccount(db, org.id, {
    name: '=Cafetería Ñandú',
    account_number: 'A-200',
  });
  for (const [i, age] of ages.entries()) {
    await invoice(db, {
      orgId: org.id,
      customerId: big.id,
      dueDate: addDays(AS_OF, -age),
      total: 10n ** BigInt(i),
    });
  }
  // Partially paid: only what is still open counts.
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, -10),
    total: 5000n,
    openAmount: 1234n,
  });
  // Paid, void and draft invoices never count.
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, -10),
    total: 7000n,
    openAmount: 0n,
  });
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, -10),
    total: 8000n,
    status: 'void',
  });
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, -10),
    total: 9000n,
    status: 'draft',
  });
  // Another currency stays apart, even for the same customer.
  await invoice(db, {
    orgId: org.id,
    customerId: big.id,
    dueDate: addDays(AS_OF, -45),
    total: 250n,
    currency: 'USD',
  });
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, 3),
    total: 99n,
    currency: 'USD',
  });
  await invoice(db, {
    orgId: org.id,
    customerId: small.id,
    dueDate: addDays(AS_OF, -200),
    total: 7n,
    currency: 'JPY',
  });
  // Money on account: 5.00 of cash and 1.00 of credit not applied; a reversed payment holds none.
  for (const [status, amount] of [
    ['completed', 500n],
    ['reversed', 800n],
  ] as const) {
    await db
      .insertInto('payments')
      .values({
        org_id: org.id,
        id: uuidv7(),
        customer_id: small.id,
        number: `PAY-${amount}`,
        currency: 'MXN',
        amount,
        unapplied_amount: amount,
        received_on: addDays(AS_OF, -2),
        method: 'cash',
        status,
      })
      .execute();
  }
  await db
    .insertInto('credit_memos')
    .values({
      org_id: org.id,
      id: uuidv7(),
      customer_id: small.id,
      number: 'CM-1',
      issue_date: addDays(AS_OF, -2),
      currency: 'MXN',
      amount: 300n,
      unapplied_amount: 100n,
    })
    .execute();
  return { org, big, small };
}

const seller = await boundarySeller();
// Another seller's open invoice, due long ago: never in the first seller's report.
const other = await createOrg(db);
const otherCustomer = await createCustomerAccount(db, other.id);
await invoice(db, { orgId: other.id, customerId: otherCustomer.id, dueDate: '2025-01-01', total: 777_777n });

describe('agingReport', () => {
  test('puts each invoice in its bucket by days past due, boundaries included', async () => {
    const report = await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    expect(report.asOf).toBe(AS_OF);
    expect(report.currencies.map((c) => c.currency)).toEqual(['JPY', 'MXN', 'USD']);
    const mxn = report.currencies.find((c) => c.currency === 'MXN')!;
    const big = mxn.customers.find((c) => c.customerId === seller.big.id)!;
    // ages -5 (1), 0 (10) current; 1 (100), 30 (1000) → 1–30; 31, 60 → 31–60; 61, 90 → 61–90; 91 → 90+.
    expect(big.buckets).toEqual({
      current: 11n,
      d1_30: 1_100n,
      d31_60: 110_000n,
      d61_90: 11_000_000n,
      d90_plus: 100_000_000n,
    });
    expect(big.total).toBe(111_111_111n);
    expect(big).toMatchObject({ name: 'Abarrotes "El Sol", S.A.', accountNumber: 'A-100' });
  });

  test('counts the open amount of partially paid invoices; paid, void and draft ones not at all', async () => {
    const report = await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    const mxn = report.currencies.find((c) => c.currency === 'MXN')!;
    const small = mxn.customers.find((c) => c.customerId === seller.small.id)!;
    expect(small.buckets).toEqual({ current: 0n, d1_30: 1234n, d31_60: 0n, d61_90: 0n, d90_plus: 0n });
    expect(small.total).toBe(1234n);
    expect(small).toMatchObject({ unappliedCash: 500n, unappliedCredits: 100n, balance: 634n });
  });

  test('keeps currencies apart, totals each, and sorts customers by total, largest first', async () => {
    const report = await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    const [jpy, mxn, usd] = report.currencies;
    expect(mxn!.customers.map((c) => c.customerId)).toEqual([seller.big.id, seller.small.id]);
    expect(mxn!.buckets).toEqual({
      current: 11n,
      d1_30: 2_334n,
      d31_60: 110_000n,
      d61_90: 11_000_000n,
      d90_plus: 100_000_000n,
    });
    expect(mxn!.total).toBe(111_112_345n);
    expect(usd!.customers.map((c) => [c.customerId, c.total])).toEqual([
      [seller.big.id, 250n],
      [seller.small.id, 99n],
    ]);
    expect(usd!.buckets).toEqual({ current: 99n, d1_30: 0n, d31_60: 250n, d61_90: 0n, d90_plus: 0n });
    expect(jpy!.buckets.d90_plus).toBe(7n);
    expect(jpy!.total).toBe(7n);
  });

  test('never shows another seller’s invoices', async () => {
    const report = await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    const ids = report.currencies.flatMap((c) => c.customers.map((k) => k.customerId));
    expect(ids).not.toContain(otherCustomer.id);
    const theirs = await agingReport({ db }, { orgId: other.id, asOf: AS_OF });
    expect(theirs.currencies).toHaveLength(1);
    expect(theirs.currencies[0]!.total).toBe(777_777n);
  });

  test('moves an invoice along as the as-of date passes', async () => {
    const later = await agingReport({ db }, { orgId: seller.org.id, asOf: addDays(AS_OF, 1) });
    const big = later.currencies
      .find((c) => c.currency === 'MXN')!
      .customers.find((c) => c.customerId === seller.big.id)!;
    // ages become 1 more: -4 current; 1 (0→1), 2, 31 → 1–30 (1 + 10 + 100)… 30→31 moves to 31–60.
    expect(big.buckets).toEqual({
      current: 1n,
      d1_30: 110n,
      d31_60: 11_000n,
      d61_90: 1_100_000n,
      d90_plus: 110_000_000n,
    });
  });

  test('counts days in the org’s time zone when no date is given', async () => {
    // UTC+14 and UTC−11 are 25 hours apart: their calendar dates always differ.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const org = await createOrg(db, { time_zone: timeZone });
      const customer = await createCustomerAccount(db, org.id);
      const today = todayIn(timeZone);
      await invoice(db, { orgId: org.id, customerId: customer.id, dueDate: today, total: 1n });
      await invoice(db, { orgId: org.id, customerId: customer.id, dueDate: addDays(today, -1), total: 20n });
      await invoice(db, {
        orgId: org.id,
        customerId: customer.id,
        dueDate: addDays(today, -31),
        total: 300n,
      });
      await invoice(db, {
        orgId: org.id,
        customerId: customer.id,
        dueDate: addDays(today, -91),
        total: 4000n,
      });
      const report = await agingReport({ db }, { orgId: org.id });
      const after = todayIn(timeZone);
      if (report.asOf === today) {
        expect(report.currencies[0]!.buckets).toEqual({
          current: 1n,
          d1_30: 20n,
          d31_60: 300n,
          d61_90: 0n,
          d90_plus: 4000n,
        });
      } else {
        expect(report.asOf).toBe(after); // midnight passed during the test
      }
    }
  });

  test('gives an empty report to a seller with nothing open, and not_found for an unknown org', async () => {
    const org = await createOrg(db);
    const report = await agingReport({ db }, { orgId: org.id, asOf: AS_OF });
    expect(report).toEqual({ asOf: AS_OF, currencies: [] });
    await expect(agingReport({ db }, { orgId: uuidv7() })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('aging exports', () => {
  let report: AgingReport;

  test('CSV: BOM, header in the language, one row per customer and currency, totals, RFC 4180 quoting', async () => {
    report = await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    const text = agingCsv(report, 'es');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Número de cuenta',
      'Cliente',
      'Moneda',
      'Al corriente',
      '1–30',
      '31–60',
      '61–90',
      '90+',
      'Total',
      'Cobros sin aplicar',
      'Notas de crédito sin aplicar',
      'Saldo',
    ]);
    // JPY: the one customer, then its total (0 decimals).
    expect(rows[1]).toEqual([
      'A-200',
      "'=Cafetería Ñandú",
      'JPY',
      '0',
      '0',
      '0',
      '0',
      '7',
      '7',
      '0',
      '0',
      '7',
    ]);
    expect(rows[2]).toEqual(['', 'Total', 'JPY', '0', '0', '0', '0', '7', '7', '0', '0', '7']);
    // MXN: the customer with a comma and quotes in its name survives the round trip.
    expect(rows[3]).toEqual([
      'A-100',
      'Abarrotes "El Sol", S.A.',
      'MXN',
      '0.11',
      '11.00',
      '1100.00',
      '110000.00',
      '1000000.00',
      '1111111.11',
      '0.00',
      '0.00',
      '1111111.11',
    ]);
    expect(rows[4]).toEqual([
      'A-200',
      "'=Cafetería Ñandú",
      'MXN',
      '0.00',
      '12.34',
      '0.00',
      '0.00',
      '0.00',
      '12.34',
      '5.00',
      '1.00',
      '6.34',
    ]);
    expect(rows[5]).toEqual([
      '',
      'Total',
      'MXN',
      '0.11',
      '23.34',
      '1100.00',
      '110000.00',
      '1000000.00',
      '1111123.45',
      '5.00',
      '1.00',
      '1111117.45',
    ]);
    expect(rows[6]).toEqual([
      'A-100',
      'Abarrotes "El Sol", S.A.',
      'USD',
      '0.00',
      '0.00',
      '2.50',
      '0.00',
      '0.00',
      '2.50',
      '0.00',
      '0.00',
      '2.50',
    ]);
    expect(rows[7]).toEqual([
      'A-200',
      "'=Cafetería Ñandú",
      'USD',
      '0.99',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.99',
      '0.00',
      '0.00',
      '0.99',
    ]);
    expect(rows[8]).toEqual([
      '',
      'Total',
      'USD',
      '0.99',
      '0.00',
      '2.50',
      '0.00',
      '0.00',
      '3.49',
      '0.00',
      '0.00',
      '3.49',
    ]);
    expect(rows).toHaveLength(9);
    // Each total row equals the sum of its customers' rows, column by column (in minor units).
    for (const currency of ['JPY', 'MXN', 'USD']) {
      const of = rows.filter((r) => r[2] === currency);
      const customers = of.filter((r) => r[1] !== 'Total');
      const total = of.find((r) => r[1] === 'Total')!;
      for (let col = 3; col < 12; col++) {
        const sum = customers.reduce((n, r) => n + BigInt(r[col]!.replace('.', '')), 0n);
        expect(sum, `${currency} column ${col}`).toBe(BigInt(total[col]!.replace('.', '')));
      }
    }
    expect(parseCsv(agingCsv(report, 'en').slice(1))[0]).toEqual([
      'Account number',
      'Customer',
      'Currency',
      'Current',
      '1–30',
      '31–60',
      '61–90',
      '90+',
      'Total',
      'Unapplied cash',
      'Unapplied credits',
      'Balance',
    ]);
    // Every row reconciles: total − unapplied cash − unapplied credits = balance.
    for (const r of rows.slice(1)) {
      const [total, cash, credits, balance] = r.slice(8).map((v) => BigInt(v.replace('.', '')));
      expect(total! - cash! - credits!).toBe(balance);
    }
  });

  test('XLSX: a sheet per currency, bold frozen header, numeric cells with the currency’s decimals, totals', async () => {
    report ??= await agingReport({ db }, { orgId: seller.org.id, asOf: AS_OF });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await agingXlsx(report, 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['JPY', 'MXN', 'USD']);
    const mxn = workbook.getWorksheet('MXN')!;
    expect(mxn.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = mxn.getRow(1);
    expect(header.font?.bold).toBe(true);
    expect((header.values as unknown[]).slice(1)).toEqual([
      'Account number',
      'Customer',
      'Currency',
      'Current',
      '1–30',
      '31–60',
      '61–90',
      '90+',
      'Total',
      'Unapplied cash',
      'Unapplied credits',
      'Balance',
    ]);
    expect((mxn.getRow(2).values as unknown[]).slice(1)).toEqual([
      'A-100',
      'Abarrotes "El Sol", S.A.',
      'MXN',
      0.11,
      11,
      1100,
      110000,
      1000000,
      1111111.11,
      0,
      0,
      1111111.11,
    ]);
    expect((mxn.getRow(3).values as unknown[]).slice(1)).toEqual([
      'A-200',
      '=Cafetería Ñandú', // a text cell in XLSX, never a formula
      'MXN',
      0,
      12.34,
      0,
      0,
      0,
      12.34,
      5,
      1,
      6.34,
    ]);
    const total = mxn.getRow(4);
    expect(total.font?.bold).toBe(true);
    expect((total.values as unknown[]).slice(2)).toEqual([
      'Total',
      'MXN',
      0.11,
      23.34,
      1100,
      110000,
      1000000,
      1111123.45,
      5,
      1,
      1111117.45,
    ]);
    expect(mxn.rowCount).toBe(4);
    expect(mxn.getCell('I2').numFmt).toBe('#,##0.00');
    expect(mxn.getCell('L3').numFmt).toBe('#,##0.00');
    expect(mxn.getCell('L3').value).toBe(6.34);
    expect(mxn.getCell('I2').type).toBe(ExcelJS.ValueType.Number);
    expect(workbook.getWorksheet('JPY')!.getCell('H2').numFmt).toBe('#,##0');
    expect(workbook.getWorksheet('JPY')!.getCell('H2').value).toBe(7);
    expect((workbook.getWorksheet('USD')!.getRow(4).values as unknown[]).slice(2)).toEqual([
      'Total',
      'USD',
      0.99,
      0,
      2.5,
      0,
      0,
      3.49,
      0,
      0,
      3.49,
    ]);
  });

  test('XLSX of an empty report is a valid workbook with the header only', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await agingXlsx({ asOf: AS_OF, currencies: [] }, 'es')) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Antigüedad']);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Número de cuenta');
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
  });
});

describe('aging routes', async () => {
  const a = await seedSeller(db, { name: 'Seller A' });
  const b = await seedSeller(db, { name: 'Seller B', locale: 'en' });
  await invoice(db, { orgId: a.org.id, customerId: a.account.id, dueDate: '2026-01-10', total: 150_00n });
  await invoice(db, { orgId: b.org.id, customerId: b.account.id, dueDate: '2026-01-10', total: 999_00n });
  const viewer = as(app, await signIn(app, a.staff.viewer.email));
  const bOwner = as(app, await signIn(app, b.staff.owner.email));

  test('JSON with integer amounts, for any staff role, only the org’s own invoices', async () => {
    const r = await viewer({ method: 'GET', url: '/api/v1/console/reports/aging?asOf=2026-02-15' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      asOf: '2026-02-15',
      currencies: [
        {
          currency: 'MXN',
          buckets: { current: 0, d1_30: 0, d31_60: 15000, d61_90: 0, d90_plus: 0 },
          total: 15000,
          unappliedCash: 0,
          unappliedCredits: 0,
          balance: 15000,
          customers: [
            {
              customerId: a.account.id,
              name: a.account.name,
              accountNumber: a.account.account_number,
              buckets: { current: 0, d1_30: 0, d31_60: 15000, d61_90: 0, d90_plus: 0 },
              total: 15000,
              unappliedCash: 0,
              unappliedCredits: 0,
              balance: 15000,
            },
          ],
        },
      ],
    });
    const today = (await viewer({ method: 'GET', url: '/api/v1/console/reports/aging' })).json();
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('CSV and XLSX downloads are attachments named by the date, headers in the caller’s language', async () => {
    const csv = await viewer({ method: 'GET', url: '/api/v1/console/reports/aging.csv?asOf=2026-02-15' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="antiguedad-saldos-2026-02-15.csv"',
    );
    const rows = parseCsv(csv.body.slice(1));
    expect(rows[0]![1]).toBe('Cliente');
    expect(rows.slice(1).map((r) => [r[0], r[2], r[8]])).toEqual([
      [a.account.account_number, 'MXN', '150.00'],
      ['', 'MXN', '150.00'],
    ]);

    const enCsv = await bOwner({ method: 'GET', url: '/api/v1/console/reports/aging.csv?asOf=2026-02-15' });
    expect(enCsv.headers['content-disposition']).toBe('attachment; filename="aging-report-2026-02-15.csv"');
    expect(parseCsv(enCsv.body.slice(1))[0]![1]).toBe('Customer');
    expect(enCsv.body).toContain('999.00');
    expect(enCsv.body).not.toContain('150.00');

    const xlsx = await viewer({ method: 'GET', url: '/api/v1/console/reports/aging.xlsx?asOf=2026-02-15' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="antiguedad-saldos-2026-02-15.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('MXN')!.getCell('I2').value).toBe(150);
    expect(workbook.getWorksheet('MXN')!.getCell('I3').value).toBe(150);
  });

  test('refuses customers, anonymous callers and impossible dates', async () => {
    const customer = as(
      app,
      await signInTo(app, a.customers.payer.email, {
        kind: 'customer',
        orgId: a.org.id,
        accountId: a.account.id,
      }),
    );
    for (const url of [
      '/api/v1/console/reports/aging',
      '/api/v1/console/reports/aging.csv',
      '/api/v1/console/reports/aging.xlsx',
    ]) {
      expect((await customer({ method: 'GET', url })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    expect(
      (await viewer({ method: 'GET', url: '/api/v1/console/reports/aging?asOf=2026-02-30' })).statusCode,
    ).toBe(400);
    expect(
      (await viewer({ method: 'GET', url: '/api/v1/console/reports/aging.csv?asOf=yesterday' })).statusCode,
    ).toBe(400);
  });
});
