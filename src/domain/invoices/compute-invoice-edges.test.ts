import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { computeInvoice, type InvoiceLineInput, taxOn } from './compute-invoice.ts';

/**
 * What an integrator is told when an invoice cannot be computed: the exact field, code and params
 * of each refusal (the API turns them into a problem naming the field), including the ±10^15
 * bound on every computed amount; and the optional fields that pass through untouched.
 */

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

function refusal(fn: () => unknown): { code: string; fields: AppError['fields'] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fields };
    throw error;
  }
  throw new Error('expected a refusal, got a value');
}

const invalid = (field: string, code: string, params?: Record<string, string | number>) => ({
  code: 'validation_failed',
  fields: [{ field, code, ...(params ? { params } : {}) }],
});

const LIMIT = { limit: '1000000000000000' };
/** 6 × 10^14 minor units of USD, as a unit price in dollars: each alone fits, two of them do not. */
const SIX_E14_USD = '6000000000000';

describe('refusals name the field, the rule and its limit', () => {
  test('lines, quantities, prices, discounts, taxes and charges', () => {
    expect(refusal(() => computeInvoice('USD', []))).toEqual(invalid('lines', 'required'));
    expect(refusal(() => computeInvoice('USD', [line('1.00001', '1')]))).toEqual(
      invalid('lines.0.quantity', 'too_precise', { digits: 4 }),
    );
    expect(refusal(() => computeInvoice('USD', [line('1', '1'), line('1', '0.0000001')]))).toEqual(
      invalid('lines.1.unitPrice', 'too_precise', { digits: 6 }),
    );
    expect(refusal(() => computeInvoice('USD', [line('0', '1')]))).toEqual(
      invalid('lines.0.quantity', 'minimum', { limit: 0 }),
    );
    expect(refusal(() => computeInvoice('USD', [line('1', '-0.01')]))).toEqual(
      invalid('lines.0.unitPrice', 'minimum', { limit: 0 }),
    );
    expect(refusal(() => computeInvoice('USD', [line('1', '1', { discountAmount: 101n })]))).toEqual(
      invalid('lines.0.discountAmount', 'invalid'),
    );
    expect(
      refusal(() => computeInvoice('USD', [line('1', '1', { taxes: [{ name: 'VAT', rate: null }] })])),
    ).toEqual(invalid('lines.0.taxes.0', 'required'));
    expect(refusal(() => computeInvoice('USD', [line('1', '1')], [{ kind: 'fee', name: 'Fee' }]))).toEqual(
      invalid('charges.0.amount', 'required'),
    );
    expect(
      refusal(() =>
        computeInvoice(
          'USD',
          [line('1', '1')],
          [
            { kind: 'tax', name: 'T', rate: '1' },
            { kind: 'fee', name: 'F', amount: -1n },
          ],
        ),
      ),
    ).toEqual(invalid('charges.1.amount', 'minimum', { limit: 0 }));
    expect(
      refusal(() => computeInvoice('USD', [line('1', '1')], [{ kind: 'tax', name: 'T', rate: '0.00001' }])),
    ).toEqual(invalid('charges.0.rate', 'too_precise', { digits: 4 }));
  });

  test('taxOn names its own field unless told another', () => {
    expect(refusal(() => taxOn(100n, '1.00001'))).toEqual(invalid('rate', 'too_precise', { digits: 4 }));
    expect(refusal(() => taxOn(100n, 'x', 'lines.3.taxes.1.rate'))).toEqual(
      invalid('lines.3.taxes.1.rate', 'too_precise', { digits: 4 }),
    );
  });

  test('a free line (price 0) is allowed; only a negative price is refused', () => {
    const result = computeInvoice('USD', [line('2', '0'), line('1', '5')]);
    expect(result.lines.map((l) => l.netAmount)).toEqual([0n, 500n]);
    expect(result.total).toBe(500n);
  });
});

describe('every computed amount is held to ±10^15 minor units, naming what went over', () => {
  test('a line’s gross, its taxes (given or by rate), their sum and the line total', () => {
    expect(refusal(() => computeInvoice('USD', [line('1', '1'), line('1', '10000000000000.01')]))).toEqual(
      invalid('lines.1.unitPrice', 'maximum', LIMIT),
    );
    expect(
      refusal(() =>
        computeInvoice('USD', [line('1', '1', { taxes: [{ name: 'T', amount: 10n ** 15n + 1n }] })]),
      ),
    ).toEqual(invalid('lines.0.taxes.0.amount', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice('USD', [
          line('1', SIX_E14_USD, {
            taxes: [
              { name: 'Low', rate: '1' },
              { name: 'T', rate: '200' },
            ],
          }),
        ]),
      ),
    ).toEqual(invalid('lines.0.taxes.1.rate', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice('USD', [
          line('1', '1', {
            taxes: [
              { name: 'A', amount: 6n * 10n ** 14n },
              { name: 'B', amount: 6n * 10n ** 14n },
            ],
          }),
        ]),
      ),
    ).toEqual(invalid('lines.0.taxAmount', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice('USD', [line('1', SIX_E14_USD, { taxes: [{ name: 'A', amount: 6n * 10n ** 14n }] })]),
      ),
    ).toEqual(invalid('lines.0.totalAmount', 'maximum', LIMIT));
  });

  test('the subtotal, each charge (given or by rate), the tax and fee totals and the total', () => {
    expect(refusal(() => computeInvoice('USD', [line('1', SIX_E14_USD), line('1', SIX_E14_USD)]))).toEqual(
      invalid('subtotal', 'maximum', LIMIT),
    );
    expect(
      refusal(() =>
        computeInvoice('USD', [line('1', '1')], [{ kind: 'fee', name: 'F', amount: 10n ** 15n + 1n }]),
      ),
    ).toEqual(invalid('charges.0.amount', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice(
          'USD',
          [line('1', SIX_E14_USD)],
          [
            { kind: 'fee', name: 'F', amount: 1n },
            { kind: 'tax', name: 'T', rate: '200' },
          ],
        ),
      ),
    ).toEqual(invalid('charges.1.rate', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice(
          'USD',
          [line('1', '1', { taxes: [{ name: 'A', amount: 6n * 10n ** 14n }] })],
          [{ kind: 'tax', name: 'T', amount: 6n * 10n ** 14n }],
        ),
      ),
    ).toEqual(invalid('taxTotal', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice(
          'USD',
          [line('1', '1')],
          [
            { kind: 'fee', name: 'F', amount: 6n * 10n ** 14n },
            { kind: 'fee', name: 'G', amount: 6n * 10n ** 14n },
          ],
        ),
      ),
    ).toEqual(invalid('feeTotal', 'maximum', LIMIT));
    expect(
      refusal(() =>
        computeInvoice(
          'USD',
          [line('1', SIX_E14_USD)],
          [{ kind: 'fee', name: 'F', amount: 6n * 10n ** 14n }],
        ),
      ),
    ).toEqual(invalid('total', 'maximum', LIMIT));
  });

  test('exactly 10^15 is inside the bound', () => {
    const result = computeInvoice('USD', [line('1', '10000000000000')]);
    expect(result.total).toBe(10n ** 15n);
  });
});

describe('what passes through', () => {
  test('sku, unit and rates are kept as given; absent ones are null', () => {
    const result = computeInvoice(
      'USD',
      [
        line('1', '10', { sku: 'SKU-1', unit: 'box', taxes: [{ name: 'VAT', rate: '16', amount: 150n }] }),
        line('1', '10', { taxes: [{ name: 'Given', amount: 5n }] }),
      ],
      [
        { kind: 'tax', name: 'City', rate: '2' },
        { kind: 'fee', name: 'Freight', amount: 100n },
      ],
    );
    expect(result.lines.map((l) => [l.sku, l.unit])).toEqual([
      ['SKU-1', 'box'],
      [null, null],
    ]);
    expect(result.lines.map((l) => l.taxes)).toEqual([
      [{ seq: 1, name: 'VAT', rate: '16', amount: 150n }],
      [{ seq: 1, name: 'Given', rate: null, amount: 5n }],
    ]);
    expect(result.charges).toEqual([
      { seq: 1, kind: 'tax', name: 'City', rate: '2', amount: 40n },
      { seq: 2, kind: 'fee', name: 'Freight', rate: null, amount: 100n },
    ]);
    expect(result).toMatchObject({ subtotal: 2000n, taxTotal: 195n, feeTotal: 100n, total: 2295n });
  });
});
