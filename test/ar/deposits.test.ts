import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import { isBusinessDay } from '../../src/domain/calendar/business-days.ts';
import { coveredDays } from '../../src/domain/deposits/sync-deposits.ts';
import { buildTaskList } from '../../src/jobs/task-list.ts';
import { DEPOSITS_SWEEP_TASK } from '../../src/jobs/tasks/deposit-jobs.ts';
import { createWorkerPgPool } from '../../src/jobs/worker-pool.ts';
import { createDepositReportMailer } from '../../src/mail/templates/deposit-report-mail.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { as, signInTo } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Deposits through the sandbox processor and the HTTP API: card and ACH payments over several
 * days (a refund, an R01 return, the processor's fees), days pass on the sandbox's clock, the
 * hourly sweep's jobs take the payouts, and each deposit — per business day, card and ACH apart —
 * carries its lines, nets to them, empties the processor's clearing account and mails its two
 * reports once to each recipient, as CSV and XLSX that real readers parse.
 */
const { app, db, config, gateways } = await useOnlinePaymentsApp();
const logger = pino({ level: 'silent' });
const pgPool = createWorkerPgPool(testDatabaseUrl(), 4, logger);
afterAll(() => pgPool.end());

const taskList = buildTaskList({
  db,
  transport: createMailTransport({ smtpUrl: undefined }),
  payments: { db, gateways, publicUrl: config.publicUrl, secretKey: config.secretKey },
  depositReportMailer: createDepositReportMailer(config),
});

/** The hourly sweep as the worker runs it: its per-seller syncs, the report e-mails and their delivery. */
async function runSweep() {
  await addJob(db, DEPOSITS_SWEEP_TASK, {});
  await runOnce({ pgPool, taskList, noHandleSignals: true, logger: quietGraphile });
}
const quietGraphile = new (await import('graphile-worker')).Logger(() => () => {});

/** Runs `work` as if `days` had passed (the sandbox dates its charges and refunds by `Date`). */
async function onDay<T>(days: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + days * 86_400_000);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

type Seller = Awaited<ReturnType<typeof onlineSeller>>;

async function staffOf(s: Seller, role: 'owner' | 'viewer' = 'owner') {
  return as(app, await signInTo(app, s.seller.staff[role].email, { kind: 'staff', orgId: s.orgId }));
}

const CARD = '4242424242424242';
const SETTLES = '000123456789';
const R01 = '000111111116';
/** Settles, then comes back R10 two business days later (the sandbox's late-return account). */
const LATE_R10 = '000666666661';

/** One payment of a new invoice, in cents; answers its id. */
async function pay(s: Seller, kind: 'card' | 'ach', cents: number, account = SETTLES): Promise<string> {
  const invoiceId = await s.invoice((cents / 100).toFixed(2));
  const methodToken = kind === 'card' ? await s.card(CARD) : await s.bank(account);
  const paid = await s.pay({
    kind,
    methodToken,
    ...(kind === 'ach' ? { achAuthorizationAccepted: true } : {}),
    allocations: [{ invoiceId, amount: cents }],
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return paid.json().id;
}

async function refund(s: Seller, paymentId: string, cents: number) {
  const staff = await staffOf(s);
  const r = await staff({
    method: 'POST',
    url: `/api/v1/console/payments/${paymentId}/refunds`,
    headers: { 'idempotency-key': crypto.randomUUID() },
    payload: { amount: cents, reason: 'Customer asked' },
  });
  expect(r.statusCode, r.body).toBe(201);
}

/** Lets the sandbox's clock run through `days` (several stops: ACH settles, then its payouts go out). */
async function passDays(s: Seller, days: number[]) {
  for (const d of days) await s.advance(d);
}

async function listAll(staff: Awaited<ReturnType<typeof staffOf>>, query = '') {
  const r = await staff({ method: 'GET', url: `/api/v1/console/deposits?pageSize=100${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    deposits: {
      id: string;
      kind: 'card' | 'ach';
      currency: string;
      arrivalDate: string;
      coversFrom: string;
      coversTo: string;
      charges: number;
      refunds: number;
      returns: number;
      gross: number;
      fees: number;
      net: number;
      status: string;
      payoutId: string;
    }[];
    total: number;
  };
}

async function accountSum(orgId: string, account: string): Promise<bigint> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(sum(amount), 0)::text as s from journal_lines where org_id = ${orgId} and account = ${account}`.execute(
    db,
  );
  return BigInt(rows[0]!.s);
}

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\uFEFF/, ''), { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

async function readXlsx(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as never);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** "-12.50" → -1250n. */
const cents = (text: string) => {
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
};

describe('deposits', async () => {
  const s = await onlineSeller({ app, db, config });
  const owner = await staffOf(s);
  const paymentIds: Record<string, string> = {};

  test('card and ACH payments over several days are deposited per business day, kinds apart', async () => {
    const put = await owner({
      method: 'PUT',
      url: '/api/v1/console/deposit-recipients',
      payload: { emails: [' Treasury@Example.com ', 'ar@example.com', 'treasury@example.com'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().emails).toEqual(['treasury@example.com', 'ar@example.com']);

    await onDay(0, async () => {
      paymentIds.cardA = await pay(s, 'card', 10_000);
      paymentIds.cardB = await pay(s, 'card', 25_000);
      paymentIds.achC = await pay(s, 'ach', 30_000);
      paymentIds.achR01 = await pay(s, 'ach', 12_000, R01);
      paymentIds.achLate = await pay(s, 'ach', 15_000, LATE_R10);
    });
    await onDay(1, async () => {
      paymentIds.cardE = await pay(s, 'card', 8_000);
      await refund(s, paymentIds.cardA!, 3_000);
    });
    await onDay(2, async () => {
      paymentIds.cardF = await pay(s, 'card', 4_567);
      paymentIds.achG = await pay(s, 'ach', 20_000);
    });
    await passDays(s, [4, 8, 14, 20]);

    const before = await accountSum(s.orgId, 'processor_clearing');
    expect(before).toBeGreaterThan(0n);
    await runSweep();

    const { deposits } = await listAll(owner);
    expect(deposits.length).toBeGreaterThanOrEqual(3);
    // Per processor, kind, currency and arrival day: one deposit each, on a bank day.
    const keys = deposits.map((d) => `${d.kind}:${d.currency}:${d.arrivalDate}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of deposits) {
      expect(isBusinessDay('US', d.arrivalDate), d.arrivalDate).toBe(true);
      expect(d.coversTo < d.arrivalDate).toBe(true);
      expect(isBusinessDay('US', d.coversTo), d.coversTo).toBe(true);
      expect(d.status).toBe('reconciled');
      expect(d.net).toBe(d.gross - d.fees);
    }
    expect(new Set(deposits.map((d) => d.kind))).toEqual(new Set(['card', 'ach']));

    // Every card payment's charge, its refund and its fees; the two ACH debits that settled; the returned one nowhere.
    const lines = (
      await Promise.all(
        deposits.map(async (d) => {
          const r = await owner({ method: 'GET', url: `/api/v1/console/deposits/${d.id}` });
          expect(r.statusCode, r.body).toBe(200);
          const detail = r.json();
          const sum = detail.lines.reduce(
            (t: { amount: number; fee: number }, l: { amount: number; fee: number }) => ({
              amount: t.amount + l.amount,
              fee: t.fee + l.fee,
            }),
            { amount: 0, fee: 0 },
          );
          expect(sum.amount).toBe(d.gross);
          expect(sum.fee).toBe(d.fees);
          // The journal entry: bank Dr net, fees Dr fees, clearing Cr gross.
          const accounts = Object.fromEntries(
            detail.journal.map((a: { account: string; amount: number }) => [a.account, a.amount]),
          );
          expect(accounts).toEqual({ bank: d.net, processor_clearing: -d.gross, processor_fees: d.fees });
          return detail.lines.map((l: { paymentId: string; type: string; amount: number }) => ({
            ...l,
            kind: d.kind,
          }));
        }),
      )
    ).flat();
    const linesOf = (id: string) =>
      lines.filter((l: { paymentId: string }) => l.paymentId === paymentIds[id]);
    expect(
      linesOf('cardA')
        .map((l: { type: string; amount: number }) => [l.type, l.amount])
        .sort(),
    ).toEqual([
      ['charge', 10_000],
      ['refund', -3_000],
    ]);
    for (const id of ['cardB', 'cardE', 'cardF', 'achC', 'achG'])
      expect(
        linesOf(id).map((l: { type: string }) => l.type),
        id,
      ).toEqual(['charge']);
    expect(linesOf('achR01')).toEqual([]);
    // Settled, deposited, then taken back by the bank: its return is a later ACH deposit's line.
    expect(
      linesOf('achLate')
        .map((l: { type: string; amount: number }) => [l.type, l.amount])
        .sort(),
    ).toEqual([
      ['charge', 15_000],
      ['return', -15_000],
    ]);
    expect(deposits.filter((d) => d.returns !== 0).map((d) => [d.kind, d.returns])).toEqual([
      ['ach', -15_000],
    ]);
    expect(
      lines.every(
        (l: { kind: string; paymentId: string }) =>
          (l.kind === 'ach') === [paymentIds.achC, paymentIds.achG, paymentIds.achLate].includes(l.paymentId),
      ),
    ).toBe(true);

    // Everything was deposited: the clearing account is back to zero, the bank holds the nets.
    expect(await accountSum(s.orgId, 'processor_clearing')).toBe(0n);
    const nets = deposits.reduce((t, d) => t + BigInt(d.net), 0n);
    expect(await accountSum(s.orgId, 'bank')).toBe(nets);
    expect(await s.problems()).toEqual([]);
  });

  test('a deposit’s report covers the business day before it arrived and the bankless days before that', () => {
    // Tuesday: Saturday to Monday. Monday after Thanksgiving (a Fed holiday): Thursday and Friday.
    expect(coveredDays('US', '2026-12-01')).toEqual({ from: '2026-11-28', to: '2026-11-30' });
    expect(coveredDays('US', '2026-11-30')).toEqual({ from: '2026-11-26', to: '2026-11-27' });
    expect(coveredDays('US', '2026-11-25')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });

  test('a second sync stores nothing twice and mails nothing more', async () => {
    const before = await listAll(owner);
    const mails = await db
      .selectFrom('mail_messages')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('template', '=', 'deposit_report')
      .execute();
    await runSweep();
    const again = await owner({ method: 'POST', url: '/api/v1/console/deposits/sync' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().created).toBe(0);
    const after = await listAll(owner);
    expect(after.total).toBe(before.total);
    const entries = await db
      .selectFrom('journal_entries')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('kind', '=', 'deposit.reconciled')
      .execute();
    expect(entries).toHaveLength(before.total);
    const mailsAfter = await db
      .selectFrom('mail_messages')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('template', '=', 'deposit_report')
      .execute();
    expect(mailsAfter).toHaveLength(mails.length);
  });

  test('each deposit mails its two reports once to each recipient, CSV and XLSX that readers parse', async () => {
    const { deposits } = await listAll(owner);
    const messages = await db
      .selectFrom('mail_messages')
      .select(['id', 'to_address', 'subject', 'text_body', 'locale', 'status'])
      .where('org_id', '=', s.orgId)
      .where('template', '=', 'deposit_report')
      .execute();
    expect(messages).toHaveLength(deposits.length * 2);
    const recipients = [...new Set(messages.map((m) => m.to_address))].sort();
    expect(recipients).toEqual(['ar@example.com', 'treasury@example.com']);
    for (const to of recipients)
      expect(messages.filter((m) => m.to_address === to)).toHaveLength(deposits.length);
    const attachments = await db
      .selectFrom('mail_attachments')
      .selectAll()
      .where(
        'message_id',
        'in',
        messages.map((m) => m.id),
      )
      .orderBy('message_id')
      .orderBy('position')
      .execute();
    expect(attachments).toHaveLength(messages.length * 4);
    const deposit = deposits.find((d) => d.kind === 'card')!;
    const message = messages.find((m) => m.subject.includes((deposit.net / 100).toFixed(2)))!;
    expect(message, JSON.stringify(messages.map((m) => m.subject))).toBeDefined();
    const files = attachments.filter((a) => a.message_id === message.id);
    expect(files.map((f) => f.filename.replace(/-\d{4}-\d{2}-\d{2}(_\d{4}-\d{2}-\d{2})?/, ''))).toEqual([
      'payments-initiated-card.csv',
      'payments-initiated-card.xlsx',
      'payments-deposited-card.csv',
      'payments-deposited-card.xlsx',
    ]);
    // The deposited report: its lines, and a total row that is the deposit's net.
    const csv = await parseCsv(files[2]!.content.toString('utf8'));
    expect(csv[0]).toEqual([
      'Deposit',
      'Arrival date',
      'Type',
      'Payment',
      'Customer',
      'Account number',
      'Currency',
      'Gross',
      'Fee',
      'Net',
    ]);
    const total = csv.at(-1)!;
    expect(total[0]).toBe('Total');
    expect(cents(total[9]!)).toBe(BigInt(deposit.net));
    const lineRows = csv.slice(1).filter((r) => r[0] === deposit.payoutId && r[2] !== 'Deposit total');
    expect(lineRows.reduce((t, r) => t + cents(r[9]!), 0n)).toBe(BigInt(deposit.net));
    const xlsx = await readXlsx(files[3]!.content);
    expect(xlsx[0]).toEqual(csv[0]);
    expect(Math.round(Number(xlsx.at(-1)![9]) * 100)).toBe(deposit.net);
    // Sent through the outbox, in the seller's language (English here).
    expect(message.locale).toBe('en');
    expect(message.text_body).toContain('payments-deposited-card');
  });

  test('the reports by days add up to the deposits', async () => {
    const { deposits } = await listAll(owner);
    for (const kind of ['card', 'ach'] as const) {
      const mine = deposits.filter((d) => d.kind === kind);
      const from = mine.map((d) => d.arrivalDate).sort()[0]!;
      const to = mine
        .map((d) => d.arrivalDate)
        .sort()
        .at(-1)!;
      const r = await owner({
        method: 'GET',
        url: `/api/v1/console/deposit-reports?file=payments-deposited.csv&kind=${kind}&from=${from}&to=${to}`,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      const rows = await parseCsv(r.body);
      const total = rows.at(-1)!;
      expect(cents(total[9]!)).toBe(mine.reduce((t, d) => t + BigInt(d.net), 0n));
      expect(cents(total[8]!)).toBe(mine.reduce((t, d) => t + BigInt(d.fees), 0n));
      const perDeposit = rows.filter((row) => row[2] === 'Deposit total');
      expect(perDeposit).toHaveLength(mine.length);
    }
    // Days backwards, or more than a year, are refused.
    for (const range of ['from=2026-12-02&to=2026-12-01', 'from=2025-01-01&to=2026-12-01']) {
      const r = await owner({
        method: 'GET',
        url: `/api/v1/console/deposit-reports?file=payments-deposited.csv&kind=card&${range}`,
      });
      expect(r.statusCode, range).toBe(400);
      expect(r.json().errors[0].field).toBe('to');
    }
    // Payments initiated: every online payment of the kind, by source, whatever became of it.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const ach = await owner({
      method: 'GET',
      url: `/api/v1/console/deposit-reports?file=payments-initiated.xlsx&kind=ach&from=${today}&to=${today}`,
    });
    expect(ach.statusCode).toBe(200);
    const rows = await readXlsx(ach.rawPayload);
    const body = rows.slice(1, -2);
    expect(body).toHaveLength(4);
    expect(body.map((r) => r[10]).sort()).toEqual(['Completed', 'Completed', 'Returned', 'Returned']);
    expect(body.every((r) => r[4] === 'Portal')).toBe(true);
    expect(rows.at(-1)![1]).toBe('Total');
    expect(Math.round(Number(rows.at(-1)![7]) * 100)).toBe(30_000 + 12_000 + 15_000 + 20_000);
  });

  test('downloads of one deposit; another seller’s deposit is 404', async () => {
    const { deposits } = await listAll(owner);
    const d = deposits[0]!;
    for (const file of ['payments-initiated.csv', 'payments-deposited.xlsx']) {
      const r = await owner({ method: 'GET', url: `/api/v1/console/deposits/${d.id}/reports/${file}` });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="payments-/);
    }
    const other = await onlineSeller({ app, db, config });
    const stranger = await staffOf(other);
    for (const url of [
      `/api/v1/console/deposits/${d.id}`,
      `/api/v1/console/deposits/${d.id}/reports/payments-deposited.csv`,
    ]) {
      const r = await stranger({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await listAll(stranger)).total).toBe(0);
    const filtered = await listAll(owner, '&kind=ach');
    expect(filtered.deposits.every((x) => x.kind === 'ach')).toBe(true);
    expect(filtered.total).toBe(deposits.filter((x) => x.kind === 'ach').length);
  });

  test('a bad recipient address is refused with a translated error, and the list stays as it was', async () => {
    const en = await owner({
      method: 'PUT',
      url: '/api/v1/console/deposit-recipients',
      payload: { emails: ['ok@example.com', 'a@b'] },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json().code).toBe('deposit_recipient_invalid');
    expect(en.json().detail).toMatch(/^“a@b” is not an e-mail address\. Nothing was changed\./);
    expect(en.json().errors).toEqual([expect.objectContaining({ field: 'emails/1', code: 'invalid' })]);
    // A person who reads Spanish reads it in Spanish.
    await db.updateTable('users').set({ locale: 'es' }).where('id', '=', s.seller.staff.admin.id).execute();
    const admin = as(app, await signInTo(app, s.seller.staff.admin.email, { kind: 'staff', orgId: s.orgId }));
    const es = await admin({
      method: 'PUT',
      url: '/api/v1/console/deposit-recipients',
      payload: { emails: ['not an address'] },
    });
    expect(es.statusCode).toBe(422);
    expect(es.json().detail).toMatch(/^«not an address» no es una dirección de correo\. No se cambió nada\./);
    const now = await owner({ method: 'GET', url: '/api/v1/console/deposit-recipients' });
    expect(now.json().emails).toEqual(['treasury@example.com', 'ar@example.com']);
    const viewer = await staffOf(s, 'viewer');
    const forbidden = await viewer({
      method: 'PUT',
      url: '/api/v1/console/deposit-recipients',
      payload: { emails: [] },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
