import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { AppError, type ErrorCode } from '../../src/domain/errors.ts';
import { createInvoice, type NewInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { postEntry } from '../../src/domain/ledger/post-entry.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { errorMessage } from '../../src/i18n/error-message.ts';
import { locales } from '../../src/i18n/index.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

/**
 * Every bad request is refused with its own code and a message a person can read in each
 * language, and changes nothing: no journal line, no payment, no application, no audit entry,
 * and every open and unapplied amount as it was.
 */
const { db } = useTestDb();

const org = await createOrg(db, { default_currency: 'USD' });
const customer = await createCustomerAccount(db, org.id);
const otherCustomer = await createCustomerAccount(db, org.id);
const eurCustomer = await createCustomerAccount(db, org.id, { currency: 'EUR' });

let invoiceNo = 0;
const invoice = async (unitPrice: string, overrides: Partial<NewInvoice> = {}) =>
  (
    await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: `BAD-${++invoiceNo}`,
        issueDate: '2025-01-10',
        lines: [{ description: 'Goods', quantity: '1', unitPrice }],
        ...overrides,
        actor: {},
      },
    )
  ).id;

// invoice A: 100.00 open, 30.00 paid → 70.00 open; invoice B: 50.00; a voided one; another customer's
const invoiceA = await invoice('100.00');
const invoiceB = await invoice('50.00');
const voided = await invoice('20.00');
await voidInvoice({ db }, { orgId: org.id, invoiceId: voided, reason: 'typo', actor: {} });
const othersInvoice = await invoice('10.00', { customerId: otherCustomer.id });
const eurInvoice = await invoice('15.00', { customerId: eurCustomer.id });
// the USD customer also owes in EUR, so money in EUR may be recorded for it (and must not reach its USD invoices)
await invoice('5.00', { currency: 'EUR' });
const payment = (
  await recordPayment(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      amount: 8000n,
      receivedOn: '2025-01-12',
      method: 'check',
      allocations: [{ invoiceId: invoiceA, amount: 3000n }],
      actor: {},
    },
  )
).id; // 50.00 unapplied
const eurPayment = (
  await recordPayment(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      currency: 'EUR',
      amount: 2000n,
      receivedOn: '2025-01-12',
      method: 'bank_transfer',
      actor: {},
    },
  )
).id;
const reversed = (
  await recordPayment(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      amount: 100n,
      receivedOn: '2025-01-12',
      method: 'cash',
      actor: {},
    },
  )
).id;
await reversePayment({ db }, { orgId: org.id, paymentId: reversed, reason: 'bounced', actor: {} });
const credit = (
  await issueCreditMemo(
    { db },
    { orgId: org.id, customerId: customer.id, amount: 9000n, issueDate: '2025-01-13', actor: {} },
  )
).id; // 90.00

/** Everything a refusal must leave alone. */
async function snapshot() {
  const { rows } = await sql<{ what: string }>`
    select 'journal_entries ' || count(*) as what from journal_entries where org_id = ${org.id}
    union all select 'journal_lines ' || count(*) || ' ' || coalesce(sum(abs(amount)), 0) from journal_lines where org_id = ${org.id}
    union all select 'payments ' || count(*) from payments where org_id = ${org.id}
    union all select 'payment_applications ' || count(*) || ' live ' || count(*) filter (where unapplied_at is null) from payment_applications where org_id = ${org.id}
    union all select 'credit_applications ' || count(*) || ' live ' || count(*) filter (where unapplied_at is null) from credit_applications where org_id = ${org.id}
    union all select 'credit_memos ' || count(*) from credit_memos where org_id = ${org.id}
    union all select 'invoices ' || count(*) from invoices where org_id = ${org.id}
    union all select 'audit_log ' || count(*) from audit_log where org_id = ${org.id}
    union all select 'document_sequences ' || kind || ' ' || next_value from document_sequences where org_id = ${org.id}
    union all (select 'invoice ' || number || ' ' || status || ' open ' || open_amount from invoices where org_id = ${org.id} order by number)
    union all (select 'payment ' || number || ' ' || status || ' unapplied ' || unapplied_amount from payments where org_id = ${org.id} order by number)
    union all (select 'credit ' || number || ' unapplied ' || unapplied_amount from credit_memos where org_id = ${org.id} order by number)`.execute(
    db,
  );
  return rows.map((r) => r.what);
}

/** Runs a bad request: it must be refused with `code` and leave the books exactly as they were. */
async function expectRefused(code: ErrorCode, attempt: () => Promise<unknown>): Promise<AppError> {
  const before = await snapshot();
  const error = await attempt().then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  for (const locale of locales) {
    const message = errorMessage(locale, appError);
    expect(message, `${locale} message for ${code}`).not.toBe(`error.${code}`);
    expect(message, `${locale} message for ${code}: ${message}`).not.toMatch(/\{\w+\}/);
  }
  expect(await snapshot()).toEqual(before);
  return appError;
}

test('the fixture is what the cases below assume', async () => {
  const open = await db
    .selectFrom('invoices')
    .select(['id', 'open_amount'])
    .where('org_id', '=', org.id)
    .execute();
  expect(new Map(open.map((r) => [r.id, r.open_amount])).get(invoiceA)).toBe(7000n);
  const p = await db
    .selectFrom('payments')
    .select('unapplied_amount')
    .where('org_id', '=', org.id)
    .where('id', '=', payment)
    .executeTakeFirstOrThrow();
  expect(p.unapplied_amount).toBe(5000n);
});

describe('refused, with a translated message, changing nothing', () => {
  test("applying more than the payment's unapplied amount", async () => {
    const error = await expectRefused('exceeds_unapplied', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: payment,
          allocations: [{ invoiceId: invoiceA, amount: 5001n }],
          actor: {},
        },
      ),
    );
    // the amount comes formatted in the caller's locale
    expect(errorMessage('es', error)).toMatch(/^Es más de lo que queda sin aplicar: 50,00\sUS\$\.$/);
    // split over two invoices, each fitting its own, together too much
    await expectRefused('exceeds_unapplied', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: payment,
          allocations: [
            { invoiceId: invoiceA, amount: 3000n },
            { invoiceId: invoiceB, amount: 2001n },
          ],
          actor: {},
        },
      ),
    );
    // the same invoice twice: the amounts add up
    await expectRefused('exceeds_unapplied', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: payment,
          allocations: [
            { invoiceId: invoiceB, amount: 2600n },
            { invoiceId: invoiceB, amount: 2600n },
          ],
          actor: {},
        },
      ),
    );
  });

  test("applying more than the invoice's open amount", async () => {
    // invoice A has 70.00 open; a new payment of 100.00 tries 70.01 on it
    const big = (
      await recordPayment(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          amount: 10000n,
          receivedOn: '2025-01-14',
          method: 'check',
          actor: {},
        },
      )
    ).id;
    const error = await expectRefused('exceeds_open_amount', () =>
      applyPayment(
        { db },
        { orgId: org.id, paymentId: big, allocations: [{ invoiceId: invoiceA, amount: 7001n }], actor: {} },
      ),
    );
    expect(error.params).toMatchObject({ number: 'BAD-1', available: { amount: 7000n, currency: 'USD' } });
    expect(errorMessage('en', error)).toBe('That is more than the $70.00 still open on invoice BAD-1.');
    // recording a payment that over-pays an invoice leaves no payment behind either
    await expectRefused('exceeds_open_amount', () =>
      recordPayment(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          amount: 20000n,
          receivedOn: '2025-01-14',
          method: 'check',
          allocations: [{ invoiceId: invoiceA, amount: 7001n }],
          actor: {},
        },
      ),
    );
  });

  test('a payment in another currency than the invoice', async () => {
    const error = await expectRefused('currency_mismatch', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: eurPayment,
          allocations: [{ invoiceId: invoiceA, amount: 100n }],
          actor: {},
        },
      ),
    );
    expect(error.params).toEqual({ number: 'BAD-1', invoiceCurrency: 'USD', currency: 'EUR' });
    expect(errorMessage('es', error)).toBe('La factura BAD-1 está en USD, no en EUR.');
    await expectRefused('currency_mismatch', () =>
      recordPayment(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          currency: 'EUR',
          amount: 500n,
          receivedOn: '2025-01-14',
          method: 'check',
          allocations: [{ invoiceId: invoiceB, amount: 500n }],
          actor: {},
        },
      ),
    );
    // an EUR customer's invoice is out of reach of this customer's USD money anyway
    await expectRefused('customer_mismatch', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: payment,
          allocations: [{ invoiceId: eurInvoice, amount: 100n }],
          actor: {},
        },
      ),
    );
  });

  test('a credit larger than what is open', async () => {
    await expectRefused('exceeds_open_amount', () =>
      applyCredit(
        { db },
        {
          orgId: org.id,
          creditMemoId: credit,
          allocations: [{ invoiceId: invoiceB, amount: 5001n }],
          actor: {},
        },
      ),
    );
    await expectRefused('exceeds_unapplied', () =>
      applyCredit(
        { db },
        {
          orgId: org.id,
          creditMemoId: credit,
          allocations: [{ invoiceId: invoiceA, amount: 9001n }],
          actor: {},
        },
      ),
    );
    await expectRefused('exceeds_open_amount', () =>
      issueCreditMemo(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          amount: 6000n,
          issueDate: '2025-01-15',
          allocations: [{ invoiceId: invoiceB, amount: 6000n }],
          actor: {},
        },
      ),
    );
  });

  test('a negative or zero amount', async () => {
    for (const amount of [0n, -1n, -5000n]) {
      await expectRefused('amount_not_positive', () =>
        recordPayment(
          { db },
          {
            orgId: org.id,
            customerId: customer.id,
            amount,
            receivedOn: '2025-01-14',
            method: 'check',
            actor: {},
          },
        ),
      );
      await expectRefused('amount_not_positive', () =>
        issueCreditMemo(
          { db },
          { orgId: org.id, customerId: customer.id, amount, issueDate: '2025-01-14', actor: {} },
        ),
      );
      await expectRefused('amount_not_positive', () =>
        applyPayment(
          { db },
          { orgId: org.id, paymentId: payment, allocations: [{ invoiceId: invoiceB, amount }], actor: {} },
        ),
      );
      await expectRefused('amount_not_positive', () =>
        applyCredit(
          { db },
          {
            orgId: org.id,
            creditMemoId: credit,
            allocations: [
              { invoiceId: invoiceB, amount: 100n },
              { invoiceId: invoiceA, amount },
            ],
            actor: {},
          },
        ),
      );
    }
    // an invoice that totals zero
    await expectRefused('amount_not_positive', () =>
      createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          number: 'ZERO-1',
          issueDate: '2025-01-10',
          lines: [{ description: 'Free sample', quantity: '3', unitPrice: '0' }],
          actor: {},
        },
      ),
    );
  });

  test('an idempotency key reused for another payment, a payment dated after today, a currency the customer does not deal in', async () => {
    const request = {
      orgId: org.id,
      customerId: customer.id,
      amount: 1000n,
      receivedOn: '2025-01-20',
      method: 'check' as const,
      reference: 'CHK-9',
      idempotencyKey: 'erp-receipt-9',
    };
    const first = await recordPayment({ db }, { ...request, actor: {} });
    expect(await recordPayment({ db }, { ...request, actor: {} })).toEqual({ ...first, replayed: true });
    for (const other of [
      { amount: 1001n },
      { reference: 'CHK-10' },
      { receivedOn: '2025-01-21' },
      { method: 'cash' as const },
      { allocations: 'auto' as const },
      { customerId: otherCustomer.id },
    ])
      await expectRefused('idempotency_key_reused', () =>
        recordPayment({ db }, { ...request, ...other, actor: {} }),
      );
    const future = await expectRefused('validation_failed', () =>
      recordPayment({ db }, { ...request, idempotencyKey: null, receivedOn: '2099-01-01', actor: {} }),
    );
    expect(future.fields).toEqual([
      {
        field: 'receivedOn',
        code: 'maximum',
        params: { limit: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      },
    ]);
    const currency = await expectRefused('validation_failed', () =>
      recordPayment({ db }, { ...request, idempotencyKey: null, currency: 'JPY', actor: {} }),
    );
    expect(currency.fields).toEqual([{ field: 'currency', code: 'enum', params: { values: 'USD, EUR' } }]);
  });

  test('an invoice whose computed total passes 10^15 minor units', async () => {
    const error = await expectRefused('validation_failed', () =>
      createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          number: 'HUGE-1',
          issueDate: '2025-01-10',
          lines: [{ description: 'x', quantity: '1000', unitPrice: '1000000000000' }],
          actor: {},
        },
      ),
    );
    expect(error.fields).toEqual([
      { field: 'lines.0.unitPrice', code: 'maximum', params: { limit: '1000000000000000' } },
    ]);
  });

  test('a due date before the issue date', async () => {
    const error = await expectRefused('due_before_issue', () =>
      createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          number: 'EARLY-1',
          issueDate: '2025-02-10',
          dueDate: '2025-02-09',
          lines: [{ description: 'x', quantity: '1', unitPrice: '5' }],
          actor: {},
        },
      ),
    );
    expect(errorMessage('es', error)).toBe(
      'La fecha de vencimiento (2025-02-09) no puede ser anterior a la de emisión (2025-02-10).',
    );
  });

  test('other wrong targets: another customer, a void invoice, a reversed payment, a reused number', async () => {
    await expectRefused('customer_mismatch', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: payment,
          allocations: [{ invoiceId: othersInvoice, amount: 100n }],
          actor: {},
        },
      ),
    );
    await expectRefused('invoice_not_open', () =>
      applyCredit(
        { db },
        {
          orgId: org.id,
          creditMemoId: credit,
          allocations: [{ invoiceId: voided, amount: 100n }],
          actor: {},
        },
      ),
    );
    await expectRefused('payment_reversed', () =>
      applyPayment(
        { db },
        {
          orgId: org.id,
          paymentId: reversed,
          allocations: [{ invoiceId: invoiceB, amount: 100n }],
          actor: {},
        },
      ),
    );
    await expectRefused('invoice_has_applications', () =>
      voidInvoice({ db }, { orgId: org.id, invoiceId: invoiceA, reason: 'no', actor: {} }),
    );
    await expectRefused('duplicate_number', () =>
      createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: customer.id,
          number: 'BAD-1',
          issueDate: '2025-01-10',
          lines: [{ description: 'x', quantity: '1', unitPrice: '5' }],
          actor: {},
        },
      ),
    );
  });
});

describe("the journal's own wall", () => {
  test('a direct insert of an unbalanced entry as the app role fails at commit (deferred trigger)', async () => {
    const before = await snapshot();
    let insertedInside = false;
    const entryId = newId();
    const attempt = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('journal_entries')
        .values({ org_id: org.id, id: entryId, currency: 'USD', kind: 'forged', created_by: null })
        .execute();
      await trx
        .insertInto('journal_lines')
        .values([
          {
            org_id: org.id,
            entry_id: entryId,
            line_no: 1,
            account: 'cash_clearing',
            customer_id: customer.id,
            amount: 100000n,
          },
          {
            org_id: org.id,
            entry_id: entryId,
            line_no: 2,
            account: 'unapplied_cash',
            customer_id: customer.id,
            amount: -99999n,
          },
        ])
        .execute();
      insertedInside = true; // the statement itself passed: the check waits for the commit
    });
    await expect(attempt).rejects.toMatchObject({
      code: '23514',
      message: expect.stringMatching(/does not balance \(off by 1\)/),
    });
    expect(insertedInside).toBe(true);
    expect(await snapshot()).toEqual(before);
    const forged = await db
      .selectFrom('journal_entries')
      .select('id')
      .where('org_id', '=', org.id)
      .where('id', '=', entryId)
      .execute();
    expect(forged).toEqual([]);
  });

  test('a balanced direct insert passes the trigger (it checks the sum, not the path)', async () => {
    const entryId = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('journal_entries')
        .values({ org_id: org.id, id: entryId, currency: 'USD', kind: 'test.balanced', created_by: null })
        .execute();
      await trx
        .insertInto('journal_lines')
        .values([
          {
            org_id: org.id,
            entry_id: entryId,
            line_no: 1,
            account: 'cash_clearing',
            customer_id: otherCustomer.id,
            amount: 1n,
          },
          {
            org_id: org.id,
            entry_id: entryId,
            line_no: 2,
            account: 'sales',
            customer_id: otherCustomer.id,
            amount: -1n,
          },
        ])
        .execute();
    });
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from journal_lines where org_id = ${org.id} and entry_id = ${entryId}`.execute(
      db,
    );
    expect(rows[0]!.n).toBe(2);
  });

  test('postEntry itself refuses an unbalanced entry before writing', async () => {
    const before = await snapshot();
    await expect(
      db.transaction().execute((trx) =>
        postEntry(trx, {
          orgId: org.id,
          currency: 'USD',
          kind: 'bad',
          createdBy: null,
          lines: [
            { account: 'accounts_receivable', customerId: customer.id, amount: 100n },
            { account: 'sales', customerId: customer.id, amount: -99n },
          ],
        }),
      ),
    ).rejects.toThrow(/unbalanced journal entry bad: nets to 1/);
    expect(await snapshot()).toEqual(before);
  });

  test('journal lines and entries can be neither updated nor deleted by the app role', async () => {
    const before = await snapshot();
    await expect(
      sql`update journal_lines set amount = amount + 1 where org_id = ${org.id}`.execute(db),
    ).rejects.toThrow(/permission denied/);
    await expect(sql`delete from journal_lines where org_id = ${org.id}`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      sql`update journal_entries set kind = 'forged' where org_id = ${org.id}`.execute(db),
    ).rejects.toThrow(/permission denied/);
    await expect(sql`delete from journal_entries where org_id = ${org.id}`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql`truncate journal_lines`.execute(db)).rejects.toThrow(/permission denied|must be owner/);
    expect(await snapshot()).toEqual(before);
  });
});
