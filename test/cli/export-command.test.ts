import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * `saldo export payments`, run as a person runs it (a separate process on DATABASE_URL): the
 * confirmations not exported before to stdout or a file, a sentence on stderr, nothing written and
 * exit 0 when nothing is new, and the same claim as every other channel.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const { db } = useTestDb();

/** What the command said, without bin/saldo.mjs's note that it rebuilt the server bundle first. */
const said = (stderr: string) => stderr.replace(/^saldo: server built in .*\n/m, '');

async function saldo(args: string[]) {
  return run(process.execPath, [path.join(root, 'bin/saldo.mjs'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: process.env.SALDO_TEST_DATABASE_URL!,
      DATABASE_OWNER_URL: process.env.SALDO_TEST_OWNER_DATABASE_URL!,
      SALDO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      SALDO_DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr: said(stderr) }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: said(error.stderr),
    }),
  );
}

async function sellerWithPayment() {
  const org = await createOrg(db, { locale: 'en', default_currency: 'USD', time_zone: 'America/New_York' });
  const customer = await createCustomerAccount(db, org.id);
  const invoice = await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      number: `CLI-${randomUUID().slice(0, 8)}`,
      issueDate: '2026-11-01',
      dueDate: '2026-11-30',
      status: 'open',
      lines: [{ description: 'x', quantity: '1', unitPrice: '250.00' }],
      actor: {},
    },
  );
  const pay = (amount: bigint) =>
    recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount,
        receivedOn: '2026-11-20',
        method: 'bank_transfer',
        allocations: [{ invoiceId: invoice.id, amount }],
        actor: {},
      },
    );
  return { org, pay };
}

describe('saldo export payments', () => {
  test('to stdout, then nothing new (exit 0, no output), then to a file', async () => {
    const { org, pay } = await sellerWithPayment();
    const first = await pay(10_000n);

    const json = await saldo(['export', 'payments', '--org', org.slug, '--since-last', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.payments.map((p: { id: string }) => p.id)).toEqual([first.id]);
    expect(doc.payments[0].amount).toBe('100.00');
    expect(doc.export.channel).toBe('cli');
    expect(json.stderr).toBe('Export no. 1 (2 change(s)), payment-confirmations-000001.json.\n');

    const nothing = await saldo(['export', 'payments', '--org', org.slug, '--since-last']);
    expect(nothing).toEqual({
      code: 0,
      stdout: '',
      stderr: `Nothing new to export for ${org.slug}: no file written.\n`,
    });

    const dir = mkdtempSync(path.join(tmpdir(), 'saldo-export-'));
    const emptyOut = path.join(dir, 'none.csv');
    expect(
      (await saldo(['export', 'payments', '--org', org.id, '--since-last', '--output', emptyOut])).code,
    ).toBe(0);
    expect(readdirSync(dir)).toEqual([]);

    const second = await pay(5_000n);
    const out = path.join(dir, 'confirmations.csv');
    const csv = await saldo(['export', 'payments', '--org', org.id, '--since-last', '--output', out]);
    expect(csv).toMatchObject({ code: 0, stdout: '' });
    expect(csv.stderr).toBe(`Export no. 2 (2 change(s)) written to ${out}.\n`);
    expect(readdirSync(dir)).toEqual(['confirmations.csv']);
    const written = readFileSync(out, 'utf8');
    // Manual marking (the default): headers in the seller's language, what to do last.
    expect(written.startsWith('\uFEFFExport,Type,Date,')).toBe(true);
    expect(written).toContain(second.number);
    expect(written).not.toContain(first.number);
  }, 120_000);

  test('usage and refusals: --since-last required (2), an unknown seller (1), a bad format', async () => {
    const missing = await saldo(['export', 'payments', '--org', 'whoever']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--since-last');
    const unknown = await saldo(['export', 'payments', '--org', 'no-such-seller', '--since-last']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('saldo: no seller with slug or id "no-such-seller"\n');
    const format = await saldo(['export', 'payments', '--org', 'x', '--since-last', '--format', 'xml']);
    expect(format.code).not.toBe(0);
    expect(format.stderr).toContain('csv or json');
    const help = await saldo(['export', '--help']);
    expect(help.stdout).toContain('payments');
  }, 120_000);
});
