import { randomUUID } from 'node:crypto';
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, test, vi } from 'vitest';
import { as, signInTo } from '../support/app.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * "The deposit reports add up to the deposits", over random sets of online payments: card and
 * ACH, on different days, some refunded in part, some ACH debits returned before settling and
 * some after (deposited, then taken back by the bank). After the sandbox's clock has paid
 * everything out and Saldo has synced: each deposit's net is its lines' net; the deposited report
 * over the whole period totals the deposits, per kind; what was deposited is what was captured
 * less what was refunded (a debit returned before settling never arrives; one returned after is a
 * return line of a later deposit); the clearing account is back to zero and a second sync stores
 * nothing.
 */
const { app, db, config } = await useOnlinePaymentsApp();

const paymentArb = fc.record({
  kind: fc.constantFrom('card' as const, 'ach' as const),
  cents: fc.integer({ min: 100, max: 500_000 }),
  day: fc.integer({ min: 0, max: 2 }),
  /** ACH only: settles; comes back R01 before settling; or settles and comes back R10 later. */
  ach: fc.constantFrom('settles' as const, 'R01' as const, 'late' as const),
  /** Card only: part refunded, in thousandths of the amount (0: none). */
  refundPermille: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })),
});

const ACCOUNTS = { settles: '000123456789', R01: '000111111116', late: '000666666661' } as const;

async function onDay<T>(days: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + days * 86_400_000);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\uFEFF/, ''), { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

const cents = (text: string) => {
  const negative = text.startsWith('-');
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  return negative ? -value : value;
};

test('the deposit reports add up to the deposits, whatever was paid', { timeout: 240_000 }, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(paymentArb, { minLength: 1, maxLength: 5 }), async (payments) => {
      runs++;
      const s = await onlineSeller({ app, db, config });
      const owner = as(
        app,
        await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }),
      );
      /** What should reach the deposits, per kind: Σ charged, Σ refunded. */
      const expected = {
        card: { charged: 0n, refunded: 0n, returned: 0n },
        ach: { charged: 0n, refunded: 0n, returned: 0n },
      };
      for (const p of [...payments].sort((a, b) => a.day - b.day)) {
        await onDay(p.day, async () => {
          const invoiceId = await s.invoice((p.cents / 100).toFixed(2));
          const methodToken =
            p.kind === 'card' ? await s.card('4242424242424242') : await s.bank(ACCOUNTS[p.ach]);
          const paid = await s.pay({
            kind: p.kind,
            methodToken,
            ...(p.kind === 'ach' ? { achAuthorizationAccepted: true } : {}),
            allocations: [{ invoiceId, amount: p.cents }],
          });
          expect(paid.statusCode, paid.body).toBe(201);
          const charged = BigInt(p.cents) + BigInt(paid.json().fee ?? 0);
          if (p.kind === 'ach' && p.ach === 'R01') return;
          expected[p.kind].charged += charged;
          if (p.kind === 'ach' && p.ach === 'late') expected.ach.returned += charged;
          const refund = p.kind === 'card' ? (BigInt(p.cents) * BigInt(p.refundPermille)) / 1000n : 0n;
          if (refund > 0n) {
            const r = await owner({
              method: 'POST',
              url: `/api/v1/console/payments/${paid.json().id}/refunds`,
              headers: { 'idempotency-key': randomUUID() },
              payload: { amount: Number(refund), reason: 'Customer asked' },
            });
            expect(r.statusCode, r.body).toBe(201);
            expected.card.refunded += refund;
          }
        });
      }
      for (const d of [5, 9, 14, 20]) await s.advance(d);
      const synced = await owner({ method: 'POST', url: '/api/v1/console/deposits/sync' });
      expect(synced.statusCode, synced.body).toBe(200);

      const list = (await owner({ method: 'GET', url: '/api/v1/console/deposits?pageSize=100' })).json();
      for (const kind of ['card', 'ach'] as const) {
        const mine = list.deposits.filter((d: { kind: string }) => d.kind === kind);
        let charges = 0n;
        let refunds = 0n;
        let returns = 0n;
        for (const d of mine) {
          const detail = (await owner({ method: 'GET', url: `/api/v1/console/deposits/${d.id}` })).json();
          const lineNet = detail.lines.reduce((t: bigint, l: { net: number }) => t + BigInt(l.net), 0n);
          expect(lineNet).toBe(BigInt(d.net));
          expect(d.status).toBe('reconciled');
          charges += BigInt(d.charges);
          refunds += BigInt(d.refunds);
          returns += BigInt(d.returns);
        }
        expect(charges).toBe(expected[kind].charged);
        expect(-refunds).toBe(expected[kind].refunded);
        expect(-returns).toBe(expected[kind].returned);
        if (mine.length === 0) continue;
        const days = mine.map((d: { arrivalDate: string }) => d.arrivalDate).sort();
        const csv = await owner({
          method: 'GET',
          url: `/api/v1/console/deposit-reports?file=payments-deposited.csv&kind=${kind}&from=${days[0]}&to=${days.at(-1)}`,
        });
        const rows = await parseCsv(csv.body);
        const total = rows.at(-1)!;
        expect(total[0]).toBe('Total');
        expect(cents(total[7]!)).toBe(
          mine.reduce((t: bigint, d: { gross: number }) => t + BigInt(d.gross), 0n),
        );
        expect(cents(total[8]!)).toBe(
          mine.reduce((t: bigint, d: { fees: number }) => t + BigInt(d.fees), 0n),
        );
        expect(cents(total[9]!)).toBe(mine.reduce((t: bigint, d: { net: number }) => t + BigInt(d.net), 0n));
        const lineRows = rows.slice(1).filter((r) => r[0] !== 'Total' && r[2] !== 'Deposit total');
        expect(lineRows.reduce((t, r) => t + cents(r[9]!), 0n)).toBe(cents(total[9]!));
      }
      const { rows } = await sql<{ s: string }>`
        select coalesce(sum(amount), 0)::text as s from journal_lines
         where org_id = ${s.orgId} and account = 'processor_clearing'`.execute(db);
      expect(BigInt(rows[0]!.s)).toBe(0n);
      expect(await s.problems()).toEqual([]);
      const again = await owner({ method: 'POST', url: '/api/v1/console/deposits/sync' });
      expect(again.json().created).toBe(0);
    }),
    { numRuns: 15 },
  );
  expect(runs).toBe(15);
});
