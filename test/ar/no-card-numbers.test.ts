import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { refundPayment } from '../../src/domain/payments/refund-payment.ts';
import { luhn, luhnRuns, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Card and bank numbers never reach Saldo's database, logs or mail (issue 8): the payer types
 * them into the sandbox processor's own page, which keeps a token, brand and last four. After
 * paying with every sandbox test card and test bank account (some saved for next time, one
 * refunded, the debits settled or returned by the sandbox's clock, a form sent back with an
 * error, which must not repeat the number), every text, JSON and text-array column of every table is scanned for Luhn-valid runs of
 * 13–19 digits (spaces and dashes between digits ignored) and for the bank account numbers used;
 * so are the captured mail and every line of the request log (without pino's `time`, epoch
 * milliseconds that are often Luhn-valid).
 */
const ctx = await useOnlinePaymentsApp({ captureLog: true });
const { app, db, config, gateways, logLines } = ctx;
const s = await onlineSeller(ctx);

const cards = [
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '4000000000000002',
  '4000000000009995',
  '4000000000000069',
  '4000000000000127',
  '4000002760003184',
  '4000000000000119',
];
const bankAccounts = [
  '000123456789',
  '000111111116',
  '000111111113',
  '000222222227',
  '000333333335',
  '000444444440',
];

describe('no card or bank numbers stored, logged or mailed', () => {
  test('the scan itself finds a card number written with spaces or dashes, and not a Luhn-invalid one', () => {
    expect(cards.every(luhn)).toBe(true);
    expect(luhnRuns('paid with 4242 4242 4242 4242.')).toEqual(['4242424242424242']);
    expect(luhnRuns('card=3782-822463-10005')).toEqual(['378282246310005']);
    expect(luhnRuns('4242424242424241 and 2026-12-01 and 1234')).toEqual([]);
    // An id whose hex groups happen to be digits is an id, not a card number.
    expect(luhnRuns('01a24c8c-1234-7796-7172-19485abcdef0')).toEqual([]);
    expect(luhnRuns('ref 01a24c8c-1234-7796-7172-19485abcdef0 card 4242-4242-4242-4242')).toEqual([
      '4242424242424242',
    ]);
  });

  test('after paying with every test card and bank account, nothing anywhere holds one', async () => {
    for (const [i, number] of cards.entries()) {
      const inv = await s.invoice('12.34');
      const spaced = i % 2 === 0 ? number : number.replace(/(\d{4})/g, '$1 ').trim();
      const r = await s.pay({
        kind: 'card',
        methodToken: await s.card(spaced, number.startsWith('37') ? '1234' : '123'),
        saveMethod: i % 3 === 0,
        allocations: [{ invoiceId: inv, amount: 1_234 }],
      });
      expect(r.statusCode, r.body).toBe(201);
      if (number === '4242424242424242') {
        const refunded = await refundPayment(
          { db, gateways },
          {
            orgId: s.orgId,
            paymentId: r.json().id,
            amount: 234n,
            reason: 'partial',
            idempotencyKey: randomUUID(),
            actor: {},
          },
        );
        expect(refunded.status).toBe('succeeded');
      }
    }
    for (const [i, account] of bankAccounts.entries()) {
      const inv = await s.invoice('56.78');
      const r = await s.pay({
        kind: 'ach',
        methodToken: await s.bank(account),
        saveMethod: i % 2 === 0,
        achAuthorizationAccepted: true,
        allocations: [{ invoiceId: inv, amount: 5_678 }],
      });
      expect(r.json().status, r.body).toBe('pending');
    }
    // A form sent back with an error shows the payer what it typed, except the number.
    const entry = await s.payer({
      method: 'POST',
      url: '/api/v1/portal/payment-methods/entry',
      payload: { kind: 'card', returnPath: '/portal/pay?invoices=x' },
    });
    const page = new URL(entry.json().url).pathname;
    const refused = await app.inject({
      method: 'POST',
      url: page,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
      payload: new URLSearchParams({
        number: '4242424242424242',
        expiry: '13/99',
        cvc: '123',
        name: 'Ana Pagos',
        postalCode: '12345',
      }).toString(),
    });
    expect(refused.statusCode).not.toBe(303);
    // The page lists the test numbers as help; the refused form repeats none of what was typed.
    const fresh = await app.inject({ method: 'GET', url: page });
    const count = (html: string) => html.split('4242424242424242').length;
    expect(count(refused.body)).toBe(count(fresh.body));
    expect(refused.body).not.toMatch(/value="[\d -]{13,}"/);
    await s.advance(5);
    const saved = await db
      .selectFrom('payment_methods')
      .select(['last4'])
      .where('org_id', '=', s.orgId)
      .execute();
    expect(saved.length).toBeGreaterThanOrEqual(3);
    const statuses = await db.selectFrom('payments').select('status').where('org_id', '=', s.orgId).execute();
    expect(new Set(statuses.map((p) => p.status))).toEqual(
      new Set(['completed', 'failed', 'requires_action', 'returned']),
    );

    // Every text-like column of every table, as text.
    const { rows: columns } = await sql<{ schema: string; table: string; column: string }>`
      select c.table_schema as schema, c.table_name as table, c.column_name as column
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE'
         and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
              or c.udt_name in ('_text', '_varchar', '_jsonb'))
       order by 1, 2, 3`.execute(db);
    const tables = new Set(columns.filter((c) => c.schema === 'public').map((c) => c.table));
    for (const table of [
      'payments',
      'payment_methods',
      'payment_timeline',
      'processor_events',
      'audit_log',
      'mail_messages',
    ])
      if (table !== 'audit_log' || tables.has(table)) expect(tables, table).toContain(table);
    expect([...tables].some((t) => t.startsWith('sandbox_'))).toBe(true);
    const findings: string[] = [];
    let values = 0;
    for (const c of columns) {
      const { rows } = await sql<{ v: string }>`
        select ${sql.ref(`${c.schema}.${c.table}.${c.column}`)}::text as v from ${sql.table(`${c.schema}.${c.table}`)}
         where ${sql.ref(`${c.schema}.${c.table}.${c.column}`)} is not null`.execute(db);
      for (const { v } of rows) {
        values++;
        for (const run of luhnRuns(v)) findings.push(`${c.schema}.${c.table}.${c.column}: ${run}`);
        for (const account of bankAccounts)
          if (v.includes(account))
            findings.push(`${c.schema}.${c.table}.${c.column}: bank account ${account}`);
      }
    }
    expect(values).toBeGreaterThan(100);
    expect(findings).toEqual([]);

    const mail = await db.selectFrom('mail_messages').selectAll().execute();
    for (const m of mail) {
      const text = JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
      expect(luhnRuns(text.replace(/"created_at":"[^"]*"/g, ''))).toEqual([]);
      for (const account of bankAccounts) expect(text).not.toContain(account);
    }

    // The request log: one line per request, all of them (entry pages, payments, webhooks).
    expect(logLines.length).toBeGreaterThan(50);
    expect(logLines.some((l) => l.includes('/sandbox/entry/'))).toBe(true);
    expect(logLines.some((l) => l.includes('/api/v1/webhooks/sandbox/'))).toBe(true);
    for (const line of logLines) {
      const { time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const text = JSON.stringify(rest);
      expect(luhnRuns(text), text).toEqual([]);
      for (const account of bankAccounts) expect(text).not.toContain(account);
    }
  });
});
