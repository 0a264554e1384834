import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeInvoice, type InvoiceLineInput } from '../../src/domain/invoices/compute-invoice.ts';
import { currencyExponent } from '../../src/domain/money/currency.ts';
import { formatDecimal } from '../../src/domain/money/money.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { importRecords } from '../support/import-engine.ts';

/**
 * The import computes invoices in SQL (invoices-importer.ts); the console with computeInvoice.
 * Whatever the lines — quantities to 4 decimals, prices to 6, discounts, a tax by rate (negative
 * too: a withholding) or by the ERP's amount, fees — and whatever the currency's exponent (JPY 0,
 * MXN 2, BHD 3), both come to the same amounts, line by line.
 */
const { db } = useTestDb();

const header = [
  'number',
  'customer_erp_id',
  'issue_date',
  'line_description',
  'line_quantity',
  'line_unit_price',
  'line_discount',
  'line_tax_rate',
  'line_tax_amount',
  'fee_amount',
];

const decimal = (max: number, scale: number, min = 0) =>
  fc.integer({ min, max: max * 10 ** scale }).map((n) => formatDecimal(BigInt(n), scale));

const lineArb = fc.record({
  quantity: fc.oneof(decimal(50, 0, 1), decimal(20, 4, 1)),
  unitPrice: fc.oneof(decimal(5000, 2), decimal(3, 6)),
  discount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
  tax: fc.oneof(
    fc.constant(null),
    fc.record({
      rate: fc.oneof(fc.constantFrom('16', '8', '0'), decimal(30, 4), decimal(10, 4, -10 * 10 ** 4)),
      amount: fc.constant(null),
    }),
    fc.record({ rate: fc.constant(null), amount: fc.integer({ min: -1000, max: 100000 }) }),
  ),
});
const invoiceArb = fc.record({
  currency: fc.constantFrom('MXN', 'JPY', 'BHD'),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
  fees: fc.array(fc.integer({ min: 0, max: 100000 }), { maxLength: 2 }),
});

describe('imported invoices add up as computeInvoice adds them', () => {
  test('property: every amount of every line and invoice is the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceArb, { minLength: 1, maxLength: 8 }), async (invoices) => {
        const expected = invoices.map((inv) => {
          const lines: InvoiceLineInput[] = inv.lines.map((l) => ({
            description: 'x',
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            discountAmount: BigInt(l.discount),
            taxes:
              l.tax === null
                ? []
                : [
                    {
                      name: 'IVA',
                      rate: l.tax.rate,
                      amount: l.tax.amount === null ? null : BigInt(l.tax.amount),
                    },
                  ],
          }));
          try {
            return computeInvoice(
              inv.currency,
              lines,
              inv.fees.map((f) => ({ kind: 'fee' as const, name: 'Cargo', amount: BigInt(f) })),
            );
          } catch {
            return null;
          }
        });
        fc.pre(expected.every((e) => e !== null && e.total > 0n));
        const org = await createOrg(db);
        for (const currency of ['MXN', 'JPY', 'BHD'])
          await createCustomerAccount(db, org.id, { erp_id: `C-${currency}`, currency });
        const records = invoices.flatMap((inv, i) => {
          const ex = currencyExponent(inv.currency);
          const base = { number: `N-${i}`, customer_erp_id: `C-${inv.currency}`, issue_date: '2026-01-15' };
          return [
            ...inv.lines.map((l) => ({
              ...base,
              line_description: 'x',
              line_quantity: l.quantity,
              line_unit_price: l.unitPrice,
              line_discount: l.discount ? formatDecimal(BigInt(l.discount), ex) : null,
              line_tax_rate: l.tax?.rate ?? null,
              line_tax_amount: l.tax?.amount == null ? null : formatDecimal(BigInt(l.tax.amount), ex),
            })),
            ...inv.fees.map((f) => ({ ...base, fee_amount: formatDecimal(BigInt(f), ex) })),
          ];
        });
        const { errors, summary } = await importRecords(db, {
          orgId: org.id,
          kind: 'invoices',
          header,
          records,
        });
        expect(errors).toEqual([]);
        expect(summary.created).toBe(invoices.length);
        for (const [i, computed] of expected.entries()) {
          const row = await db
            .selectFrom('invoices')
            .select(['id', 'subtotal', 'discount_total', 'tax_total', 'fee_total', 'total', 'open_amount'])
            .where('org_id', '=', org.id)
            .where('number', '=', `N-${i}`)
            .executeTakeFirstOrThrow();
          expect([
            row.subtotal,
            row.discount_total,
            row.tax_total,
            row.fee_total,
            row.total,
            row.open_amount,
          ]).toEqual([
            computed!.subtotal,
            computed!.discountTotal,
            computed!.taxTotal,
            computed!.feeTotal,
            computed!.total,
            computed!.total,
          ]);
          const lines = await db
            .selectFrom('invoice_lines')
            .select(['line_no', 'discount_amount', 'net_amount', 'tax_amount', 'total_amount'])
            .where('org_id', '=', org.id)
            .where('invoice_id', '=', row.id)
            .orderBy('line_no')
            .execute();
          expect(lines).toEqual(
            computed!.lines.map((l) => ({
              line_no: l.lineNo,
              discount_amount: l.discountAmount,
              net_amount: l.netAmount,
              tax_amount: l.taxAmount,
              total_amount: l.totalAmount,
            })),
          );
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
