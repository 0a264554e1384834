import fc from 'fast-check';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import type { Allocation } from '../../src/domain/applications/apply-to-invoices.ts';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { applyCredit, issueCreditMemo, unapplyCredit } from '../../src/domain/credits/credit-memos.ts';
import { AppError } from '../../src/domain/errors.ts';
import { computeInvoice } from '../../src/domain/invoices/compute-invoice.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { currencyExponent } from '../../src/domain/money/currency.ts';
import { formatDecimal } from '../../src/domain/money/money.ts';
import {
  applyPayment,
  reversePayment,
  unapplyPayment,
} from '../../src/domain/payments/payment-applications.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * The AR ledger's invariants (DESIGN.md, "Invariants") under random sequences of operations run
 * through the real use cases, each mirrored in a small in-memory model (the oracle) that predicts
 * every success and the exact code of every refusal. After each step the database is checked on
 * its own (SQL: the invariants and the documents' agreement with the journal) and against the
 * oracle (every balance, every live application, the number of journal entries).
 *
 * 1. every journal entry nets to zero (an entry has one currency, so per currency);
 * 2. payment amount = Σ live applications + unapplied, unapplied ≥ 0 (credit memos likewise);
 * 3. invoice open = total − Σ live payment applications − Σ live credit applications, 0 ≤ open ≤ total;
 * 4. customer balance (per currency) = Σ open invoices − unapplied cash − unapplied credits;
 * 5. refunds ≤ captured − refunded: refunds are not built yet, so not checked here;
 * 6. each external id takes effect once: a replayed idempotency key returns the payment already
 *    recorded, a reused invoice number is refused (duplicate_number);
 * 7. clearing returns to zero on deposit reconciliation: deposits are not built yet, so not checked.
 *
 * Stored state agrees with the journal: Σ accounts_receivable lines of an invoice = its open amount
 * (0 once void, and for a draft, which is not posted); −Σ unapplied_cash lines of a payment = its
 * unapplied amount (0 once reversed: a reversed payment keeps unapplied = amount by the table's
 * CHECK, but holds no cash); −Σ customer_credits lines of a credit memo = its unapplied amount.
 */
const { db } = useTestDb();

// ---------------------------------------------------------------------------------------------
// The database's own checks, oracle-free. Each query lists what breaks an invariant.

async function ledgerProblems(database: Kysely<DB>, orgId: string): Promise<string[]> {
  const problems: string[] = [];
  const list = async (label: string, query: RawBuilder<{ what: string }>) => {
    const { rows } = await query.execute(database);
    for (const row of rows) problems.push(`${label}: ${row.what}`);
  };
  await list(
    '1. entry does not net to zero',
    sql`select e.id || ' (' || e.kind || ', ' || coalesce(sum(l.amount), 0) || ', ' || count(l.*) || ' lines)' as what
          from journal_entries e left join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
         where e.org_id = ${orgId} group by e.id, e.kind
        having coalesce(sum(l.amount), 0) <> 0 or count(l.*) < 2`,
  );
  await list(
    '2. payment amount ≠ Σ live applications + unapplied',
    sql`select p.number || ': ' || p.amount || ' vs ' || a.live || ' + ' || p.unapplied_amount as what
          from payments p, lateral (select coalesce(sum(amount), 0) as live from payment_applications x
                                     where x.org_id = p.org_id and x.payment_id = p.id and x.unapplied_at is null) a
         where p.org_id = ${orgId} and (p.amount <> a.live + p.unapplied_amount or p.unapplied_amount < 0)`,
  );
  await list(
    '2. credit memo amount ≠ Σ live applications + unapplied',
    sql`select c.number || ': ' || c.amount || ' vs ' || a.live || ' + ' || c.unapplied_amount as what
          from credit_memos c, lateral (select coalesce(sum(amount), 0) as live from credit_applications x
                                         where x.org_id = c.org_id and x.credit_memo_id = c.id and x.unapplied_at is null) a
         where c.org_id = ${orgId} and (c.amount <> a.live + c.unapplied_amount or c.unapplied_amount < 0)`,
  );
  await list(
    '3. invoice open ≠ total − applications, or out of [0, total]',
    sql`select i.number || ': open ' || i.open_amount || ', total ' || i.total || ', paid ' || p.live || ', credited ' || c.live as what
          from invoices i,
               lateral (select coalesce(sum(amount), 0) as live from payment_applications x
                         where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) p,
               lateral (select coalesce(sum(amount), 0) as live from credit_applications x
                         where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) c
         where i.org_id = ${orgId}
           and (i.open_amount <> i.total - p.live - c.live or i.open_amount < 0 or i.open_amount > i.total
                or (i.status <> 'open' and p.live + c.live <> 0))`,
  );
  await list(
    '4. customer balance from documents ≠ balance from the journal',
    sql`with docs as (
          select customer_id, currency, open_amount as v from invoices where org_id = ${orgId} and status = 'open'
          union all select customer_id, currency, -unapplied_amount from payments where org_id = ${orgId} and status = 'completed'
          union all select customer_id, currency, -unapplied_amount from credit_memos where org_id = ${orgId} and status = 'open'),
        by_docs as (select customer_id, currency, sum(v) as balance from docs group by 1, 2),
        by_journal as (
          select l.customer_id, e.currency, sum(l.amount) as balance
            from journal_lines l join journal_entries e on e.org_id = l.org_id and e.id = l.entry_id
           where l.org_id = ${orgId} and l.account in ('accounts_receivable', 'unapplied_cash', 'customer_credits')
           group by 1, 2)
        select coalesce(d.customer_id, j.customer_id) || ' ' || coalesce(d.currency, j.currency) || ': documents '
               || coalesce(d.balance, 0) || ', journal ' || coalesce(j.balance, 0) as what
          from by_docs d full join by_journal j on j.customer_id = d.customer_id and j.currency = d.currency
         where coalesce(d.balance, 0) <> coalesce(j.balance, 0)`,
  );
  await list(
    'invoice open amount ≠ Σ accounts_receivable lines',
    sql`select i.number || ' (' || i.status || '): open ' || i.open_amount || ', journal ' || j.ar as what
          from invoices i, lateral (select coalesce(sum(amount), 0) as ar from journal_lines l
                                     where l.org_id = i.org_id and l.invoice_id = i.id and l.account = 'accounts_receivable') j
         where i.org_id = ${orgId} and j.ar <> case when i.status = 'open' then i.open_amount else 0 end`,
  );
  await list(
    'payment unapplied ≠ −Σ unapplied_cash lines',
    sql`select p.number || ' (' || p.status || '): unapplied ' || p.unapplied_amount || ', journal ' || -j.cash as what
          from payments p, lateral (select coalesce(sum(amount), 0) as cash from journal_lines l
                                     where l.org_id = p.org_id and l.payment_id = p.id and l.account = 'unapplied_cash') j
         where p.org_id = ${orgId} and -j.cash <> case when p.status = 'completed' then p.unapplied_amount else 0 end`,
  );
  await list(
    'payment live applications ≠ −Σ its accounts_receivable lines',
    sql`select p.number || ': applied ' || (p.amount - p.unapplied_amount) || ', journal ' || -j.ar as what
          from payments p, lateral (select coalesce(sum(amount), 0) as ar from journal_lines l
                                     where l.org_id = p.org_id and l.payment_id = p.id and l.account = 'accounts_receivable') j
         where p.org_id = ${orgId} and -j.ar <> case when p.status = 'completed' then p.amount - p.unapplied_amount else 0 end`,
  );
  await list(
    'credit memo unapplied ≠ −Σ customer_credits lines',
    sql`select c.number || ': unapplied ' || c.unapplied_amount || ', journal ' || -j.credits as what
          from credit_memos c, lateral (select coalesce(sum(amount), 0) as credits from journal_lines l
                                         where l.org_id = c.org_id and l.credit_memo_id = c.id and l.account = 'customer_credits') j
         where c.org_id = ${orgId} and -j.credits <> c.unapplied_amount`,
  );
  await list(
    'application and its journal entries disagree',
    sql`select a.id || ' (' || a.kind || ')' as what from (
          select 'payment' as kind, id, journal_entry_id, reversal_entry_id, unapplied_at from payment_applications where org_id = ${orgId}
          union all
          select 'credit', id, journal_entry_id, reversal_entry_id, unapplied_at from credit_applications where org_id = ${orgId}) a
          left join journal_entries r on r.org_id = ${orgId} and r.id = a.reversal_entry_id
         where (a.unapplied_at is null) <> (a.reversal_entry_id is null)
            or (a.reversal_entry_id is not null and r.reverses_entry_id is distinct from a.journal_entry_id)`,
  );
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The oracle: what each balance must be.

interface OInvoice {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  status: 'draft' | 'open' | 'void';
  total: bigint;
  open: bigint;
  issueDate: string;
  dueDate: string;
}
interface OPayment {
  id: string;
  customerId: string;
  currency: string;
  amount: bigint;
  unapplied: bigint;
  status: 'completed' | 'reversed';
}
interface OCredit {
  id: string;
  customerId: string;
  currency: string;
  amount: bigint;
  unapplied: bigint;
}
interface OApplication {
  id: string;
  kind: 'payment' | 'credit';
  sourceId: string;
  invoiceId: string;
  amount: bigint;
  live: boolean;
}
interface OCustomer {
  id: string;
  currency: string;
}

class Oracle {
  invoices = new Map<string, OInvoice>();
  payments = new Map<string, OPayment>();
  credits = new Map<string, OCredit>();
  applications = new Map<string, OApplication>();
  keys = new Map<string, { paymentId: string; amount: bigint; customerId: string }>();
  journalEntries = 0;

  /** The rules of applyToInvoices, in its order: amounts, the source's total, then each invoice by id. */
  predictApply(
    source: { customerId: string; currency: string; available: bigint },
    allocations: Allocation[],
  ): { code: string } | { byInvoice: Map<string, bigint> } {
    const byInvoice = new Map<string, bigint>();
    for (const a of allocations) {
      if (a.amount <= 0n) return { code: 'amount_not_positive' };
      byInvoice.set(a.invoiceId, (byInvoice.get(a.invoiceId) ?? 0n) + a.amount);
    }
    const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
    if (total > source.available) return { code: 'exceeds_unapplied' };
    for (const id of [...byInvoice.keys()].sort()) {
      const invoice = this.invoices.get(id)!;
      if (invoice.customerId !== source.customerId) return { code: 'customer_mismatch' };
      if (invoice.currency !== source.currency) return { code: 'currency_mismatch' };
      if (invoice.status !== 'open') return { code: 'invoice_not_open' };
      if (byInvoice.get(id)! > invoice.open) return { code: 'exceeds_open_amount' };
    }
    return { byInvoice };
  }

  /** Oldest due first (then issue date, then number), up to `amount`. */
  oldestFirst(customerId: string, currency: string, amount: bigint): Allocation[] {
    const open = [...this.invoices.values()]
      .filter(
        (i) => i.customerId === customerId && i.currency === currency && i.status === 'open' && i.open > 0n,
      )
      .sort((a, b) =>
        a.dueDate !== b.dueDate
          ? a.dueDate < b.dueDate
            ? -1
            : 1
          : a.issueDate !== b.issueDate
            ? a.issueDate < b.issueDate
              ? -1
              : 1
            : a.number < b.number
              ? -1
              : 1,
      );
    const out: Allocation[] = [];
    let left = amount;
    for (const invoice of open) {
      if (left <= 0n) break;
      const take = invoice.open < left ? invoice.open : left;
      out.push({ invoiceId: invoice.id, amount: take });
      left -= take;
    }
    return out;
  }

  balances(): Map<string, bigint> {
    const out = new Map<string, bigint>();
    const add = (customerId: string, currency: string, v: bigint) => {
      const key = `${customerId} ${currency}`;
      out.set(key, (out.get(key) ?? 0n) + v);
    };
    for (const i of this.invoices.values()) if (i.status === 'open') add(i.customerId, i.currency, i.open);
    for (const p of this.payments.values())
      if (p.status === 'completed') add(p.customerId, p.currency, -p.unapplied);
    for (const c of this.credits.values()) add(c.customerId, c.currency, -c.unapplied);
    for (const [k, v] of out) if (v === 0n) out.delete(k);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The random runs.

const kinds = [
  ['createInvoice', 22],
  ['voidInvoice', 6],
  ['issueCreditMemo', 8],
  ['applyCredit', 10],
  ['unapplyCredit', 7],
  ['recordPayment', 20],
  ['applyPayment', 14],
  ['unapplyPayment', 8],
  ['reversePayment', 5],
] as const;
type Kind = (typeof kinds)[number][0];
const kindTable: Kind[] = kinds.flatMap(([kind, weight]) => Array<Kind>(weight).fill(kind));

/** a, b, c, d: the random choices of one step (which document, which amount, which mode). */
const choicesArb = fc.record({
  a: fc.nat({ max: 1_000_000 }),
  b: fc.nat({ max: 1_000_000 }),
  c: fc.nat({ max: 1_000_000 }),
  d: fc.nat({ max: 1_000_000 }),
});
const stepArb = fc
  .tuple(fc.noBias(fc.integer({ min: 0, max: kindTable.length - 1 })), choicesArb)
  .map(([i, choices]) => ({ kind: kindTable[i]!, ...choices }));
type Step = { kind: Kind; a: number; b: number; c: number; d: number };

const runArb = fc.record({
  currency: fc.constantFrom('JPY', 'USD', 'BHD'),
  /** The second customer buys in another currency than the seller's default. */
  secondCustomerForeign: fc.boolean(),
  /** Every run starts with two invoices, a credit memo and a payment, so later steps have targets. */
  opening: fc.array(choicesArb, { minLength: 4, maxLength: 4 }),
  steps: fc.array(stepArb, { minLength: 6, maxLength: 21, size: 'max' }),
});
const openingKinds: Kind[] = ['createInvoice', 'createInvoice', 'issueCreditMemo', 'recordPayment'];

const currencies = ['JPY', 'USD', 'BHD'];
const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An amount in minor units: 1 to 999 major units plus some minor digits. */
function amountIn(currency: string, n: number): bigint {
  const exponent = currencyExponent(currency);
  const unit = 10n ** BigInt(exponent);
  return BigInt(1 + (n % 999)) * unit + (exponent ? BigInt(Math.floor(n / 1000)) % unit : 0n);
}

/** An allocation amount near the interesting edges: the most that fits, one past it, a share, 0, −1. */
function allocationAmount(open: bigint, available: bigint, n: number): bigint {
  const fits = open < available ? open : available;
  switch (n % 12) {
    case 0:
      return open + 1n;
    case 1:
      return available + 1n;
    case 2:
      return 0n;
    case 3:
      return -1n;
    case 4:
      return open;
    case 5:
      return 1n;
    case 6:
    case 7:
      return fits / 2n > 0n ? fits / 2n : fits;
    default:
      return fits;
  }
}

type Outcome = { code: string } | { ok: true };

async function outcomeOf(fn: () => Promise<unknown>): Promise<{ code: string } | { ok: unknown }> {
  try {
    return { ok: await fn() };
  } catch (error) {
    if (error instanceof AppError) return { code: error.code };
    throw error;
  }
}

function expectOutcome(step: Step, predicted: Outcome, actual: { code: string } | { ok: unknown }) {
  const shape = (o: Outcome | { ok: unknown }) => ('code' in o ? `refused ${o.code}` : 'succeeded');
  if (shape(predicted) !== shape(actual))
    throw new Error(
      `${step.kind}: oracle predicted ${shape(predicted)}, use case ${shape(actual)} (${JSON.stringify(step)})`,
    );
}

async function runSequence(run: {
  currency: string;
  secondCustomerForeign: boolean;
  opening?: Omit<Step, 'kind'>[];
  steps: Step[];
}): Promise<void> {
  const org = await createOrg(db, { default_currency: run.currency });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id, 'ar_agent');
  const actor: Actor = { userId: user.id };
  const otherCurrency = currencies.find((c) => c !== run.currency)!;
  const customers: OCustomer[] = [
    { id: (await createCustomerAccount(db, org.id)).id, currency: run.currency },
    await (async () => {
      const currency = run.secondCustomerForeign ? otherCurrency : run.currency;
      return { id: (await createCustomerAccount(db, org.id, { currency })).id, currency };
    })(),
  ];
  const oracle = new Oracle();
  let invoiceCounter = 0;
  let keyCounter = 0;

  const invoicesList = () => [...oracle.invoices.values()];
  /** Allocation targets: mostly the source's customer's invoices, sometimes anyone's. */
  const allocationsFor = (source: { customerId: string; available: bigint }, step: Step): Allocation[] => {
    const own = invoicesList().filter((i) => i.customerId === source.customerId);
    const owed = own.filter((i) => i.status === 'open' && i.open > 0n);
    const pool = step.c % 10 < 6 && owed.length ? owed : step.c % 10 < 8 && own.length ? own : invoicesList();
    const count = 1 + (step.d % 3 === 0 ? 1 : 0);
    const out: Allocation[] = [];
    let left = source.available;
    for (let k = 0; k < count; k++) {
      const invoice = pick(pool, step.b + k * 7);
      if (!invoice) break;
      const amount = allocationAmount(invoice.open, left, step.d + k * 5);
      out.push({ invoiceId: invoice.id, amount });
      left -= amount > 0n ? amount : 0n;
    }
    return out;
  };

  /** After a successful application: the new rows match the prediction one to one. */
  const recordApplications = async (
    kind: 'payment' | 'credit',
    sourceId: string,
    byInvoice: Map<string, bigint>,
  ) => {
    const rows =
      kind === 'payment'
        ? await db
            .selectFrom('payment_applications')
            .select(['id', 'invoice_id', 'amount'])
            .where('org_id', '=', org.id)
            .where('payment_id', '=', sourceId)
            .execute()
        : await db
            .selectFrom('credit_applications')
            .select(['id', 'invoice_id', 'amount'])
            .where('org_id', '=', org.id)
            .where('credit_memo_id', '=', sourceId)
            .execute();
    const fresh = rows.filter((r) => !oracle.applications.has(r.id));
    expect(new Map(fresh.map((r) => [r.invoice_id, r.amount]))).toEqual(byInvoice);
    expect(fresh).toHaveLength(byInvoice.size);
    for (const r of fresh) {
      oracle.applications.set(r.id, {
        id: r.id,
        kind,
        sourceId,
        invoiceId: r.invoice_id,
        amount: r.amount,
        live: true,
      });
      oracle.invoices.get(r.invoice_id)!.open -= r.amount;
    }
    oracle.journalEntries += byInvoice.size;
  };

  const undoApplication = (application: OApplication) => {
    application.live = false;
    oracle.invoices.get(application.invoiceId)!.open += application.amount;
    oracle.journalEntries += 1;
  };

  const opening: Step[] = (run.opening ?? []).map((s, i) => ({ ...s, kind: openingKinds[i]! }));
  for (const step of [...opening, ...run.steps]) {
    switch (step.kind) {
      case 'createInvoice': {
        const customer = pick(customers, step.a)!;
        // now and then an invoice in another currency than its customer's, to meet currency_mismatch
        const currency =
          step.b % 9 === 0
            ? pick(
                currencies.filter((c) => c !== customer.currency),
                step.c,
              )!
            : customer.currency;
        const exponent = currencyExponent(currency);
        const reuse = step.d % 15 === 0 ? pick(invoicesList(), step.c) : undefined;
        const number = reuse ? reuse.number : `INV-${String(++invoiceCounter).padStart(5, '0')}`;
        const issueDate = addDays('2025-01-01', step.a % 60);
        const dueMode = step.c % 12;
        const dueDate =
          dueMode === 0 ? addDays(issueDate, -1) : dueMode === 1 ? null : addDays(issueDate, step.b % 45);
        const zero = step.d % 23 === 1;
        const amount = amountIn(currency, step.b);
        const lines = [
          { description: 'Goods', quantity: '1', unitPrice: zero ? '0' : formatDecimal(amount, exponent) },
        ];
        if (step.c % 4 === 0) lines.push({ description: 'Service', quantity: '2.5', unitPrice: '3.3333' });
        const taxed = step.a % 3 === 0;
        const input = {
          orgId: org.id,
          customerId: customer.id,
          number,
          issueDate,
          dueDate,
          currency: currency === customer.currency && step.a % 2 === 0 ? null : currency,
          status: (step.d % 8 === 0 ? 'draft' : 'open') as 'draft' | 'open',
          lines: lines.map((l) => (taxed ? { ...l, taxes: [{ name: 'VAT', rate: '16' }] } : l)),
          charges:
            step.b % 5 === 0
              ? [{ kind: 'fee' as const, name: 'Freight', amount: 10n ** BigInt(exponent) }]
              : [],
        };
        const expectedTotal = computeInvoice(currency, input.lines, input.charges).total;
        const predicted: Outcome =
          dueDate !== null && dueDate < issueDate
            ? { code: 'due_before_issue' }
            : expectedTotal <= 0n
              ? { code: 'amount_not_positive' }
              : reuse
                ? { code: 'duplicate_number' }
                : { ok: true };
        const actual = await outcomeOf(() => createInvoice(db, input, actor));
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          const { id, total } = actual.ok as { id: string; total: bigint };
          expect(total).toBe(expectedTotal);
          oracle.invoices.set(id, {
            id,
            number,
            customerId: customer.id,
            currency,
            status: input.status,
            total,
            open: total,
            issueDate,
            dueDate: dueDate ?? addDays(issueDate, 30),
          });
          if (input.status === 'open') oracle.journalEntries += 1;
        } else {
          expect(actual.code).toBe((predicted as { code: string }).code);
        }
        break;
      }
      case 'voidInvoice': {
        const invoice = pick(invoicesList(), step.a);
        if (!invoice) break;
        const predicted: Outcome =
          invoice.status === 'void'
            ? { code: 'invoice_not_open' }
            : invoice.open !== invoice.total
              ? { code: 'invoice_has_applications' }
              : { ok: true };
        const actual = await outcomeOf(() =>
          voidInvoice(db, { orgId: org.id, invoiceId: invoice.id, reason: 'test' }, actor),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          if (invoice.status === 'open') oracle.journalEntries += 1;
          invoice.status = 'void';
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'issueCreditMemo': {
        const customer = pick(customers, step.a)!;
        const amount =
          step.d % 17 === 0
            ? -amountIn(customer.currency, step.b)
            : step.d % 19 === 0
              ? 0n
              : amountIn(customer.currency, step.b);
        const allocations =
          step.c % 2 === 0 ? allocationsFor({ customerId: customer.id, available: amount }, step) : [];
        const predicted =
          amount <= 0n
            ? { code: 'amount_not_positive' }
            : oracle.predictApply(
                { customerId: customer.id, currency: customer.currency, available: amount },
                allocations,
              );
        const actual = await outcomeOf(() =>
          issueCreditMemo(
            db,
            { orgId: org.id, customerId: customer.id, amount, issueDate: '2025-02-01', allocations },
            actor,
          ),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const { id, applied } = actual.ok as { id: string; applied: bigint };
          const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
          const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
          expect(applied).toBe(total);
          oracle.credits.set(id, {
            id,
            customerId: customer.id,
            currency: customer.currency,
            amount,
            unapplied: amount - total,
          });
          oracle.journalEntries += 1;
          await recordApplications('credit', id, byInvoice);
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'applyCredit': {
        const credit = pick([...oracle.credits.values()], step.a);
        if (!credit) break;
        const allocations = allocationsFor(
          { customerId: credit.customerId, available: credit.unapplied },
          step,
        );
        const predicted = oracle.predictApply(
          { customerId: credit.customerId, currency: credit.currency, available: credit.unapplied },
          allocations,
        );
        const actual = await outcomeOf(() =>
          applyCredit(db, { orgId: org.id, creditMemoId: credit.id, allocations }, actor),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
          const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
          expect((actual.ok as { applied: bigint }).applied).toBe(total);
          credit.unapplied -= total;
          await recordApplications('credit', credit.id, byInvoice);
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'unapplyCredit':
      case 'unapplyPayment': {
        const kind = step.kind === 'unapplyCredit' ? 'credit' : 'payment';
        const all = [...oracle.applications.values()].filter((x) => x.kind === kind);
        // mostly live ones; now and then one already undone
        const live = all.filter((x) => x.live);
        const application = pick(step.b % 6 === 0 || !live.length ? all : live, step.a);
        if (!application) break;
        const predicted: Outcome = application.live ? { ok: true } : { code: 'application_already_reversed' };
        const actual = await outcomeOf(() =>
          kind === 'credit'
            ? unapplyCredit(db, { orgId: org.id, applicationId: application.id, reason: 'test' }, actor)
            : unapplyPayment(db, { orgId: org.id, applicationId: application.id, reason: 'test' }, actor),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          undoApplication(application);
          if (kind === 'credit') oracle.credits.get(application.sourceId)!.unapplied += application.amount;
          else oracle.payments.get(application.sourceId)!.unapplied += application.amount;
        } else expect(actual.code).toBe('application_already_reversed');
        break;
      }
      case 'recordPayment': {
        // idempotency: now and then a key already used: a retry (same customer and amount) or not
        const reused = step.c % 5 === 0 ? pick([...oracle.keys.entries()], step.a) : undefined;
        const retry = reused !== undefined && step.c % 2 === 0;
        const customer = retry
          ? customers.find((c) => c.id === reused[1].customerId)!
          : pick(customers, step.a)!;
        const openOfCustomer = invoicesList()
          .filter(
            (i) => i.customerId === customer.id && i.currency === customer.currency && i.status === 'open',
          )
          .reduce((s, i) => s + i.open, 0n);
        const amountMode = step.b % 10;
        let amount =
          amountMode === 0 && openOfCustomer > 0n
            ? openOfCustomer
            : amountMode === 1 && openOfCustomer > 1n
              ? openOfCustomer / 2n
              : amountIn(customer.currency, step.b);
        if (step.d % 29 === 0) amount = 0n;
        if (step.d % 31 === 0) amount = -amount - 1n;
        if (retry) amount = reused[1].amount;
        const key = reused ? reused[0] : step.c % 3 === 0 ? `key-${++keyCounter}` : null;
        const mode = step.d % 3; // 0: none, 1: auto, 2: explicit
        const allocations: 'auto' | Allocation[] | undefined =
          mode === 1
            ? 'auto'
            : mode === 2
              ? allocationsFor({ customerId: customer.id, available: amount }, step)
              : undefined;
        let predicted: { code: string } | { replay: string } | { byInvoice: Map<string, bigint> };
        if (amount <= 0n) predicted = { code: 'amount_not_positive' };
        else if (reused) {
          const [, earlier] = reused;
          predicted =
            earlier.amount === amount && earlier.customerId === customer.id
              ? { replay: earlier.paymentId }
              : { code: 'conflict' };
        } else {
          const resolved =
            allocations === 'auto'
              ? oracle.oldestFirst(customer.id, customer.currency, amount)
              : (allocations ?? []);
          predicted = oracle.predictApply(
            { customerId: customer.id, currency: customer.currency, available: amount },
            resolved,
          );
        }
        const actual = await outcomeOf(() =>
          recordPayment(
            db,
            {
              orgId: org.id,
              customerId: customer.id,
              amount,
              receivedOn: '2025-03-01',
              method: 'bank_transfer',
              idempotencyKey: key,
              ...(allocations === undefined ? {} : { allocations }),
            },
            actor,
          ),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const result = actual.ok as { id: string; applied: bigint; replayed: boolean };
          if ('replay' in predicted) {
            const earlier = oracle.payments.get(predicted.replay)!;
            expect(result).toMatchObject({
              id: earlier.id,
              replayed: true,
              applied: earlier.amount - earlier.unapplied,
            });
          } else {
            const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
            const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
            expect(result).toMatchObject({ replayed: false, applied: total });
            oracle.payments.set(result.id, {
              id: result.id,
              customerId: customer.id,
              currency: customer.currency,
              amount,
              unapplied: amount - total,
              status: 'completed',
            });
            if (key) oracle.keys.set(key, { paymentId: result.id, amount, customerId: customer.id });
            oracle.journalEntries += 1;
            await recordApplications('payment', result.id, byInvoice);
          }
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'applyPayment': {
        const payment = pick([...oracle.payments.values()], step.a);
        if (!payment) break;
        const auto = step.c % 3 === 0;
        const allocations = auto
          ? ('auto' as const)
          : allocationsFor({ customerId: payment.customerId, available: payment.unapplied }, step);
        const predicted =
          payment.status !== 'completed'
            ? { code: 'payment_reversed' }
            : oracle.predictApply(
                { customerId: payment.customerId, currency: payment.currency, available: payment.unapplied },
                allocations === 'auto'
                  ? oracle.oldestFirst(payment.customerId, payment.currency, payment.unapplied)
                  : allocations,
              );
        const actual = await outcomeOf(() =>
          applyPayment(db, { orgId: org.id, paymentId: payment.id, allocations }, actor),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
          const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
          expect((actual.ok as { applied: bigint }).applied).toBe(total);
          payment.unapplied -= total;
          await recordApplications('payment', payment.id, byInvoice);
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'reversePayment': {
        const payment = pick([...oracle.payments.values()], step.a);
        if (!payment) break;
        const predicted: Outcome =
          payment.status === 'completed' ? { ok: true } : { code: 'payment_reversed' };
        const actual = await outcomeOf(() =>
          reversePayment(db, { orgId: org.id, paymentId: payment.id, reason: 'bounced' }, actor),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          for (const application of oracle.applications.values())
            if (application.kind === 'payment' && application.sourceId === payment.id && application.live)
              undoApplication(application);
          payment.status = 'reversed';
          payment.unapplied = payment.amount;
          oracle.journalEntries += 1;
        } else expect(actual.code).toBe('payment_reversed');
        break;
      }
    }
    await checkAgainstOracle(org.id, oracle, step);
  }
}

async function checkAgainstOracle(orgId: string, oracle: Oracle, step: Step): Promise<void> {
  const problems = await ledgerProblems(db, orgId);
  if (problems.length) throw new Error(`after ${JSON.stringify(step)}:\n${problems.join('\n')}`);

  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'status', 'total', 'open_amount'])
    .where('org_id', '=', orgId)
    .execute();
  expect(new Map(invoices.map((i) => [i.id, `${i.status} ${i.total} ${i.open_amount}`]))).toEqual(
    new Map([...oracle.invoices.values()].map((i) => [i.id, `${i.status} ${i.total} ${i.open}`])),
  );
  const payments = await db
    .selectFrom('payments')
    .select(['id', 'status', 'amount', 'unapplied_amount'])
    .where('org_id', '=', orgId)
    .execute();
  expect(new Map(payments.map((p) => [p.id, `${p.status} ${p.amount} ${p.unapplied_amount}`]))).toEqual(
    new Map([...oracle.payments.values()].map((p) => [p.id, `${p.status} ${p.amount} ${p.unapplied}`])),
  );
  const credits = await db
    .selectFrom('credit_memos')
    .select(['id', 'amount', 'unapplied_amount'])
    .where('org_id', '=', orgId)
    .execute();
  expect(new Map(credits.map((c) => [c.id, `${c.amount} ${c.unapplied_amount}`]))).toEqual(
    new Map([...oracle.credits.values()].map((c) => [c.id, `${c.amount} ${c.unapplied}`])),
  );
  const { rows: applications } = await sql<{ id: string; live: boolean; amount: bigint }>`
    select id, unapplied_at is null as live, amount from payment_applications where org_id = ${orgId}
    union all select id, unapplied_at is null, amount from credit_applications where org_id = ${orgId}`.execute(
    db,
  );
  expect(new Map(applications.map((a) => [a.id, `${a.live} ${a.amount}`]))).toEqual(
    new Map([...oracle.applications.values()].map((a) => [a.id, `${a.live} ${a.amount}`])),
  );
  // 4. the customer balance, from the journal, against the oracle
  const { rows: balances } = await sql<{ key: string; balance: bigint }>`
    select l.customer_id || ' ' || e.currency as key, sum(l.amount)::bigint as balance
      from journal_lines l join journal_entries e on e.org_id = l.org_id and e.id = l.entry_id
     where l.org_id = ${orgId} and l.account in ('accounts_receivable', 'unapplied_cash', 'customer_credits')
     group by 1 having sum(l.amount) <> 0`.execute(db);
  expect(new Map(balances.map((b) => [b.key, b.balance]))).toEqual(oracle.balances());
  // a refusal changes nothing: the journal grows by exactly the entries the oracle expects
  const { entries } = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('entries'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  expect(Number(entries)).toBe(oracle.journalEntries);
}

describe('the AR ledger under random operations', () => {
  test('keeps every invariant and matches the oracle (JPY, USD, BHD)', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(runArb, runSequence), { numRuns: 25 });
  });

  test('each currency exponent is exercised and money moves in every run shape', async () => {
    // a fixed sequence per currency: invoice, partial payment, credit, full payment (auto), unapply, reverse
    for (const currency of currencies) {
      const steps: Step[] = [
        { kind: 'createInvoice', a: 0, b: 123, c: 5, d: 3 },
        { kind: 'createInvoice', a: 2, b: 456, c: 5, d: 3 },
        { kind: 'recordPayment', a: 0, b: 1, c: 1, d: 1 },
        { kind: 'issueCreditMemo', a: 0, b: 3, c: 0, d: 8 },
        { kind: 'recordPayment', a: 0, b: 0, c: 1, d: 1 },
        { kind: 'unapplyPayment', a: 0, b: 1, c: 0, d: 0 },
        { kind: 'reversePayment', a: 0, b: 0, c: 0, d: 0 },
        { kind: 'applyPayment', a: 1, b: 0, c: 0, d: 0 },
      ];
      await runSequence({ currency, secondCustomerForeign: false, steps });
    }
    const { rows } = await sql<{ currency: string; n: number }>`
      select currency, count(*)::int as n from payment_applications a join payments p on p.org_id = a.org_id and p.id = a.payment_id
       group by 1`.execute(db);
    expect(new Set(rows.filter((r) => r.n > 0).map((r) => r.currency.trim()))).toEqual(new Set(currencies));
  });

  test('a replayed idempotency key records one payment; a reused invoice number is refused (invariant 6)', async () => {
    const org = await createOrg(db, { default_currency: 'USD' });
    const customer = await createCustomerAccount(db, org.id);
    const input = {
      orgId: org.id,
      customerId: customer.id,
      amount: 5000n,
      receivedOn: '2025-03-01',
      method: 'check' as const,
      idempotencyKey: 'erp-receipt-77',
    };
    const first = await recordPayment(db, input, {});
    const second = await recordPayment(db, input, {});
    expect(second).toEqual({ ...first, replayed: true });
    const { n } = await db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    await expect(recordPayment(db, { ...input, amount: 5001n }, {})).rejects.toMatchObject({
      code: 'conflict',
    });

    const invoice = {
      orgId: org.id,
      customerId: customer.id,
      number: 'F-100',
      issueDate: '2025-01-01',
      lines: [{ description: 'x', quantity: '1', unitPrice: '10' }],
    };
    await createInvoice(db, invoice, {});
    await expect(createInvoice(db, invoice, {})).rejects.toMatchObject({
      code: 'duplicate_number',
      params: { number: 'F-100' },
    });
    const numbers = await db.selectFrom('invoices').select('number').where('org_id', '=', org.id).execute();
    expect(numbers).toEqual([{ number: 'F-100' }]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });
});
