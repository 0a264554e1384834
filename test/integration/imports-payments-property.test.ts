import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paymentsImporter } from '../../src/domain/integration/imports/payments-importer.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { ledgerProblems, runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/**
 * ERP payments in row mode against a small oracle: whatever the file, no invoice is applied past
 * its open amount less what is in flight, no payment past its amount, a payment is recorded whole
 * or not at all, and the ledger's invariants hold. The oracle follows the rules' order: a payment
 * whose applications add up to more than it is refused first; then, in line order over the rest,
 * each application counts against its invoice, and a payment with an application past what is
 * left is refused.
 */
const { db } = useTestDb();

const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const fileArb = fc.record({
  invoices: fc.array(
    fc.record({
      total: fc.integer({ min: 100, max: 10_000 }),
      pendingPercent: fc.constantFrom(0, 0, 50, 100),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  payments: fc.array(
    fc.record({
      amount: fc.integer({ min: 1, max: 15_000 }),
      applications: fc.array(fc.record({ invoice: fc.nat(3), applied: fc.integer({ min: 1, max: 8_000 }) }), {
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
});

const order = Array.from({ length: 20 }, (_, i) => i);

describe('ERP payments against the oracle', () => {
  test('never over-applied, recorded whole or not at all, ledger balanced', async () => {
    // Every path the rules have is taken at least once (else the property proves less than it says).
    const reached = { overPayment: false, overInvoice: false, appliedPartly: false };
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const org = await createOrg(db, { default_currency: 'MXN' });
        const customer = await createCustomerAccount(db, org.id, { erp_id: 'C-1' });
        const invoices = [];
        for (const [i, inv] of file.invoices.entries()) {
          const { id } = await createInvoice(
            { db },
            {
              orgId: org.id,
              customerId: customer.id,
              number: `F-${i}`,
              issueDate: '2025-01-01',
              lines: [{ description: 'x', quantity: '1', unitPrice: cents(inv.total) }],
              actor: {},
            },
          );
          const pending = BigInt(Math.floor((inv.total * inv.pendingPercent) / 100));
          if (pending > 0n)
            await db
              .updateTable('invoices')
              .set({ pending_amount: pending })
              .where('org_id', '=', org.id)
              .where('id', '=', id)
              .execute();
          invoices.push({
            id,
            number: `F-${i}`,
            available: BigInt(inv.total) - pending,
            open: BigInt(inv.total),
          });
        }
        // One row per application (or one bare row), shuffled: a payment's rows need not be adjacent.
        const rows: { cells: StagedRow; pay: number; invoice: number | null; applied: bigint }[] = [];
        for (const [p, pay] of file.payments.entries()) {
          const base = {
            erp_id: `R-${p}`,
            customer_erp_id: 'C-1',
            received_on: '2025-01-10',
            amount: cents(pay.amount),
          };
          const apps = pay.applications.filter((a) => a.invoice < invoices.length);
          if (apps.length === 0) rows.push({ cells: base, pay: p, invoice: null, applied: 0n });
          for (const a of apps)
            rows.push({
              cells: {
                ...base,
                invoice_number: invoices[a.invoice]!.number,
                applied_amount: cents(a.applied),
              },
              pay: p,
              invoice: a.invoice,
              applied: BigInt(a.applied),
            });
        }
        const shuffled = rows
          .map((r, i) => ({ r, key: file.order[i] ?? i }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.r);
        const lines = shuffled.map((r, i) => ({ ...r, line: i + 2 }));

        // The oracle.
        const refused = new Set<number>();
        for (const [p, pay] of file.payments.entries()) {
          const sum = lines.filter((r) => r.pay === p).reduce((s, r) => s + r.applied, 0n);
          if (sum > BigInt(pay.amount)) refused.add(p);
        }
        const running = new Map<number, bigint>();
        const secondRefused = new Set<number>();
        for (const r of lines) {
          if (refused.has(r.pay) || r.invoice === null) continue;
          const total = (running.get(r.invoice) ?? 0n) + r.applied;
          running.set(r.invoice, total);
          if (total > invoices[r.invoice]!.available) secondRefused.add(r.pay);
        }
        for (const p of secondRefused) refused.add(p);
        reached.overPayment ||= refused.size > secondRefused.size;
        reached.overInvoice ||= secondRefused.size > 0;
        const accepted = file.payments.map((_, p) => p).filter((p) => !refused.has(p));
        reached.appliedPartly ||= accepted.some((p) => lines.some((r) => r.pay === p && r.invoice !== null));

        const result = await runStaged(db, {
          orgId: org.id,
          kind: 'payments',
          importer: paymentsImporter,
          rows: lines.map((r) => ({ ...r.cells, line: r.line })),
          mode: 'rows',
        });
        expect(result.counts).toMatchObject({ created: accepted.length, rejected: refused.size });
        const stored = await db
          .selectFrom('invoices')
          .select(['id', 'open_amount'])
          .where('org_id', '=', org.id)
          .execute();
        for (const [i, inv] of invoices.entries()) {
          const applied = lines
            .filter((r) => r.invoice === i && !refused.has(r.pay))
            .reduce((s, r) => s + r.applied, 0n);
          expect(stored.find((x) => x.id === inv.id)!.open_amount).toBe(inv.open - applied);
          expect(applied).toBeLessThanOrEqual(inv.available);
        }
        const payments = await db
          .selectFrom('payments')
          .select(['erp_id', 'amount', 'unapplied_amount'])
          .where('org_id', '=', org.id)
          .execute();
        expect(payments.map((p) => p.erp_id).sort()).toEqual(accepted.map((p) => `R-${p}`).sort());
        expect(await ledgerProblems(db, org.id)).toEqual([]);
      }),
      {
        numRuns: 15,
        // One file per path first, so every path is taken whatever the seed draws.
        examples: [
          [
            {
              invoices: [{ total: 10_000, pendingPercent: 0 }],
              payments: [{ amount: 100, applications: [{ invoice: 0, applied: 200 }] }],
              order,
            },
          ],
          [
            {
              invoices: [{ total: 100, pendingPercent: 0 }],
              payments: [{ amount: 5_000, applications: [{ invoice: 0, applied: 200 }] }],
              order,
            },
          ],
          [
            {
              invoices: [{ total: 5_000, pendingPercent: 50 }],
              payments: [{ amount: 1_000, applications: [{ invoice: 0, applied: 500 }] }],
              order,
            },
          ],
        ],
      },
    );
    expect(reached).toEqual({ overPayment: true, overInvoice: true, appliedPartly: true });
  }, 240_000);
});
