import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { formatMoney } from '../../src/domain/money/money.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';

/**
 * A reversed payment holds no money: the API, the lists, the portal and the receipt PDF say it is
 * reversed with nothing available — what the journal says (its unapplied_cash lines net to 0).
 */
const { app, db } = await useTestApp();
const seller = await seedSeller(db); // Spanish, MXN
const orgId = seller.org.id;
const customerId = seller.account.id;
const staff = as(app, await signIn(app, seller.staff.viewer.email));
const customer = as(
  app,
  await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId: customerId }),
);

const invoice = await createInvoice(
  { db },
  {
    orgId,
    customerId,
    number: 'F-1',
    issueDate: '2026-01-05',
    dueDate: '2026-02-05',
    lines: [{ description: 'Producto', quantity: '1', unitPrice: '4000.00' }],
    actor: {},
  },
);
// 10,000.00 received: 4,000.00 applied to F-1, 6,000.00 on account; then the check bounced.
const payment = await recordPayment(
  { db },
  {
    orgId,
    customerId,
    amount: 1_000_000n,
    receivedOn: '2026-01-20',
    method: 'check',
    reference: 'Cheque 881',
    allocations: [{ invoiceId: invoice.id, amount: 400_000n }],
    actor: {},
  },
);
await reversePayment({ db }, { orgId, paymentId: payment.id, reason: 'Cheque sin fondos', actor: {} });

async function journalUnapplied(paymentId: string): Promise<bigint> {
  const { rows } = await sql<{ cash: string | null }>`
    select (-sum(amount))::text as cash from journal_lines
     where org_id = ${orgId} and payment_id = ${paymentId} and account = 'unapplied_cash'`.execute(db);
  return BigInt(rows[0]?.cash ?? '0');
}

const tmp = mkdtempSync(path.join(tmpdir(), 'saldo-reversal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function pdfText(pdf: Buffer): string {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('a reversed payment', () => {
  test('the journal holds no cash for it', async () => {
    expect(await journalUnapplied(payment.id)).toBe(0n);
  });

  test('its detail and the lists show it reversed with nothing unapplied, as the journal says', async () => {
    const detail = (await staff({ method: 'GET', url: `/api/v1/console/payments/${payment.id}` })).json();
    expect(detail).toMatchObject({ status: 'reversed', amount: 1_000_000, unappliedAmount: 0 });
    expect(BigInt(detail.unappliedAmount)).toBe(await journalUnapplied(payment.id));
    const list = (
      await staff({ method: 'GET', url: `/api/v1/console/payments?customerId=${customerId}` })
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: payment.id, status: 'reversed', unappliedAmount: 0 }),
    ]);
    const portal = (await customer({ method: 'GET', url: '/api/v1/portal/payments' })).json();
    expect(portal.items).toEqual([
      expect.objectContaining({ id: payment.id, status: 'reversed', unappliedAmount: 0 }),
    ]);
  });

  test('the customer owes the invoice again and has nothing on account', async () => {
    const c = (await staff({ method: 'GET', url: `/api/v1/console/customers/${customerId}` })).json();
    expect(c.balances[0]).toMatchObject({ total: 400_000, unappliedCash: 0 });
  });

  test('its receipt PDF says reversed, nothing available, never "unapplied"', async () => {
    for (const [who, url] of [
      [staff, `/api/v1/console/payments/${payment.id}/receipt.pdf`],
      [customer, `/api/v1/portal/payments/${payment.id}/receipt.pdf`],
    ] as const) {
      const response = await who({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      const text = pdfText(response.rawPayload);
      expect(text).toContain('REVERTIDO');
      expect(text).toContain('Pago revertido: Cheque sin fondos');
      expect(text).toMatch(/Disponible\s+\$0\.00/);
      expect(text).toContain(`-${formatMoney(1_000_000n, 'MXN', 'es-MX')}`.replace('--', '-'));
      expect(text).not.toContain('Sin aplicar');
      expect(text).not.toContain('Gracias por su pago');
    }
  });

  test('a completed payment keeps its unapplied amount and receipt as before', async () => {
    const live = await recordPayment(
      { db },
      {
        orgId,
        customerId,
        amount: 50_000n,
        receivedOn: '2026-01-21',
        method: 'cash',
        allocations: [],
        actor: {},
      },
    );
    const detail = (await staff({ method: 'GET', url: `/api/v1/console/payments/${live.id}` })).json();
    expect(detail).toMatchObject({ status: 'completed', unappliedAmount: 50_000 });
    expect(await journalUnapplied(live.id)).toBe(50_000n);
    const text = pdfText(
      (await staff({ method: 'GET', url: `/api/v1/console/payments/${live.id}/receipt.pdf` })).rawPayload,
    );
    expect(text).toContain('Sin aplicar');
    expect(text).toContain('Gracias por su pago');
  });
});
