import { describe, expect, test } from 'vitest';
import { reverseApplication } from '../../src/domain/applications/apply-to-invoices.ts';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { getCreditMemo } from '../../src/domain/credits/get-credit-memo.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { unapplyCredit } from '../../src/domain/credits/unapply-credit.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { formatMoney } from '../../src/domain/money/money.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { getPayment } from '../../src/domain/payments/get-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { unapplyPayment } from '../../src/domain/payments/unapply-payment.ts';
import { errorWords } from '../../src/i18n/error-message.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * Applying payments and credits to invoices (applications/apply-to-invoices.ts) through the use
 * cases that call it: which invoices oldest-first picks and how much it takes from each, what a
 * pending amount holds back, the refusals with what they tell the person, and the journal entries
 * an application and its undoing leave (the ledger is the record an auditor reads).
 */
const { db } = useTestDb();

async function seller(currency = 'USD') {
  const org = await createOrg(db, { default_currency: currency, locale: 'en' });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id, 'ar_agent');
  const customer = await createCustomerAccount(db, org.id);
  const actor: Actor = { userId: user.id };
  let n = 0;
  const invoice = async (
    price: string,
    dates: { issue: string; due: string },
    options: { number?: string; customerId?: string; currency?: string; status?: 'draft' | 'open' } = {},
  ) => {
    n += 1;
    const number = options.number ?? `INV-${String(n).padStart(3, '0')}`;
    const { id } = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: options.customerId ?? customer.id,
        number,
        issueDate: dates.issue,
        dueDate: dates.due,
        ...(options.currency ? { currency: options.currency } : {}),
        ...(options.status ? { status: options.status } : {}),
        lines: [{ description: 'Goods', quantity: '1', unitPrice: price }],
        actor: actor,
      },
    );
    return { id, number };
  };
  const open = async (id: string) => {
    const row = await db
      .selectFrom('invoices')
      .select(['open_amount', 'payment_status'])
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.open_amount;
  };
  const setPending = (id: string, amount: bigint) =>
    db
      .updateTable('invoices')
      .set({ pending_amount: amount })
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .execute();
  const pay = (amount: bigint, allocations?: 'auto' | { invoiceId: string; amount: bigint }[]) =>
    recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount,
        receivedOn: '2025-01-01',
        method: 'check',
        ...(allocations ? { allocations } : {}),
        actor: actor,
      },
    );
  /** Every journal entry of the org after `since` entries: kind, and its lines as account amount. */
  const journal = async () => {
    const rows = await db
      .selectFrom('journal_entries as e')
      .innerJoin('journal_lines as l', (join) =>
        join.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.id'),
      )
      .select([
        'e.id',
        'e.kind',
        'e.memo',
        'e.reverses_entry_id',
        'e.created_at',
        'l.line_no',
        'l.account',
        'l.amount',
        'l.payment_id',
        'l.credit_memo_id',
        'l.invoice_id',
      ])
      .where('e.org_id', '=', org.id)
      .orderBy('e.created_at')
      .orderBy('e.id')
      .orderBy('l.line_no')
      .execute();
    const entries = new Map<
      string,
      {
        kind: string;
        memo: string | null;
        reverses: string | null;
        lines: string[];
        refs: { invoice: string | null; payment: string | null; credit: string | null }[];
      }
    >();
    for (const r of rows) {
      const entry = entries.get(r.id) ?? {
        kind: r.kind,
        memo: r.memo,
        reverses: r.reverses_entry_id,
        lines: [],
        refs: [],
      };
      entry.lines.push(`${r.account} ${r.amount}`);
      entry.refs.push({ invoice: r.invoice_id, payment: r.payment_id, credit: r.credit_memo_id });
      entries.set(r.id, entry);
    }
    return [...entries.entries()].map(([id, e]) => ({ id, ...e }));
  };
  return { org, customer, actor, invoice, open, setPending, pay, journal };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('oldest due first', () => {
  test('fills invoices by due date, then issue date, then number, taking what each can take', async () => {
    const s = await seller();
    // created in an order unlike the one they must be paid in
    const late = await s.invoice('40', { issue: '2025-01-01', due: '2025-03-01' }, { number: 'A-9' });
    const tieB = await s.invoice('10', { issue: '2025-01-05', due: '2025-02-01' }, { number: 'B-2' });
    const tieA = await s.invoice('10', { issue: '2025-01-05', due: '2025-02-01' }, { number: 'B-1' });
    const earlyIssue = await s.invoice('10', { issue: '2025-01-02', due: '2025-02-01' }, { number: 'C-1' });
    const first = await s.invoice('10', { issue: '2025-01-01', due: '2025-01-15' }, { number: 'Z-1' });
    const { applied } = await s.pay(4500n, 'auto'); // 45.00: four whole invoices and 5.00 of the last
    expect(applied).toBe(4500n);
    expect(await s.open(first.id)).toBe(0n);
    expect(await s.open(earlyIssue.id)).toBe(0n);
    expect(await s.open(tieA.id)).toBe(0n);
    expect(await s.open(tieB.id)).toBe(0n);
    expect(await s.open(late.id)).toBe(3500n);
  });

  test('a pending amount is held back: partly pending invoices give what is not pending, wholly pending ones are skipped', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const b = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-20' });
    const c = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-30' });
    await s.setPending(a.id, 10000n); // all of it in flight
    await s.setPending(b.id, 3000n); // 30.00 in flight
    const { id, applied } = await s.pay(15000n, 'auto');
    expect(applied).toBe(15000n);
    expect(await s.open(a.id)).toBe(10000n);
    expect(await s.open(b.id)).toBe(3000n); // 70.00 taken
    expect(await s.open(c.id)).toBe(2000n); // the other 80.00
    const payment = await getPayment({ db }, { orgId: s.org.id, paymentId: id });
    expect(payment!.applications.map((x) => [x.invoiceNumber, x.amount])).toEqual(
      expect.arrayContaining([
        [b.number, 7000n],
        [c.number, 8000n],
      ]),
    );
    expect(payment!.applications).toHaveLength(2);
  });

  test('more cash than is owed applies what is owed and keeps the rest unapplied; nothing owed applies nothing', async () => {
    const s = await seller();
    const a = await s.invoice('10', { issue: '2025-01-01', due: '2025-01-10' });
    const other = await createCustomerAccount(db, s.org.id);
    await s.invoice('10', { issue: '2025-01-01', due: '2025-01-01' }, { customerId: other.id });
    await s.invoice('10', { issue: '2025-01-01', due: '2025-01-01' }, { currency: 'EUR' });
    await s.invoice('10', { issue: '2025-01-01', due: '2025-01-01' }, { status: 'draft' });
    const { id, applied } = await s.pay(2500n, 'auto');
    expect(applied).toBe(1000n);
    expect(await s.open(a.id)).toBe(0n);
    expect((await getPayment({ db }, { orgId: s.org.id, paymentId: id }))!.unappliedAmount).toBe(1500n);
    const again = await applyPayment(
      { db },
      { orgId: s.org.id, paymentId: id, allocations: 'auto', actor: s.actor },
    );
    expect(again).toEqual({ applied: 0n });
  });
});

describe('applying as chosen', () => {
  test('amounts for the same invoice add up; each invoice gets one application and one journal entry', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const b = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const { id } = await s.pay(10000n);
    const before = (await s.journal()).length;
    const result = await applyPayment(
      { db },
      {
        orgId: s.org.id,
        paymentId: id,
        allocations: [
          { invoiceId: a.id, amount: 1000n },
          { invoiceId: b.id, amount: 500n },
          { invoiceId: a.id, amount: 2000n },
        ],
        actor: s.actor,
      },
    );
    expect(result).toEqual({ applied: 3500n });
    expect(await s.open(a.id)).toBe(7000n);
    expect(await s.open(b.id)).toBe(9500n);
    const payment = await getPayment({ db }, { orgId: s.org.id, paymentId: id });
    expect(payment!.unappliedAmount).toBe(6500n);
    expect(payment!.applications.map((x) => [x.invoiceNumber, x.amount]).sort()).toEqual(
      [
        [a.number, 3000n],
        [b.number, 500n],
      ].sort(),
    );
    const entries = (await s.journal()).slice(before);
    expect(entries.map((e) => e.kind)).toEqual(['payment.applied', 'payment.applied']);
    // both lines of an application name the invoice and the payment (and no credit memo)
    for (const e of entries)
      for (const ref of e.refs)
        expect(ref).toEqual({ invoice: expect.any(String), payment: id, credit: null });
    expect(entries.map((e) => e.lines).sort()).toEqual(
      [
        ['unapplied_cash 3000', 'accounts_receivable -3000'],
        ['unapplied_cash 500', 'accounts_receivable -500'],
      ].sort(),
    );
  });

  test('a pending amount cannot be applied to; the refusal names the invoice and what can be', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    await s.setPending(a.id, 4000n);
    const { id } = await s.pay(10000n);
    const error = await refusal(
      applyPayment(
        { db },
        { orgId: s.org.id, paymentId: id, allocations: [{ invoiceId: a.id, amount: 6001n }], actor: s.actor },
      ),
    );
    expect(error.code).toBe('exceeds_open_amount');
    expect(error.params).toEqual({ number: a.number, available: { amount: 6000n, currency: 'USD' } });
    expect(errorWords('en', error.code, error.params)).toEqual({ number: a.number, available: '$60.00' });
    expect(
      await applyPayment(
        { db },
        { orgId: s.org.id, paymentId: id, allocations: [{ invoiceId: a.id, amount: 6000n }], actor: s.actor },
      ),
    ).toEqual({ applied: 6000n });
    expect(await s.open(a.id)).toBe(4000n);
  });

  test('refusals say why, in the person’s language, and write nothing', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const eur = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' }, { currency: 'EUR' });
    const draft = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' }, { status: 'draft' });
    const voided = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    await voidInvoice({ db }, { orgId: s.org.id, invoiceId: voided.id, reason: 'duplicate', actor: s.actor });
    const other = await createCustomerAccount(db, s.org.id);
    const theirs = await s.invoice(
      '100',
      { issue: '2025-01-01', due: '2025-01-10' },
      { customerId: other.id },
    );
    const { id } = await s.pay(5000n);
    const entries = (await s.journal()).length;
    const apply = (allocations: { invoiceId: string; amount: bigint }[]) =>
      refusal(applyPayment({ db }, { orgId: s.org.id, paymentId: id, allocations, actor: s.actor }));

    expect((await apply([{ invoiceId: a.id, amount: 0n }])).code).toBe('amount_not_positive');
    expect(
      (
        await apply([
          { invoiceId: a.id, amount: 10n },
          { invoiceId: a.id, amount: -1n },
        ])
      ).code,
    ).toBe('amount_not_positive');
    const over = await apply([
      { invoiceId: a.id, amount: 3000n },
      { invoiceId: a.id, amount: 2001n },
    ]);
    expect(over.code).toBe('exceeds_unapplied');
    // raw values in the domain; the edge formats them in the reader's language
    expect(over.params).toEqual({ available: { amount: 5000n, currency: 'USD' } });
    expect(errorWords('en', over.code, over.params)).toEqual({ available: '$50.00' });
    const { available } = (await apply([{ invoiceId: a.id, amount: 5001n }])).params as {
      available: { amount: bigint; currency: string };
    };
    expect(formatMoney(available.amount, available.currency, 'es-MX')).toMatch(/^USD\s50\.00$/);
    expect(await apply([{ invoiceId: theirs.id, amount: 1n }])).toMatchObject({
      code: 'customer_mismatch',
      params: { number: theirs.number },
    });
    expect(await apply([{ invoiceId: eur.id, amount: 1n }])).toMatchObject({
      code: 'currency_mismatch',
      params: { number: eur.number, invoiceCurrency: 'EUR', currency: 'USD' },
    });
    expect(await apply([{ invoiceId: draft.id, amount: 1n }])).toMatchObject({
      code: 'invoice_not_open',
      params: { number: draft.number, status: 'draft' },
    });
    expect(await apply([{ invoiceId: voided.id, amount: 1n }])).toMatchObject({
      code: 'invoice_not_open',
      params: { number: voided.number, status: 'void' },
    });
    const tooMuch = await apply([
      { invoiceId: a.id, amount: 1n },
      { invoiceId: theirs.id, amount: 1n },
    ]);
    expect(tooMuch.code).toBe('customer_mismatch');
    expect((await apply([{ invoiceId: '01900000-0000-7000-8000-000000000000', amount: 1n }])).code).toBe(
      'not_found',
    );
    // nothing was written by any of them
    expect((await s.journal()).length).toBe(entries);
    expect(await s.open(a.id)).toBe(10000n);
    expect((await getPayment({ db }, { orgId: s.org.id, paymentId: id }))!.unappliedAmount).toBe(5000n);
  });

  test('invoices are checked in one order whatever the order asked: the first refusal by invoice id is the one given', async () => {
    const s = await seller();
    const eur = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' }, { currency: 'EUR' });
    const other = await createCustomerAccount(db, s.org.id);
    const theirs = await s.invoice(
      '100',
      { issue: '2025-01-01', due: '2025-01-10' },
      { customerId: other.id },
    );
    expect(eur.id < theirs.id).toBe(true); // ids are time-ordered (UUIDv7)
    const { id } = await s.pay(5000n);
    for (const allocations of [
      [
        { invoiceId: theirs.id, amount: 1n },
        { invoiceId: eur.id, amount: 1n },
      ],
      [
        { invoiceId: eur.id, amount: 1n },
        { invoiceId: theirs.id, amount: 1n },
      ],
    ])
      expect(
        (await refusal(applyPayment({ db }, { orgId: s.org.id, paymentId: id, allocations, actor: s.actor })))
          .code,
      ).toBe('currency_mismatch');
  });

  test('an empty allocation list applies nothing and writes nothing', async () => {
    const s = await seller();
    await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const { id } = await s.pay(5000n);
    const entries = (await s.journal()).length;
    expect(
      await applyPayment({ db }, { orgId: s.org.id, paymentId: id, allocations: [], actor: s.actor }),
    ).toEqual({
      applied: 0n,
    });
    expect((await s.journal()).length).toBe(entries);
  });
});

describe('credits', () => {
  test('a credit applies from customer credits, and its undoing is a credit.unapplied entry that mirrors it', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const { id: memoId } = await issueCreditMemo(
      { db },
      { orgId: s.org.id, customerId: s.customer.id, amount: 3000n, issueDate: '2025-01-02', actor: s.actor },
    );
    const before = (await s.journal()).length;
    expect(
      await applyCredit(
        { db },
        {
          orgId: s.org.id,
          creditMemoId: memoId,
          allocations: [{ invoiceId: a.id, amount: 2500n }],
          actor: s.actor,
        },
      ),
    ).toEqual({ applied: 2500n });
    expect(await s.open(a.id)).toBe(7500n);
    let memo = await getCreditMemo({ db }, { orgId: s.org.id, creditMemoId: memoId });
    expect(memo!.unappliedAmount).toBe(500n);
    const [application] = memo!.applications;
    await unapplyCredit(
      { db },
      {
        orgId: s.org.id,
        applicationId: application!.id,
        reason: 'applied to the wrong invoice',
        actor: s.actor,
      },
    );
    memo = await getCreditMemo({ db }, { orgId: s.org.id, creditMemoId: memoId });
    expect(memo!.unappliedAmount).toBe(3000n);
    expect(memo!.applications[0]).toMatchObject({ unapplyReason: 'applied to the wrong invoice' });
    expect(memo!.applications[0]!.unappliedAt).toBeInstanceOf(Date);
    expect(await s.open(a.id)).toBe(10000n);
    const entries = (await s.journal()).slice(before);
    expect(entries.map(({ kind, memo: m, lines }) => ({ kind, memo: m, lines }))).toEqual([
      { kind: 'credit.applied', memo: null, lines: ['customer_credits 2500', 'accounts_receivable -2500'] },
      {
        kind: 'credit.unapplied',
        memo: 'applied to the wrong invoice',
        lines: ['customer_credits -2500', 'accounts_receivable 2500'],
      },
    ]);
    expect(entries[1]!.reverses).toBe(entries[0]!.id);
    // both lines of a credit application (and of its undoing) name the invoice and the memo
    for (const e of entries)
      for (const ref of e.refs) expect(ref).toEqual({ invoice: a.id, payment: null, credit: memoId });
    // undone once: a second undoing is refused and changes nothing
    expect(
      (
        await refusal(
          unapplyCredit({ db }, { orgId: s.org.id, applicationId: application!.id, actor: s.actor }),
        )
      ).code,
    ).toBe('application_already_reversed');
    expect((await s.journal()).length).toBe(before + 2);
    expect((await getCreditMemo({ db }, { orgId: s.org.id, creditMemoId: memoId }))!.unappliedAmount).toBe(
      3000n,
    );
  });

  test('a credit cannot pay more than it has left, nor an invoice more than it owes', async () => {
    const s = await seller();
    const a = await s.invoice('10', { issue: '2025-01-01', due: '2025-01-10' });
    const b = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const { id: memoId } = await issueCreditMemo(
      { db },
      { orgId: s.org.id, customerId: s.customer.id, amount: 3000n, issueDate: '2025-01-02', actor: s.actor },
    );
    const apply = (allocations: { invoiceId: string; amount: bigint }[]) =>
      applyCredit({ db }, { orgId: s.org.id, creditMemoId: memoId, allocations, actor: s.actor });
    expect(await refusal(apply([{ invoiceId: b.id, amount: 3001n }]))).toMatchObject({
      code: 'exceeds_unapplied',
      params: { available: { amount: 3000n, currency: 'USD' } },
    });
    expect(await refusal(apply([{ invoiceId: a.id, amount: 1001n }]))).toMatchObject({
      code: 'exceeds_open_amount',
      params: { number: a.number, available: { amount: 1000n, currency: 'USD' } },
    });
    expect(
      await apply([
        { invoiceId: a.id, amount: 1000n },
        { invoiceId: b.id, amount: 2000n },
      ]),
    ).toEqual({
      applied: 3000n,
    });
    expect(await refusal(apply([{ invoiceId: b.id, amount: 1n }]))).toMatchObject({
      code: 'exceeds_unapplied',
      params: { available: { amount: 0n, currency: 'USD' } },
    });
  });
});

describe('undoing a payment application', () => {
  test('payment.unapplied mirrors payment.applied, keeps the reason and who, and restores both sides', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const { id } = await s.pay(4000n, [{ invoiceId: a.id, amount: 4000n }]);
    const before = (await s.journal()).length;
    const [application] = (await getPayment({ db }, { orgId: s.org.id, paymentId: id }))!.applications;
    await unapplyPayment(
      { db },
      { orgId: s.org.id, applicationId: application!.id, reason: 'customer asked', actor: s.actor },
    );
    const payment = await getPayment({ db }, { orgId: s.org.id, paymentId: id });
    expect(payment!.unappliedAmount).toBe(4000n);
    expect(payment!.applications[0]).toMatchObject({ unapplyReason: 'customer asked' });
    expect(await s.open(a.id)).toBe(10000n);
    const row = await db
      .selectFrom('payment_applications')
      .select(['unapplied_by', 'unapply_reason', 'reversal_entry_id'])
      .where('org_id', '=', s.org.id)
      .where('id', '=', application!.id)
      .executeTakeFirstOrThrow();
    const [entry] = (await s.journal()).slice(before);
    expect(row).toEqual({
      unapplied_by: s.actor.userId,
      unapply_reason: 'customer asked',
      reversal_entry_id: entry!.id,
    });
    expect(entry).toMatchObject({
      kind: 'payment.unapplied',
      memo: 'customer asked',
      lines: ['unapplied_cash -4000', 'accounts_receivable 4000'],
    });
    expect(
      (
        await refusal(
          unapplyPayment(
            { db },
            { orgId: s.org.id, applicationId: application!.id, reason: 'x', actor: s.actor },
          ),
        )
      ).code,
    ).toBe('application_already_reversed');
    expect(
      (
        await refusal(
          unapplyPayment(
            { db },
            {
              orgId: s.org.id,
              applicationId: '01900000-0000-7000-8000-000000000000',
              reason: 'x',
              actor: s.actor,
            },
          ),
        )
      ).code,
    ).toBe('not_found');
  });

  test('undoing an application that does not exist is refused as not found', async () => {
    const s = await seller();
    for (const kind of ['payment', 'credit'] as const) {
      const error = await refusal(
        db
          .transaction()
          .execute((trx) =>
            reverseApplication(trx, s.org.id, kind, '01900000-0000-7000-8000-000000000000', { by: null }),
          ),
      );
      expect(error.code).toBe('not_found');
    }
  });

  test('reversing a payment undoes each live application once and leaves the undone ones alone', async () => {
    const s = await seller();
    const a = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-10' });
    const b = await s.invoice('100', { issue: '2025-01-01', due: '2025-01-20' });
    const { id } = await s.pay(15000n, 'auto');
    const applications = (await getPayment({ db }, { orgId: s.org.id, paymentId: id }))!.applications;
    const onA = applications.find((x) => x.invoiceId === a.id)!;
    await unapplyPayment({ db }, { orgId: s.org.id, applicationId: onA.id, reason: 'wrong', actor: s.actor });
    await reversePayment({ db }, { orgId: s.org.id, paymentId: id, reason: 'bounced', actor: s.actor });
    expect(await s.open(a.id)).toBe(10000n);
    expect(await s.open(b.id)).toBe(10000n);
    const kinds = (await s.journal()).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'payment.unapplied')).toHaveLength(2);
    expect(kinds.at(-1)).toBe('payment.reversed');
    const credits = await db
      .selectFrom('credit_applications')
      .select('id')
      .where('org_id', '=', s.org.id)
      .execute();
    expect(credits).toEqual([]);
  });
});
