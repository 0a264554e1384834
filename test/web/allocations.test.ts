import { describe, expect, test } from 'vitest';
import type { InvoiceSummary } from '../../web/src/app/api/wire.ts';
import {
  type AllocationPreview,
  allocationRows,
  checkAllocations,
  textsFromPreview,
} from '../../web/src/features/payments/allocation-rows.ts';

/**
 * The allocation screen over the server's oldest-first preview: rows are the listed invoices plus
 * any the preview reaches beyond them; each row takes at most what the server says it may (open
 * less pending); "Apply oldest first" types in the server's own amounts.
 */
const invoice = (id: string, dueDate: string, openAmount: number): InvoiceSummary => ({
  id,
  number: `INV-${id}`,
  erpId: null,
  customer: { id: 'c', name: 'C', accountNumber: 'A-1' },
  issueDate: '2026-01-01',
  dueDate,
  currency: 'USD',
  poNumber: null,
  status: 'open',
  paymentStatus: 'unpaid',
  overdue: false,
  daysOverdue: 0,
  total: openAmount,
  openAmount,
});

const listed = [invoice('a', '2026-01-10', 5000), invoice('b', '2026-02-10', 3000)];
const preview: AllocationPreview = {
  currency: 'USD',
  allocations: [
    { invoiceId: 'a', number: 'INV-a', dueDate: '2026-01-10', available: 4000, amount: 4000 },
    { invoiceId: 'b', number: 'INV-b', dueDate: '2026-02-10', available: 3000, amount: 3000 },
    { invoiceId: 'z', number: 'INV-z', dueDate: '2026-03-10', available: 900, amount: 500 },
  ],
  unapplied: 0,
};

describe('allocation rows', () => {
  test('listed invoices first, then those only the preview reaches; limits are open less pending', () => {
    const rows = allocationRows(listed, preview);
    expect(rows.map((r) => [r.id, r.limit, r.total])).toEqual([
      ['a', 4000, 5000],
      ['b', 3000, 3000],
      ['z', 900, null],
    ]);
    expect(allocationRows(listed, undefined).map((r) => r.limit)).toEqual([5000, 3000]);
  });

  test('the preview fills the rows with its own amounts, in the locale’s marks', () => {
    expect(textsFromPreview(preview, 'USD', 'es')).toEqual({ a: '40,00', b: '30,00', z: '5,00' });
  });

  test('more than an invoice may take (pending held back) is refused on its row', () => {
    const rows = allocationRows(listed, preview);
    const check = checkAllocations(rows, { a: '45.00', b: '30.00', z: '5.00' }, 'USD', 'en', 10_000n);
    expect(check.problems).toEqual({ a: { kind: 'exceedsOpen', open: 4000 } });
    expect(check.allocations).toEqual([
      { invoiceId: 'b', amount: 3000 },
      { invoiceId: 'z', amount: 500 },
    ]);
    expect(check.ok).toBe(false);
    const within = checkAllocations(rows, textsFromPreview(preview, 'USD', 'en'), 'USD', 'en', 7500n);
    expect([within.ok, within.allocated, within.excess]).toEqual([true, 7500n, 0n]);
    expect(checkAllocations(rows, { a: '40.00' }, 'USD', 'en', 3000n).excess).toBe(1000n);
  });
});
