import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';

/**
 * `saldo sandbox advance`, run as a person runs it (a separate process, on DATABASE_URL) against a
 * listening Saldo: ACH debits made through the portal settle or come back days early, the signed
 * webhooks reach Saldo and take effect, one seller at a time when --org names it.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

const { app, db, config } = await useTestApp();
let baseUrl = '';
beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => app.close());

/** The command with the test's database and the app's key and address, as `saldo start` would have them. */
async function saldo(args: string[], env: Record<string, string> = {}) {
  const result = await run(process.execPath, [path.join(root, 'bin/saldo.mjs'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env.SALDO_TEST_DATABASE_URL!,
      DATABASE_OWNER_URL: process.env.SALDO_TEST_OWNER_DATABASE_URL!,
      SALDO_SECRET_KEY: config.secretKey.toString('base64'),
      SALDO_PUBLIC_URL: baseUrl,
      SALDO_DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      ...env,
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
  return result;
}

function today(days = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A seller on the sandbox (the default processor) whose payer owes one open invoice. */
async function sellerWithInvoice(amount: string) {
  const seller = await seedSeller(db, { locale: 'en' });
  const orgId = seller.org.id;
  const accountId = seller.account.id;
  const payer = as(
    app,
    await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId }),
  );
  const invoice = await createInvoice(
    { db },
    {
      orgId,
      customerId: accountId,
      number: `SB-${randomUUID().slice(0, 8)}`,
      issueDate: today(-20),
      dueDate: today(-5),
      status: 'open',
      lines: [{ description: 'x', quantity: '1', unitPrice: amount }],
      actor: {},
    },
  );
  return { seller, orgId, payer, invoiceId: invoice.id };
}

type Seller = Awaited<ReturnType<typeof sellerWithInvoice>>;

/** Pays `amount` of the seller's invoice by ACH from a new bank account, through the sandbox entry page. */
async function payByAch(s: Seller, account: string, amount: number): Promise<string> {
  const entry = await s.payer({
    method: 'POST',
    url: '/api/v1/portal/payment-methods/entry',
    payload: { kind: 'ach', returnPath: '/portal/pay?invoices=x' },
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const posted = await app.inject({
    method: 'POST',
    url: new URL(entry.json().url).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
    payload: new URLSearchParams({
      holderName: 'Ana Pagos',
      routing: '110000000',
      account,
      accountType: 'checking',
    }).toString(),
  });
  expect(posted.statusCode, posted.body.slice(0, 300)).toBe(303);
  const methodToken = new URL(posted.headers.location as string).searchParams.get('method');
  const paid = await s.payer({
    method: 'POST',
    url: '/api/v1/portal/payments',
    headers: { 'idempotency-key': randomUUID() },
    payload: {
      kind: 'ach',
      methodToken,
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: s.invoiceId, amount }],
    },
  });
  expect(paid.json(), paid.body).toMatchObject({ status: 'pending' });
  return paid.json().id;
}

async function paymentOf(s: Seller, id: string) {
  return (await s.payer({ method: 'GET', url: `/api/v1/portal/payments/${id}` })).json();
}

async function invoiceOf(s: Seller) {
  return db
    .selectFrom('invoices')
    .select(['open_amount', 'pending_amount', 'payment_status'])
    .where('org_id', '=', s.orgId)
    .where('id', '=', s.invoiceId)
    .executeTakeFirstOrThrow();
}

describe('saldo sandbox advance', () => {
  test('settles one seller’s ACH debit days early and Saldo applies it; another seller’s waits', async () => {
    const a = await sellerWithInvoice('300');
    const b = await sellerWithInvoice('90');
    const paymentA = await payByAch(a, '000123456789', 10_000);
    const paymentB = await payByAch(b, '000123456789', 9_000);

    const now = await saldo(['sandbox', 'advance', '--org', a.seller.org.slug]);
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toMatch(
      new RegExp(`^sandbox clock for ${a.seller.org.slug} at .* \\(now\\): 0 settled`),
    );
    expect((await paymentOf(a, paymentA)).status).toBe('pending');

    const ahead = await saldo(['sandbox', 'advance', '--days', '4', '--org', a.seller.org.slug, '--json']);
    expect(ahead.code, ahead.stderr).toBe(0);
    const result = JSON.parse(ahead.stdout);
    expect(result).toMatchObject({
      days: 4,
      org: { id: a.orgId, slug: a.seller.org.slug },
      settled: 1,
      returned: 0,
      deliveryFailures: 0,
    });
    expect(result.delivered).toBeGreaterThanOrEqual(1);
    expect(new Date(result.asOf).getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000);
    // Signed at the wall clock, so the endpoint took it: the payment settled and was applied.
    expect((await paymentOf(a, paymentA)).status).toBe('completed');
    expect(await invoiceOf(a)).toMatchObject({ open_amount: 20_000n, pending_amount: 0n });
    // --org kept the clock to seller A.
    expect((await paymentOf(b, paymentB)).status).toBe('pending');
    expect(await invoiceOf(b)).toMatchObject({ pending_amount: 9_000n, payment_status: 'payment_pending' });
  });

  test('a debit from a test account that bounces comes back R01 and reopens the invoice (seller by id)', async () => {
    const s = await sellerWithInvoice('120');
    const payment = await payByAch(s, '000111111116', 12_000);
    const ahead = await saldo(['sandbox', 'advance', '--days', '4', '--org', s.orgId]);
    expect(ahead.code, ahead.stderr).toBe(0);
    expect(ahead.stdout).toMatch(/\(4 days ahead\): 0 settled, 1 returned, .* webhooks? delivered\n$/);
    expect(ahead.stdout.trim().split('\n')).toHaveLength(1);
    expect(await paymentOf(s, payment)).toMatchObject({ status: 'returned', returnReason: { code: 'R01' } });
    expect(await invoiceOf(s)).toMatchObject({ open_amount: 12_000n, pending_amount: 0n });
  });

  test('webhooks the running Saldo refuses (another instance key) are reported, exit code 1', async () => {
    const s = await sellerWithInvoice('50');
    const payment = await payByAch(s, '000123456789', 5_000);
    const wrongKey = await saldo(['sandbox', 'advance', '--days', '4', '--org', s.seller.org.slug], {
      SALDO_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/1 settled, .* failed\n$/);
    expect(wrongKey.stderr).toContain(`${baseUrl}/api/v1/webhooks/sandbox/${s.orgId} failed`);
    expect((await paymentOf(s, payment)).status).toBe('pending');
  });

  test('refuses an unknown seller and a negative number of days', async () => {
    const unknown = await saldo(['sandbox', 'advance', '--org', 'no-such-seller']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no seller with slug or id "no-such-seller"');
    const negative = await saldo(['sandbox', 'advance', '--days', '-2']);
    expect(negative.code).toBe(1);
    expect(negative.stderr).toContain('a whole number of days from 0 to 366');
  });
});
