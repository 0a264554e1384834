import { createHash } from 'node:crypto';
import { Logger, runOnce } from 'graphile-worker';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { ImportSettings } from '../../src/domain/integration/import-types.ts';
import { createImportRun } from '../../src/domain/integration/runs/create-import-run.ts';
import { deleteImportProfile } from '../../src/domain/integration/runs/delete-import-profile.ts';
import { executeImportRun } from '../../src/domain/integration/runs/execute-import-run.ts';
import { getImportProfile } from '../../src/domain/integration/runs/get-import-profile.ts';
import { getImportRun } from '../../src/domain/integration/runs/get-import-run.ts';
import type { ImportFileReader } from '../../src/domain/integration/runs/import-file-reader.ts';
import { listImportErrors } from '../../src/domain/integration/runs/list-import-errors.ts';
import { listImportProfiles } from '../../src/domain/integration/runs/list-import-profiles.ts';
import { listImportReviews } from '../../src/domain/integration/runs/list-import-reviews.ts';
import { listImportRuns } from '../../src/domain/integration/runs/list-import-runs.ts';
import { recoverImportRuns } from '../../src/domain/integration/runs/recover-import-runs.ts';
import { resolveImportReview } from '../../src/domain/integration/runs/resolve-import-review.ts';
import { saveImportProfile } from '../../src/domain/integration/runs/save-import-profile.ts';
import { streamImportErrors } from '../../src/domain/integration/runs/stream-import-errors.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { importErrorReportCsv } from '../../src/formats/csv/import-error-report-csv.ts';
import { importFileReader, importTasks } from '../../src/jobs/tasks/import-jobs.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { windows1252Csv } from '../support/import-files.ts';

/**
 * Import runs end to end on a real database: an upload stored in 1 MiB chunks with its job queued
 * in the same transaction, executed by the real worker task, progress visible on another
 * connection while the import's transaction is open, a second run of the same bytes named as a
 * duplicate and changing nothing, a run left by a dead process recovered and run again, files
 * that cannot be read failed with their reason, and the profiles, errors and reviews around them.
 */
const { db } = useTestDb();
const quiet = new Logger(() => () => {});

const customerSettings = (overrides: Partial<ImportSettings> = {}): ImportSettings => ({
  format: 'csv',
  decimalMark: ',',
  dateFormat: 'dd/mm/yyyy',
  mode: 'all',
  mapping: { erp_id: 'Clave', name: 'Razón social', credit_limit: 'Límite de crédito' },
  ...overrides,
});

/** `count` customers, each row padded with an unmapped notes column so the file spans several chunks. */
function customersCsv(count: number, pad = 0, extra: string[][] = []): Buffer {
  const rows = [['Clave', 'Razón social', 'Límite de crédito', 'Notas']];
  for (let i = 1; i <= count; i++) rows.push([`C-${i}`, `Cliente Ñandú ${i}`, '1.234,56', 'x'.repeat(pad)]);
  return windows1252Csv([...rows, ...extra]);
}

async function* inPieces(buf: Buffer, size = 300_000) {
  for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
}

/** Runs the queued import jobs with the worker's own tasks, as `saldo worker` would. */
async function runImportJobs() {
  const pgPool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
  pgPool.on('error', () => {});
  pgPool.on('connect', (client) => client.on('error', () => {}));
  try {
    await runOnce({ pgPool, taskList: importTasks({ db }), noHandleSignals: true, logger: quiet });
  } finally {
    await pgPool.end();
  }
}

async function upload(orgId: string, bytes: Buffer, settings: unknown = customerSettings(), userId?: string) {
  return createImportRun(
    { db },
    {
      orgId,
      kind: 'customers',
      channel: 'console',
      fileName: 'C:\\exports\\clientes.csv',
      settings,
      actor: userId ? { userId } : systemActor,
      bytes: inPieces(bytes),
    },
  );
}

const customersOf = (orgId: string) =>
  db
    .selectFrom('customer_accounts')
    .select(['erp_id', 'name', 'credit_limit'])
    .where('org_id', '=', orgId)
    .execute();

describe('an upload', () => {
  test('is stored in 1 MiB chunks with its job, executed by the worker, and its file deleted', async () => {
    const org = await createOrg(db);
    const user = await createUser(db, { name: 'Marta Ruiz' });
    const bytes = customersCsv(1200, 2000);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const { id, duplicateOf } = await upload(org.id, bytes, customerSettings(), user.id);
    expect(duplicateOf).toBeNull();

    const queued = await getImportRun({ db }, { orgId: org.id, importId: id });
    expect(queued).toMatchObject({
      status: 'queued',
      channel: 'console',
      fileName: 'clientes.csv',
      fileSize: bytes.length,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      startedBy: { id: user.id, name: 'Marta Ruiz' },
    });
    const chunks = await db
      .selectFrom('import_file_chunks')
      .select(['seq', (eb) => eb.fn('length', ['data']).as('bytes')])
      .where('org_id', '=', org.id)
      .where('import_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(chunks.map((c) => Number(c.bytes))).toEqual([
      1024 * 1024,
      1024 * 1024,
      bytes.length - 2 * 1024 * 1024,
    ]);
    const jobs = await db
      .selectFrom('graphile_worker.jobs' as never)
      .select(['key' as never, 'task_identifier' as never])
      .where('key' as never, '=', `import-file:${id}` as never)
      .execute();
    expect(jobs).toEqual([{ key: `import-file:${id}`, task_identifier: 'import-file' }]);

    await runImportJobs();
    const done = await getImportRun({ db }, { orgId: org.id, importId: id });
    expect(done).toMatchObject({
      status: 'completed',
      rowsDone: 1200,
      bytesDone: bytes.length,
      errorCount: 0,
    });
    expect(done.summary).toMatchObject({ rows: 1200, created: 1200, committed: true });
    expect(done.finishedAt).toBeInstanceOf(Date);
    const customers = await customersOf(org.id);
    expect(customers).toHaveLength(1200);
    expect(customers.find((c) => c.erp_id === 'C-7')).toMatchObject({
      name: 'Cliente Ñandú 7',
      credit_limit: 123456n,
    });
    const left = await db
      .selectFrom('import_file_chunks')
      .select('seq')
      .where('import_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });

  test('the same bytes again name the earlier run and change nothing', async () => {
    const org = await createOrg(db);
    const bytes = customersCsv(3);
    const first = await upload(org.id, bytes);
    await runImportJobs();
    const second = await upload(org.id, bytes);
    const firstRun = await getImportRun({ db }, { orgId: org.id, importId: first.id });
    expect(second.duplicateOf).toEqual({ id: first.id, finishedAt: firstRun.finishedAt });
    await runImportJobs();
    const again = await getImportRun({ db }, { orgId: org.id, importId: second.id });
    expect(again.status).toBe('completed');
    expect(again.duplicateOf?.id).toBe(first.id);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await customersOf(org.id)).toHaveLength(3);
  });

  test('past the size limit is refused and leaves no run', async () => {
    const org = await createOrg(db);
    const attempt = createImportRun(
      { db },
      {
        orgId: org.id,
        kind: 'customers',
        channel: 'console',
        fileName: 'big.csv',
        settings: customerSettings(),
        actor: systemActor,
        bytes: inPieces(Buffer.alloc(3 * 1024 * 1024, 'a'), 64 * 1024),
        maxBytes: 2 * 1024 * 1024,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'file_too_large', params: { megabytes: 2 } });
    expect((await listImportRuns({ db }, { orgId: org.id, page: 1 })).total).toBe(0);
  });

  test('with settings that are not the closed shape is refused, field by field', async () => {
    const org = await createOrg(db);
    const attempt = upload(org.id, customersCsv(1), {
      ...customerSettings(),
      mode: 'some',
      mapping: { erp_id: 'Clave', due_date: 'Vence' },
      extra: 1,
    });
    const err = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'additionalProperties' },
        expect.objectContaining({ field: 'mode', code: 'enum' }),
        { field: 'mapping.due_date', code: 'not_an_import_field' },
      ]),
    );
  });
});

describe('a run that does not go through', () => {
  test("an 'all' run with a bad row is rejected, applies nothing, and its report reads in the seller's language", async () => {
    const org = await createOrg(db);
    const bytes = customersCsv(2, 0, [['C-3', '=HYPERLINK("http://x")', 'mil', '']]);
    const { id } = await upload(org.id, bytes);
    await runImportJobs();
    const run = await getImportRun({ db }, { orgId: org.id, importId: id });
    expect(run.status).toBe('rejected');
    expect(run.errorCount).toBeGreaterThan(0);
    expect(run.summary).toMatchObject({ committed: false, created: 0 });
    expect(await customersOf(org.id)).toEqual([]);

    const { errors, total } = await listImportErrors({ db }, { orgId: org.id, importId: id, page: 1 });
    expect(total).toBe(run.errorCount);
    expect(errors[0]).toMatchObject({ line: 4, column: 'Límite de crédito' });

    let csv = '';
    for await (const piece of importErrorReportCsv(
      streamImportErrors({ db }, { orgId: org.id, importId: id }),
      'es',
    ))
      csv += piece;
    expect(csv.startsWith('\uFEFFLínea,Columna,Valor,Motivo\r\n')).toBe(true);
    expect(csv).toContain('4,Límite de crédito,');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('a file that is not text fails with the reader’s reason and an error row, and its file is deleted', async () => {
    const org = await createOrg(db);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(500),
    ]);
    const { id } = await upload(org.id, png);
    await runImportJobs();
    const run = await getImportRun({ db }, { orgId: org.id, importId: id });
    expect(run.status).toBe('failed');
    expect(run.failureCode).toMatch(/binary_file|nul_byte/);
    expect(run.errorCount).toBe(1);
    const { errors } = await listImportErrors({ db }, { orgId: org.id, importId: id, page: 1 });
    expect(errors).toEqual([expect.objectContaining({ code: run.failureCode, column: null })]);
    expect(
      await db.selectFrom('import_file_chunks').select('seq').where('import_id', '=', id).execute(),
    ).toEqual([]);
  });
});

describe('while a run executes', () => {
  /** The real reader, holding back after the first rows until released. */
  function heldReader(after: number) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached!: () => void;
    const reachedHold = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const reader: ImportFileReader = {
      inspect: importFileReader.inspect,
      async openRows(source, settings, onProgress) {
        const file = await importFileReader.openRows(source, settings, onProgress);
        async function* rows() {
          let n = 0;
          for await (const row of file.rows) {
            if (++n === after) {
              onProgress?.(source.size / 2);
              reached();
              await released;
            }
            yield row;
          }
        }
        return { header: file.header, rows: rows() };
      },
    };
    return { reader, release, reachedHold };
  }

  test('its progress shows on another connection, nothing of it is visible, and a second executor leaves it alone', async () => {
    const org = await createOrg(db);
    const bytes = customersCsv(50);
    const { id } = await upload(org.id, bytes);
    const held = heldReader(30);
    const execution = executeImportRun({ db, reader: held.reader }, { orgId: org.id, importId: id });
    await held.reachedHold;
    let seen = await getImportRun({ db }, { orgId: org.id, importId: id });
    for (let i = 0; i < 100 && seen.bytesDone === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await getImportRun({ db }, { orgId: org.id, importId: id });
    }
    expect(seen).toMatchObject({ status: 'running', bytesDone: Math.floor(bytes.length / 2) });
    // A second worker taking the same job finds it claimed by a live process and leaves it.
    const other = await executeImportRun({ db, reader: importFileReader }, { orgId: org.id, importId: id });
    expect(other.status).toBe('running');
    // A recovery sweep sees the live lock: nothing is interrupted.
    expect(await recoverImportRuns({ db })).toMatchObject({ interrupted: 0 });
    expect(await customersOf(org.id)).toEqual([]);
    held.release();
    const done = await execution;
    expect(done).toMatchObject({ status: 'completed', rowsDone: 50 });
    expect(await customersOf(org.id)).toHaveLength(50);
  });

  test('a run left running by a process that died is marked interrupted, queued again and completed', async () => {
    const org = await createOrg(db);
    const { id } = await upload(org.id, customersCsv(5));
    // A "process" claims the run under its lock, as executeImportRun does, and dies (its connection drops).
    const dying = new pg.Client({ connectionString: testDatabaseUrl() });
    await dying.connect();
    await dying.query('begin');
    await dying.query(`select pg_try_advisory_xact_lock(hashtextextended($1, 0))`, [
      `saldo.import-run:${id}`,
    ]);
    await db.updateTable('import_runs').set({ status: 'running' }).where('id', '=', id).execute();
    expect(await recoverImportRuns({ db })).toEqual({ interrupted: 0, requeued: 0 });
    await dying.end();

    expect(await recoverImportRuns({ db })).toEqual({ interrupted: 1, requeued: 1 });
    expect((await getImportRun({ db }, { orgId: org.id, importId: id })).status).toBe('interrupted');
    await runImportJobs();
    const run = await getImportRun({ db }, { orgId: org.id, importId: id });
    expect(run).toMatchObject({ status: 'completed', summary: expect.objectContaining({ created: 5 }) });
  });
});

describe('history, profiles and reviews', () => {
  test("the history lists the seller's runs newest first, by kind, and another seller's run is not found", async () => {
    const org = await createOrg(db);
    const other = await createOrg(db);
    const a = await upload(org.id, customersCsv(1));
    const b = await upload(org.id, customersCsv(2));
    await upload(other.id, customersCsv(1));
    const { runs, total } = await listImportRuns({ db }, { orgId: org.id, page: 1 });
    expect(total).toBe(2);
    expect(runs.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await listImportRuns({ db }, { orgId: org.id, kind: 'invoices', page: 1 })).total).toBe(0);
    expect(
      (await listImportRuns({ db }, { orgId: org.id, page: 2, pageSize: 1 })).runs.map((r) => r.id),
    ).toEqual([a.id]);
    await expect(getImportRun({ db }, { orgId: other.id, importId: a.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      listImportErrors({ db }, { orgId: other.id, importId: a.id, page: 1 }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('profiles are saved by name (again: updated), listed, read and deleted, and checked against the kind', async () => {
    const org = await createOrg(db);
    const first = await saveImportProfile(
      { db },
      {
        orgId: org.id,
        kind: 'customers',
        name: ' default ',
        settings: customerSettings(),
        actor: systemActor,
      },
    );
    expect(first).toMatchObject({ name: 'default', kind: 'customers' });
    const again = await saveImportProfile(
      { db },
      {
        orgId: org.id,
        kind: 'customers',
        name: 'default',
        settings: customerSettings({ decimalMark: '.' }),
        actor: systemActor,
      },
    );
    expect(again.id).toBe(first.id);
    expect(again.settings.decimalMark).toBe('.');
    expect(await listImportProfiles({ db }, { orgId: org.id })).toHaveLength(1);
    expect((await getImportProfile({ db }, { orgId: org.id, kind: 'customers', name: 'default' })).id).toBe(
      first.id,
    );
    await expect(
      saveImportProfile(
        { db },
        {
          orgId: org.id,
          kind: 'invoices',
          name: 'x',
          settings: customerSettings({ mapping: { credit_limit: 'Límite' } }),
          actor: systemActor,
        },
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'mapping.credit_limit', code: 'not_an_import_field' }],
    });
    const other = await createOrg(db);
    await expect(getImportProfile({ db }, { orgId: other.id, profileId: first.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await deleteImportProfile({ db }, { orgId: org.id, profileId: first.id, actor: systemActor });
    expect(await listImportProfiles({ db }, { orgId: org.id, kind: 'customers' })).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'import_profile.saved',
      'import_profile.saved',
      'import_profile.deleted',
    ]);
  });

  test('an open review is listed and resolved once, audited; another seller cannot see it', async () => {
    const org = await createOrg(db);
    const user = await createUser(db);
    const { id: importId } = await upload(org.id, customersCsv(1));
    const reviewId = newId();
    await db
      .insertInto('import_reviews')
      .values({
        org_id: org.id,
        id: reviewId,
        import_id: importId,
        kind: 'invoice',
        erp_id: 'F-1',
        reason: 'total_below_paid',
        params: JSON.stringify({ number: 'F-1' }) as never,
      })
      .execute();
    const open = await listImportReviews({ db }, { orgId: org.id, page: 1 });
    expect(open.total).toBe(1);
    expect(open.reviews[0]).toMatchObject({
      id: reviewId,
      status: 'open',
      import: { fileName: 'clientes.csv' },
    });
    const other = await createOrg(db);
    expect((await listImportReviews({ db }, { orgId: other.id, page: 1 })).total).toBe(0);
    await expect(
      resolveImportReview({ db }, { orgId: other.id, reviewId, resolution: 'dismissed', actor: systemActor }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const resolved = await resolveImportReview(
      { db },
      { orgId: org.id, reviewId, resolution: 'resolved', actor: { userId: user.id } },
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: user.id });
    await expect(
      resolveImportReview({ db }, { orgId: org.id, reviewId, resolution: 'dismissed', actor: systemActor }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await listImportReviews({ db }, { orgId: org.id, page: 1 })).total).toBe(0);
    expect((await listImportReviews({ db }, { orgId: org.id, status: 'all', page: 1 })).total).toBe(1);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.id)
      .where('entity_id', '=', reviewId)
      .execute();
    expect(audit).toEqual([{ action: 'import_review.resolved' }]);
  });
});

describe('the error report', () => {
  test('neutralises formulas, quotes what needs it and falls back to the code for an unknown reason', async () => {
    let csv = '';
    for await (const piece of importErrorReportCsv(
      [
        { line: 2, column: '=cmd', code: 'impossible_date', params: { value: '31/02/2026' } },
        { line: null, column: null, code: 'some_new_code' },
        { line: 9, column: 'Name, full', code: 'too_long', params: { max: 200, value: '@SUM(A1)' } },
      ],
      'en',
    ))
      csv += piece;
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Line,Column,Value,Reason');
    expect(lines[1]).toMatch(/^2,'=cmd,31\/02\/2026,/);
    expect(lines[2]).toBe(',,,some_new_code');
    expect(lines[3]).toMatch(/^9,"Name, full",'@SUM\(A1\),/);
  });
});
