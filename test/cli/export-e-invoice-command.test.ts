import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { X12Parser } from 'node-x12';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/** `saldo export ubl` and `saldo export x12-810`, run as a person runs them: one document to stdout. */
const root = path.resolve(import.meta.dirname, '../..');
const schemas = path.resolve(root, '../shared/schemas/ubl-2.1/maindoc');
const dir = mkdtempSync(path.join(tmpdir(), 'saldo-cli-einvoice-'));
const run = promisify(execFile);
const { db } = useTestDb();

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
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

const xmllint = (xml: string, kind: 'Invoice' | 'CreditNote') => {
  const file = path.join(dir, `${kind}-${crypto.randomUUID()}.xml`);
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', path.join(schemas, `UBL-${kind}-2.1.xsd`), file], {
    stdio: 'pipe',
  });
};

describe('saldo export ubl | x12-810', () => {
  test('an invoice and a credit memo to stdout; control numbers advance; unknown numbers refused', {
    timeout: 180_000,
  }, async () => {
    const org = await createOrg(db, {
      locale: 'en',
      default_currency: 'USD',
      country: 'US',
      time_zone: 'America/New_York',
    });
    const customer = await createCustomerAccount(db, org.id, { account_number: 'CUST-7' });
    const { id } = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'CLI-UBL-1',
        issueDate: '2026-11-01',
        dueDate: '2026-11-30',
        lines: [
          { description: 'Widget', quantity: '2', unitPrice: '25.00', taxes: [{ name: 'Tax', rate: '7' }] },
        ],
        actor: {},
      },
    );
    await issueCreditMemo(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 1000n,
        issueDate: '2026-11-02',
        number: 'CM-CLI-1',
        invoiceId: id,
        actor: {},
      },
    );

    const ubl = await saldo(['export', 'ubl', '--org', org.slug, '--invoice', 'CLI-UBL-1']);
    expect(ubl.code).toBe(0);
    xmllint(ubl.stdout, 'Invoice');
    expect(ubl.stdout).toContain('<cbc:PayableAmount currencyID="USD">53.50</cbc:PayableAmount>');
    const note = await saldo(['export', 'ubl', '--org', org.slug, '--credit-memo', 'CM-CLI-1']);
    expect(note.code).toBe(0);
    xmllint(note.stdout, 'CreditNote');

    const first = await saldo(['export', 'x12-810', '--org', org.slug, '--invoice', 'CLI-UBL-1']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('No EDI trading partner');
    const second = await saldo(['export', 'x12-810', '--org', org.slug, '--credit-memo', 'CM-CLI-1']);
    const [a, b] = [first.stdout, second.stdout].map(
      (x) => new X12Parser(true).parse(x) as import('node-x12').X12Interchange,
    );
    expect(Number(b!.header.valueOf(13))).toBe(Number(a!.header.valueOf(13)) + 1);
    const tds = (i: import('node-x12').X12Interchange) =>
      i.functionalGroups[0]!.transactions[0]!.segments.find((s) => s.tag === 'TDS')!.valueOf(1);
    expect(tds(a!)).toBe('5350');
    expect(tds(b!)).toBe('1000');
    expect(b!.functionalGroups[0]!.transactions[0]!.segments.find((s) => s.tag === 'BIG')!.valueOf(7)).toBe(
      'CR',
    );

    const missing = await saldo(['export', 'ubl', '--org', org.slug, '--invoice', 'NOPE-1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no invoice "NOPE-1"');
    expect(missing.stdout).toBe('');
    const both = await saldo(['export', 'ubl', '--org', org.slug]);
    expect(both.code).toBe(2);
  });
});
