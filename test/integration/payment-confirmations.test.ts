import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import type { ErpExportChannel, ErpExportFormat } from '../../src/db/schema.ts';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { unapplyCredit } from '../../src/domain/credits/unapply-credit.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { ConfirmationDocument } from '../../src/domain/integration/sync/confirmation-document.ts';
import { exportPaymentConfirmations } from '../../src/domain/integration/sync/export-payment-confirmations.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { unapplyPayment } from '../../src/domain/payments/unapply-payment.ts';
import { renderPaymentConfirmations } from '../../src/formats/csv/payment-confirmations-csv.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * Payment confirmations out to the ERP, through the use case every channel calls: what goes out
 * (payments that took effect with their applications; later changes as their own lines; never a
 * payment that came from the ERP), and the claim: nothing twice, nothing skipped, with exports
 * racing each other and transactions committing out of order.
 */
// Room for held transactions, steps waiting on their locks and exports, all at once.
const handle = createDb(testDatabaseUrl(), { max: 12 });
afterAll(() => handle.close());
const { db } = handle;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The sellers' calendar day (they are in New York): a payment is never received after it. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

async function seller() {
  const org = await createOrg(db, { locale: 'en', default_currency: 'USD', time_zone: 'America/New_York' });
  const customer = await createCustomerAccount(db, org.id, { erp_id: `CUST-${randomUUID().slice(0, 6)}` });
  let n = 0;
  const invoice = async (amount: string) => {
    n++;
    const created = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: `INV-${n}-${randomUUID().slice(0, 4)}`,
        issueDate: today(),
        dueDate: today(),
        status: 'open',
        lines: [{ description: 'Goods', quantity: '1', unitPrice: amount }],
        actor: {},
      },
    );
    return created.id;
  };
  return { org, orgId: org.id, customer, invoice };
}

function exportNow(
  database: Database,
  orgId: string,
  options: { format?: ErpExportFormat; channel?: ErpExportChannel } = {},
) {
  return exportPaymentConfirmations(
    { db: database, render: renderPaymentConfirmations },
    { orgId, format: options.format ?? 'json', channel: options.channel ?? 'console', actor: {} },
  );
}

const changeKeys: Record<string, string> = {
  application: 'payment_application:applied',
  unapplication: 'payment_application:unapplied',
  refund: 'refund:refunded',
  refund_failed: 'refund:refund_failed',
  return: 'payment:returned',
  reversal: 'payment:reversed',
  credit_application: 'credit_application:applied',
  credit_unapplication: 'credit_application:unapplied',
};

/** Every change a document hands out, as `subject:change:id`. */
function keysOf(document: ConfirmationDocument): string[] {
  const keys: string[] = [];
  for (const p of document.payments) {
    keys.push(`payment:received:${p.paymentId}`);
    for (const a of p.applications) keys.push(`payment_application:applied:${a.applicationId}`);
  }
  for (const c of document.changes) keys.push(`${changeKeys[c.type]}:${c.id}`);
  return keys;
}

describe('what goes out', () => {
  test('a payment with its applications, then later changes as their own lines, each once', async () => {
    const s = await seller();
    const a = await s.invoice('100.00');
    const b = await s.invoice('50.00');
    const paid = await recordPayment(
      { db },
      {
        orgId: s.orgId,
        customerId: s.customer.id,
        amount: 12_000n,
        receivedOn: today(),
        method: 'check',
        reference: '=HYPERLINK("http://x")',
        allocations: [{ invoiceId: a, amount: 10_000n }],
        actor: {},
      },
    );
    await db
      .insertInto('erp_sync_settings')
      .values({ org_id: s.orgId, erp_account_check: 'BANCOS-01', marking: 'automatic' })
      .execute();

    const first = (await exportNow(db, s.orgId))!;
    expect(first.document.sequence).toBe(1);
    expect(first.document.payments).toHaveLength(1);
    const p = first.document.payments[0]!;
    expect(p).toMatchObject({
      paymentId: paid.id,
      amount: 12_000n,
      unapplied: 2_000n,
      method: 'check',
      erpAccount: 'BANCOS-01',
      customer: { erpId: s.customer.erp_id, accountNumber: s.customer.account_number },
    });
    expect(p.applications.map((x) => x.amount)).toEqual([10_000n]);
    expect(first.document.changes).toEqual([]);
    const json = JSON.parse(first.export.file.content.toString('utf8'));
    expect(json.payments[0].amount).toBe('120.00');
    expect(json.payments[0].unapplied).toBe('20.00');
    expect(json.cursor).toEqual({ exportId: first.export.id, sequence: 1, items: 2 });

    // Nothing new: no export, no number used.
    expect(await exportNow(db, s.orgId)).toBeNull();

    // The rest applied later, then one application undone, then the payment reversed.
    await applyPayment(
      { db },
      { orgId: s.orgId, paymentId: paid.id, allocations: [{ invoiceId: b, amount: 2_000n }], actor: {} },
    );
    const second = (await exportNow(db, s.orgId, { format: 'csv' }))!;
    expect(second.document.sequence).toBe(2);
    expect(second.document.payments).toEqual([]);
    expect(second.document.changes.map((c) => [c.type, c.amount])).toEqual([['application', 2_000n]]);

    const [applicationA] = await db
      .selectFrom('payment_applications')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('invoice_id', '=', a)
      .execute();
    await unapplyPayment(
      { db },
      { orgId: s.orgId, applicationId: applicationA!.id, reason: 'wrong invoice', actor: {} },
    );
    await reversePayment({ db }, { orgId: s.orgId, paymentId: paid.id, reason: 'bounced', actor: {} });
    const third = (await exportNow(db, s.orgId))!;
    expect(third.document.changes.map((c) => [c.type, c.amount])).toEqual([
      ['unapplication', 10_000n],
      ['unapplication', 2_000n],
      ['reversal', 12_000n],
    ]);
    expect(third.document.changes.at(-1)!.reason).toBe('bounced');

    // The CSV (automatic marking): codes, the reference neutralised, amounts exact.
    const csv = second.export.file.content.toString('utf8');
    expect(csv.startsWith('\uFEFFexport_sequence,line_type,')).toBe(true);
    expect(csv).toContain(',application,');
    expect(csv).toContain(',20.00,');
  });

  test('manual marking: the seller’s language, its CSV style, and what to do per line', async () => {
    const s = await seller();
    await db.updateTable('organizations').set({ locale: 'es' }).where('id', '=', s.orgId).execute();
    const a = await s.invoice('1234.56');
    await db
      .insertInto('erp_sync_settings')
      .values({
        org_id: s.orgId,
        marking: 'manual',
        csv_delimiter: ';',
        csv_decimal: ',',
        csv_dates: 'dmy',
        erp_account_bank_transfer: 'BANCO-MX',
      })
      .execute();
    await recordPayment(
      { db },
      {
        orgId: s.orgId,
        customerId: s.customer.id,
        amount: 123_456n,
        receivedOn: '2026-11-30',
        method: 'bank_transfer',
        allocations: [{ invoiceId: a, amount: 123_456n }],
        actor: {},
      },
    );
    const result = (await exportNow(db, s.orgId, { format: 'csv' }))!;
    const [header, row] = result.export.file.content.toString('utf8').replace('\uFEFF', '').split('\r\n');
    expect(header).toContain('Forma de cobro');
    expect(header!.endsWith('Qué hacer en el ERP')).toBe(true);
    const cells = row!.split(';');
    expect(cells).toContain('1234,56');
    expect(cells).toContain('30/11/2026');
    expect(cells).toContain('Transferencia');
    expect(cells.at(-1)).toMatch(
      /^Registrar el cobro .+ en BANCO-MX y aplicar 1234,56 USD a la factura INV-1-/,
    );
  });

  test('a payment recorded in the ERP is not sent back; a credit memo applied in Saldo is', async () => {
    const s = await seller();
    const a = await s.invoice('80.00');
    const fromErp = await recordPayment(
      { db },
      {
        orgId: s.orgId,
        customerId: s.customer.id,
        amount: 1_000n,
        receivedOn: today(),
        method: 'other',
        allocations: [{ invoiceId: a, amount: 1_000n }],
        actor: {},
      },
    );
    await db
      .updateTable('payments')
      .set({ source: 'erp', erp_id: 'ERP-PAY-1' })
      .where('id', '=', fromErp.id)
      .execute();
    const memo = await issueCreditMemo(
      { db },
      { orgId: s.orgId, customerId: s.customer.id, amount: 500n, issueDate: today(), actor: {} },
    );
    await applyCredit(
      { db },
      { orgId: s.orgId, creditMemoId: memo.id, allocations: [{ invoiceId: a, amount: 500n }], actor: {} },
    );
    const result = (await exportNow(db, s.orgId))!;
    expect(result.document.payments).toEqual([]);
    expect(result.document.changes.map((c) => [c.type, c.amount, c.creditMemo?.number])).toEqual([
      ['credit_application', 500n, memo.number],
    ]);
  });

  test('a credit memo from the ERP applied as it arrived stays the ERP’s; applied later in Saldo, it goes', async () => {
    const s = await seller();
    const a = await s.invoice('60.00');
    const b = await s.invoice('40.00');
    // As the import does: the memo created with its ERP id and applied to its invoice in one transaction.
    const memo = await db.transaction().execute((trx) =>
      issueCreditMemo(
        { db: trx },
        {
          orgId: s.orgId,
          customerId: s.customer.id,
          amount: 3_000n,
          issueDate: today(),
          erpId: 'NC-ERP-9',
          allocations: [{ invoiceId: a, amount: 1_000n }],
          actor: {},
        },
      ),
    );
    expect(await exportNow(db, s.orgId)).toBeNull();
    await applyCredit(
      { db },
      { orgId: s.orgId, creditMemoId: memo.id, allocations: [{ invoiceId: b, amount: 500n }], actor: {} },
    );
    const result = (await exportNow(db, s.orgId))!;
    expect(
      result.document.changes.map((c) => [c.type, c.amount, c.creditMemo?.erpId, c.invoice?.id]),
    ).toEqual([['credit_application', 500n, 'NC-ERP-9', b]]);
  });

  test('a change that commits after a later one was exported goes in the next export', async () => {
    const s = await seller();
    const a = await s.invoice('90.00');
    const first = await recordPayment(
      { db },
      {
        orgId: s.orgId,
        customerId: s.customer.id,
        amount: 700n,
        receivedOn: today(),
        method: 'cash',
        actor: {},
      },
    );
    expect((await exportNow(db, s.orgId))!.document.payments.map((p) => p.paymentId)).toEqual([first.id]);
    const { promise: held, resolve: release } = deferred<void>();
    const { promise: applied, resolve: markApplied } = deferred<string>();
    // The application's transaction starts first (lower id, earlier created_at) and commits last.
    const slow = db.transaction().execute(async (trx) => {
      await applyPayment(
        { db: trx },
        { orgId: s.orgId, paymentId: first.id, allocations: [{ invoiceId: a, amount: 700n }], actor: {} },
      );
      const row = await trx
        .selectFrom('payment_applications')
        .select('id')
        .where('payment_id', '=', first.id)
        .executeTakeFirstOrThrow();
      markApplied(row.id);
      await held;
    });
    const applicationId = await applied;
    const fast = await recordPayment(
      { db },
      {
        orgId: s.orgId,
        customerId: s.customer.id,
        amount: 300n,
        receivedOn: today(),
        method: 'cash',
        actor: {},
      },
    );
    expect(applicationId < fast.id).toBe(true);
    const second = (await exportNow(db, s.orgId))!;
    expect(keysOf(second.document)).toEqual([`payment:received:${fast.id}`]);
    release();
    await slow;
    const third = (await exportNow(db, s.orgId))!;
    expect(keysOf(third.document)).toEqual([`payment_application:applied:${applicationId}`]);
    expect(third.document.changes[0]).toMatchObject({ type: 'application', amount: 700n });
  });
});

describe('the claim, under random interleavings', () => {
  type Step =
    | { op: 'record'; amount: number; apply: boolean; slow: boolean }
    | { op: 'apply'; payment: number }
    | { op: 'unapply'; application: number }
    | { op: 'reverse'; payment: number }
    | { op: 'credit'; amount: number }
    | { op: 'unapplyCredit'; application: number }
    | { op: 'erpPayment'; amount: number }
    | { op: 'export'; channel: ErpExportChannel };

  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('record' as const),
        amount: fc.integer({ min: 1, max: 5_000 }),
        apply: fc.boolean(),
        slow: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('apply' as const), payment: fc.nat(20) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('unapply' as const), application: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), payment: fc.nat(20) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('credit' as const),
        amount: fc.integer({ min: 1, max: 3_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('unapplyCredit' as const), application: fc.nat(20) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('erpPayment' as const),
        amount: fc.integer({ min: 1, max: 900 }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('export' as const),
        channel: fc.constantFrom<ErpExportChannel>('schedule', 'console', 'cli', 'api'),
      }),
    },
  );

  test('the exports together hand out every change exactly once', async () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.info(`payment-confirmations property: FC_SEED=${seed}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 7 }),
        async (rounds) => {
          const s = await seller();
          const invoices = await Promise.all(Array.from({ length: 4 }, () => s.invoice('500.00')));
          const payments: string[] = [];
          const erpPayments: string[] = [];
          const handedOut: string[] = [];
          const take = (r: Awaited<ReturnType<typeof exportNow>>) => {
            if (r) handedOut.push(...keysOf(r.document));
          };
          // A refusal (a race lost, nothing left to apply) changes nothing: the rule under test is the claim.
          const tolerate = async (work: () => Promise<unknown>) => {
            try {
              await work();
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
            }
          };
          const applications = async (table: 'payment_applications' | 'credit_applications', i: number) => {
            const rows = await db
              .selectFrom(table)
              .select('id')
              .where('org_id', '=', s.orgId)
              .where('unapplied_at', 'is', null)
              .orderBy('id')
              .execute();
            return rows.length ? rows[i % rows.length]!.id : null;
          };
          const record = (database: Database, amount: number, apply: boolean) =>
            recordPayment(
              { db: database },
              {
                orgId: s.orgId,
                customerId: s.customer.id,
                amount: BigInt(amount),
                receivedOn: today(),
                method: 'check',
                allocations: apply ? 'auto' : [],
                actor: {},
              },
            );

          for (const round of rounds) {
            // Slow payments hold their transaction open until the round's other steps are done.
            const { promise: held, resolve: release } = deferred<void>();
            const slow = round
              .filter((x): x is Extract<Step, { op: 'record' }> => x.op === 'record' && x.slow)
              .map((x) =>
                db.transaction().execute(async (trx) => {
                  const p = await record(trx, x.amount, x.apply);
                  await held;
                  return p.id;
                }),
              );
            const steps = round.map(async (x) => {
              switch (x.op) {
                case 'record':
                  if (!x.slow) payments.push((await record(db, x.amount, x.apply)).id);
                  return;
                case 'apply':
                  if (payments.length)
                    await tolerate(() =>
                      applyPayment(
                        { db },
                        {
                          orgId: s.orgId,
                          paymentId: payments[x.payment % payments.length]!,
                          allocations: 'auto',
                          actor: {},
                        },
                      ),
                    );
                  return;
                case 'unapply': {
                  const id = await applications('payment_applications', x.application);
                  if (id)
                    await tolerate(() =>
                      unapplyPayment({ db }, { orgId: s.orgId, applicationId: id, reason: 'x', actor: {} }),
                    );
                  return;
                }
                case 'reverse':
                  if (payments.length)
                    await tolerate(() =>
                      reversePayment(
                        { db },
                        {
                          orgId: s.orgId,
                          paymentId: payments[x.payment % payments.length]!,
                          reason: 'x',
                          actor: {},
                        },
                      ),
                    );
                  return;
                case 'credit':
                  await tolerate(async () => {
                    const memo = await issueCreditMemo(
                      { db },
                      {
                        orgId: s.orgId,
                        customerId: s.customer.id,
                        amount: BigInt(x.amount),
                        issueDate: today(),
                        actor: {},
                      },
                    );
                    await applyCredit(
                      { db },
                      {
                        orgId: s.orgId,
                        creditMemoId: memo.id,
                        allocations: [{ invoiceId: invoices[x.amount % invoices.length]!, amount: 1n }],
                        actor: {},
                      },
                    );
                  });
                  return;
                case 'unapplyCredit': {
                  const id = await applications('credit_applications', x.application);
                  if (id)
                    await tolerate(() =>
                      unapplyCredit({ db }, { orgId: s.orgId, applicationId: id, actor: {} }),
                    );
                  return;
                }
                case 'erpPayment': {
                  // Born from the ERP: recorded and marked in one transaction, as an import does.
                  const id = await db.transaction().execute(async (trx) => {
                    const p = await record(trx, x.amount, false);
                    await trx
                      .updateTable('payments')
                      .set({ source: 'erp', erp_id: `E-${p.id}` })
                      .where('id', '=', p.id)
                      .execute();
                    return p.id;
                  });
                  erpPayments.push(id);
                  payments.push(id);
                  return;
                }
                case 'export':
                  take(
                    await exportNow(db, s.orgId, {
                      channel: x.channel,
                      format: x.channel === 'api' ? 'json' : 'csv',
                    }),
                  );
                  return;
              }
            });
            // Held transactions commit once the round's exports are done: after a later change went out.
            await Promise.all(steps.filter((_, i) => round[i]!.op === 'export'));
            release();
            await Promise.all(steps);
            payments.push(...(await Promise.all(slow)));
          }
          take(await exportNow(db, s.orgId));

          // The set of changes, from the documents themselves.
          const expected = new Set<string>();
          const ours = payments.filter((id) => !erpPayments.includes(id));
          for (const id of ours) expected.add(`payment:received:${id}`);
          const reversed = await db
            .selectFrom('payments')
            .select('id')
            .where('org_id', '=', s.orgId)
            .where('status', '=', 'reversed')
            .execute();
          for (const r of reversed) if (!erpPayments.includes(r.id)) expected.add(`payment:reversed:${r.id}`);
          const paymentApps = await db
            .selectFrom('payment_applications')
            .select(['id', 'payment_id', 'unapplied_at'])
            .where('org_id', '=', s.orgId)
            .execute();
          for (const a of paymentApps) {
            // What is done with the ERP's own payments is the ERP's: never sent back.
            if (erpPayments.includes(a.payment_id)) continue;
            expected.add(`payment_application:applied:${a.id}`);
            if (a.unapplied_at) expected.add(`payment_application:unapplied:${a.id}`);
          }
          const creditApps = await db
            .selectFrom('credit_applications')
            .select(['id', 'unapplied_at'])
            .where('org_id', '=', s.orgId)
            .execute();
          for (const a of creditApps) {
            expected.add(`credit_application:applied:${a.id}`);
            if (a.unapplied_at) expected.add(`credit_application:unapplied:${a.id}`);
          }

          // No duplicates, and nothing skipped.
          expect(handedOut.length).toBe(new Set(handedOut).size);
          expect(new Set(handedOut)).toEqual(expected);
          const { rows } = await sql<{ n: string }>`
          select count(*)::text as n from erp_confirmation_items where org_id = ${s.orgId}`.execute(db);
          expect(Number(rows[0]!.n)).toBe(expected.size);
          // Export numbers follow each other without gaps.
          const seqs = await db
            .selectFrom('erp_confirmation_exports')
            .select('seq')
            .where('org_id', '=', s.orgId)
            .orderBy('seq')
            .execute();
          expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
        },
      ),
      { numRuns: 25, seed },
    );
  }, 240_000);
});
