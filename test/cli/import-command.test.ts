import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { recoverImportRuns } from '../../src/domain/integration/runs/recover-import-runs.ts';
import { saveImportProfile } from '../../src/domain/integration/runs/save-import-profile.ts';
import { useTestDb } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';
import { windows1252Csv } from '../support/import-files.ts';

/**
 * `saldo import`, run as a person runs it: a separate process on the test's database, real files
 * on disk. A Windows-1252, semicolon, decimal-comma export with Spanish headers imports exactly;
 * the same file again changes nothing and says so; a mapping that cannot be made, an unknown
 * seller or kind are usage errors (exit 2); a bad row rejects the file (exit 1) with its report;
 * a `kill -9` halfway leaves nothing behind and the command can be run again.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const { db } = useTestDb();
const dir = mkdtempSync(path.join(tmpdir(), 'saldo-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  ...process.env,
  DATABASE_URL: process.env.SALDO_TEST_DATABASE_URL!,
  DATABASE_OWNER_URL: process.env.SALDO_TEST_OWNER_DATABASE_URL!,
  SALDO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  SALDO_DATA_DIR: '/nonexistent',
  LOG_LEVEL: 'warn',
});

async function saldo(args: string[]) {
  return run(process.execPath, [path.join(root, 'bin/saldo.mjs'), ...args], {
    cwd: root,
    env: env(),
    maxBuffer: 10 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

function file(name: string, bytes: Buffer): string {
  const at = path.join(dir, name);
  writeFileSync(at, bytes);
  return at;
}

/** A Microsip-like customer export: Windows-1252, `;`, decimal comma, Spanish headers. */
function clientes(rows: string[][]): Buffer {
  return windows1252Csv([['Clave', 'Razón social', 'RFC', 'Límite de crédito'], ...rows]);
}

const customersOf = (orgId: string) =>
  db
    .selectFrom('customer_accounts')
    .select(['erp_id', 'name', 'tax_id', 'credit_limit'])
    .where('org_id', '=', orgId)
    .orderBy('erp_id')
    .execute();

// Each command is a process of its own (and rebuilds the bundle when sources changed): generous timeouts.
describe('saldo import', { timeout: 180_000 }, () => {
  test('imports a Windows-1252, semicolon, decimal-comma export exactly; the same file again changes nothing', async () => {
    const org = await createOrg(db, { country: 'MX' });
    const at = file(
      'clientes.csv',
      clientes([
        ['C-001', 'Ferretería Núñez, S.A. de C.V.', 'FNU010101AB1', '1.234.567,89'],
        ['C-002', 'Panadería La Espiga', 'PES020202CD2', '0,05'],
      ]),
    );
    const first = await saldo([
      'import',
      'customers',
      at,
      '--org',
      org.slug,
      '--decimal-mark',
      ',',
      '--json',
    ]);
    // Nothing but the launcher's rebuild note (when sources changed since the last build).
    expect(first.stderr.replace(/^saldo: server built in .*\n/m, '')).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({
      status: 'completed',
      kind: 'customers',
      org: { slug: org.slug },
      summary: { rows: 2, created: 2, committed: true },
      errorCount: 0,
      duplicateOf: null,
    });
    expect(await customersOf(org.id)).toEqual([
      {
        erp_id: 'C-001',
        name: 'Ferretería Núñez, S.A. de C.V.',
        tax_id: 'FNU010101AB1',
        credit_limit: 123456789n,
      },
      { erp_id: 'C-002', name: 'Panadería La Espiga', tax_id: 'PES020202CD2', credit_limit: 5n },
    ]);
    const runRow = await db
      .selectFrom('import_runs')
      .selectAll()
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(runRow).toMatchObject({ channel: 'cli', file_name: 'clientes.csv', status: 'completed' });
    expect(
      await db.selectFrom('import_file_chunks').select('seq').where('import_id', '=', result.id).execute(),
    ).toEqual([]);

    const second = await saldo(['import', 'customers', at, '--org', org.slug, '--decimal-mark', ',']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('completed');
    expect(second.stdout).toContain('0 created, 0 updated, 2 unchanged');
    expect(second.stdout).toContain(
      `This file was already imported on ${new Date().toISOString().slice(0, 10)} (run ${result.id})`,
    );
  });

  test('a required field with no column is refused before anything runs, saying which and how to pass a profile', async () => {
    const org = await createOrg(db);
    const at = file(
      'sin-nombre.csv',
      windows1252Csv([
        ['Clave', 'Teléfono'],
        ['C-1', '555'],
      ]),
    );
    const refused = await saldo(['import', 'customers', at, '--org', org.slug]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('required customers field(s) name');
    expect(refused.stderr).toContain('"Clave", "Teléfono"');
    expect(refused.stderr).toContain('--profile <name>');
    expect(await db.selectFrom('import_runs').select('id').where('org_id', '=', org.id).execute()).toEqual(
      [],
    );

    // A saved profile maps the odd columns: the same file then imports.
    await saveImportProfile(
      { db },
      {
        orgId: org.id,
        kind: 'customers',
        name: 'microsip',
        settings: {
          format: 'csv',
          decimalMark: ',',
          dateFormat: 'dd/mm/yyyy',
          mode: 'all',
          mapping: { erp_id: 'Clave', name: 'Teléfono' },
        },
        actor: systemActor,
      },
    );
    const missing = await saldo(['import', 'customers', at, '--org', org.slug, '--profile', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'no customers profile named "nope" (its customers profiles: "microsip")',
    );
    const withProfile = await saldo([
      'import',
      'customers',
      at,
      '--org',
      org.slug,
      '--profile',
      'microsip',
      '--json',
    ]);
    expect(withProfile.code).toBe(0);
    expect(JSON.parse(withProfile.stdout)).toMatchObject({ status: 'completed', summary: { created: 1 } });
  });

  test('usage errors exit 2: an unknown seller, kind or option, a missing file', async () => {
    const org = await createOrg(db);
    const at = file('uno.csv', clientes([['C-1', 'Uno', '', '']]));
    const unknownOrg = await saldo(['import', 'customers', at, '--org', 'no-such-seller']);
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr).toContain('saldo: no seller with slug or id "no-such-seller"\n');
    const unknownKind = await saldo(['import', 'widgets', at, '--org', org.slug]);
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toContain("value 'widgets' is invalid for argument 'kind'");
    const badMark = await saldo(['import', 'customers', at, '--org', org.slug, '--decimal-mark', ';']);
    expect(badMark.code).toBe(2);
    const noFile = await saldo(['import', 'customers', path.join(dir, 'nope.csv'), '--org', org.slug]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('no file at');
    const help = await saldo(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit code: 0 completed, 1 rejected or failed, 2 usage');
  });

  test('a bad row rejects the whole file (exit 1): nothing applied, the errors listed and the report written', async () => {
    const org = await createOrg(db);
    const at = file(
      'malo.csv',
      clientes([
        ['C-1', 'Uno', '', '10,00'],
        ['C-2', 'Dos', '', 'diez'],
      ]),
    );
    const report = path.join(dir, 'malo.report.csv');
    const rejected = await saldo([
      'import',
      'customers',
      at,
      '--org',
      org.slug,
      '--decimal-mark',
      ',',
      '--report',
      report,
      '--lang',
      'es',
      '--json',
    ]);
    expect(rejected.code).toBe(1);
    const result = JSON.parse(rejected.stdout);
    expect(result).toMatchObject({ status: 'rejected', errorReport: report, summary: { committed: false } });
    expect(result.firstErrors[0]).toMatchObject({ line: 3, column: 'Límite de crédito' });
    expect(await customersOf(org.id)).toEqual([]);
    const csv = readFileSync(report, 'utf8');
    expect(csv.startsWith('\uFEFFLínea,Columna,Valor,Motivo\r\n3,Límite de crédito,')).toBe(true);

    const rows = await saldo([
      'import',
      'customers',
      at,
      '--org',
      org.slug,
      '--decimal-mark',
      ',',
      '--mode',
      'rows',
    ]);
    expect(rows.code).toBe(0);
    expect(rows.stdout).toContain('1 created');
    expect(rows.stdout).toMatch(/line 3, column "Límite de crédito": /);
  });

  test('on a terminal, a progress bar is drawn and the summary follows it', async () => {
    const org = await createOrg(db);
    const at = file(
      'tty.csv',
      clientes([
        ['T-1', 'Uno', '', ''],
        ['T-2', 'Dos', '', ''],
      ]),
    );
    const command = [
      process.execPath,
      path.join(root, 'bin/saldo.mjs'),
      'import',
      'customers',
      at,
      '--org',
      org.slug,
    ]
      .map((arg) => `'${arg.replace(/'/g, "'\\''")}'`)
      .join(' ');
    // script(1) gives the command a pseudo-terminal, as a person's shell would.
    const { stdout } = await run('script', ['-qec', command, '/dev/null'], { cwd: root, env: env() });
    expect(stdout).toMatch(/importing \[[█░]+\] \d+% \| \d+ rows/);
    expect(stdout).toContain(`customers from tty.csv for ${org.slug}: completed`);
    expect(await customersOf(org.id)).toHaveLength(2);
  });

  test('a file that is not text fails (exit 1) with the reason', async () => {
    const org = await createOrg(db);
    const at = file(
      'foto.csv',
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(300)]),
    );
    const failed = await saldo(['import', 'customers', at, '--org', org.slug]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(': failed');
    expect(failed.stderr).toMatch(/^saldo: could not read foto\.csv/);
  });

  test('kill -9 halfway leaves nothing behind; the run is marked interrupted and the command runs again', async () => {
    const org = await createOrg(db);
    const rows: string[][] = [];
    for (let i = 0; i < 150_000; i++) rows.push([`K-${i}`, `Cliente ${i}`, '', '']);
    const at = file('grande.csv', clientes(rows));
    const child = spawn(
      process.execPath,
      [path.join(root, 'bin/saldo.mjs'), 'import', 'customers', at, '--org', org.slug],
      {
        cwd: root,
        env: env(),
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let progressed = false;
    for (let i = 0; i < 1200 && !progressed; i++) {
      const r = await db
        .selectFrom('import_runs')
        .select(['status', 'bytes_done'])
        .where('org_id', '=', org.id)
        .executeTakeFirst();
      progressed = r?.status === 'running' && r.bytes_done > 0n;
      if (!progressed) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(progressed).toBe(true);
    child.kill('SIGKILL');
    await exited;
    const left = await db
      .selectFrom('import_runs')
      .select(['id', 'status'])
      .where('org_id', '=', org.id)
      .execute();
    expect(left).toEqual([{ id: expect.any(String), status: 'running' }]);
    expect(await customersOf(org.id)).toEqual([]);
    // The kill -9 dropped the connection that held the run's lock: recovery sees it and marks it.
    let recovered = { interrupted: 0, requeued: 0 };
    for (let i = 0; i < 200 && recovered.interrupted === 0; i++) {
      recovered = await recoverImportRuns({ db });
      if (!recovered.interrupted) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(recovered).toEqual({ interrupted: 1, requeued: 0 });

    const again = await saldo(['import', 'customers', at, '--org', org.slug, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'completed', summary: { created: 150_000 } });
    const statuses = await db
      .selectFrom('import_runs')
      .select('status')
      .where('org_id', '=', org.id)
      .orderBy('created_at')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['interrupted', 'completed']);
  }, 300_000);
});
