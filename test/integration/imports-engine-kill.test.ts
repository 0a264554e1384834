import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { createRunRow, importRecords, ledgerProblems } from '../support/import-engine.ts';

/**
 * `kill -9` during an import leaves it untouched — the engine's one transaction never commits —
 * and the same import can be run again. The import runs in a child process
 * (test/support/import-kill-child.ts) and is killed once it has staged its first batch.
 */
const { db } = useTestDb();

describe('an import killed halfway', () => {
  test('leaves nothing behind and runs again', async () => {
    const org = await createOrg(db);
    await createCustomerAccount(db, org.id, { erp_id: 'KILL-1' });
    const importId = await createRunRow(db, org.id, 'invoices');
    const script = path.resolve(import.meta.dirname, '../support/import-kill-child.ts');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        JSON.stringify({ url: testDatabaseUrl(), orgId: org.id, importId, rows: 400_000 }),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const staged = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/progress \d+/.test(out)) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before staging: ${out}`)));
    });
    await staged;
    child.kill('SIGKILL');
    const [, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('exit', (code, sig) => resolve([code, sig])),
    );
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('done');

    const count = async (table: 'invoices' | 'journal_entries' | 'audit_log') =>
      (await db.selectFrom(table).select('id').where('org_id', '=', org.id).execute()).length;
    expect(await count('invoices')).toBe(0);
    expect(await count('journal_entries')).toBe(0);
    expect(
      await db.selectFrom('import_errors').select('seq').where('import_id', '=', importId).execute(),
    ).toEqual([]);

    const again = await importRecords(db, {
      orgId: org.id,
      kind: 'invoices',
      header: [
        'number',
        'customer_erp_id',
        'issue_date',
        'line_description',
        'line_quantity',
        'line_unit_price',
      ],
      records: Array.from({ length: 40 }, (_, i) => ({
        number: `K-${Math.floor(i / 4)}`,
        customer_erp_id: 'KILL-1',
        issue_date: '2026-03-01',
        line_description: 'Tornillos',
        line_quantity: '2',
        line_unit_price: '10.50',
      })),
    });
    expect(again.summary).toMatchObject({ created: 10, errors: 0, committed: true });
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  }, 60_000);
});
