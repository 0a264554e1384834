import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeInvoice } from '../../src/domain/invoices/compute-invoice.ts';
import {
  decimalText,
  dueFromTerms,
  formPathOf,
  type LineValues,
  previewBody,
  rateText,
} from '../../web/src/features/console-invoices/invoice-lines.ts';

/** The new-invoice form's values → the API's body (web/src/features/console-invoices/invoice-lines.ts). */
const line = (over: Partial<LineValues> = {}): LineValues => ({
  key: 'k',
  description: 'Aceite 20 L',
  sku: '',
  quantity: '3',
  unit: '',
  unitPrice: '689.50',
  discount: '',
  taxes: [{ key: 't', name: 'IVA', rate: '16' }],
  ...over,
});

describe('what people type as quantities, prices and rates', () => {
  test('a point or a single comma is the decimal mark; anything else is refused', () => {
    expect(decimalText('12.5')).toBe('12.5');
    expect(decimalText(' 12,5 ')).toBe('12.5');
    expect(decimalText('1 000')).toBe('1000');
    expect(decimalText('1,234.5')).toBeNull();
    expect(decimalText('0.1234567')).toBeNull();
    expect(decimalText('-3')).toBeNull();
    expect(decimalText('abc')).toBeNull();
    expect(rateText('16%')).toBe('16');
    expect(rateText('6,625')).toBe('6.625');
  });

  test('a comma and a point read the same number', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 999_999 }),
        (units, frac) => {
          const fraction = String(frac).padStart(6, '0');
          expect(decimalText(`${units},${fraction}`)).toBe(`${units}.${fraction}`);
        },
      ),
    );
  });
});

describe('the preview body', () => {
  test('leaves out incomplete lines and empty fees, remembering where each line was', () => {
    const built = previewBody(
      [line(), line({ description: '' }), line({ quantity: '2', unitPrice: '612', taxes: [] })],
      [
        { key: 'f', name: 'Flete', amount: '250' },
        { key: 'g', name: '', amount: '' },
      ],
      'MXN',
      'es-MX',
    );
    expect(built?.lineIndexes).toEqual([0, 2]);
    expect(built?.body.charges).toEqual([{ kind: 'fee', name: 'Flete', amount: 25000 }]);
    // What is sent computes as the server computes it.
    const computed = computeInvoice(
      'MXN',
      built!.body.lines.map(({ discountAmount, ...l }) => ({
        ...l,
        ...(discountAmount !== undefined ? { discountAmount: BigInt(discountAmount) } : {}),
        taxes: (l.taxes ?? []).map((t) => ({ name: t.name, rate: t.rate ?? null })),
      })),
      [{ kind: 'fee', name: 'Flete', amount: 25000n }],
    );
    expect(computed.total).toBe(206850n + 33096n + 122400n + 25000n);
  });

  test('nothing to preview without a complete line; a discount typed as money', () => {
    expect(previewBody([line({ unitPrice: '' })], [], 'MXN', 'es-MX')).toBeNull();
    const built = previewBody([line({ discount: '1,000.50' })], [], 'MXN', 'es-MX');
    expect(built?.body.lines[0]?.discountAmount).toBe(100050);
  });
});

describe('server fields on the form', () => {
  test('body paths become form paths', () => {
    expect(formPathOf('lines.1.discountAmount')).toBe('lines.1.discount');
    expect(formPathOf('lines.0.taxes.1.rate')).toBe('lines.0.taxes.1.rate');
    expect(formPathOf('lines.0.taxes.1')).toBe('lines.0.taxes.1.rate');
    expect(formPathOf('lines.2.quantity')).toBe('lines.2.quantity');
    expect(formPathOf('total')).toBeNull();
  });

  test('the due date from terms is the issue date plus the days, across months and leap days', () => {
    expect(dueFromTerms('2026-12-01', 30)).toBe('2026-12-31');
    expect(dueFromTerms('2028-02-15', 14)).toBe('2028-02-29');
    expect(dueFromTerms('2026-12-01', 0)).toBe('2026-12-01');
    expect(dueFromTerms('', 30)).toBeNull();
  });
});
