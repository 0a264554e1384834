import { randomUUID } from 'node:crypto';
import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { AutopayCommandError, runAutopayDay } from '../../src/cli/autopay.command.ts';
import { planAutopayRun } from '../../src/domain/autopay/plan-autopay-run.ts';
import { runAutopayCharge } from '../../src/domain/autopay/run-autopay-charge.ts';
import { sendAutopayNotices } from '../../src/domain/autopay/send-autopay-notices.ts';
import { isBusinessDay } from '../../src/domain/calendar/business-days.ts';
import { orgTodayOf } from '../../src/domain/customers/balances.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import {
  insertSavedMethod,
  markMethodRemoved,
  saveProcessorCustomerId,
} from '../../src/domain/payments/payment-methods.repository.ts';
import { autopayTasks } from '../../src/jobs/tasks/autopay-jobs.ts';
import { createAutopayMailer, renderAutopayMail } from '../../src/mail/templates/autopay-mail.ts';
import { as, signInTo } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Autopay through its HTTP API (portal and console) and its jobs: the sweep plans one
 * graphile-worker job per charge for a given day, the real worker runs them against the sandbox
 * processor, and what happened is read back through the API, the payments and the outbox.
 * Days are explicit (the sweep takes one), in the US seller's business calendar: 2026-12-25 is a
 * Friday holiday, 2027-01-18 (MLK day) a Monday one.
 */
const ctx = await useOnlinePaymentsApp();
const { app, db, config, gateways } = ctx;
const mailer = createAutopayMailer(config);
const deps = { db, gateways, mailer, publicUrl: config.publicUrl };
const tasks = autopayTasks(deps);
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
pool.on('error', () => {});
pool.on('connect', (client) => client.on('error', () => {}));
afterAll(() => pool.end());
const quietLogger = new Logger(() => () => {});

/** Runs the sweep for one seller and day, then the worker until the queue of autopay jobs is empty. */
async function runDay(orgId: string, day: string) {
  const planned = await planAutopayRun({ db }, { orgId, today: day });
  await runOnce({ pgPool: pool, taskList: tasks, noHandleSignals: true, logger: quietLogger });
  return planned.enqueued;
}

let n = 0;
async function seller() {
  const s = await onlineSeller(ctx);
  const { orgId, accountId } = s;
  const admin = as(
    app,
    await signInTo(app, s.seller.customers.account_admin.email, { kind: 'customer', orgId, accountId }),
  );
  const accountant = as(
    app,
    await signInTo(app, s.seller.customers.accountant.email, { kind: 'customer', orgId, accountId }),
  );
  const agent = as(app, await signInTo(app, s.seller.staff.ar_agent.email, { kind: 'staff', orgId }));
  const viewer = as(app, await signInTo(app, s.seller.staff.viewer.email, { kind: 'staff', orgId }));

  /** A card typed on the sandbox's page and saved for the account, as the pay flow saves one. */
  const savedCard = async (number = '4242424242424242') => {
    const token = await s.card(number);
    const gateway = await gateways.forSeller(orgId);
    const customer = {
      processorCustomerId: null,
      name: 'Corner Bistro LLC',
      email: null,
      orgId,
      customerId: accountId,
    };
    const kept = await gateway.saveMethod({
      idempotencyKey: randomUUID(),
      customer,
      methodToken: token,
      kind: 'card',
    });
    await saveProcessorCustomerId(db, {
      orgId,
      customerId: accountId,
      processor: 'sandbox',
      processorCustomerId: kept.processorCustomerId,
    });
    return insertSavedMethod(db, {
      orgId,
      customerId: accountId,
      processor: 'sandbox',
      token: kept.method.token,
      details: kept.method.details,
      createdBy: null,
    });
  };

  /** An open invoice of `amount` (dollars) due on `dueDate`. */
  const invoice = async (amount: string, dueDate: string) => {
    n++;
    const created = await createInvoice(
      { db },
      {
        orgId,
        customerId: accountId,
        number: `AP-${n}`,
        issueDate: '2026-11-01',
        dueDate,
        status: 'open',
        lines: [{ description: 'x', quantity: '1', unitPrice: amount }],
        actor: {},
      },
    );
    return created.id;
  };

  const get = async (who = s.payer) => {
    const r = await who({ method: 'GET', url: '/api/v1/portal/autopay' });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  /** Enrols through the portal, accepting the text GET showed. */
  const enrol = async (rules: Record<string, unknown>, who = s.payer) => {
    const shown = await get(who);
    return who({
      method: 'PUT',
      url: '/api/v1/portal/autopay',
      payload: {
        timing: 'due_date',
        daysBefore: null,
        scope: 'all_due',
        maxPerCharge: null,
        authorizationAccepted: true,
        authorizationText: shown.authorizationText,
        ...rules,
      },
    });
  };

  const paymentsOf = () =>
    db
      .selectFrom('payments')
      .select(['id', 'status', 'amount', 'source', 'idempotency_key'])
      .where('org_id', '=', orgId)
      .where('source', '=', 'autopay')
      .orderBy('created_at')
      .execute();

  const applied = async (paymentId: string) =>
    Object.fromEntries(
      (
        await db
          .selectFrom('payment_allocations_intended')
          .select(['invoice_id', 'amount'])
          .where('org_id', '=', orgId)
          .where('payment_id', '=', paymentId)
          .execute()
      ).map((r) => [r.invoice_id, r.amount]),
    );

  const mails = (template: string) =>
    db
      .selectFrom('mail_messages')
      .select(['to_address', 'subject', 'text_body', 'locale'])
      .where('org_id', '=', orgId)
      .where('template', '=', template)
      .orderBy('created_at')
      .execute();

  return {
    ...s,
    admin,
    accountant,
    agent,
    viewer,
    savedCard,
    invoice,
    get,
    enrol,
    paymentsOf,
    applied,
    mails,
  };
}

describe('enrolling', () => {
  test('a payer enrols a saved card accepting the text shown; the consent is recorded and kept', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    const shown = await s.get();
    expect(shown.available).toBe(true);
    expect(shown.enrollment).toBeNull();
    expect(shown.authorizationText).toContain('Harbor Supply Co.');
    expect(shown.authorizationText).toContain('Corner Bistro LLC');
    expect(shown.methods.map((m: { id: string }) => m.id)).toEqual([methodId]);
    expect(shown.methods[0].usedByAutopay).toBe(false);

    const r = await s.payer({
      method: 'PUT',
      url: '/api/v1/portal/autopay',
      headers: { 'user-agent': 'AutopayTest/1.0' },
      payload: {
        paymentMethodId: methodId,
        timing: 'days_before',
        daysBefore: 2,
        scope: 'all_due',
        maxPerCharge: 50_000,
        authorizationAccepted: true,
        authorizationText: shown.authorizationText,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const enrollment = r.json();
    expect(enrollment).toMatchObject({
      status: 'active',
      timing: 'days_before',
      daysBefore: 2,
      scope: 'all_due',
      maxPerCharge: 50_000,
      currency: 'USD',
      paymentMethod: { id: methodId, kind: 'card', brand: 'visa', last4: '4242' },
      authorization: {
        text: shown.authorizationText,
        locale: 'en',
        acceptedBy: { kind: 'customer', name: 'Customer payer', email: s.seller.customers.payer.email },
        userAgent: 'AutopayTest/1.0',
      },
      history: [],
    });
    expect(enrollment.authorization.ip).toBeTruthy();

    const again = await s.get();
    expect(again.enrollment.id).toBe(enrollment.id);
    expect(again.methods[0].usedByAutopay).toBe(true);

    // Changing the rules re-records the consent; the first stays.
    const changed = await s.enrol(
      { paymentMethodId: methodId, timing: 'due_date', daysBefore: null },
      s.admin,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: enrollment.id, timing: 'due_date', maxPerCharge: null });
    expect(changed.json().authorization.acceptedBy.name).toBe('Customer account_admin');
    const consents = await db
      .selectFrom('autopay_authorizations')
      .select(['accepted_by_email', 'text'])
      .where('org_id', '=', s.orgId)
      .orderBy('accepted_at')
      .execute();
    expect(consents.map((c) => c.accepted_by_email)).toEqual([
      s.seller.customers.payer.email,
      s.seller.customers.account_admin.email,
    ]);
    // Consent is evidence: not even the application may edit or remove it.
    await expect(
      sql`update autopay_authorizations set text = 'x' where org_id = ${s.orgId}`.execute(db),
    ).rejects.toThrow(/append-only/);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgId)
      .where('entity_type', '=', 'autopay_enrollment')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['autopay.enrolled', 'autopay.changed']);
  });

  test('an accountant reads autopay but may not enrol; a text other than the one shown is refused', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    const read = await s.get(s.accountant);
    expect(read.available).toBe(false);
    expect(read.unavailableReason).toMatch(/role/);
    const refused = await s.enrol({ paymentMethodId: methodId }, s.accountant);
    expect(refused.statusCode).toBe(403);

    const tampered = await s.payer({
      method: 'PUT',
      url: '/api/v1/portal/autopay',
      payload: {
        paymentMethodId: methodId,
        timing: 'due_date',
        daysBefore: null,
        scope: 'all_due',
        maxPerCharge: null,
        authorizationAccepted: true,
        authorizationText: `${(await s.get()).authorizationText} (edited)`,
      },
    });
    expect(tampered.statusCode).toBe(409);
    expect(tampered.json().code).toBe('autopay_text_changed');

    // The seller changes its text after the page showed the old one.
    const shown = await s.get();
    await db
      .insertInto('payment_settings')
      .values({ org_id: s.orgId, autopay_text_en: 'New terms for {customer}.' })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ autopay_text_en: 'New terms for {customer}.' }))
      .execute();
    const stale = await s.enrol({ paymentMethodId: methodId, authorizationText: shown.authorizationText });
    expect(stale.statusCode).toBe(409);
    expect((await s.get()).authorizationText).toBe('New terms for Corner Bistro LLC.');
    const fresh = await s.enrol({ paymentMethodId: methodId });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json().authorization.text).toBe('New terms for Corner Bistro LLC.');

    // Bad rules: days before without a number, a method of another account.
    expect(
      (await s.enrol({ paymentMethodId: methodId, timing: 'days_before', daysBefore: null })).statusCode,
    ).toBe(400);
    expect((await s.enrol({ paymentMethodId: randomUUID() })).statusCode).toBe(404);
  });

  test('staff enrol on the customer’s behalf and are recorded; a viewer reads; another seller’s customer is 404', async () => {
    const s = await seller();
    const other = await seller();
    const methodId = await s.savedCard();
    const url = `/api/v1/console/customers/${s.accountId}/autopay`;
    const shown = (await s.viewer({ method: 'GET', url })).json();
    expect(shown.available).toBe(true);
    const body = {
      paymentMethodId: methodId,
      timing: 'due_date',
      daysBefore: null,
      scope: 'overdue_only',
      maxPerCharge: null,
      authorizationAccepted: true,
      authorizationText: shown.authorizationText,
    };
    expect((await s.viewer({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    const r = await s.agent({ method: 'PUT', url, payload: body, headers: { 'user-agent': 'Console/2' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().authorization.acceptedBy).toEqual({
      kind: 'staff',
      name: 'Staff ar_agent',
      email: s.seller.staff.ar_agent.email,
    });
    expect(r.json().authorization.userAgent).toBe('Console/2');
    // The customer sees it in the portal.
    expect((await s.get()).enrollment.scope).toBe('overdue_only');

    const foreign = `/api/v1/console/customers/${other.accountId}/autopay`;
    expect((await s.agent({ method: 'GET', url: foreign })).statusCode).toBe(404);
    expect((await s.agent({ method: 'PUT', url: foreign, payload: body })).statusCode).toBe(404);
    expect((await s.agent({ method: 'POST', url: `${foreign}/pause` })).statusCode).toBe(404);
    expect((await s.agent({ method: 'DELETE', url: foreign })).statusCode).toBe(404);
  });
});

describe('charging', () => {
  test('charges on the business day before a holiday or weekend due date, never early, never on a closed day', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    const holiday = await s.invoice('100.00', '2026-12-25'); // Friday, Christmas
    const saturday = await s.invoice('50.00', '2026-12-26');
    const monday = await s.invoice('70.00', '2026-12-28');

    expect(await runDay(s.orgId, '2026-12-23')).toBe(0);
    expect(await runDay(s.orgId, '2026-12-24')).toBe(1);
    const [first] = await s.paymentsOf();
    expect(first).toMatchObject({ status: 'completed', amount: 15_000n, source: 'autopay' });
    expect(await s.applied(first!.id)).toEqual({ [holiday]: 10_000n, [saturday]: 5_000n });
    expect((await s.invoiceState(holiday)).open_amount).toBe(0n);
    // Closed days plan nothing; Monday charges Monday's invoice.
    expect(await runDay(s.orgId, '2026-12-25')).toBe(0);
    expect(await runDay(s.orgId, '2026-12-26')).toBe(0);
    expect(await runDay(s.orgId, '2026-12-28')).toBe(1);
    const payments = await s.paymentsOf();
    expect(payments).toHaveLength(2);
    expect(await s.applied(payments[1]!.id)).toEqual({ [monday]: 7_000n });

    const view = (await s.get()).enrollment;
    expect(view.history.map((h: { on: string; status: string }) => h.status)).toEqual([
      'completed',
      'completed',
    ]);
    expect(view.history[1]).toMatchObject({ attempt: 1, amount: 15_000, failure: null });
    expect(view.history[0].number).toMatch(/^PAY-/);
    expect(await s.problems()).toEqual([]);
  });

  test('days before the due date: moved back over a weekend; overdue only waits for the day after', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect(
      (await s.enrol({ paymentMethodId: methodId, timing: 'days_before', daysBefore: 3 })).statusCode,
    ).toBe(201);
    const due = await s.invoice('40.00', '2027-01-11'); // Monday − 3 = Friday 8th
    const weekend = await s.invoice('10.00', '2027-01-13'); // Wednesday − 3 = Sunday 10th → Friday 8th
    expect(await runDay(s.orgId, '2027-01-07')).toBe(0);
    expect(await runDay(s.orgId, '2027-01-08')).toBe(1);
    const [p] = await s.paymentsOf();
    expect(await s.applied(p!.id)).toEqual({ [due]: 4_000n, [weekend]: 1_000n });

    const o = await seller();
    const oMethod = await o.savedCard();
    expect((await o.enrol({ paymentMethodId: oMethod, scope: 'overdue_only' })).statusCode).toBe(201);
    const late = await o.invoice('25.00', '2027-01-15'); // Friday; overdue from Saturday → Tuesday (MLK Monday)
    expect(await runDay(o.orgId, '2027-01-15')).toBe(0);
    expect(await runDay(o.orgId, '2027-01-18')).toBe(0);
    expect(await runDay(o.orgId, '2027-01-19')).toBe(1);
    const [q] = await o.paymentsOf();
    expect(await o.applied(q!.id)).toEqual({ [late]: 2_500n });
  });

  test('the maximum per charge pays oldest first, the last in part when partial payments are allowed, and leaves the rest', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId, maxPerCharge: 25_000 })).statusCode).toBe(201);
    const a = await s.invoice('100.00', '2027-02-01');
    const b = await s.invoice('200.00', '2027-02-02');
    const c = await s.invoice('300.00', '2027-02-03');
    const next = (await s.get()).enrollment.nextCharge;
    expect(next).toMatchObject({ on: '2027-02-01', amount: 10_000, invoiceCount: 1 });
    expect(await runDay(s.orgId, '2027-02-03')).toBe(1);
    const [p] = await s.paymentsOf();
    expect(p!.amount).toBe(25_000n);
    expect(await s.applied(p!.id)).toEqual({ [a]: 10_000n, [b]: 15_000n });
    // What the maximum left is the customer's to pay: autopay does not come back for it.
    expect(await runDay(s.orgId, '2027-02-04')).toBe(0);
    expect((await s.invoiceState(c)).open_amount).toBe(30_000n);

    const w = await seller();
    const wMethod = await w.savedCard();
    await db.insertInto('payment_settings').values({ org_id: w.orgId, partial_allowed: false }).execute();
    expect((await w.enrol({ paymentMethodId: wMethod, maxPerCharge: 25_000 })).statusCode).toBe(201);
    const wa = await w.invoice('100.00', '2027-02-01');
    await w.invoice('200.00', '2027-02-02');
    expect(await runDay(w.orgId, '2027-02-03')).toBe(1);
    const [wp] = await w.paymentsOf();
    expect(await w.applied(wp!.id)).toEqual({ [wa]: 10_000n });
  });

  test('a soft decline is retried 1, 3 and 5 business days later, then stops; each decline is mailed', async () => {
    const s = await seller();
    const methodId = await s.savedCard('4000000000009995'); // insufficient funds
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('80.00', '2027-01-04');
    expect(await runDay(s.orgId, '2027-01-04')).toBe(1);
    let view = (await s.get()).enrollment;
    expect(view.history[0]).toMatchObject({
      attempt: 1,
      status: 'failed',
      nextRetryOn: '2027-01-05',
      failure: { code: 'insufficient_funds', retryable: true },
    });
    expect(view.nextCharge).toMatchObject({ on: '2027-01-05', amount: 8_000 });
    const first = await s.mails('autopay_failed');
    expect(first.map((m) => m.to_address).sort()).toEqual(
      [s.seller.customers.payer.email, s.seller.customers.account_admin.email].sort(),
    );
    expect(first[0]!.text_body).toContain('Jan 5, 2027');
    expect(first[0]!.text_body).toContain('$80.00');

    expect(await runDay(s.orgId, '2027-01-05')).toBe(1); // attempt 2 → retry on the 7th (+3)
    expect(await runDay(s.orgId, '2027-01-06')).toBe(0);
    expect(await runDay(s.orgId, '2027-01-07')).toBe(1); // attempt 3 → retry on the 11th (+5)
    expect(await runDay(s.orgId, '2027-01-08')).toBe(0);
    expect(await runDay(s.orgId, '2027-01-11')).toBe(1); // attempt 4: the last
    expect(await runDay(s.orgId, '2027-01-12')).toBe(0);
    view = (await s.get()).enrollment;
    expect(view.history.map((h: { attempt: number }) => h.attempt)).toEqual([4, 3, 2, 1]);
    expect(view.history.map((h: { nextRetryOn: string | null }) => h.nextRetryOn)).toEqual([
      null,
      '2027-01-11',
      '2027-01-07',
      '2027-01-05',
    ]);
    expect(view.status).toBe('active');
    expect(await s.sandboxCharges()).toBe(4);
    const all = await s.mails('autopay_failed');
    expect(all).toHaveLength(8);
    expect(all.at(-1)!.text_body).toContain('We will not try again');
  });

  test('a hard decline stops at once and mails; an expired card pauses autopay', async () => {
    const s = await seller();
    const methodId = await s.savedCard('4000000000000002'); // generic decline
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('30.00', '2027-01-04');
    expect(await runDay(s.orgId, '2027-01-04')).toBe(1);
    expect(await runDay(s.orgId, '2027-01-05')).toBe(0);
    const view = (await s.get()).enrollment;
    expect(view.status).toBe('active');
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({
      failure: { code: 'card_declined', retryable: false },
      nextRetryOn: null,
    });
    const mailed = await s.mails('autopay_failed');
    expect(mailed).toHaveLength(2);
    expect(mailed[0]!.text_body).toContain('We will not try again for these invoices');

    const e = await seller();
    const expired = await e.savedCard('4000000000000069');
    expect((await e.enrol({ paymentMethodId: expired })).statusCode).toBe(201);
    await e.invoice('30.00', '2027-01-04');
    expect(await runDay(e.orgId, '2027-01-04')).toBe(1);
    const paused = (await e.get()).enrollment;
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'method_unusable' });
    expect((await e.mails('autopay_failed'))[0]!.text_body).toContain('Autopay is paused');
  });

  test('a method removed after enrolling pauses autopay at its next charge, and says why', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('30.00', '2027-01-04');
    await markMethodRemoved(db, { orgId: s.orgId, methodId });
    expect(await runDay(s.orgId, '2027-01-04')).toBe(1);
    const view = (await s.get()).enrollment;
    expect(view).toMatchObject({ status: 'paused', pauseReason: 'method_unusable' });
    expect(view.history[0]).toMatchObject({
      status: 'failed',
      failure: { code: 'method_removed', retryable: false },
    });
    expect(await s.sandboxCharges()).toBe(0);
    expect((await s.mails('autopay_failed'))[0]!.text_body).toContain('was removed');
    // Resuming needs a method: enrolling again with another one turns it back on.
    expect((await s.payer({ method: 'POST', url: '/api/v1/portal/autopay/resume' })).statusCode).toBe(400);
    const other = await s.savedCard('5555555555554444');
    const again = await s.enrol({ paymentMethodId: other });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'active', pauseReason: null });
  });

  test('the portal shows which saved method autopay uses, and will not forget it while autopay does', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    const options = await s.payer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(options.json().savedMethods).toEqual([
      expect.objectContaining({ id: methodId, usedByAutopay: true }),
    ]);
    const refused = await s.payer({ method: 'DELETE', url: `/api/v1/portal/payment-methods/${methodId}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('method_in_use');
    expect((await s.get()).enrollment.status).toBe('active');
    // Once autopay is cancelled, the method may go.
    expect((await s.payer({ method: 'DELETE', url: '/api/v1/portal/autopay' })).statusCode).toBe(200);
    expect(
      (await s.payer({ method: 'DELETE', url: `/api/v1/portal/payment-methods/${methodId}` })).statusCode,
    ).toBe(204);
  });

  test('pause, resume and cancel: nothing is charged while paused or after cancelling; history stays', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('20.00', '2027-03-01');
    const paused = await s.payer({ method: 'POST', url: '/api/v1/portal/autopay/pause' });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', pauseReason: 'customer', nextCharge: null });
    expect(await runDay(s.orgId, '2027-03-01')).toBe(0);
    const resumed = await s.payer({ method: 'POST', url: '/api/v1/portal/autopay/resume' });
    expect(resumed.json().status).toBe('active');
    // What fell due while paused is charged at the next run.
    expect(await runDay(s.orgId, '2027-03-02')).toBe(1);
    expect(await s.paymentsOf()).toHaveLength(1);

    await s.invoice('20.00', '2027-03-03');
    const cancelled = await s.payer({ method: 'DELETE', url: '/api/v1/portal/autopay' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().cancelledAt).toBeTruthy();
    expect(await runDay(s.orgId, '2027-03-03')).toBe(0);
    const view = (await s.get()).enrollment;
    expect(view.status).toBe('cancelled');
    expect(view.history).toHaveLength(1);
    expect((await s.get()).methods[0].usedByAutopay).toBe(false);
    expect((await s.payer({ method: 'POST', url: '/api/v1/portal/autopay/pause' })).statusCode).toBe(404);
    // Enrolling again starts a new enrollment.
    const again = await s.enrol({ paymentMethodId: methodId });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(view.id);
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgId)
      .where('entity_type', '=', 'autopay_enrollment')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'autopay.enrolled',
      'autopay.paused',
      'autopay.resumed',
      'autopay.cancelled',
      'autopay.enrolled',
    ]);
  });

  test('a sweep run twice and a job run twice charge once', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    const enrollment = (await s.enrol({ paymentMethodId: methodId })).json();
    await s.invoice('60.00', '2027-04-01');
    const first = await planAutopayRun({ db }, { orgId: s.orgId, today: '2027-04-01' });
    const second = await planAutopayRun({ db }, { orgId: s.orgId, today: '2027-04-01' });
    expect(first).toMatchObject({ enqueued: 1, jobs: 1 });
    expect(second).toMatchObject({ enqueued: 1, jobs: 1 }); // the same job, replaced under its key
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs where key like ${`autopay:${s.orgId}:%`}`.execute(
      db,
    );
    expect(rows[0]!.n).toBe(1);
    await runOnce({ pgPool: pool, taskList: tasks, noHandleSignals: true, logger: quietLogger });
    // The job again (a retry after a crash), and the sweep again: nothing more.
    const job = { orgId: s.orgId, enrollmentId: enrollment.id, chargeOn: '2027-04-01', attempt: 1 };
    expect(await runAutopayCharge(deps, job)).toBe('already_done');
    expect(await runDay(s.orgId, '2027-04-01')).toBe(0);
    expect(await s.sandboxCharges()).toBe(1);
    const payments = await s.paymentsOf();
    expect(payments).toHaveLength(1);
    expect(payments[0]!.idempotency_key).toBe(`autopay:${enrollment.id}:2027-04-01:1`);
  });
});

describe('the hourly sweep', () => {
  /** A fixed-offset zone where it is now `hour` o'clock (Etc/GMT-X is X hours ahead of UTC). */
  const zoneAt = (hour: number) => {
    const ahead = ((((hour - new Date().getUTCHours()) % 24) + 36) % 24) - 12;
    return ahead === 0 ? 'Etc/GMT' : `Etc/GMT${ahead > 0 ? '-' : '+'}${Math.abs(ahead)}`;
  };

  test('charges each seller on its own day, from 06:00 there, and on business days only', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('12.00', '2026-11-02');
    await db
      .updateTable('organizations')
      .set({ time_zone: zoneAt(3) })
      .where('id', '=', s.orgId)
      .execute();
    expect((await planAutopayRun({ db }, { orgId: s.orgId })).enqueued).toBe(0);
    await db
      .updateTable('organizations')
      .set({ time_zone: zoneAt(12) })
      .where('id', '=', s.orgId)
      .execute();
    const today = (await orgTodayOf(db, s.orgId))!;
    const expected = isBusinessDay('US', today) ? 1 : 0;
    expect((await planAutopayRun({ db }, { orgId: s.orgId })).enqueued).toBe(expected);
    await runOnce({ pgPool: pool, taskList: tasks, noHandleSignals: true, logger: quietLogger });
    expect(await s.paymentsOf()).toHaveLength(expected);
    expect((await planAutopayRun({ db }, { orgId: s.orgId })).enqueued).toBe(0);
  });
});

describe('a charge job that dies midway', () => {
  test('run again, it replays the same payment: one charge, recorded once', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    const enrollment = (await s.enrol({ paymentMethodId: methodId })).json();
    await s.invoice('45.00', '2027-06-01');
    expect(await runDay(s.orgId, '2027-06-01')).toBe(1);
    // As if the job had died after the processor answered, before the attempt was recorded.
    await sql`update autopay_attempts set status = 'processing', payment_id = null
               where org_id = ${s.orgId}`.execute(db);
    const job = { orgId: s.orgId, enrollmentId: enrollment.id, chargeOn: '2027-06-01', attempt: 1 };
    expect(await runAutopayCharge(deps, job)).toBe('succeeded');
    expect(await s.sandboxCharges()).toBe(1);
    expect(await s.paymentsOf()).toHaveLength(1);
    const history = (await s.get()).enrollment.history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'completed', amount: 4_500 });
    expect(await s.problems()).toEqual([]);
  });
});

describe('saldo autopay run', () => {
  test('runs a seller’s day by hand: notices, then the charges due, made at once', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('15.00', '2027-05-03');
    await s.invoice('16.00', '2027-05-05');
    const cli = { ...deps, connectionString: testDatabaseUrl() };
    const result = await runAutopayDay(cli, { org: s.seller.org.slug, day: '2027-05-03' });
    expect(result).toMatchObject({ day: '2027-05-03', notices: 2, charges: 1 });
    expect((await s.paymentsOf()).map((p) => p.status)).toEqual(['completed']);
    await expect(runAutopayDay(cli, { org: 'no-such-seller', day: '2027-05-03' })).rejects.toThrow(
      AutopayCommandError,
    );
    await expect(runAutopayDay(cli, { org: s.orgId, day: '2027-02-31' })).rejects.toThrow(
      AutopayCommandError,
    );
  });
});

describe('notices', () => {
  test('the notice goes out the seller’s notice days before the charge, once, with the invoices and amount', async () => {
    const s = await seller();
    const methodId = await s.savedCard();
    expect((await s.enrol({ paymentMethodId: methodId })).statusCode).toBe(201);
    await s.invoice('120.00', '2027-01-15'); // Friday
    expect((await sendAutopayNotices(deps, { orgId: s.orgId, today: '2027-01-11' })).sent).toBe(0);
    expect((await sendAutopayNotices(deps, { orgId: s.orgId, today: '2027-01-12' })).sent).toBe(2);
    expect((await sendAutopayNotices(deps, { orgId: s.orgId, today: '2027-01-13' })).sent).toBe(0);
    const [notice] = await s.mails('autopay_upcoming');
    expect(notice!.subject).toBe('Autopay: Harbor Supply Co. will charge $120.00 on Jan 15, 2027');
    expect(notice!.text_body).toMatch(/AP-\d+: \$120\.00/);
    expect(notice!.text_body).toContain('Visa ·· 4242');
    expect(notice!.text_body).toContain('http://saldo.test/portal/autopay');

    // A longer lead time, set by the seller.
    const l = await seller();
    const lMethod = await l.savedCard();
    const url = '/api/v1/console/settings/autopay';
    expect((await l.agent({ method: 'PUT', url, payload: { noticeDays: 5 } })).statusCode).toBe(403);
    const admin = as(app, await signInTo(app, l.seller.staff.admin.email, { kind: 'staff', orgId: l.orgId }));
    expect((await admin({ method: 'PUT', url, payload: { noticeDays: 5 } })).json()).toEqual({
      noticeDays: 5,
    });
    expect((await l.viewer({ method: 'GET', url })).json()).toEqual({ noticeDays: 5 });
    expect((await l.enrol({ paymentMethodId: lMethod })).statusCode).toBe(201);
    await l.invoice('10.00', '2027-01-15');
    expect((await sendAutopayNotices(deps, { orgId: l.orgId, today: '2027-01-10' })).sent).toBe(2);
    // Paused: no notice.
    await l.payer({ method: 'POST', url: '/api/v1/portal/autopay/pause' });
    await l.invoice('10.00', '2027-01-14');
    expect((await sendAutopayNotices(deps, { orgId: l.orgId, today: '2027-01-11' })).sent).toBe(0);
  });
});

describe('autopay e-mail', () => {
  test('in Spanish, amounts and dates as Mexico writes them; only brand and last four of the method', () => {
    const data = {
      name: 'Ana',
      orgName: 'Distribuidora del Valle',
      accountName: 'Restaurante La Esquina',
      country: 'MX',
      currency: 'MXN',
      method: { kind: 'card' as const, brand: 'visa', bankName: null, last4: '4242' },
      invoices: [{ number: 'F-1', amount: 123_450n }],
      amount: 123_450n,
      url: 'https://saldo.example/portal/autopay',
    };
    const org = { name: 'Distribuidora del Valle', branding: {} };
    const notice = renderAutopayMail(
      {
        orgId: randomUUID(),
        to: 'a@b.test',
        locale: 'es',
        template: 'autopay_notice',
        data: { ...data, chargeOn: '2026-09-14' },
      },
      org,
    );
    expect(notice.subject).toBe('Pago automático: Distribuidora del Valle cobrará $1,234.50 el 14 sept 2026');
    expect(notice.text).toContain('Visa ·· 4242');
    expect(notice.html).toContain('F-1');
    const failed = renderAutopayMail(
      {
        orgId: randomUUID(),
        to: 'a@b.test',
        locale: 'es',
        template: 'autopay_failed',
        data: {
          ...data,
          attemptedOn: '2026-09-14',
          failureCode: 'insufficient_funds',
          nextRetryOn: '2026-09-15',
          paused: false,
        },
      },
      org,
    );
    expect(failed.text).toContain('No había fondos suficientes');
    expect(failed.text).toContain('Lo intentaremos otra vez el 15 sept 2026');
  });
});
