import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { executeImportRun } from '../../src/domain/integration/runs/execute-import-run.ts';
import { inspectImportFile, openImportRows } from '../../src/formats/import/read-import-file.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { windows1252Csv } from '../support/import-files.ts';

/**
 * Imports from the console over HTTP: a Windows-1252, semicolon, decimal-comma file with Spanish
 * headers is inspected (encoding and delimiter detected, columns suggested, the first rows as the
 * engine parses them, settings overridable), imported as a run (executed here as the worker does),
 * and read back (progress, summary, errors, the CSV report); the same file again says so and
 * changes nothing; Idempotency-Key replays the run; profiles and reviews; roles.
 */
const { app, db } = await useTestApp();
const s = await seedSeller(db);
const staff = { kind: 'staff' as const, orgId: s.org.id };
const agent = as(app, await signInTo(app, s.staff.ar_agent.email, staff));
const viewer = as(app, await signInTo(app, s.staff.viewer.email, staff));

const header = ['Clave', 'Razón social', 'RFC', 'Correo', 'Límite de crédito', 'Días de crédito', 'Moneda'];
const customersFile = (rows: string[][]) => windows1252Csv([header, ...rows]);
const good = [
  ['CLI-001', 'Ferretería Ñandú', 'FNA010101AAA', 'pagos@nandu.mx', '12.500,50', '30', 'MXN'],
  ['CLI-002', 'Café Año Nuevo', 'CAN020202BBB', 'cxp@cafe.mx', '1.000,00', '15', 'MXN'],
];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const inspect = (file: Buffer, settings?: object, language = 'en') =>
  agent({
    method: 'POST',
    url: '/api/v1/console/imports/inspect?kind=customers&name=clientes.csv',
    headers: {
      'content-type': 'application/octet-stream',
      'accept-language': language,
      ...(settings ? { 'saldo-import-settings': b64(settings) } : {}),
    },
    payload: file,
  });

const upload = (file: Buffer, settings: object, key?: string) =>
  agent({
    method: 'POST',
    url: '/api/v1/console/imports?kind=customers&name=clientes.csv',
    headers: {
      'content-type': 'application/octet-stream',
      'saldo-import-settings': b64(settings),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    payload: file,
  });

/** What the worker does with the queued run. */
const execute = (importId: string) =>
  executeImportRun(
    { db, reader: { inspect: inspectImportFile, openRows: openImportRows } },
    { orgId: s.org.id, importId },
  );

const settingsOf = async (file: Buffer) => (await inspect(file)).json().settings;

describe('inspect', () => {
  test('detects Windows-1252 and the semicolon, suggests the columns and previews rows as parsed', async () => {
    const r = await inspect(customersFile(good));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      detectedEncoding: 'windows-1252',
      delimiter: ';',
      detectedDelimiter: ';',
      header,
      missingRequired: [],
    });
    expect(body.suggested.mapping).toMatchObject({
      erp_id: 'Clave',
      name: 'Razón social',
      tax_id: 'RFC',
      email: 'Correo',
      credit_limit: 'Límite de crédito',
      payment_terms_days: 'Días de crédito',
      currency: 'Moneda',
    });
    expect(body.settings).toMatchObject({ decimalMark: ',', mode: 'rows' });
    expect(body.rows).toHaveLength(2);
    const first = Object.fromEntries(
      body.rows[0].cells.map((c: { field: string; value: string | null }) => [c.field, c.value]),
    );
    expect(body.rows[0].line).toBe(2);
    expect(first).toMatchObject({ name: 'Ferretería Ñandú', credit_limit: '12500.5', currency: 'MXN' });
    expect(body.fields.find((f: { name: string }) => f.name === 'erp_id')).toMatchObject({ required: true });
  });

  test('settings sent override what was detected: the preview shows each cell’s error in words', async () => {
    // Forced to read it as UTF-8, the Windows-1252 file is refused where its bytes stop being UTF-8.
    const forced = await inspect(customersFile(good), { encoding: 'utf-8' });
    expect(forced.statusCode).toBe(422);
    expect(forced.json()).toMatchObject({ code: 'import_file_unreadable' });

    const mapped = await inspect(customersFile(good), { mapping: { erp_id: 'RFC', name: 'Clave' } });
    expect(mapped.json().settings.mapping).toEqual({ erp_id: 'RFC', name: 'Clave' });
    expect(mapped.json().rows[0].cells).toEqual([
      { field: 'erp_id', raw: 'FNA010101AAA', value: 'FNA010101AAA', error: null },
      { field: 'name', raw: 'CLI-001', value: 'CLI-001', error: null },
    ]);

    const comma = await inspect(customersFile([['CLI-9', 'X', '', 'no-es-correo', '1.234,5', '30', 'MXN']]), {
      decimalMark: '.',
    });
    const cells = comma.json().rows[0].cells as {
      field: string;
      error: { code: string; message: string } | null;
    }[];
    expect(cells.find((c) => c.field === 'credit_limit')?.error).not.toBeNull();
    expect(cells.find((c) => c.field === 'email')?.error?.message).toMatch(/\S/);
  });

  test('an amount more precise than its currency is flagged in the preview, as the import refuses it', async () => {
    const file = customersFile([
      ['CLI-7', 'Dólares SA', '', '', '12.345', '30', 'USD'], // USD has 2 decimals
      ['CLI-8', 'Dinares SA', '', '', '12.345', '30', 'BHD'], // BHD has 3
      ['CLI-9', 'Pesos SA', '', '', '12.340', '30', ''], // the seller's currency; 12.34 fits
    ]);
    const r = await inspect(file, { decimalMark: '.' }, 'es');
    expect(r.statusCode, r.body).toBe(200);
    const limits = (
      r.json().rows as { cells: { field: string; value: string | null; error: unknown }[] }[]
    ).map((row) => row.cells.find((c) => c.field === 'credit_limit'));
    expect(limits).toEqual([
      {
        field: 'credit_limit',
        raw: '12.345',
        value: null,
        error: { code: 'too_many_decimals', message: 'tiene más decimales de los que admite la moneda (2)' },
      },
      { field: 'credit_limit', raw: '12.345', value: '12.345', error: null },
      { field: 'credit_limit', raw: '12.340', value: '12.340', error: null },
    ]);
    // The import itself refuses the same cell.
    const settings = { ...(await inspect(file, { decimalMark: '.' })).json().settings, mode: 'rows' };
    const run = await upload(file, settings);
    expect(run.statusCode, run.body).toBe(202);
    await execute(run.json().id);
    const errors = await agent({ method: 'GET', url: `/api/v1/console/imports/${run.json().id}/errors` });
    expect(errors.json()).toMatchObject({
      total: 1,
      errors: [{ line: 2, column: 'Límite de crédito', code: 'too_many_decimals' }],
    });
  });

  test('a binary file or an unknown kind is refused with a reason', async () => {
    const binary = await inspect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
    expect(binary.statusCode).toBe(422);
    expect(binary.json()).toMatchObject({ code: 'import_file_unreadable' });
    const kind = await agent({
      method: 'POST',
      url: '/api/v1/console/imports/inspect?kind=widgets&name=a.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: customersFile(good),
    });
    expect(kind.statusCode).toBe(400);
    const settings = await agent({
      method: 'POST',
      url: '/api/v1/console/imports/inspect?kind=customers&name=a.csv',
      headers: { 'content-type': 'application/octet-stream', 'saldo-import-settings': 'not json!' },
      payload: customersFile(good),
    });
    expect(settings.statusCode).toBe(400);
    expect(settings.json().errors[0].field).toBe('saldo-import-settings');
  });

  test('a file past the inspect limit is refused (413) and a JSON body is not a file (415)', async () => {
    const big = await inspect(Buffer.alloc(16 * 1024 * 1024 + 1, 0x41));
    expect(big.statusCode).toBe(413);
    const json = await agent({
      method: 'POST',
      url: '/api/v1/console/imports/inspect?kind=customers&name=a.csv',
      payload: { not: 'a file' },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('importing', () => {
  test('a run is queued, executed, and read back with its summary; the same file again changes nothing', async () => {
    const file = customersFile(good);
    const settings = await settingsOf(file);
    const queued = await upload(file, settings);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({
      status: 'queued',
      channel: 'console',
      kind: 'customers',
      duplicateOf: null,
    });
    const id = queued.json().id as string;

    await execute(id);
    const done = await agent({ method: 'GET', url: `/api/v1/console/imports/${id}` });
    expect(done.json()).toMatchObject({
      status: 'completed',
      progress: 100,
      errorCount: 0,
      startedBy: { id: s.staff.ar_agent.id },
      summary: { created: 2, updated: 0, unchanged: 0, rejected: 0, committed: true },
    });
    const customers = await db
      .selectFrom('customer_accounts')
      .select(['name', 'credit_limit'])
      .where('org_id', '=', s.org.id)
      .where('erp_id', '=', 'CLI-001')
      .executeTakeFirstOrThrow();
    expect(customers).toEqual({ name: 'Ferretería Ñandú', credit_limit: 1250050n });

    const again = await upload(file, settings);
    expect(again.json().duplicateOf).toMatchObject({ id });
    await execute(again.json().id);
    const second = await agent({ method: 'GET', url: `/api/v1/console/imports/${again.json().id}` });
    expect(second.json().summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const list = await viewer({ method: 'GET', url: '/api/v1/console/imports?kind=customers' });
    expect(list.statusCode).toBe(200);
    expect(list.json().imports.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([id, again.json().id]),
    );
  });

  test('Idempotency-Key: the same key and file answer the same run; another file under it is refused', async () => {
    const file = customersFile([['CLI-IDEM', 'Idempotente SA', '', '', '', '', 'MXN']]);
    const settings = await settingsOf(file);
    const key = randomUUID();
    const first = await upload(file, settings, key);
    expect(first.statusCode, first.body).toBe(202);
    const replay = await upload(file, settings, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    const other = await upload(
      customersFile([['CLI-IDEM', 'Otro nombre', '', '', '', '', 'MXN']]),
      settings,
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const runs = await db
      .selectFrom('import_runs')
      .select('id')
      .where('org_id', '=', s.org.id)
      .where('id', '=', first.json().id)
      .execute();
    expect(runs).toHaveLength(1);
  });

  test('a bad row is rejected and reported: errors in the reader’s language and as a CSV report', async () => {
    const file = customersFile([
      ['CLI-010', 'Buena SA', '', 'ok@buena.mx', '', '', 'MXN'],
      ['CLI-011', 'Mala SA', '', 'esto-no-es-correo', '', '', 'MXN'],
    ]);
    const settings = await settingsOf(file);
    const id = (await upload(file, settings)).json().id as string;
    await execute(id);
    const run = (await agent({ method: 'GET', url: `/api/v1/console/imports/${id}` })).json();
    expect(run).toMatchObject({ status: 'completed', errorCount: 1, summary: { created: 1, rejected: 1 } });

    const errors = await agent({
      method: 'GET',
      url: `/api/v1/console/imports/${id}/errors`,
      headers: { 'accept-language': 'en' },
    });
    expect(errors.json()).toMatchObject({ total: 1, errors: [{ line: 3, column: 'Correo' }] });
    expect(errors.json().errors[0].message).toMatch(/\S/);

    const csv = await agent({ method: 'GET', url: `/api/v1/console/imports/${id}/errors.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="clientes-errors.csv"');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^3,Correo,/);
  });

  test('viewers read but do not import; another seller’s run is 404', async () => {
    const file = customersFile(good);
    const r = await viewer({
      method: 'POST',
      url: '/api/v1/console/imports?kind=customers&name=a.csv',
      headers: { 'content-type': 'application/octet-stream', 'saldo-import-settings': b64({}) },
      payload: file,
    });
    expect(r.statusCode).toBe(403);
    const missing = await viewer({ method: 'GET', url: `/api/v1/console/imports/${randomUUID()}` });
    expect(missing.statusCode).toBe(404);
  });
});

describe('profiles and reviews', () => {
  test('a profile is saved by name, listed, read, replaced, deleted; an unknown field is refused', async () => {
    const settings = {
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      decimalMark: ',',
      dateFormat: 'dd/mm/yyyy',
      mapping: { erp_id: 'Clave', name: 'Razón social' },
      mode: 'rows',
    };
    const saved = await agent({
      method: 'PUT',
      url: '/api/v1/console/import-profiles',
      payload: { kind: 'customers', name: 'default', settings },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const id = saved.json().id as string;
    const again = await agent({
      method: 'PUT',
      url: '/api/v1/console/import-profiles',
      payload: { kind: 'customers', name: 'default', settings: { ...settings, mode: 'all' } },
    });
    expect(again.json()).toMatchObject({ id, settings: { mode: 'all' } });
    const list = await viewer({ method: 'GET', url: '/api/v1/console/import-profiles?kind=customers' });
    expect(list.json().profiles.map((p: { name: string }) => p.name)).toContain('default');
    expect(
      (await viewer({ method: 'GET', url: `/api/v1/console/import-profiles/${id}` })).json(),
    ).toMatchObject({
      name: 'default',
      settings: { mapping: { erp_id: 'Clave' } },
    });
    const bad = await agent({
      method: 'PUT',
      url: '/api/v1/console/import-profiles',
      payload: { kind: 'customers', name: 'x', settings: { ...settings, mapping: { number: 'Folio' } } },
    });
    expect(bad.statusCode).toBe(400);

    // A file inspected with the profile uses its settings.
    const inspected = await agent({
      method: 'POST',
      url: `/api/v1/console/imports/inspect?kind=customers&name=c.csv&profileId=${id}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: customersFile(good),
    });
    expect(inspected.json().settings).toMatchObject({ mode: 'all', mapping: { erp_id: 'Clave' } });

    expect(
      (await viewer({ method: 'DELETE', url: `/api/v1/console/import-profiles/${id}` })).statusCode,
    ).toBe(403);
    expect((await agent({ method: 'DELETE', url: `/api/v1/console/import-profiles/${id}` })).statusCode).toBe(
      204,
    );
    expect((await agent({ method: 'GET', url: `/api/v1/console/import-profiles/${id}` })).statusCode).toBe(
      404,
    );
  });

  test('reviews are listed and closed once; an unknown review is 404', async () => {
    const list = await viewer({ method: 'GET', url: '/api/v1/console/import-reviews' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1 });
    const missing = await agent({
      method: 'POST',
      url: `/api/v1/console/import-reviews/${randomUUID()}/resolve`,
      payload: { resolution: 'dismissed' },
    });
    expect(missing.statusCode).toBe(404);
  });

  test('an aging difference where the ERP shows less open is corrected in Saldo: an ERP payment for the difference', async () => {
    const file = customersFile([
      ['CLI-090', 'Abarrotes Aging', 'AAG090909AAA', 'cxp@aging.mx', '', '30', 'MXN'],
    ]);
    const created = await upload(file, await settingsOf(file));
    await execute(created.json().id);
    const customer = await db
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', s.org.id)
      .where('erp_id', '=', 'CLI-090')
      .executeTakeFirstOrThrow();
    const invoice = await agent({
      method: 'POST',
      url: '/api/v1/console/invoices',
      payload: {
        customerId: customer.id,
        number: 'F-9090',
        issueDate: '2026-11-02',
        lines: [{ description: 'Arroz', quantity: '1', unitPrice: '100.00' }],
      },
    });
    expect(invoice.statusCode, invoice.body).toBe(201);

    const aging = windows1252Csv([
      ['Cliente', 'Documento', 'Saldo'],
      ['CLI-090', 'F-9090', '60,00'],
    ]);
    const run = await agent({
      method: 'POST',
      url: '/api/v1/console/imports?kind=aging&name=antiguedad.csv',
      headers: {
        'content-type': 'application/octet-stream',
        'saldo-import-settings': b64({
          format: 'csv',
          decimalMark: ',',
          dateFormat: 'dd/mm/yyyy',
          mapping: { customer_erp_id: 'Cliente', document_number: 'Documento', open_amount: 'Saldo' },
          mode: 'rows',
        }),
      },
      payload: aging,
    });
    expect(run.statusCode, run.body).toBe(202);
    await execute(run.json().id);
    const reviews = await viewer({ method: 'GET', url: '/api/v1/console/import-reviews' });
    const review = reviews
      .json()
      .reviews.find((r: { reason: string; importId: string }) => r.importId === run.json().id);
    expect(review).toMatchObject({ kind: 'aging', reason: 'open_amount_differs' });
    // The reason in the reader's words (importReviews.<reason>), not its code.
    expect(review.message).toMatch(/F-9090/);
    expect(review.message).not.toBe('open_amount_differs');

    expect(
      (await viewer({ method: 'POST', url: `/api/v1/console/import-reviews/${review.id}/correct` }))
        .statusCode,
    ).toBe(403);
    const corrected = await agent({
      method: 'POST',
      url: `/api/v1/console/import-reviews/${review.id}/correct`,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().payment).toMatchObject({ amount: 4000 });
    const after = await agent({ method: 'GET', url: `/api/v1/console/invoices/${invoice.json().id}` });
    expect(after.json().openAmount).toBe(6000);
    const again = await agent({ method: 'POST', url: `/api/v1/console/import-reviews/${review.id}/correct` });
    expect(again.statusCode).toBe(409);
  });
});
