import type { Transaction } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { DB } from '../../src/db/schema.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { type JournalLine, postEntry, reverseEntry } from '../../src/domain/ledger/post-entry.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * The journal's two writers, postEntry and reverseEntry: what they store, line by line, and what
 * they refuse before anything reaches the database (the deferred trigger is the second wall; it
 * only speaks at commit, so a use case that posted an unbalanced entry would already have written
 * its documents by then).
 */
const { db } = useTestDb();

async function fixture() {
  const org = await createOrg(db, { default_currency: 'USD' });
  const customer = await createCustomerAccount(db, org.id);
  const user = await createUser(db);
  const { id: invoiceId } = await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      number: 'F-1',
      issueDate: '2025-01-01',
      lines: [{ description: 'x', quantity: '1', unitPrice: '100' }],
      actor: {},
    },
  );
  const { id: paymentId } = await recordPayment(
    { db },
    {
      orgId: org.id,
      customerId: customer.id,
      amount: 500n,
      receivedOn: '2025-01-02',
      method: 'check',
      actor: {},
    },
  );
  const { id: creditMemoId } = await issueCreditMemo(
    { db },
    { orgId: org.id, customerId: customer.id, amount: 20n, issueDate: '2025-01-02', actor: {} },
  );
  return { orgId: org.id, customerId: customer.id, userId: user.id, invoiceId, paymentId, creditMemoId };
}

async function entry(database: Database, orgId: string, id: string) {
  const head = await database
    .selectFrom('journal_entries')
    .select(['currency', 'kind', 'memo', 'reverses_entry_id', 'created_by'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const lines = await database
    .selectFrom('journal_lines')
    .select(['line_no', 'account', 'customer_id', 'invoice_id', 'credit_memo_id', 'payment_id', 'amount'])
    .where('org_id', '=', orgId)
    .where('entry_id', '=', id)
    .orderBy('line_no')
    .execute();
  return { ...head, currency: head.currency.trim(), lines };
}

/** Runs fn in a transaction that is always rolled back, returning what fn returned or threw. */
async function inRolledBack<T>(fn: (trx: Transaction<DB>) => Promise<T>) {
  const rollback = new Error('rollback');
  let outcome: { value: T } | { error: unknown } | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      try {
        outcome = { value: await fn(trx) };
      } catch (error) {
        outcome = { error };
      }
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
  return outcome!;
}

describe('postEntry', () => {
  test('stores the entry and its non-zero lines, numbered from 1, with every reference', async () => {
    const f = await fixture();
    const lines: JournalLine[] = [
      {
        account: 'unapplied_cash',
        customerId: f.customerId,
        invoiceId: f.invoiceId,
        paymentId: f.paymentId,
        amount: 300n,
      },
      { account: 'accounts_receivable', customerId: f.customerId, amount: 0n },
      {
        account: 'accounts_receivable',
        customerId: f.customerId,
        invoiceId: f.invoiceId,
        paymentId: f.paymentId,
        amount: -300n,
      },
    ];
    const id = await db.transaction().execute((trx) =>
      postEntry(trx, {
        orgId: f.orgId,
        currency: 'USD',
        kind: 'payment.applied',
        memo: 'memo text',
        createdBy: f.userId,
        lines,
      }),
    );
    expect(await entry(db, f.orgId, id)).toEqual({
      currency: 'USD',
      kind: 'payment.applied',
      memo: 'memo text',
      reverses_entry_id: null,
      created_by: f.userId,
      lines: [
        {
          line_no: 1,
          account: 'unapplied_cash',
          customer_id: f.customerId,
          invoice_id: f.invoiceId,
          credit_memo_id: null,
          payment_id: f.paymentId,
          amount: 300n,
        },
        {
          line_no: 2,
          account: 'accounts_receivable',
          customer_id: f.customerId,
          invoice_id: f.invoiceId,
          credit_memo_id: null,
          payment_id: f.paymentId,
          amount: -300n,
        },
      ],
    });
  });

  test('memo, references and author default to null', async () => {
    const f = await fixture();
    const id = await db.transaction().execute((trx) =>
      postEntry(trx, {
        orgId: f.orgId,
        currency: 'USD',
        kind: 'test.defaults',
        createdBy: null,
        lines: [
          { account: 'cash_clearing', customerId: f.customerId, amount: 7n },
          { account: 'unapplied_cash', customerId: f.customerId, amount: -7n },
        ],
      }),
    );
    const stored = await entry(db, f.orgId, id);
    expect(stored).toMatchObject({ memo: null, reverses_entry_id: null, created_by: null });
    for (const line of stored.lines)
      expect(line).toMatchObject({ invoice_id: null, credit_memo_id: null, payment_id: null });
  });

  test('an entry that does not net to zero is refused in code, before anything is written', async () => {
    const f = await fixture();
    const before = await db
      .selectFrom('journal_entries')
      .select('id')
      .where('org_id', '=', f.orgId)
      .execute();
    const unbalanced = await inRolledBack(async (trx) => {
      const result = await postEntry(trx, {
        orgId: f.orgId,
        currency: 'USD',
        kind: 'payment.applied',
        createdBy: null,
        lines: [
          { account: 'unapplied_cash', customerId: f.customerId, amount: 100n },
          { account: 'accounts_receivable', customerId: f.customerId, amount: -50n },
        ],
      });
      return result;
    });
    expect(unbalanced).toEqual({ error: new Error('unbalanced journal entry payment.applied: nets to 50') });
    const negative = await inRolledBack((trx) =>
      postEntry(trx, {
        orgId: f.orgId,
        currency: 'USD',
        kind: 'credit.applied',
        createdBy: null,
        lines: [
          { account: 'customer_credits', customerId: f.customerId, amount: 20n },
          { account: 'accounts_receivable', customerId: f.customerId, amount: -50n },
        ],
      }),
    );
    expect(negative).toEqual({ error: new Error('unbalanced journal entry credit.applied: nets to -30') });
    // nothing to post: no lines at all, or only zero ones, or a single line
    for (const lines of [
      [],
      [
        { account: 'cash_clearing' as const, customerId: f.customerId, amount: 0n },
        { account: 'unapplied_cash' as const, customerId: f.customerId, amount: 0n },
      ],
    ]) {
      const empty = await inRolledBack((trx) =>
        postEntry(trx, { orgId: f.orgId, currency: 'USD', kind: 'empty', createdBy: null, lines }),
      );
      expect(empty).toEqual({ error: new Error('unbalanced journal entry empty: nets to 0') });
    }
    const after = await db.selectFrom('journal_entries').select('id').where('org_id', '=', f.orgId).execute();
    expect(after).toEqual(before);
  });
});

describe('reverseEntry', () => {
  test('posts the mirror image: same accounts and references in order, opposite signs, linked to the original', async () => {
    const f = await fixture();
    const original = await db.transaction().execute((trx) =>
      postEntry(trx, {
        orgId: f.orgId,
        currency: 'USD',
        kind: 'payment.applied',
        createdBy: null,
        lines: [
          {
            account: 'unapplied_cash',
            customerId: f.customerId,
            invoiceId: f.invoiceId,
            paymentId: f.paymentId,
            amount: 120n,
          },
          {
            account: 'accounts_receivable',
            customerId: f.customerId,
            invoiceId: f.invoiceId,
            paymentId: f.paymentId,
            amount: -100n,
          },
          {
            account: 'accounts_receivable',
            customerId: f.customerId,
            invoiceId: f.invoiceId,
            creditMemoId: f.creditMemoId,
            amount: -20n,
          },
        ],
      }),
    );
    const reversal = await db.transaction().execute((trx) =>
      reverseEntry(trx, {
        orgId: f.orgId,
        entryId: original,
        kind: 'payment.unapplied',
        memo: 'wrong invoice',
        createdBy: f.userId,
      }),
    );
    expect(reversal).not.toBe(original);
    const mirrored = await entry(db, f.orgId, reversal);
    expect(mirrored).toEqual({
      currency: 'USD',
      kind: 'payment.unapplied',
      memo: 'wrong invoice',
      reverses_entry_id: original,
      created_by: f.userId,
      lines: [
        {
          line_no: 1,
          account: 'unapplied_cash',
          customer_id: f.customerId,
          invoice_id: f.invoiceId,
          credit_memo_id: null,
          payment_id: f.paymentId,
          amount: -120n,
        },
        {
          line_no: 2,
          account: 'accounts_receivable',
          customer_id: f.customerId,
          invoice_id: f.invoiceId,
          credit_memo_id: null,
          payment_id: f.paymentId,
          amount: 100n,
        },
        {
          line_no: 3,
          account: 'accounts_receivable',
          customer_id: f.customerId,
          invoice_id: f.invoiceId,
          credit_memo_id: f.creditMemoId,
          payment_id: null,
          amount: 20n,
        },
      ],
    });
  });

  test('keeps the currency of the entry it reverses', async () => {
    const f = await fixture();
    const original = await db.transaction().execute((trx) =>
      postEntry(trx, {
        orgId: f.orgId,
        currency: 'JPY',
        kind: 'payment.received',
        createdBy: null,
        lines: [
          { account: 'cash_clearing', customerId: f.customerId, amount: 5n },
          { account: 'unapplied_cash', customerId: f.customerId, amount: -5n },
        ],
      }),
    );
    const reversal = await db
      .transaction()
      .execute((trx) =>
        reverseEntry(trx, { orgId: f.orgId, entryId: original, kind: 'payment.reversed', createdBy: null }),
      );
    expect(await entry(db, f.orgId, reversal)).toMatchObject({
      currency: 'JPY',
      memo: null,
      created_by: null,
    });
  });
});
