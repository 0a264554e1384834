import fc from 'fast-check';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import type { Allocation } from '../../src/domain/applications/apply-to-invoices.ts';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { unapplyCredit } from '../../src/domain/credits/unapply-credit.ts';
import { accountSummary } from '../../src/domain/customers/account-summary.ts';
import type { Balance } from '../../src/domain/customers/balances.ts';
import { getCustomer } from '../../src/domain/customers/get-customer.ts';
import { listCustomers } from '../../src/domain/customers/list-customers.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { currencyExponent } from '../../src/domain/money/currency.ts';
import { applyPayment } from '../../src/domain/payments/apply-payment.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { reversePayment } from '../../src/domain/payments/reverse-payment.ts';
import { unapplyPayment } from '../../src/domain/payments/unapply-payment.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';

/**
 * The AR ledger's invariants (DESIGN.md, "Invariants") under random sequences of operations run
 * through the real use cases, each mirrored in a small in-memory model (the oracle) that predicts
 * every success and the exact code of every refusal. The oracle uses none of the code under test:
 * invoice totals come from its own arithmetic over the generated lines (quantities and prices with
 * decimals, discounts, line taxes by rate or given, fees, a document tax), and amounts pending
 * (an ACH debit in flight, set on invoices by the `setPending` step) are held back from every
 * application as the rules say. After each step the database is checked on its own (SQL: the
 * invariants and the documents' agreement with the journal) and against the oracle (every
 * document, every live application, the number of journal entries, and the balance people see:
 * the portal's account summary, the console's customer page and customer list).
 *
 * Operations are weighted so that every path is reached; the paths taken are counted and the test
 * fails if one was never reached. The seed is printed on every run: `FC_SEED=<seed> npx vitest run
 * test/ar/ledger-invariants.test.ts` replays it.
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
// The oracle: what each balance must be, from its own arithmetic (never the code under test).

interface OInvoice {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  status: 'draft' | 'open' | 'void';
  total: bigint;
  open: bigint;
  /** Money in flight (an ACH debit not yet settled): owed, but not available to apply. */
  pending: bigint;
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
/** A customer's balance in one currency, as the portal and the console show it. */
interface OBalance {
  currency: string;
  total: bigint;
  overdue: bigint;
  notYetDue: bigint;
  unappliedCash: bigint;
  unappliedCredits: bigint;
}

class Oracle {
  invoices = new Map<string, OInvoice>();
  payments = new Map<string, OPayment>();
  credits = new Map<string, OCredit>();
  applications = new Map<string, OApplication>();
  /** Idempotency keys and the request each recorded (customer, amount, allocation as asked). */
  keys = new Map<
    string,
    { paymentId: string; amount: bigint; customerId: string; allocations: 'auto' | Allocation[] | undefined }
  >();
  journalEntries = 0;

  /** What can still be applied to an invoice: its open amount less what is pending. */
  static applicable(invoice: OInvoice): bigint {
    return invoice.open - invoice.pending;
  }

  /** The rules of applying, in order: amounts, the source's total, then each invoice by id. */
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
      if (byInvoice.get(id)! > Oracle.applicable(invoice)) return { code: 'exceeds_open_amount' };
    }
    return { byInvoice };
  }

  /** Oldest due first (then issue date, then number), what is not pending, up to `amount`. */
  oldestFirst(customerId: string, currency: string, amount: bigint): Allocation[] {
    const key = (i: OInvoice) => `${i.dueDate} ${i.issueDate} ${i.number}`;
    const open = [...this.invoices.values()]
      .filter(
        (i) => i.customerId === customerId && i.currency === currency && i.status === 'open' && i.open > 0n,
      )
      .sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const out: Allocation[] = [];
    let left = amount;
    for (const invoice of open) {
      if (left <= 0n) break;
      const free = Oracle.applicable(invoice);
      const take = free < left ? free : left;
      if (take > 0n) out.push({ invoiceId: invoice.id, amount: take });
      left -= take;
    }
    return out;
  }

  /** Σ open invoices − unapplied cash − unapplied credits, per customer and currency (the journal's view). */
  balances(): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const [customerId, list] of this.customerBalances(new Map(), '9999-12-31'))
      for (const b of list) if (b.total !== 0n) out.set(`${customerId} ${b.currency}`, b.total);
    return out;
  }

  /**
   * The balances people see, per customer: overdue and not yet due split at the seller's today;
   * every customer in its own currency first (zero if nothing), then the other currencies it
   * has something in, alphabetically.
   */
  customerBalances(customers: Map<string, string>, today: string): Map<string, OBalance[]> {
    const out = new Map<string, Map<string, OBalance>>();
    const of = (customerId: string, currency: string) => {
      const list = out.get(customerId) ?? new Map<string, OBalance>();
      out.set(customerId, list);
      const balance = list.get(currency) ?? {
        currency,
        total: 0n,
        overdue: 0n,
        notYetDue: 0n,
        unappliedCash: 0n,
        unappliedCredits: 0n,
      };
      list.set(currency, balance);
      return balance;
    };
    for (const [id, currency] of customers) of(id, currency);
    for (const i of this.invoices.values())
      if (i.status === 'open' && i.open > 0n) {
        const b = of(i.customerId, i.currency);
        if (i.dueDate < today) b.overdue += i.open;
        else b.notYetDue += i.open;
      }
    for (const p of this.payments.values())
      if (p.status === 'completed' && p.unapplied > 0n)
        of(p.customerId, p.currency).unappliedCash += p.unapplied;
    for (const c of this.credits.values())
      if (c.unapplied > 0n) of(c.customerId, c.currency).unappliedCredits += c.unapplied;
    const result = new Map<string, OBalance[]>();
    for (const [customerId, list] of out) {
      const own = customers.get(customerId);
      const sorted = [...list.values()]
        .map((b) => ({ ...b, total: b.overdue + b.notYetDue - b.unappliedCash - b.unappliedCredits }))
        .sort((x, y) =>
          x.currency === own ? -1 : y.currency === own ? 1 : x.currency < y.currency ? -1 : 1,
        );
      result.set(customerId, sorted);
    }
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Invoices the runs make, and the oracle's own arithmetic of their totals.

interface GenLine {
  /** Quantity in ten-thousandths (4 decimals), unit price in millionths of a major unit (6 decimals). */
  quantityE4: bigint;
  priceE6: bigint;
  /** Minor units off the line, as a share (in tenths) of the line's gross. */
  discountTenths: bigint;
  /** Percent in ten-thousandths ('16' → 160000n), or a tax amount given by the ERP, or none. */
  tax: { rateE4: bigint } | { amount: bigint } | null;
}
interface GenInvoice {
  lines: GenLine[];
  /** A fee in minor units, and a document-level tax as a rate on the subtotal. */
  feeMinor: bigint;
  docTaxRateE4: bigint | null;
}

/** n / d rounded half up, for n ≥ 0 and an even d (the oracle's own rounding, not divRoundHalfUp). */
function halfUp(n: bigint, d: bigint): bigint {
  return (n + d / 2n) / d;
}

/** A decimal string with exactly `scale` digits after the point, from an integer, without money.ts. */
function decimalText(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(-scale)}`;
}

/** The invoice's amounts by the documented rule, computed here from the generated numbers. */
function expectedAmounts(currency: string, invoice: GenInvoice) {
  const minorPerMajor = 10n ** BigInt(currencyExponent(currency));
  let subtotal = 0n;
  let discountTotal = 0n;
  let lineTax = 0n;
  for (const line of invoice.lines) {
    const gross = halfUp(line.quantityE4 * line.priceE6 * minorPerMajor, 10n ** 10n);
    const discount = (gross * line.discountTenths) / 10n;
    const net = gross - discount;
    subtotal += net;
    discountTotal += discount;
    if (line.tax && 'rateE4' in line.tax) lineTax += halfUp(net * line.tax.rateE4, 100n * 10n ** 4n);
    else if (line.tax) lineTax += line.tax.amount;
  }
  const docTax =
    invoice.docTaxRateE4 === null ? 0n : halfUp(subtotal * invoice.docTaxRateE4, 100n * 10n ** 4n);
  const taxTotal = lineTax + docTax;
  return {
    subtotal,
    discountTotal,
    taxTotal,
    feeTotal: invoice.feeMinor,
    total: subtotal + taxTotal + invoice.feeMinor,
  };
}

/** The generated invoice as the use case's input. */
function invoiceInput(currency: string, invoice: GenInvoice) {
  const minorPerMajor = 10n ** BigInt(currencyExponent(currency));
  return {
    lines: invoice.lines.map((line, k) => {
      const gross = halfUp(line.quantityE4 * line.priceE6 * minorPerMajor, 10n ** 10n);
      const discount = (gross * line.discountTenths) / 10n;
      return {
        description: `Item ${k + 1}`,
        quantity: decimalText(line.quantityE4, 4),
        unitPrice: decimalText(line.priceE6, 6),
        ...(discount > 0n ? { discountAmount: discount } : {}),
        ...(line.tax === null
          ? {}
          : 'rateE4' in line.tax
            ? { taxes: [{ name: 'VAT', rate: decimalText(line.tax.rateE4, 4) }] }
            : { taxes: [{ name: 'Excise', amount: line.tax.amount }] }),
      };
    }),
    charges: [
      ...(invoice.feeMinor > 0n ? [{ kind: 'fee' as const, name: 'Freight', amount: invoice.feeMinor }] : []),
      ...(invoice.docTaxRateE4 === null
        ? []
        : [{ kind: 'tax' as const, name: 'Municipal', rate: decimalText(invoice.docTaxRateE4, 4) }]),
    ],
  };
}

/** An invoice's numbers from one step's choices: 1–3 lines, quantities with decimals, taxes, fees. */
function generateInvoice(currency: string, step: Step): GenInvoice {
  const minorPerMajor = 10n ** BigInt(currencyExponent(currency));
  const count = 1 + (step.c % 3);
  const free = step.d % 11 === 1;
  const lines: GenLine[] = [];
  for (let k = 0; k < count; k++) {
    const r = (step.b + 7919 * k) * 2_654_435_761;
    // mostly 1–3 units, else up to 2.5 with four decimals
    const quantityE4 = r % 3 === 0 ? BigInt(1 + (r % 3)) * 10_000n : BigInt(1 + (Math.floor(r / 7) % 25_000));
    // now and then only free lines (such an invoice is refused), else up to 400 major units
    const priceE6 = free ? 0n : BigInt(1 + (Math.floor(r / 11) % 400_000_000));
    const taxMode = free ? (step.a + k) % 3 : (step.a + k) % 5;
    lines.push({
      quantityE4,
      priceE6,
      discountTenths: BigInt((step.d + k) % 7 === 0 ? 1 + (r % 5) : 0),
      tax:
        taxMode === 0 || taxMode === 1
          ? { rateE4: 160_000n }
          : taxMode === 2
            ? { rateE4: 82_500n }
            : taxMode === 3
              ? { amount: BigInt(step.c % 50) * minorPerMajor }
              : null,
    });
  }
  return {
    lines,
    feeMinor: step.b % 5 === 0 && !free ? minorPerMajor + BigInt(step.c % 10) : 0n,
    docTaxRateE4: step.a % 7 === 0 ? 25_000n : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The random runs.

const kinds = [
  ['createInvoice', 14],
  ['voidInvoice', 6],
  ['issueCreditMemo', 9],
  ['applyCredit', 14],
  ['unapplyCredit', 8],
  ['recordPayment', 16],
  ['applyPayment', 14],
  ['unapplyPayment', 8],
  ['reversePayment', 5],
  ['setPending', 8],
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
  /** Every run starts with three invoices, a credit memo and a payment, so later steps have targets. */
  opening: fc.array(choicesArb, { minLength: 5, maxLength: 5 }),
  steps: fc.array(stepArb, { minLength: 20, maxLength: 40, size: 'max' }),
});
const openingKinds: Kind[] = [
  'createInvoice',
  'createInvoice',
  'createInvoice',
  'issueCreditMemo',
  'recordPayment',
];

const currencies = ['JPY', 'USD', 'BHD'];
const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;
/** Another number from a choice, independent of its own remainders (so two uses of one choice do not move together). */
const mix = (n: number, salt: number): number => Math.imul(n ^ (salt * 0x9e3779b9), 0x85ebca6b) >>> 0;

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

/** An allocation amount that fits what the invoice can take and the source has left: all of it, half, 1. */
function fittingAmount(invoice: OInvoice, available: bigint, n: number): bigint {
  const free = Oracle.applicable(invoice);
  const fits = free < available ? free : available;
  switch (n % 4) {
    case 0:
    case 1:
      return fits;
    case 2:
      return fits / 2n > 0n ? fits / 2n : fits;
    default:
      return fits > 0n ? 1n : 0n;
  }
}

/**
 * An allocation amount at the edges: one past what the invoice can take (within what the source
 * has, or not), one past what the source has, the invoice's whole open amount (more than it can
 * take when part is pending), 0, −1.
 */
function edgeAmount(invoice: OInvoice, available: bigint, n: number): bigint {
  const free = Oracle.applicable(invoice);
  switch (n % 5) {
    case 0:
      return free + 1n;
    case 1:
      return free < available ? free + 1n : available + 1n;
    case 2:
      return available + 1n;
    case 3:
      return invoice.open;
    default:
      return n % 2 ? 0n : -1n;
  }
}

/**
 * The paths a run can take. Every one must be reached across the random runs (checked after
 * them), so a weighting that stops reaching one fails instead of testing less in silence.
 */
const paths = [
  'invoice created',
  'invoice draft',
  'invoice voided',
  'invoice refused: amount_not_positive',
  'invoice refused: due_before_issue',
  'invoice refused: duplicate_number',
  'credit issued, kept unapplied',
  'credit issued and applied',
  'credit applied',
  'credit unapplied',
  'payment recorded, kept unapplied',
  'payment recorded, applied oldest first',
  'payment recorded, applied as chosen',
  'payment replayed',
  'payment refused: idempotency_key_reused',
  'payment applied oldest first',
  'payment applied as chosen',
  'payment unapplied',
  'payment reversed with live applications',
  'pending set',
  'pending held back an application',
  'apply refused: amount_not_positive',
  'apply refused: exceeds_unapplied',
  'apply refused: exceeds_open_amount',
  'apply refused: customer_mismatch',
  'apply refused: currency_mismatch',
  'apply refused: invoice_not_open',
  'apply refused: payment_reversed',
  'unapply refused: application_already_reversed',
  'void refused: invoice_has_applications',
  'balance with overdue, not yet due, unapplied cash and unapplied credits at once',
] as const;
type Path = (typeof paths)[number];
const reached = new Map<Path, number>();
const reach = (path: Path) => reached.set(path, (reached.get(path) ?? 0) + 1);

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
  if (process.env.LEDGER_PATHS) reach(`${step.kind} ${shape(actual)}` as Path);
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
  const today = await sellerToday(org.id);
  const oracle = new Oracle();
  let invoiceCounter = 0;
  let keyCounter = 0;

  const invoicesList = () => [...oracle.invoices.values()];
  /** Whether the customer has an invoice in the currency that something can still be applied to. */
  const owes = (customerId: string, currency: string) =>
    invoicesList().some(
      (i) =>
        i.customerId === customerId &&
        i.currency === currency &&
        i.status === 'open' &&
        Oracle.applicable(i) > 0n,
    );
  /** Allocation targets: mostly the source's customer's invoices with something to apply, sometimes anyone's. */
  const allocationsFor = (source: { customerId: string; available: bigint }, step: Step): Allocation[] => {
    const own = invoicesList().filter((i) => i.customerId === source.customerId);
    const currency = customers.find((c) => c.id === source.customerId)!.currency;
    const owed = own.filter(
      (i) => i.currency === currency && i.status === 'open' && Oracle.applicable(i) > 0n,
    );
    // 0–7: what the customer owes in the source's currency, amounts that fit (one or two
    // invoices); 8–9: amounts at the edges, on its invoices or anyone's; 10–15 aim at one rule
    // each with the smallest amount: its invoices in another currency, its invoices that are not
    // open or have nothing left, another customer's
    const foreign = own.filter((i) => i.currency !== currency);
    const closed = own.filter((i) => i.status !== 'open' || i.open === 0n);
    const others = invoicesList().filter((i) => i.customerId !== source.customerId);
    const choice = mix(step.c, 1) % 16;
    const aimed =
      (choice === 10 || choice === 11) && foreign.length
        ? foreign
        : choice >= 12 && choice <= 14 && closed.length
          ? closed
          : choice === 15 && others.length
            ? others
            : null;
    const fitting = choice < 8 && owed.length > 0;
    const pool = aimed ?? (fitting ? owed : choice === 9 || !own.length ? invoicesList() : own);
    const count = 1 + (mix(step.c, 2) % 3 === 0 ? 1 : 0);
    const out: Allocation[] = [];
    let left = source.available;
    for (let k = 0; k < count; k++) {
      const invoice = pick(pool, mix(step.b, 3) + k * 7);
      if (!invoice) break;
      const amount = aimed
        ? 1n
        : fitting
          ? fittingAmount(invoice, left, mix(step.d, 4) + k)
          : edgeAmount(invoice, left, mix(step.d, 4) + k * 3);
      out.push({ invoiceId: invoice.id, amount });
      left -= amount > 0n ? amount : 0n;
    }
    return out;
  };

  /** The paths an application took: pending amounts that held it back, the code it was refused with. */
  const notePrediction = (
    predicted: { code: string } | { byInvoice: Map<string, bigint> },
    allocations: Allocation[],
  ) => {
    if ('code' in predicted) reach(`apply refused: ${predicted.code}` as Path);
    const heldBack = allocations.some((a) => {
      const invoice = oracle.invoices.get(a.invoiceId);
      return (
        invoice !== undefined &&
        invoice.pending > 0n &&
        a.amount > Oracle.applicable(invoice) &&
        a.amount <= invoice.open
      );
    });
    const autoHeldBack =
      'byInvoice' in predicted &&
      [...predicted.byInvoice].some(([id, amount]) => {
        const invoice = oracle.invoices.get(id)!;
        return invoice.pending > 0n && amount === Oracle.applicable(invoice);
      });
    if (heldBack || autoHeldBack) reach('pending held back an application');
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
  let stepNo = 0;
  for (const step of [...opening, ...run.steps]) {
    switch (step.kind) {
      case 'createInvoice': {
        const customer = pick(customers, step.a)!;
        // now and then an invoice in another currency than its customer's, to meet currency_mismatch
        const currency =
          step.b % 4 === 0
            ? pick(
                currencies.filter((c) => c !== customer.currency),
                step.c,
              )!
            : customer.currency;
        const reuse = step.d % 7 === 0 ? pick(invoicesList(), step.c) : undefined;
        const number = reuse ? reuse.number : `INV-${String(++invoiceCounter).padStart(5, '0')}`;
        // issued in the last 90 days; due before today (overdue) or after it (not yet due)
        const issueDate = addDays(today, -(step.a % 90));
        const dueMode = step.c % 8;
        const dueDate =
          dueMode === 0 ? addDays(issueDate, -1) : dueMode === 1 ? null : addDays(issueDate, step.b % 75);
        const generated = generateInvoice(currency, step);
        const expected = expectedAmounts(currency, generated);
        const input = {
          orgId: org.id,
          customerId: customer.id,
          number,
          issueDate,
          dueDate,
          currency: currency === customer.currency && step.a % 2 === 0 ? null : currency,
          status: (step.d % 6 === 1 ? 'draft' : 'open') as 'draft' | 'open',
          ...invoiceInput(currency, generated),
        };
        const predicted: Outcome =
          dueDate !== null && dueDate < issueDate
            ? { code: 'due_before_issue' }
            : expected.total <= 0n
              ? { code: 'amount_not_positive' }
              : reuse
                ? { code: 'duplicate_number' }
                : { ok: true };
        const actual = await outcomeOf(() => createInvoice({ db }, { ...input, actor: actor }));
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          const { id, total } = actual.ok as { id: string; total: bigint };
          expect(total).toBe(expected.total);
          const stored = await db
            .selectFrom('invoices')
            .select(['subtotal', 'discount_total', 'tax_total', 'fee_total', 'total', 'due_date'])
            .where('org_id', '=', org.id)
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          const stored_due = dueDate ?? addDays(issueDate, 30);
          expect(stored).toEqual({
            subtotal: expected.subtotal,
            discount_total: expected.discountTotal,
            tax_total: expected.taxTotal,
            fee_total: expected.feeTotal,
            total: expected.total,
            due_date: stored_due,
          });
          oracle.invoices.set(id, {
            id,
            number,
            customerId: customer.id,
            currency,
            status: input.status,
            total,
            open: total,
            pending: 0n,
            issueDate,
            dueDate: stored_due,
          });
          if (input.status === 'open') oracle.journalEntries += 1;
          reach(input.status === 'open' ? 'invoice created' : 'invoice draft');
        } else {
          expect(actual.code).toBe((predicted as { code: string }).code);
          reach(`invoice refused: ${actual.code}` as Path);
        }
        break;
      }
      case 'voidInvoice': {
        // mostly invoices nothing is applied to; now and then one that has applications, or any
        const untouched = invoicesList().filter((i) => i.status !== 'void' && i.open === i.total);
        const applied = invoicesList().filter((i) => i.status === 'open' && i.open !== i.total);
        const pool =
          step.b % 2 === 0 && applied.length
            ? applied
            : step.b % 4 === 1 || !untouched.length
              ? invoicesList()
              : untouched;
        const invoice = pick(pool, step.a);
        if (!invoice) break;
        const predicted: Outcome =
          invoice.status === 'void'
            ? { code: 'invoice_not_open' }
            : invoice.open !== invoice.total
              ? { code: 'invoice_has_applications' }
              : invoice.pending > 0n
                ? // an online payment is on its way to it: voided once that ends (issue 8)
                  { code: 'payment_in_progress' }
                : { ok: true };
        const actual = await outcomeOf(() =>
          voidInvoice({ db }, { orgId: org.id, invoiceId: invoice.id, reason: 'test', actor: actor }),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          if (invoice.status === 'open') oracle.journalEntries += 1;
          invoice.status = 'void';
          reach('invoice voided');
        } else {
          expect(actual.code).toBe((predicted as { code: string }).code);
          if (actual.code === 'invoice_has_applications') reach('void refused: invoice_has_applications');
        }
        break;
      }
      case 'setPending': {
        // an ACH debit in flight on an open invoice (0 when it settles or is returned)
        const open = invoicesList().filter((i) => i.status === 'open' && i.open > 0n);
        const invoice = pick(open, step.a);
        if (!invoice) break;
        const mode = step.b % 4;
        const pending = mode === 0 ? 0n : mode === 1 ? invoice.open : mode === 2 ? invoice.open / 2n : 1n;
        await db
          .updateTable('invoices')
          .set({ pending_amount: pending })
          .where('org_id', '=', org.id)
          .where('id', '=', invoice.id)
          .execute();
        invoice.pending = pending;
        if (pending > 0n) reach('pending set');
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
        if (amount > 0n) notePrediction(predicted, allocations);
        const actual = await outcomeOf(() =>
          issueCreditMemo(
            { db },
            {
              orgId: org.id,
              customerId: customer.id,
              amount,
              issueDate: '2025-02-01',
              allocations,
              actor: actor,
            },
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
          reach(total > 0n ? 'credit issued and applied' : 'credit issued, kept unapplied');
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'applyCredit': {
        // mostly a credit with something left to apply, of a customer that owes something
        const credits = [...oracle.credits.values()];
        const left = credits.filter((c) => c.unapplied > 0n && owes(c.customerId, c.currency));
        const withCredit = credits.filter((c) => c.unapplied > 0n);
        const credit = pick(
          step.c % 5 === 0 ? credits : left.length ? left : withCredit.length ? withCredit : credits,
          step.a,
        );
        if (!credit) break;
        const allocations = allocationsFor(
          { customerId: credit.customerId, available: credit.unapplied },
          step,
        );
        const predicted = oracle.predictApply(
          { customerId: credit.customerId, currency: credit.currency, available: credit.unapplied },
          allocations,
        );
        notePrediction(predicted, allocations);
        const actual = await outcomeOf(() =>
          applyCredit({ db }, { orgId: org.id, creditMemoId: credit.id, allocations, actor: actor }),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
          const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
          expect((actual.ok as { applied: bigint }).applied).toBe(total);
          credit.unapplied -= total;
          await recordApplications('credit', credit.id, byInvoice);
          if (total > 0n) reach('credit applied');
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'unapplyCredit':
      case 'unapplyPayment': {
        const kind = step.kind === 'unapplyCredit' ? 'credit' : 'payment';
        const all = [...oracle.applications.values()].filter((x) => x.kind === kind);
        // mostly live ones; now and then one already undone
        const live = all.filter((x) => x.live);
        const application = pick(step.b % 3 === 0 || !live.length ? all : live, step.a);
        if (!application) break;
        const predicted: Outcome = application.live ? { ok: true } : { code: 'application_already_reversed' };
        const actual = await outcomeOf(() =>
          kind === 'credit'
            ? unapplyCredit(
                { db },
                { orgId: org.id, applicationId: application.id, reason: 'test', actor: actor },
              )
            : unapplyPayment(
                { db },
                { orgId: org.id, applicationId: application.id, reason: 'test', actor: actor },
              ),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          undoApplication(application);
          if (kind === 'credit') oracle.credits.get(application.sourceId)!.unapplied += application.amount;
          else oracle.payments.get(application.sourceId)!.unapplied += application.amount;
          reach(kind === 'credit' ? 'credit unapplied' : 'payment unapplied');
        } else {
          expect(actual.code).toBe('application_already_reversed');
          reach('unapply refused: application_already_reversed');
        }
        break;
      }
      case 'recordPayment': {
        // idempotency: now and then a key already used: a retry (the same request) or another request
        const reused = step.c % 2 === 0 ? pick([...oracle.keys.entries()], step.a) : undefined;
        const retry = reused !== undefined && step.b % 2 === 0;
        const customer = retry
          ? customers.find((c) => c.id === reused[1].customerId)!
          : pick(customers, step.a)!;
        const applicableOfCustomer = invoicesList()
          .filter(
            (i) => i.customerId === customer.id && i.currency === customer.currency && i.status === 'open',
          )
          .reduce((s, i) => s + Oracle.applicable(i), 0n);
        const amountMode = step.b % 10;
        let amount =
          amountMode === 0 && applicableOfCustomer > 0n
            ? applicableOfCustomer
            : amountMode === 1 && applicableOfCustomer > 1n
              ? applicableOfCustomer / 2n
              : amountIn(customer.currency, step.b);
        if (step.d % 29 === 0) amount = 0n;
        if (step.d % 31 === 0) amount = -amount - 1n;
        if (retry) amount = reused[1].amount;
        const key = reused ? reused[0] : step.c % 2 === 1 ? `key-${++keyCounter}` : null;
        const mode = step.d % 3; // 0: none, 1: auto, 2: explicit
        const allocations: 'auto' | Allocation[] | undefined = retry
          ? reused[1].allocations
          : mode === 1
            ? 'auto'
            : mode === 2
              ? allocationsFor({ customerId: customer.id, available: amount }, step)
              : undefined;
        const sameRequest = (earlier: {
          amount: bigint;
          customerId: string;
          allocations: typeof allocations;
        }) =>
          earlier.amount === amount &&
          earlier.customerId === customer.id &&
          JSON.stringify(earlier.allocations ?? null, (_, v) => (typeof v === 'bigint' ? `${v}` : v)) ===
            JSON.stringify(allocations ?? null, (_, v) => (typeof v === 'bigint' ? `${v}` : v));
        let predicted: { code: string } | { replay: string } | { byInvoice: Map<string, bigint> };
        if (amount <= 0n) predicted = { code: 'amount_not_positive' };
        else if (reused) {
          const [, earlier] = reused;
          predicted = sameRequest(earlier)
            ? { replay: earlier.paymentId }
            : { code: 'idempotency_key_reused' };
        } else {
          const resolved =
            allocations === 'auto'
              ? oracle.oldestFirst(customer.id, customer.currency, amount)
              : (allocations ?? []);
          predicted = oracle.predictApply(
            { customerId: customer.id, currency: customer.currency, available: amount },
            resolved,
          );
          notePrediction(predicted, resolved);
        }
        const actual = await outcomeOf(() =>
          recordPayment(
            { db },
            {
              orgId: org.id,
              customerId: customer.id,
              amount,
              receivedOn: '2025-03-01',
              method: 'bank_transfer',
              idempotencyKey: key,
              ...(allocations === undefined ? {} : { allocations }),
              actor: actor,
            },
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
            reach('payment replayed');
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
            if (key)
              oracle.keys.set(key, { paymentId: result.id, amount, customerId: customer.id, allocations });
            oracle.journalEntries += 1;
            await recordApplications('payment', result.id, byInvoice);
            reach(
              total === 0n
                ? 'payment recorded, kept unapplied'
                : allocations === 'auto'
                  ? 'payment recorded, applied oldest first'
                  : 'payment recorded, applied as chosen',
            );
          }
        } else {
          expect(actual.code).toBe((predicted as { code: string }).code);
          if (actual.code === 'idempotency_key_reused') reach('payment refused: idempotency_key_reused');
        }
        break;
      }
      case 'applyPayment': {
        // mostly a completed payment with cash left, of a customer that owes something
        const payments = [...oracle.payments.values()];
        const left = payments.filter(
          (p) => p.status === 'completed' && p.unapplied > 0n && owes(p.customerId, p.currency),
        );
        const withCash = payments.filter((p) => p.status === 'completed' && p.unapplied > 0n);
        const payment = pick(
          step.b % 5 === 0 ? payments : left.length ? left : withCash.length ? withCash : payments,
          step.a,
        );
        if (!payment) break;
        const auto = Math.floor(step.c / 7) % 2 === 0;
        const allocations = auto
          ? ('auto' as const)
          : allocationsFor({ customerId: payment.customerId, available: payment.unapplied }, step);
        const resolved =
          allocations === 'auto'
            ? oracle.oldestFirst(payment.customerId, payment.currency, payment.unapplied)
            : allocations;
        const predicted =
          payment.status !== 'completed'
            ? { code: 'payment_reversed' }
            : oracle.predictApply(
                { customerId: payment.customerId, currency: payment.currency, available: payment.unapplied },
                resolved,
              );
        notePrediction(predicted, resolved);
        const actual = await outcomeOf(() =>
          applyPayment({ db }, { orgId: org.id, paymentId: payment.id, allocations, actor: actor }),
        );
        expectOutcome(step, 'code' in predicted ? predicted : { ok: true }, actual);
        if ('ok' in actual) {
          const byInvoice = (predicted as { byInvoice: Map<string, bigint> }).byInvoice;
          const total = [...byInvoice.values()].reduce((s, v) => s + v, 0n);
          expect((actual.ok as { applied: bigint }).applied).toBe(total);
          payment.unapplied -= total;
          await recordApplications('payment', payment.id, byInvoice);
          if (total > 0n) reach(auto ? 'payment applied oldest first' : 'payment applied as chosen');
        } else expect(actual.code).toBe((predicted as { code: string }).code);
        break;
      }
      case 'reversePayment': {
        // mostly a payment with live applications; now and then any (one already reversed, too)
        const payments = [...oracle.payments.values()];
        const applied = payments.filter((p) =>
          [...oracle.applications.values()].some(
            (x) => x.kind === 'payment' && x.sourceId === p.id && x.live,
          ),
        );
        const payment = pick(step.b % 3 !== 0 && applied.length ? applied : payments, step.a);
        if (!payment) break;
        const predicted: Outcome =
          payment.status === 'completed' ? { ok: true } : { code: 'payment_reversed' };
        const actual = await outcomeOf(() =>
          reversePayment({ db }, { orgId: org.id, paymentId: payment.id, reason: 'bounced', actor: actor }),
        );
        expectOutcome(step, predicted, actual);
        if ('ok' in actual) {
          let undone = 0;
          for (const application of oracle.applications.values())
            if (application.kind === 'payment' && application.sourceId === payment.id && application.live) {
              undoApplication(application);
              undone += 1;
            }
          payment.status = 'reversed';
          payment.unapplied = payment.amount;
          oracle.journalEntries += 1;
          if (undone > 0) reach('payment reversed with live applications');
        } else {
          expect(actual.code).toBe('payment_reversed');
          reach('apply refused: payment_reversed');
        }
        break;
      }
    }
    stepNo += 1;
    const last = stepNo === opening.length + run.steps.length;
    await checkAgainstOracle(org.id, oracle, step, customers, last || stepNo % 4 === 0);
  }
}

/** The seller's calendar date, in its time zone, as the balance queries judge "overdue". */
async function sellerToday(orgId: string): Promise<string> {
  const { rows } = await sql<{ today: string }>`
    select ((now() at time zone time_zone)::date)::text as today from organizations where id = ${orgId}`.execute(
    db,
  );
  return rows[0]!.today;
}

async function checkAgainstOracle(
  orgId: string,
  oracle: Oracle,
  step: Step,
  customers: OCustomer[],
  everyScreen: boolean,
): Promise<void> {
  const problems = await ledgerProblems(db, orgId);
  if (problems.length) throw new Error(`after ${JSON.stringify(step)}:\n${problems.join('\n')}`);

  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'status', 'total', 'open_amount', 'pending_amount', 'payment_status'])
    .where('org_id', '=', orgId)
    .execute();
  const paymentStatus = (i: OInvoice) =>
    i.open === 0n
      ? 'paid'
      : i.pending > 0n
        ? 'payment_pending'
        : i.open < i.total
          ? 'partially_paid'
          : 'unpaid';
  expect(
    new Map(
      invoices.map((i) => [
        i.id,
        `${i.status} ${i.total} ${i.open_amount} ${i.pending_amount} ${i.payment_status}`,
      ]),
    ),
  ).toEqual(
    new Map(
      [...oracle.invoices.values()].map((i) => [
        i.id,
        `${i.status} ${i.total} ${i.open} ${i.pending} ${paymentStatus(i)}`,
      ]),
    ),
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
  // 4. the balance people see: the console's customer list after every step; the portal's account
  // summary and the console's customer page (balances and aging) every fourth step and at the end
  const today = await sellerToday(orgId);
  const expected = oracle.customerBalances(new Map(customers.map((c) => [c.id, c.currency])), today);
  const shown = (list: Balance[]) =>
    list.map((b) => ({
      currency: b.currency,
      total: b.total,
      overdue: b.overdue,
      notYetDue: b.notYetDue,
      unappliedCash: b.unappliedCash,
      unappliedCredits: b.unappliedCredits,
    }));
  const listed = await listCustomers({ db }, { orgId, sort: '-balance', page: 1, pageSize: 50 });
  for (const customer of customers) {
    const want = expected.get(customer.id)!;
    const row = listed.items.find((c) => c.id === customer.id);
    expect(
      shown(row!.balances),
      `customer list balance of ${customer.id} after ${JSON.stringify(step)}`,
    ).toEqual(want);
    if (everyScreen) {
      const portal = await accountSummary({ db }, { orgId: orgId, customerId: customer.id });
      expect(shown(portal!.balances), `portal balance of ${customer.id}`).toEqual(want);
      const detail = await getCustomer({ db }, { orgId: orgId, customerId: customer.id });
      expect(shown(detail!.balances), `console balance of ${customer.id}`).toEqual(want);
      // the customer page's aging reconciles with its balance, currency by currency
      const aging = [...detail!.aging]
        .sort((x, y) => (x.currency < y.currency ? -1 : 1))
        .map((a) => ({
          currency: a.currency,
          open: a.current + a.d1_30 + a.d31_60 + a.d61_90 + a.d90_plus,
          total: a.total,
          current: a.current,
          unappliedCash: a.unappliedCash,
          unappliedCredits: a.unappliedCredits,
          balance: a.balance,
        }));
      expect(aging, `console aging of ${customer.id}`).toEqual(
        want
          .filter((b) => b.overdue + b.notYetDue + b.unappliedCash + b.unappliedCredits > 0n)
          .sort((x, y) => (x.currency < y.currency ? -1 : 1))
          .map((b) => ({
            currency: b.currency,
            open: b.overdue + b.notYetDue,
            total: b.overdue + b.notYetDue,
            current: b.notYetDue,
            unappliedCash: b.unappliedCash,
            unappliedCredits: b.unappliedCredits,
            balance: b.total,
          })),
      );
    }
    if (
      want!.some((b) => b.overdue > 0n && b.notYetDue > 0n && b.unappliedCash > 0n && b.unappliedCredits > 0n)
    )
      reach('balance with overdue, not yet due, unapplied cash and unapplied credits at once');
  }
  // a refusal changes nothing: the journal grows by exactly the entries the oracle expects
  const { entries } = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('entries'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  expect(Number(entries)).toBe(oracle.journalEntries);
}

/**
 * The seed of the random runs: FC_SEED to replay one, else a fresh one. It is printed on every run
 * (and fast-check prints it with the shrunk counterexample on a failure).
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
/**
 * Runs per round: 30 reach every path. The mutation run (stryker.config.mjs) sets fewer, with a fixed
 * seed, to keep each mutant's test run short; a shortened run does not check that every path was reached.
 */
const numRuns = Number(process.env.FC_NUM_RUNS ?? 30);

describe('the AR ledger under random operations', () => {
  test('keeps every invariant and matches the oracle (JPY, USD, BHD)', { timeout: 240_000 }, async () => {
    console.log(`ledger invariants: FC_SEED=${seed} (run with FC_SEED=${seed} to replay), ${numRuns} runs`);
    reached.clear();
    // 30 runs reach every path almost always; in the rare case they do not, up to two more rounds
    // of 30 (seeds FC_SEED+1, FC_SEED+2) before the weighting is called wrong: still one seed to replay
    for (let round = 0; round < 3; round++) {
      await fc.assert(fc.asyncProperty(runArb, runSequence), { numRuns, seed: seed + round });
      if (numRuns < 30 || paths.every((p) => reached.get(p))) break;
    }
    // LEDGER_PATHS=1 prints how often each path (and each operation's outcome) was taken
    if (process.env.LEDGER_PATHS) console.log(JSON.stringify(Object.fromEntries(reached), null, 1));
    if (numRuns < 30) return;
    expect(
      paths.filter((p) => !reached.get(p)),
      `paths not reached with FC_SEED=${seed}`,
    ).toEqual([]);
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
    const first = await recordPayment({ db }, { ...input, actor: {} });
    const second = await recordPayment({ db }, { ...input, actor: {} });
    expect(second).toEqual({ ...first, replayed: true });
    const { n } = await db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    await expect(recordPayment({ db }, { ...input, amount: 5001n, actor: {} })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });

    const invoice = {
      orgId: org.id,
      customerId: customer.id,
      number: 'F-100',
      issueDate: '2025-01-01',
      lines: [{ description: 'x', quantity: '1', unitPrice: '10' }],
    };
    await createInvoice({ db }, { ...invoice, actor: {} });
    await expect(createInvoice({ db }, { ...invoice, actor: {} })).rejects.toMatchObject({
      code: 'duplicate_number',
      params: { number: 'F-100' },
    });
    const numbers = await db.selectFrom('invoices').select('number').where('org_id', '=', org.id).execute();
    expect(numbers).toEqual([{ number: 'F-100' }]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });
});
