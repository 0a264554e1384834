import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger, runOnce } from 'graphile-worker';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import type { Organization } from '../../src/db/schema.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { createImportRun } from '../../src/domain/integration/runs/create-import-run.ts';
import { executeImportRun } from '../../src/domain/integration/runs/execute-import-run.ts';
import { findDroppedFiles } from '../../src/domain/integration/runs/find-dropped-files.ts';
import { fileByteSource } from '../../src/domain/integration/runs/import-file-sources.ts';
import { saveImportProfile } from '../../src/domain/integration/runs/save-import-profile.ts';
import { DROP_FOLDER_SWEEP_TASK, importFileReader, importTasks } from '../../src/jobs/tasks/import-jobs.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';
import { windows1252Csv } from '../support/import-files.ts';

/**
 * The drop folder on real folders: the worker's sweep (a real graphile-worker run of the import
 * tasks) makes every seller's folders owner-only, takes the files that have stopped growing,
 * imports each with the kind's default profile or the suggested mapping, and moves it to
 * processed/ or failed/ with its summary and report. Whatever step a dead process stopped at, the
 * file is imported exactly once.
 */
const { db } = useTestDb();
const dropRoot = mkdtempSync(path.join(tmpdir(), 'saldo-dropbox-'));
afterAll(() => rmSync(dropRoot, { recursive: true, force: true }));
const quiet = new Logger(() => () => {});

/** One sweep as the worker's crontab starts it, and every job it fans out. */
async function sweep() {
  const pgPool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
  pgPool.on('error', () => {});
  pgPool.on('connect', (client) => client.on('error', () => {}));
  try {
    await addJob(db, DROP_FOLDER_SWEEP_TASK, {});
    await runOnce({
      pgPool,
      taskList: importTasks({ db, dropFolderRoot: dropRoot }),
      noHandleSignals: true,
      logger: quiet,
    });
  } finally {
    await pgPool.end();
  }
}

const clientes = (rows: string[][]) =>
  windows1252Csv([['Clave', 'Razón social', 'Límite de crédito'], ...rows]);

/** A file put in the seller's kind folder a minute ago (it has stopped growing). */
function drop(org: Organization, kind: string, name: string, bytes: Buffer, ageMs = 60_000): string {
  const at = path.join(dropRoot, org.slug, kind, name);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, bytes);
  const when = new Date(Date.now() - ageMs);
  utimesSync(at, when, when);
  return at;
}

const folder = (org: Organization, sub: string) => path.join(dropRoot, org.slug, sub);
const runsOf = (orgId: string) =>
  db
    .selectFrom('import_runs')
    .select(['id', 'status', 'channel', 'file_name', 'duplicate_of'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .execute();
const customersOf = (orgId: string) =>
  db
    .selectFrom('customer_accounts')
    .select(['erp_id', 'credit_limit'])
    .where('org_id', '=', orgId)
    .orderBy('erp_id')
    .execute();

describe('the drop folder', () => {
  test("makes every seller's folders, owner-only", async () => {
    const org = await createOrg(db);
    await findDroppedFiles({ db, dropRoot }, { now: new Date() });
    for (const sub of [
      'invoices',
      'customers',
      'credit_memos',
      'payments',
      'processing',
      'processed',
      'failed',
    ])
      expect(statSync(folder(org, sub)).mode & 0o777, sub).toBe(0o700);
    expect(statSync(path.join(dropRoot, org.slug)).mode & 0o777).toBe(0o700);
  });

  test('imports a file that has stopped growing and moves it to processed/ with its summary; a growing one waits', async () => {
    const org = await createOrg(db, { country: 'CO' });
    drop(
      org,
      'customers',
      'clientes.csv',
      clientes([
        ['C-1', 'Uno', '1.500,25'],
        ['C-2', 'Dos', ''],
      ]),
    );
    const fresh = drop(org, 'customers', 'nuevo.csv', clientes([['C-9', 'Nueve', '']]), 0);
    drop(org, 'customers', '.~lock.clientes.csv#', Buffer.from('x'));
    await sweep();

    // A Colombian seller's files are read with a decimal comma unless a profile says otherwise.
    expect(await customersOf(org.id)).toEqual([
      { erp_id: 'C-1', credit_limit: 150025n },
      { erp_id: 'C-2', credit_limit: null },
    ]);
    expect(readdirSync(folder(org, 'processed')).sort()).toEqual([
      'clientes.csv',
      'clientes.csv.summary.json',
    ]);
    const summary = JSON.parse(
      readFileSync(path.join(folder(org, 'processed'), 'clientes.csv.summary.json'), 'utf8'),
    );
    expect(summary).toMatchObject({
      status: 'completed',
      file: 'clientes.csv',
      errors: 0,
      report: null,
      summary: { created: 2 },
    });
    expect(existsSync(fresh)).toBe(true);
    expect(readdirSync(folder(org, 'processing'))).toEqual([]);
    expect(await runsOf(org.id)).toEqual([
      expect.objectContaining({
        id: summary.id,
        status: 'completed',
        channel: 'drop_folder',
        file_name: 'clientes.csv',
      }),
    ]);
  });

  test('a file with a bad row moves to failed/ with its error report in the seller’s language', async () => {
    const org = await createOrg(db, { locale: 'es' });
    drop(
      org,
      'customers',
      'malo.csv',
      clientes([
        ['C-1', 'Uno', '10'],
        ['C-2', 'Dos', 'diez'],
      ]),
    );
    await sweep();
    expect(readdirSync(folder(org, 'failed')).sort()).toEqual([
      'malo.csv',
      'malo.csv.report.csv',
      'malo.csv.summary.json',
    ]);
    const report = readFileSync(path.join(folder(org, 'failed'), 'malo.csv.report.csv'), 'utf8');
    expect(report.startsWith('\uFEFFLínea,Columna,Valor,Motivo\r\n3,Límite de crédito,')).toBe(true);
    const summary = JSON.parse(
      readFileSync(path.join(folder(org, 'failed'), 'malo.csv.summary.json'), 'utf8'),
    );
    expect(summary).toMatchObject({ status: 'rejected', report: 'malo.csv.report.csv' });
    expect(await customersOf(org.id)).toEqual([]);
  });

  test("reads with the kind's default profile; the same file dropped again is named a duplicate and changes nothing", async () => {
    const org = await createOrg(db);
    await saveImportProfile(
      { db },
      {
        orgId: org.id,
        kind: 'customers',
        name: 'default',
        settings: {
          format: 'csv',
          decimalMark: '.',
          dateFormat: 'dd/mm/yyyy',
          mode: 'rows',
          mapping: { erp_id: 'Codigo interno', name: 'Denominacion' },
        },
        actor: systemActor,
      },
    );
    const bytes = windows1252Csv([
      ['Codigo interno', 'Denominacion'],
      ['X-1', 'Equis'],
    ]);
    drop(org, 'customers', 'export.csv', bytes);
    await sweep();
    drop(org, 'customers', 'export.csv', bytes);
    await sweep();
    const runs = await runsOf(org.id);
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
    expect(runs[1]!.duplicate_of).toBe(runs[0]!.id);
    const processed = readdirSync(folder(org, 'processed')).sort();
    const second = `export (${runs[1]!.id.slice(-8)}).csv`;
    expect(processed).toEqual(
      ['export.csv', 'export.csv.summary.json', second, `${second}.summary.json`].sort(),
    );
    const summary = JSON.parse(
      readFileSync(path.join(folder(org, 'processed'), `${second}.summary.json`), 'utf8'),
    );
    expect(summary).toMatchObject({
      duplicateOf: { id: runs[0]!.id },
      summary: { unchanged: 1, created: 0 },
    });
  });

  describe('after a process died', () => {
    const settings = {
      format: 'csv',
      decimalMark: ',',
      dateFormat: 'dd/mm/yyyy',
      mode: 'all',
      mapping: { erp_id: 'Clave', name: 'Razón social' },
    } as const;

    test('before the file moved: the run made for it is taken again, not a second one', async () => {
      const org = await createOrg(db);
      const at = drop(org, 'customers', 'a.csv', clientes([['C-1', 'Uno', '']]));
      const { id } = await createImportRun(
        { db },
        {
          orgId: org.id,
          kind: 'customers',
          channel: 'drop_folder',
          fileName: 'a.csv',
          settings,
          actor: systemActor,
          source: await fileByteSource(at),
        },
      );
      await sweep();
      expect(await runsOf(org.id)).toEqual([expect.objectContaining({ id, status: 'completed' })]);
      expect(readdirSync(folder(org, 'processed'))).toContain('a.csv');
    });

    test('after the file moved into processing/: its run executes and the file moves out', async () => {
      const org = await createOrg(db);
      const bytes = clientes([['C-1', 'Uno', '']]);
      const inbox = drop(org, 'customers', 'b.csv', bytes);
      const { id } = await createImportRun(
        { db },
        {
          orgId: org.id,
          kind: 'customers',
          channel: 'drop_folder',
          fileName: 'b.csv',
          settings,
          actor: systemActor,
          source: await fileByteSource(inbox),
        },
      );
      mkdirSync(path.join(folder(org, 'processing'), id), { recursive: true });
      writeFileSync(path.join(folder(org, 'processing'), id, 'b.csv'), bytes);
      rmSync(inbox);
      await sweep();
      expect(await runsOf(org.id)).toEqual([expect.objectContaining({ id, status: 'completed' })]);
      expect(readdirSync(folder(org, 'processed')).sort()).toEqual(['b.csv', 'b.csv.summary.json']);
      expect(readdirSync(folder(org, 'processing'))).toEqual([]);
    });

    test('after its run ended but before the move: the file is only moved, never imported twice', async () => {
      const org = await createOrg(db);
      const bytes = clientes([['C-1', 'Uno', '']]);
      const work = path.join(folder(org, 'processing'));
      mkdirSync(work, { recursive: true });
      const staged = path.join(work, 'c.csv');
      writeFileSync(staged, bytes);
      const source = await fileByteSource(staged);
      const { id } = await createImportRun(
        { db },
        {
          orgId: org.id,
          kind: 'customers',
          channel: 'drop_folder',
          fileName: 'c.csv',
          settings,
          actor: systemActor,
          source,
        },
      );
      mkdirSync(path.join(work, id));
      const file = path.join(work, id, 'c.csv');
      writeFileSync(file, bytes);
      rmSync(staged);
      await executeImportRun(
        { db, reader: importFileReader },
        { orgId: org.id, importId: id, source: await fileByteSource(file) },
      );
      const audits = () => db.selectFrom('audit_log').select('action').where('org_id', '=', org.id).execute();
      const before = (await audits()).length;
      await sweep();
      expect(await runsOf(org.id)).toEqual([expect.objectContaining({ id, status: 'completed' })]);
      expect((await audits()).length).toBe(before);
      expect(readdirSync(folder(org, 'processed')).sort()).toEqual(['c.csv', 'c.csv.summary.json']);
      expect(await customersOf(org.id)).toHaveLength(1);
    });
  });
});
