import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, expect, vi } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { DB } from '../../src/db/schema.ts';
import { addBusinessDays } from '../../src/domain/calendar/business-days.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { resolveGateways, sandboxWebhookSecret } from '../../src/gateways/resolve-gateways.ts';
import { runSandboxClock } from '../../src/gateways/sandbox/run-sandbox-clock.ts';
import { LATE_RETURN_BUSINESS_DAYS } from '../../src/gateways/sandbox/sandbox-test-numbers.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../../src/gateways/sandbox/sandbox-webhooks.ts';
import { buildApp } from '../../src/http/app.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signInTo, testConfig } from './app.ts';
import { useTestDb } from './db.ts';
import type { StripeFake } from './stripe-fake/stripe-fake.ts';

/**
 * Paying online through the portal API with the sandbox processor, for the abuse, invariant and
 * no-card-number tests: the app (optionally with its request log captured), a seller whose payer
 * is signed in, the sandbox's entry page as a browser fills it, signed webhooks, the sandbox's
 * clock, and the ledger's invariants as SQL that lists what breaks them.
 */
export async function useOnlinePaymentsApp(options: { captureLog?: boolean; config?: Partial<Config> } = {}) {
  const { db } = useTestDb();
  const config = testConfig(options.config);
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(line);
      done();
    },
  });
  const app = await buildApp({
    db,
    config,
    mailer: createOutboxMailer(config),
    webDist: null,
    ...(options.captureLog ? { logLevel: 'info', logStream } : { logLevel: false }),
  });
  afterAll(() => app.close());
  const gateways = resolveGateways({ db, config });
  return { app, db, config, gateways, logLines };
}

type Ctx = { app: FastifyInstance; db: Database; config: Config };

export function calendarDay(days = 0, timeZone = 'America/New_York'): string {
  const t = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const d = new Date(`${t}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Calendar days from today (UTC, the sandbox's days) until an ACH debit made now settles (the
 * sandbox's 2 business days, US bank calendar), and until the late-return test account's debit
 * comes back after settling: the `days` to `advance` by.
 */
export function sandboxAchDays(): { settle: number; return: number } {
  const today = new Date().toISOString().slice(0, 10);
  const until = (day: string) => Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
  const settles = addBusinessDays('US', today, 2);
  return { settle: until(settles), return: until(addBusinessDays('US', settles, LATE_RETURN_BUSINESS_DAYS)) };
}

let invoiceSequence = 0;

/** An English (US, USD) seller with a signed-in payer, and everything a test pays with. */
export async function onlineSeller(ctx: Ctx) {
  const { app, db, config } = ctx;
  const seller = await seedSeller(db, { locale: 'en' });
  const orgId = seller.org.id;
  const accountId = seller.account.id;
  const payer = as(
    app,
    await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId }),
  );

  /** An open invoice of the payer's account for `amount` (major units, a decimal string). */
  const invoice = async (amount: string, currency?: string) => {
    invoiceSequence++;
    const created = await createInvoice(
      { db },
      {
        orgId,
        customerId: accountId,
        number: `OPA-${invoiceSequence}-${randomUUID().slice(0, 6)}`,
        issueDate: calendarDay(-20),
        dueDate: calendarDay(-5),
        ...(currency ? { currency } : {}),
        status: 'open',
        lines: [{ description: 'x', quantity: '1', unitPrice: amount }],
        actor: {},
      },
    );
    return created.id;
  };

  /** The sandbox's entry page, as a browser fills it: answers the token it redirects back with. */
  const enterMethod = async (kind: 'card' | 'ach', fields: Record<string, string>): Promise<string> => {
    const entry = await payer({
      method: 'POST',
      url: '/api/v1/portal/payment-methods/entry',
      payload: { kind, returnPath: '/portal/pay?invoices=x' },
    });
    expect(entry.statusCode, entry.body).toBe(200);
    const url = new URL(entry.json().url);
    const page = await app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const posted = await app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(posted.statusCode, posted.body.slice(0, 500)).toBe(303);
    const back = new URL(posted.headers.location as string);
    expect(back.pathname).toBe('/portal/pay');
    expect(back.searchParams.get('kind')).toBe(kind);
    const token = back.searchParams.get('method');
    expect(token).toMatch(/^pm_sb_/);
    return token!;
  };
  const card = (number: string, cvc = '123') =>
    enterMethod('card', { number, expiry: '12/34', cvc, name: 'Ana Pagos', postalCode: '12345' });
  const bank = (account: string) =>
    enterMethod('ach', { holderName: 'Ana Pagos', routing: '110000000', account, accountType: 'checking' });

  const pay = (body: Record<string, unknown>, key: string = randomUUID()) =>
    payer({
      method: 'POST',
      url: '/api/v1/portal/payments',
      headers: { 'idempotency-key': key },
      payload: body,
    });

  const invoiceState = (id: string) =>
    db
      .selectFrom('invoices')
      .select(['total', 'open_amount', 'pending_amount', 'payment_status'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** A payment's lifecycle status and what of it is unapplied and refunded. */
  const paymentRow = (id: string) =>
    db
      .selectFrom('payments')
      .select(['status', 'unapplied_amount', 'refunded_amount'])
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** The seller's payments meant for an invoice (any status). */
  const paymentsFor = (invoiceId: string) =>
    db
      .selectFrom('payments as p')
      .innerJoin('payment_allocations_intended as a', (j) =>
        j.onRef('a.org_id', '=', 'p.org_id').onRef('a.payment_id', '=', 'p.id'),
      )
      .select(['p.id', 'p.status', 'p.amount', 'p.fee_amount', 'p.refunded_amount'])
      .where('p.org_id', '=', orgId)
      .where('a.invoice_id', '=', invoiceId)
      .execute();

  const sandboxCharges = async (paymentId?: string) => {
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from sandbox_charges
       where org_id = ${orgId} ${paymentId ? sql`and metadata->>'paymentId' = ${paymentId}` : sql``}`.execute(
      db,
    );
    return Number(rows[0]!.n);
  };

  /** Σ of the processor clearing account's lines. */
  const clearing = async () => {
    const row = await db
      .selectFrom('journal_lines')
      .select(sql<string>`coalesce(sum(amount), 0)::text`.as('sum'))
      .where('org_id', '=', orgId)
      .where('account', '=', 'processor_clearing')
      .executeTakeFirstOrThrow();
    return BigInt(row.sum);
  };

  /** How many journal lines the seller has (or one payment has). */
  const journalLineCount = async (paymentId?: string) => {
    const row = await db
      .selectFrom('journal_lines')
      .select(sql<string>`count(*)::text`.as('n'))
      .where('org_id', '=', orgId)
      .$if(paymentId !== undefined, (q) => q.where('payment_id', '=', paymentId!))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  /** A sandbox webhook body, signed with this seller's secret at `timestamp` (unix seconds). */
  const signedWebhook = (
    body: Record<string, unknown>,
    options: { timestamp?: number; secret?: string; org?: string } = {},
  ) => {
    const raw = JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = options.secret ?? sandboxWebhookSecret(config.secretKey, orgId);
    return {
      raw,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, raw),
      },
    };
  };

  const deliverWebhook = (raw: string, headers: Record<string, string>, org = orgId) =>
    app.inject({ method: 'POST', url: `/api/v1/webhooks/sandbox/${org}`, headers, payload: raw });

  /** The sandbox's charge row behind a payment (its id, as the events name it). */
  const chargeOf = async (paymentId: string) => {
    const { rows } = await sql<{ id: string; metadata: unknown; amount: bigint; currency: string }>`
      select id, metadata, amount, currency from sandbox_charges
       where org_id = ${orgId} and metadata->>'paymentId' = ${paymentId}`.execute(db);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  /**
   * Runs the sandbox's clock as if `days` had passed, delivering its webhooks into the app. Only
   * `Date` is moved, so the signed timestamp and the endpoint's tolerance agree.
   */
  const advance = async (days: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + days * 86_400_000);
    try {
      const result = await runSandboxClock(
        {
          db,
          publicUrl: config.publicUrl,
          webhookSecret: (id) => sandboxWebhookSecret(config.secretKey, id),
          now: new Date(),
          deliver: async (url, body, headers) =>
            (await app.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body }))
              .statusCode,
        },
        { orgId },
      );
      expect(result.deliveryFailures).toBe(0);
      return result;
    } finally {
      vi.useRealTimers();
    }
  };

  /** Makes the sandbox send every event it ever sent for this seller again (at-least-once delivery). */
  const redeliverAll = async () => {
    await sql`update sandbox_events set delivered_at = null, next_attempt_at = now() - interval '1 minute'
               where org_id = ${orgId}`.execute(db);
    return advance(0);
  };

  return {
    seller,
    orgId,
    accountId,
    payer,
    invoice,
    card,
    bank,
    pay,
    invoiceState,
    paymentRow,
    paymentsFor,
    sandboxCharges,
    clearing,
    journalLineCount,
    signedWebhook,
    deliverWebhook,
    chargeOf,
    advance,
    redeliverAll,
    problems: () => ledgerProblems(db, orgId),
  };
}

/** The webhook signing secret `onlineStripeSeller` saves for its sellers. */
export const STRIPE_WEBHOOK_SECRET = 'whsec_saldoOnlineTests01';

/**
 * `onlineSeller` on Stripe, against the local fake: the owner saves the fake's keys (the app must
 * run with `stripeApiUrl: fake.url`); the payer enters methods on Checkout's hosted page, and
 * Stripe's events reach the seller's webhook endpoint signed as Stripe signs them.
 */
export async function onlineStripeSeller(ctx: Ctx & { fake: StripeFake }) {
  const { app, fake } = ctx;
  const s = await onlineSeller(ctx);
  const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));
  const saved = await owner({
    method: 'PUT',
    url: '/api/v1/console/settings/payments',
    payload: {
      processor: 'stripe',
      onlineInvoices: true,
      methods: ['card', 'ach'],
      erpAccounts: { card: null, ach: null },
      partialAllowed: true,
      partialMinimum: null,
      cardFeeBps: 0,
      cardFeeCap: null,
      autopayText: { es: null, en: null },
      stripe: {
        publishableKey: 'pk_test_saldoOnlineTests',
        secretKey: fake.secretKey,
        webhookSecret: STRIPE_WEBHOOK_SECRET,
      },
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);

  /** The portal's "add a method" step: answers Checkout's page address. */
  const entry = async (kind: 'card' | 'ach', returnPath = '/portal/pay') => {
    const r = await s.payer({
      method: 'POST',
      url: '/api/v1/portal/payment-methods/entry',
      payload: { kind, returnPath },
    });
    expect(r.statusCode, r.body).toBe(200);
    return new URL(r.json().url);
  };

  /** Checkout's page as the payer's browser uses it: picks a test method, answers where it is sent back. */
  const checkout = async (page: URL, testMethod: string) => {
    const shown = await fetch(page);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(testMethod);
    const submitted = await fetch(page, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ method: testMethod }).toString(),
      redirect: 'manual',
    });
    expect(submitted.status).toBe(303);
    return new URL(submitted.headers.get('location') as string);
  };

  /** The newest Stripe event of `type` about `objectId`, signed and delivered to the seller's endpoint. */
  const deliverEvent = async (type: string, objectId: string) => {
    const event = [...fake.state.events]
      .reverse()
      .find((e) => e.type === type && e.data.object.id === objectId);
    expect(event, `${type} for ${objectId}`).toBeDefined();
    const { rawBody, headers } = fake.sign(event!, STRIPE_WEBHOOK_SECRET);
    return app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/stripe/${s.orgId}`,
      headers,
      payload: rawBody,
    });
  };

  /** The PaymentIntent Stripe holds for a Saldo payment. */
  const intentOf = (paymentId: string) => {
    const intents = [...fake.state.paymentIntents.values()].filter(
      (pi) => pi.metadata.saldo_payment_id === paymentId,
    );
    expect(intents).toHaveLength(1);
    return intents[0]!;
  };
  return { ...s, owner, entry, checkout, deliverEvent, intentOf };
}

/**
 * What breaks the ledger's invariants for one seller, each as a line naming the document: empty
 * when all hold. Oracle-free: each query compares the stored documents with each other and with
 * the journal.
 */
export async function ledgerProblems(database: Kysely<DB>, orgId: string): Promise<string[]> {
  const problems: string[] = [];
  const list = async (label: string, query: ReturnType<typeof sql<{ what: string }>>) => {
    const { rows } = await query.execute(database);
    for (const row of rows) problems.push(`${label}: ${row.what}`);
  };
  await list(
    'entry does not net to zero',
    sql`select e.id || ' (' || e.kind || ', ' || coalesce(sum(l.amount), 0) || ')' as what
          from journal_entries e left join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
         where e.org_id = ${orgId} group by e.id, e.kind
        having coalesce(sum(l.amount), 0) <> 0 or count(l.*) < 2`,
  );
  await list(
    'invoice open ≠ total − applications − credits, or out of [0, total], or pending beyond open',
    sql`select i.number || ': open ' || i.open_amount || ', pending ' || i.pending_amount || ', total ' || i.total
               || ', paid ' || p.live || ', credited ' || c.live as what
          from invoices i,
               lateral (select coalesce(sum(amount), 0) as live from payment_applications x
                         where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) p,
               lateral (select coalesce(sum(amount), 0) as live from credit_applications x
                         where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) c
         where i.org_id = ${orgId}
           and (i.open_amount <> i.total - p.live - c.live or i.open_amount < 0 or i.open_amount > i.total
                or i.pending_amount < 0 or i.pending_amount > i.open_amount)`,
  );
  await list(
    'invoice pending ≠ Σ what in-flight payments mean for it',
    sql`select i.number || ': pending ' || i.pending_amount || ', in flight ' || f.held as what
          from invoices i,
               lateral (select coalesce(sum(a.amount), 0) as held from payment_allocations_intended a
                          join payments p on p.org_id = a.org_id and p.id = a.payment_id
                         where a.org_id = i.org_id and a.invoice_id = i.id
                           and p.status in ('initiated', 'processing', 'requires_action', 'pending')) f
         where i.org_id = ${orgId} and i.pending_amount <> f.held`,
  );
  // A refund takes money out of the payment: what is left is applied or unapplied.
  await list(
    'completed payment amount ≠ Σ live applications + unapplied + refunded',
    sql`select p.number || ' (' || p.status || '): ' || p.amount || ' vs ' || a.live || ' + ' || p.unapplied_amount
               || ' + ' || p.refunded_amount as what
          from payments p, lateral (select coalesce(sum(amount), 0) as live from payment_applications x
                                     where x.org_id = p.org_id and x.payment_id = p.id and x.unapplied_at is null) a
         where p.org_id = ${orgId}
           and ((p.status = 'completed' and (p.amount <> a.live + p.unapplied_amount + p.refunded_amount
                                             or p.unapplied_amount < 0))
                or (p.status not in ('completed', 'refunded', 'disputed') and a.live <> 0)
                or (p.status = 'refunded' and (a.live <> 0 or p.refunded_amount <> p.amount)))`,
  );
  await list(
    'refunds beyond what was captured, or refunded amount ≠ Σ refunds that went through',
    sql`select p.number || ': refunded ' || p.refunded_amount || ', refunds ' || r.done || ' of ' || p.amount as what
          from payments p, lateral (select coalesce(sum(amount), 0) as done from payment_refunds x
                                     where x.org_id = p.org_id and x.payment_id = p.id
                                       and x.status in ('succeeded', 'pending')) r
         where p.org_id = ${orgId} and (p.refunded_amount > p.amount or r.done <> p.refunded_amount)`,
  );
  await list(
    'a step that moves money posted twice for one payment',
    sql`select p.number || ': ' || e.kind || ' × ' || count(distinct e.id) as what
          from payments p
          join journal_lines l on l.org_id = p.org_id and l.payment_id = p.id
          join journal_entries e on e.org_id = l.org_id and e.id = l.entry_id
         where p.org_id = ${orgId} and e.kind in ('payment.captured', 'payment.settled', 'payment.returned')
         group by p.number, e.kind having count(distinct e.id) > 1`,
  );
  await list(
    'one processor event took effect on more than one step',
    sql`select processor_event_id || ' × ' || count(*) as what from payment_timeline
         where org_id = ${orgId} and processor_event_id is not null
         group by processor_event_id having count(*) > 1`,
  );
  await list(
    'payment unapplied ≠ −Σ unapplied_cash lines',
    sql`select p.number || ' (' || p.status || '): unapplied ' || p.unapplied_amount || ', journal ' || -j.cash as what
          from payments p, lateral (select coalesce(sum(amount), 0) as cash from journal_lines l
                                     where l.org_id = p.org_id and l.payment_id = p.id and l.account = 'unapplied_cash') j
         where p.org_id = ${orgId}
           and -j.cash <> case when p.status in ('completed', 'refunded', 'disputed') then p.unapplied_amount else 0 end`,
  );
  await list(
    'invoice open amount ≠ Σ accounts_receivable lines',
    sql`select i.number || ': open ' || i.open_amount || ', journal ' || j.ar as what
          from invoices i, lateral (select coalesce(sum(amount), 0) as ar from journal_lines l
                                     where l.org_id = i.org_id and l.invoice_id = i.id and l.account = 'accounts_receivable') j
         where i.org_id = ${orgId} and j.ar <> case when i.status = 'open' then i.open_amount else 0 end`,
  );
  return problems;
}

/** Luhn's checksum, written here rather than taken from the code under test. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Digit runs of 13 to 19 digits (spaces and dashes between digits ignored, as a card number is
 * often written; UUIDs left out) that pass Luhn: what a leaked card number looks like.
 */
export function luhnRuns(text: string): string[] {
  const found: string[] = [];
  // Ids are UUIDs: their groups, read across the dashes, are often long runs of digits.
  const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' id ');
  for (const match of withoutIds.matchAll(/\d(?:[ -]?\d)*/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) found.push(digits);
  }
  return found;
}
