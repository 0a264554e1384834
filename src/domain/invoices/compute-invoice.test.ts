import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { type ChargeInput, computeInvoice, type InvoiceLineInput, taxOn } from './compute-invoice.ts';

const line = (
  quantity: string,
  unitPrice: string,
  extra: Partial<InvoiceLineInput> = {},
): InvoiceLineInput => ({
  description: 'Item',
  quantity,
  unitPrice,
  ...extra,
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return error.fields[0]?.field;
    throw error;
  }
  throw new Error('expected validation_failed');
}

describe('computeInvoice', () => {
  test('quantity × unit price with decimals, rounded half-up to the minor unit', () => {
    const result = computeInvoice('USD', [
      line('3', '19.99'),
      line('1.5', '0.33'), // 0.495 → 0.50
      line('2.5', '0.125'), // 0.3125 → 0.31
      line('0.0001', '1234.567891'), // 0.1234567891 → 0.12
    ]);
    expect(result.lines.map((l) => l.netAmount)).toEqual([5997n, 50n, 31n, 12n]);
    expect(result.subtotal).toBe(5997n + 50n + 31n + 12n);
    expect(result.total).toBe(result.subtotal);
    // stored normalized to the column scales
    expect(result.lines[1]).toMatchObject({ lineNo: 2, quantity: '1.5000', unitPrice: '0.330000' });
  });

  test('line discounts come off the line before tax', () => {
    const result = computeInvoice('MXN', [
      line('10', '12.00', { discountAmount: 500n, taxes: [{ name: 'IVA', rate: '16' }] }),
    ]);
    const [l] = result.lines;
    expect(l).toMatchObject({
      discountAmount: 500n,
      netAmount: 11500n,
      taxAmount: 1840n,
      totalAmount: 13340n,
    });
    expect(result).toMatchObject({ subtotal: 11500n, discountTotal: 500n, taxTotal: 1840n, total: 13340n });
  });

  test('tax is rounded half-up per line, not on the total', () => {
    // each line: 0.25 at 10% = 0.025 → 0.03; on the sum it would be 0.05
    const result = computeInvoice('USD', [
      line('1', '0.25', { taxes: [{ name: 'VAT', rate: '10' }] }),
      line('1', '0.25', { taxes: [{ name: 'VAT', rate: '10' }] }),
    ]);
    expect(result.lines.map((l) => l.taxAmount)).toEqual([3n, 3n]);
    expect(result.taxTotal).toBe(6n);
    expect(result.total).toBe(56n);
    // 16% of 10.03 = 1.6048 → 1.60; 8.25% of 10.00 = 0.825 → 0.83
    expect(taxOn(1003n, '16')).toBe(160n);
    expect(taxOn(1000n, '8.25')).toBe(83n);
    expect(taxOn(1000n, '8.2449')).toBe(82n);
  });

  test('several taxes on one line, each rounded by itself', () => {
    const result = computeInvoice('MXN', [
      line('1', '100.05', {
        taxes: [
          { name: 'IVA', rate: '16' }, // 16.008 → 16.01
          { name: 'IEPS', rate: '8' }, // 8.004 → 8.00
        ],
      }),
    ]);
    expect(result.lines[0]!.taxes).toEqual([
      { seq: 1, name: 'IVA', rate: '16', amount: 1601n },
      { seq: 2, name: 'IEPS', rate: '8', amount: 800n },
    ]);
    expect(result.lines[0]!.totalAmount).toBe(10005n + 1601n + 800n);
  });

  test('tax amounts sent by the ERP are taken as given, even when the rate would say otherwise', () => {
    const result = computeInvoice('USD', [
      line('1', '100', { taxes: [{ name: 'Sales tax', rate: '8.25', amount: 826n }] }),
      line('1', '50', { taxes: [{ name: 'Sales tax', amount: 0n }] }),
    ]);
    expect(result.lines.map((l) => l.taxAmount)).toEqual([826n, 0n]);
    expect(result.lines[0]!.taxes[0]).toEqual({ seq: 1, name: 'Sales tax', rate: '8.25', amount: 826n });
    expect(result.taxTotal).toBe(826n);
    expect(result.total).toBe(15000n + 826n);
  });

  test('document fees and taxes: given amounts, or a rate on the subtotal', () => {
    const result = computeInvoice(
      'USD',
      [line('2', '50', { taxes: [{ name: 'VAT', rate: '10' }] }), line('1', '0.05')],
      [
        { kind: 'fee', name: 'Freight', amount: 1250n },
        { kind: 'tax', name: 'City tax', rate: '2.5' }, // 2.5% of 100.05 = 2.50125 → 2.50
        { kind: 'fee', name: 'Handling', rate: '1' }, // 1% of 100.05 = 1.0005 → 1.00
        { kind: 'tax', name: 'Stamp', amount: 35n },
      ],
    );
    expect(result.subtotal).toBe(10005n);
    expect(result.charges.map((c) => [c.seq, c.kind, c.amount])).toEqual([
      [1, 'fee', 1250n],
      [2, 'tax', 250n],
      [3, 'fee', 100n],
      [4, 'tax', 35n],
    ]);
    expect(result.feeTotal).toBe(1350n);
    expect(result.taxTotal).toBe(1000n + 250n + 35n);
    expect(result.total).toBe(10005n + 1285n + 1350n);
  });

  test('zero-decimal currency (JPY): whole yen, half-up', () => {
    const result = computeInvoice('JPY', [
      line('3', '333.5', { taxes: [{ name: '消費税', rate: '10' }] }),
      line('1', '0.4'),
    ]);
    // 1000.5 → 1001 yen; tax 100.1 → 100; 0.4 → 0
    expect(result.lines.map((l) => [l.netAmount, l.taxAmount])).toEqual([
      [1001n, 100n],
      [0n, 0n],
    ]);
    expect(result.total).toBe(1101n);
  });

  test('three-decimal currency (BHD): fils, half-up', () => {
    const result = computeInvoice(
      'BHD',
      [line('2', '1.2345', { taxes: [{ name: 'VAT', rate: '10' }] })],
      [{ kind: 'fee', name: 'Delivery', amount: 500n }],
    );
    // 2.469 BHD = 2469 fils; 10% = 246.9 → 247
    expect(result.lines[0]).toMatchObject({ netAmount: 2469n, taxAmount: 247n, totalAmount: 2716n });
    expect(result.total).toBe(3216n);
  });

  test('refuses what cannot be computed exactly or makes no sense', () => {
    expect(() => computeInvoice('USD', [])).toThrow(AppError);
    expect(fieldOf(() => computeInvoice('USD', [line('1.00001', '1')]))).toBe('lines.0.quantity');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1.0000001')]))).toBe('lines.0.unitPrice');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1'), line('0', '1')]))).toBe('lines.1.quantity');
    expect(fieldOf(() => computeInvoice('USD', [line('-2', '1')]))).toBe('lines.0.quantity');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '-1')]))).toBe('lines.0.unitPrice');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1,5')]))).toBe('lines.0.unitPrice');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1', { discountAmount: 101n })]))).toBe(
      'lines.0.discountAmount',
    );
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1', { discountAmount: -1n })]))).toBe(
      'lines.0.discountAmount',
    );
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1', { taxes: [{ name: 'VAT' }] })]))).toBe(
      'lines.0.taxes.0',
    );
    expect(
      fieldOf(() => computeInvoice('USD', [line('1', '1', { taxes: [{ name: 'VAT', rate: '1.23456' }] })])),
    ).toBe('lines.0.taxes.0.rate');
    expect(fieldOf(() => computeInvoice('USD', [line('1', '1')], [{ kind: 'fee', name: 'Fee' }]))).toBe(
      'charges.0.amount',
    );
    expect(
      fieldOf(() => computeInvoice('USD', [line('1', '1')], [{ kind: 'fee', name: 'Fee', amount: -5n }])),
    ).toBe('charges.0.amount');
    expect(fieldOf(() => computeInvoice('ZZZ', [line('1', '1')]))).toBe('currency');
  });

  test('property: total = Σ line totals + Σ charges, subtotal = Σ nets, every rounding within half a unit', () => {
    const decimalText = (maxWhole: number, scale: number) =>
      fc
        .tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 10 ** scale - 1 }))
        .map(([w, f]) => (scale === 0 ? `${w}` : `${w}.${String(f).padStart(scale, '0')}`));
    const taxArb = fc.record({
      name: fc.constant('Tax'),
      rate: decimalText(30, 4),
      amount: fc.option(fc.bigInt({ min: 0n, max: 100_000n }), { nil: undefined }),
    });
    const lineArb = fc.record({
      quantity: decimalText(500, 4).filter((q) => Number(q) > 0),
      unitPrice: decimalText(5000, 6),
      discountPct: fc.integer({ min: 0, max: 100 }),
      taxes: fc.array(taxArb, { maxLength: 3 }),
    });
    const chargeArb: fc.Arbitrary<ChargeInput> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('fee' as const, 'tax' as const),
        name: fc.constant('C'),
        amount: fc.bigInt({ min: 0n, max: 50_000n }),
      }),
      fc.record({
        kind: fc.constantFrom('fee' as const, 'tax' as const),
        name: fc.constant('C'),
        rate: decimalText(20, 4),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('JPY', 'USD', 'MXN', 'BHD'),
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.array(chargeArb, { maxLength: 4 }),
        (currency, lineSpecs, charges) => {
          const exponent = BigInt(currencyExponent(currency));
          // the gross of each line, computed independently: q·10^4 × p·10^6 scaled to minor units
          const grossOf = (q: string, p: string) => {
            const [qw, qf = ''] = q.split('.');
            const [pw, pf = ''] = p.split('.');
            const num = BigInt(qw! + qf.padEnd(4, '0')) * BigInt(pw! + pf.padEnd(6, '0')) * 10n ** exponent;
            const den = 10n ** 10n;
            return { num, den };
          };
          const lines = lineSpecs.map((spec) => {
            const { num, den } = grossOf(spec.quantity, spec.unitPrice);
            const gross = (num * 2n + den) / (den * 2n);
            return line(spec.quantity, spec.unitPrice, {
              discountAmount: (gross * BigInt(spec.discountPct)) / 100n,
              taxes: spec.taxes,
            });
          });
          const result = computeInvoice(currency, lines, charges);
          const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
          expect(result.total).toBe(
            sum(result.lines.map((l) => l.totalAmount)) + sum(result.charges.map((c) => c.amount)),
          );
          expect(result.subtotal).toBe(sum(result.lines.map((l) => l.netAmount)));
          expect(result.total).toBe(result.subtotal + result.taxTotal + result.feeTotal);
          expect(result.feeTotal).toBe(
            sum(result.charges.filter((c) => c.kind === 'fee').map((c) => c.amount)),
          );
          expect(result.taxTotal).toBe(
            sum(result.lines.map((l) => l.taxAmount)) +
              sum(result.charges.filter((c) => c.kind === 'tax').map((c) => c.amount)),
          );
          result.lines.forEach((l, i) => {
            const spec = lineSpecs[i]!;
            // gross within half a minor unit of the exact product
            const { num, den } = grossOf(spec.quantity, spec.unitPrice);
            const gross = l.netAmount + l.discountAmount;
            const err = (gross * den - num) * 2n;
            expect(err <= den && err > -den).toBe(true);
            expect(l.totalAmount).toBe(l.netAmount + l.taxAmount);
            expect(l.netAmount >= 0n).toBe(true);
            l.taxes.forEach((tax, k) => {
              const given = spec.taxes[k]!.amount;
              if (given !== undefined) expect(tax.amount).toBe(given);
              else {
                // rate% × net, half-up: |2·(tax·100·10^4 − net·rate·10^4)| ≤ 100·10^4
                const [rw, rf = ''] = spec.taxes[k]!.rate.split('.');
                const rate = BigInt(rw! + rf.padEnd(4, '0'));
                const unit = 100n * 10n ** 4n;
                const e = (tax.amount * unit - l.netAmount * rate) * 2n;
                expect(e <= unit && e > -unit).toBe(true);
              }
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
