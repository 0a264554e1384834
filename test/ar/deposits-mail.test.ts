import type { AddressInfo } from 'node:net';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { Logger, runOnce } from 'graphile-worker';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import { buildTaskList } from '../../src/jobs/task-list.ts';
import { DEPOSITS_SWEEP_TASK } from '../../src/jobs/tasks/deposit-jobs.ts';
import { createWorkerPgPool } from '../../src/jobs/worker-pool.ts';
import { createDepositReportMailer } from '../../src/mail/templates/deposit-report-mail.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { as, signInTo } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * The deposit report e-mail over real SMTP: the worker's jobs (the sweep, the seller's sync, the
 * report, the delivery) send one message per recipient, in the seller's language, with both
 * reports attached as CSV and XLSX, which a MIME parser, a CSV parser and exceljs read back; run
 * the jobs again and nothing more is sent.
 */
const { app, db, config, gateways } = await useOnlinePaymentsApp();
const received: Buffer[] = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const transport = createMailTransport({
  smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
});
const pgPool = createWorkerPgPool(testDatabaseUrl(), 4, pino({ level: 'silent' }));
afterAll(async () => {
  transport.close();
  await pgPool.end();
  await new Promise<void>((resolve) => server.close(resolve));
});
const taskList = buildTaskList({
  db,
  transport,
  payments: { db, gateways, publicUrl: config.publicUrl, secretKey: config.secretKey },
  depositReportMailer: createDepositReportMailer(config),
});
const runJobs = async () => {
  await addJob(db, DEPOSITS_SWEEP_TASK, {});
  await runOnce({ pgPool, taskList, noHandleSignals: true, logger: new Logger(() => () => {}) });
};

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\uFEFF/, ''), { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

test('each deposit e-mails its reports once to each recipient, in the seller’s language, CSV and XLSX attached', async () => {
  const s = await onlineSeller({ app, db, config });
  // A Spanish-speaking seller: the e-mail and the files' headers are in Spanish.
  await db.updateTable('organizations').set({ locale: 'es' }).where('id', '=', s.orgId).execute();
  const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));
  const put = await owner({
    method: 'PUT',
    url: '/api/v1/console/deposit-recipients',
    payload: { emails: ['tesoreria@example.com', 'cxc@example.com'] },
  });
  expect(put.statusCode, put.body).toBe(200);
  // Another seller without recipients: its deposits mail nothing.
  await createOrg(db);
  const invoiceId = await s.invoice('150.00');
  const paid = await s.pay({
    kind: 'card',
    methodToken: await s.card('4242424242424242'),
    allocations: [{ invoiceId, amount: 15_000 }],
  });
  expect(paid.statusCode, paid.body).toBe(201);
  for (const d of [3, 6]) await s.advance(d);

  await runJobs();
  expect(received).toHaveLength(2);
  const mails = await Promise.all(received.map((raw) => simpleParser(raw)));
  expect(mails.map((m) => (m.to as { text: string }).text).sort()).toEqual([
    'cxc@example.com',
    'tesoreria@example.com',
  ]);
  const deposit = (await owner({ method: 'GET', url: '/api/v1/console/deposits' })).json().deposits[0];
  for (const mail of mails) {
    expect(mail.subject).toMatch(/^Depósito tarjeta de /);
    expect(mail.text).toContain('Adjuntamos los dos reportes');
    expect(mail.attachments.map((a) => a.filename?.replace(/-\d{4}-\d{2}-\d{2}/, ''))).toEqual([
      'pagos-iniciados-tarjeta.csv',
      'pagos-iniciados-tarjeta.xlsx',
      'pagos-depositados-tarjeta.csv',
      'pagos-depositados-tarjeta.xlsx',
    ]);
    const [initiatedCsv, , depositedCsv, depositedXlsx] = mail.attachments;
    expect(initiatedCsv!.contentType).toBe('text/csv');
    const deposited = await parseCsv(depositedCsv!.content.toString('utf8'));
    expect(deposited[0]![0]).toBe('Depósito');
    expect(deposited.at(-1)!.slice(0, 1)).toEqual(['Total']);
    expect(deposited.at(-1)![9]).toBe((deposit.net / 100).toFixed(2));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(depositedXlsx!.content as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Depósito');
    expect(Math.round(Number(sheet.getRow(sheet.rowCount).getCell(10).value) * 100)).toBe(deposit.net);
  }
  const detail = (await owner({ method: 'GET', url: `/api/v1/console/deposits/${deposit.id}` })).json();
  expect(detail.deposit.reportSentAt).not.toBeNull();

  // The jobs again, and a later day's clock run: nothing new, nothing sent twice.
  await s.advance(7);
  await runJobs();
  expect(received).toHaveLength(2);
});
