import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  MethodKind,
  PaymentGateway,
  ProcessorCustomer,
} from '../../src/domain/payments/payment-gateway.ts';
import { runSandboxClock } from '../../src/gateways/sandbox/run-sandbox-clock.ts';
import { sandboxRoutes } from '../../src/gateways/sandbox/sandbox.routes.ts';
import { createSandboxGateway } from '../../src/gateways/sandbox/sandbox-gateway.ts';
import { luhnValid, testBankAccounts, testCards } from '../../src/gateways/sandbox/sandbox-test-numbers.ts';
import { buildApp } from '../../src/http/app.ts';
import { httpLoggerOptions } from '../../src/http/logging.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { testConfig } from '../support/app.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

const PUBLIC_URL = 'http://saldo.test';
const START = new Date('2026-03-02T15:00:00Z');

const { db } = useTestDb();
let clock = START;
const now = () => clock;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  // The app's own logger options, to see what a request leaves in the log.
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = Fastify({ logger: { ...httpLoggerOptions('trace'), stream } });
  await app.register(sandboxRoutes, { prefix: '/sandbox', db, now });
  await app.ready();
});
afterAll(() => app.close());

async function newSeller(locale: 'es' | 'en' = 'en') {
  const org = await createOrg(db, { locale });
  const account = await createCustomerAccount(db, org.id);
  const gateway = createSandboxGateway({
    db,
    publicUrl: PUBLIC_URL,
    orgId: org.id,
    webhookSecret: 'secret',
    now,
  });
  const customer: ProcessorCustomer = {
    processorCustomerId: null,
    name: account.name,
    email: null,
    orgId: org.id,
    customerId: account.id,
  };
  return { orgId: org.id, gateway, customer };
}

async function entryPath(
  seller: { gateway: PaymentGateway; customer: ProcessorCustomer },
  kind: MethodKind,
  locale: 'es' | 'en' = 'en',
) {
  const session = await seller.gateway.createEntrySession({
    kind,
    customer: seller.customer,
    locale,
    returnUrl: `${PUBLIC_URL}/portal/pay/return?ref=abc`,
    cancelUrl: `${PUBLIC_URL}/portal/pay?cancelled=1`,
    reference: 'pay-1',
  });
  expect(session).toEqual({
    type: 'redirect',
    url: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/sandbox/entry/ses_sb_`)),
    sessionId: expect.stringMatching(/^ses_sb_/),
  });
  return new URL((session as { url: string }).url).pathname;
}

const post = (url: string, fields: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const card = (number: string, over: Record<string, string> = {}) => ({
  number,
  expiry: '04/29',
  cvc: '123',
  name: 'Alex Morgan',
  postalCode: '10001',
  ...over,
});

describe('the entry page', () => {
  test('renders an accessible, labelled card form marked as the sandbox, test numbers in a details element', async () => {
    clock = START;
    const seller = await newSeller();
    const response = await app.inject({ url: await entryPath(seller, 'card') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toContain('Sandbox — test numbers only');
    for (const field of ['number', 'expiry', 'cvc', 'name', 'postalCode'])
      expect(html).toMatch(new RegExp(`<label for="${field}">[^<]+</label>[\\s\\S]*?id="${field}"`));
    expect(html).toMatch(
      /<details>\s*<summary>Test numbers<\/summary>[\s\S]*4000002760003184[\s\S]*<\/details>/,
    );
    expect(html).toContain('href="http://saldo.test/portal/pay?cancelled=1"');
    expect(html).toContain('<link rel="stylesheet" href="../sandbox.css">');
    expect(html).not.toMatch(/<script|style=/);
    const css = await app.inject({ url: '/sandbox/sandbox.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('speaks the session language', async () => {
    const seller = await newSeller('es');
    const html = (await app.inject({ url: await entryPath(seller, 'ach', 'es') })).body;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Sandbox — solo números de prueba');
    expect(html).toContain('Número de cuenta');
    expect(html).toContain('000111111116');
    // The sandbox's own account for a return after settlement, explained in the payer's language.
    expect(html).toMatch(
      /000666666661<\/td><td>Se liquida y 2 días hábiles después se devuelve R10 \(el cliente dice que no lo autorizó\)/,
    );
    const en = (await app.inject({ url: await entryPath(await newSeller(), 'ach') })).body;
    expect(en).toMatch(
      /000666666661<\/td><td>Settles, then is returned R10 \(customer says unauthorised\) 2 business days later/,
    );
  });

  test('a test card redirects to the return URL with the token', async () => {
    clock = START;
    const seller = await newSeller();
    const path = await entryPath(seller, 'card');
    const response = await post(path, card('4242 4242 4242 4242'));
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${PUBLIC_URL}/portal/pay/return`);
    expect(location.searchParams.get('ref')).toBe('abc');
    const token = location.searchParams.get('method')!;
    expect(token).toMatch(/^pm_sb_/);
    expect((await seller.gateway.describeMethod(token)).details).toMatchObject({
      brand: 'visa',
      last4: '4242',
    });
    // Submitted twice (a double click): the same token, no second method.
    const again = await post(path, card('4242424242424242'));
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(response.headers.location);
    // Coming back to the page afterwards finds it used.
    expect((await app.inject({ url: path })).statusCode).toBe(410);
  });

  test('a bad number re-renders with its error tied to the field, focused, and without the numbers', async () => {
    clock = START;
    const seller = await newSeller();
    const response = await post(await entryPath(seller, 'card'), card('4242424242424241', { cvc: '987' }));
    expect(response.statusCode).toBe(422);
    const html = response.body;
    expect(html).not.toContain('4242424242424241');
    expect(html).not.toContain('987');
    expect(html).toContain('Enter a valid card number.');
    expect(html).toMatch(
      /id="number"[^>]*aria-describedby="number-error"[^>]*aria-invalid="true"[^>]*autofocus/,
    );
    expect(html).toContain('<p class="error" id="number-error">Enter a valid card number.</p>');
    expect(html).toMatch(/role="alert"[\s\S]*href="#number"/);
    // What is safe to show again is kept.
    expect(html).toContain('value="Alex Morgan"');
    expect(html).toContain('value="04/29"');
  });

  test('an expired card, a bad CVC and missing fields are each named', async () => {
    clock = START;
    const seller = await newSeller();
    const html = (
      await post(
        await entryPath(seller, 'card'),
        card('371449635398431', { expiry: '02/26', cvc: '123', name: '' }),
      )
    ).body;
    expect(html).toContain('This card has expired: check the expiry date.');
    expect(html).toContain('Enter the 3-digit security code (4 digits on American Express).');
    expect(html).toMatch(/id="name"[^>]*aria-describedby="name-error"/);
    expect(html).toMatch(/id="expiry"[^>]*autofocus/);
    expect(html).not.toContain('371449635398431');
  });

  test('a bank account: ABA checksum checked, numbers never echoed', async () => {
    clock = START;
    const seller = await newSeller();
    const path = await entryPath(seller, 'ach');
    const bad = await post(path, {
      holderName: 'Corner Bistro LLC',
      routing: '110000001',
      account: '987654321000',
      accountType: 'savings',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter a valid 9-digit routing number.');
    expect(bad.body).not.toContain('110000001');
    expect(bad.body).not.toContain('987654321000');
    expect(bad.body).toMatch(/value="savings" checked/);
    const good = await post(path, {
      holderName: 'Corner Bistro LLC',
      routing: '021000021',
      account: '987654321000',
      accountType: 'savings',
    });
    expect(good.statusCode).toBe(303);
    const token = new URL(String(good.headers.location)).searchParams.get('method')!;
    expect((await seller.gateway.describeMethod(token)).details).toEqual({
      kind: 'ach',
      brand: null,
      last4: '1000',
      expMonth: null,
      expYear: null,
      bankName: 'Sandbox Bank',
      accountType: 'savings',
    });
  });

  test('a session expires after 30 minutes; an unknown one is not found; cross-site posts are refused', async () => {
    clock = START;
    const seller = await newSeller();
    const path = await entryPath(seller, 'card');
    clock = new Date(START.getTime() + 31 * 60_000);
    expect((await app.inject({ url: path })).statusCode).toBe(410);
    expect((await post(path, card('4242424242424242'))).statusCode).toBe(410);
    expect((await app.inject({ url: '/sandbox/entry/ses_sb_doesnotexist000000' })).statusCode).toBe(404);
    clock = START;
    const fresh = await entryPath(seller, 'card');
    const cross = await app.inject({
      method: 'POST',
      url: fresh,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: new URLSearchParams(card('4242424242424242')).toString(),
    });
    expect(cross.statusCode).toBe(404);
  });
});

describe('the 3-D Secure page', () => {
  async function challenge(outcome: 'approve' | 'fail') {
    clock = START;
    const seller = await newSeller();
    const location = (await post(await entryPath(seller, 'card'), card('4000002760003184'))).headers.location;
    const token = new URL(String(location)).searchParams.get('method')!;
    const charge = await seller.gateway.charge({
      idempotencyKey: randomUUID(),
      amount: 12_345n,
      currency: 'USD',
      kind: 'card',
      methodToken: token,
      customer: seller.customer,
      offSession: false,
      description: 'INV-7',
      metadata: {
        paymentId: randomUUID(),
        orgId: seller.orgId,
        returnUrl: `${PUBLIC_URL}/portal/payments/p1`,
      },
    });
    if (charge.status !== 'requires_action') throw new Error(charge.status);
    const path = new URL(charge.actionUrl).pathname;
    const page = await app.inject({ url: path, headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aprobar');
    expect(page.body).toContain('Rechazar');
    expect(page.body).toMatch(/123\.45/);
    const answer = await post(path, { outcome });
    expect(answer.statusCode).toBe(303);
    const back = new URL(String(answer.headers.location));
    expect(back.pathname).toBe('/portal/payments/p1');
    expect(back.searchParams.get('charge')).toBe(charge.processorPaymentId);
    return { seller, charge, back };
  }

  test('Approve captures the charge and records charge.succeeded', async () => {
    const { seller, charge, back } = await challenge('approve');
    expect(back.searchParams.get('redirect_status')).toBe('succeeded');
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: charge.processorPaymentId,
        idempotencyKey: 'x',
      }),
    ).toMatchObject({ status: 'succeeded', feeAmount: 388n });
    const types: string[] = [];
    await runSandboxClock(
      {
        db,
        publicUrl: PUBLIC_URL,
        webhookSecret: 'secret',
        now: START,
        deliver: async (_url, body) => {
          types.push(JSON.parse(body).type);
          return 200;
        },
      },
      { orgId: seller.orgId },
    );
    expect(types).toEqual(['charge.succeeded']);
    // Answered once: the page now says so.
    expect((await app.inject({ url: new URL(charge.actionUrl).pathname })).body).toContain(
      'no longer needs confirmation',
    );
  });

  test('Fail fails the charge with authentication_required', async () => {
    const { seller, charge, back } = await challenge('fail');
    expect(back.searchParams.get('redirect_status')).toBe('failed');
    expect(
      await seller.gateway.retrieveCharge({
        processorPaymentId: charge.processorPaymentId,
        idempotencyKey: 'x',
      }),
    ).toMatchObject({ status: 'failed', failure: { code: 'authentication_required', retryable: false } });
  });
});

/** Every run of 13–19 digits in `text` that passes Luhn: what a card number would look like. */
function luhnRuns(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\d{13,}/g))
    for (let length = 13; length <= 19; length++)
      for (let start = 0; start + length <= match[0].length; start++) {
        const run = match[0].slice(start, start + length);
        if (luhnValid(run)) found.push(run);
      }
  return found;
}

describe('no numbers kept', () => {
  test('after every test card and account went through the page, the sandbox tables and the log hold none', async () => {
    clock = START;
    const seller = await newSeller();
    const tokens: { token: string; kind: MethodKind }[] = [];
    for (const c of testCards) {
      const response = await post(
        await entryPath(seller, 'card'),
        card(c.number, { cvc: c.number.startsWith('3') ? '1234' : '123' }),
      );
      tokens.push({
        token: new URL(String(response.headers.location)).searchParams.get('method')!,
        kind: 'card',
      });
    }
    for (const a of testBankAccounts) {
      const response = await post(await entryPath(seller, 'ach'), {
        holderName: 'Corner Bistro LLC',
        routing: '110000000',
        account: a.account,
        accountType: 'checking',
      });
      tokens.push({
        token: new URL(String(response.headers.location)).searchParams.get('method')!,
        kind: 'ach',
      });
    }
    let customer = seller.customer;
    for (const { token, kind } of tokens) {
      const saved = await seller.gateway.saveMethod({
        idempotencyKey: randomUUID(),
        customer,
        methodToken: token,
        kind,
      });
      customer = { ...customer, processorCustomerId: saved.processorCustomerId };
      await seller.gateway.charge({
        idempotencyKey: randomUUID(),
        amount: 5_000n,
        currency: 'USD',
        kind,
        methodToken: token,
        customer,
        offSession: false,
        description: 'INV-9',
        metadata: { paymentId: randomUUID(), orgId: seller.orgId },
      });
    }
    for (const days of [1, 3, 5, 8])
      await runSandboxClock(
        {
          db,
          publicUrl: PUBLIC_URL,
          webhookSecret: 'secret',
          now: new Date(START.getTime() + days * 86_400_000),
          deliver: async () => 200,
        },
        { orgId: seller.orgId },
      );

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name like 'sandbox\\_%' order by table_name`.execute(db);
    expect(tables.rows.length).toBeGreaterThanOrEqual(9);
    const accounts = testBankAccounts.map((a) => a.account);
    for (const { table_name } of tables.rows) {
      const rows = await sql<{
        row: string;
      }>`select row_to_json(t)::text as row from ${sql.table(table_name)} t`.execute(db);
      const text = rows.rows.map((r) => r.row).join('\n');
      expect(luhnRuns(text), table_name).toEqual([]);
      for (const account of accounts) expect(text.includes(account), `${table_name}: ${account}`).toBe(false);
      expect(text.includes('110000000'), table_name).toBe(false);
    }
    // pino's `time` (epoch milliseconds, 13 digits) and Fastify's `responseTime` (a float) are the
    // log's clocks, not numbers anyone typed (Saldo's own request line logs whole `ms`).
    const log = logLines
      .map((line) => JSON.stringify({ ...JSON.parse(line), time: undefined, responseTime: undefined }))
      .join('\n');
    expect(log).toContain('/sandbox/entry/');
    expect(luhnRuns(log)).toEqual([]);
    for (const account of accounts) expect(log.includes(account)).toBe(false);
  });
});

describe("inside Saldo's app", () => {
  test('at /sandbox, the pages keep the app CSP (no inline style or script needed) and its headers', async () => {
    const config = testConfig({ publicUrl: PUBLIC_URL });
    const saldo = await buildApp({
      db,
      config,
      mailer: createOutboxMailer(config),
      webDist: null,
      logLevel: false,
    });
    try {
      // The app registers the sandbox's pages itself (app.ts); they read the real clock.
      clock = new Date();
      const seller = await newSeller();
      const path = await entryPath(seller, 'card');
      const page = await saldo.inject({ url: path });
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(page.body).not.toMatch(/<script|<style|style=/);
      expect((await saldo.inject({ url: '/sandbox/sandbox.css' })).statusCode).toBe(200);
      const done = await saldo.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL },
        payload: new URLSearchParams(card('4242424242424242')).toString(),
      });
      expect(done.statusCode).toBe(303);
      // The return URL is the app's own origin, which form-action 'self' lets the browser follow.
      expect(new URL(String(done.headers.location)).origin).toBe(PUBLIC_URL);
      // The app's edge check sees the form's fields: NUL is refused before the page reads them.
      const nul = await saldo.inject({
        method: 'POST',
        url: await entryPath(seller, 'card'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(card('4242424242424242', { name: 'a\u0000b' })).toString(),
      });
      expect(nul.statusCode).toBe(400);
      expect(nul.body).not.toContain('4242424242424242');
    } finally {
      await saldo.close();
    }
  });
});
