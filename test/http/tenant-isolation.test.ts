import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';

/**
 * A person of one seller gets 404 for every resource of another. Every route in the OpenAPI
 * document must have a check here (the last test fails when a route is added without one).
 */
const { app, db, config } = await useTestApp();
const a = await seedSeller(db, { name: 'Seller A' });
const b = await seedSeller(db, { name: 'Seller B' });

// Seller B's resources that seller A's people try to reach.
const mailer = createOutboxMailer(config);
const bMessage = await mailer.enqueue(db, {
  orgId: b.org.id,
  to: b.customers.payer.email,
  locale: 'es',
  template: 'invitation_customer',
  data: {
    inviterName: 'B',
    orgName: 'Seller B',
    accountName: 'Cuenta B',
    role: 'payer',
    url: 'http://saldo.test/invitations/x',
    expiresInDays: 7,
  },
});
const bKey = await createApiKey(
  { db },
  {
    orgId: b.org.id,
    name: 'ERP B',
    scopes: ['integration:read'],
    createdBy: b.staff.owner.id,
    actor: {},
  },
);
const aKey = await createApiKey(
  { db },
  {
    orgId: a.org.id,
    name: 'ERP A',
    scopes: ['integration:read'],
    createdBy: a.staff.owner.id,
    actor: {},
  },
);

const aOwner = as(app, await signIn(app, a.staff.owner.email));
const aCustomer = as(
  app,
  await signInTo(app, a.customers.account_admin.email, {
    kind: 'customer',
    orgId: a.org.id,
    accountId: a.account.id,
  }),
);

// Seller B's payment and credit memo, each applied to one of B's invoices.
const bPayInvoiceId = crypto.randomUUID();
await db
  .insertInto('invoices')
  .values({
    org_id: b.org.id,
    id: bPayInvoiceId,
    customer_id: b.account.id,
    number: 'B-PAY-1',
    issue_date: '2025-01-01',
    due_date: '2025-01-31',
    currency: 'MXN',
    status: 'open',
    subtotal: 100000n,
    total: 100000n,
    open_amount: 100000n,
  })
  .execute();
const bPayment = await recordPayment(
  { db },
  {
    orgId: b.org.id,
    customerId: b.account.id,
    amount: 30000n,
    receivedOn: '2025-03-01',
    method: 'cash',
    allocations: [{ invoiceId: bPayInvoiceId, amount: 20000n }],
    actor: {},
  },
);
const bCredit = await issueCreditMemo(
  { db },
  {
    orgId: b.org.id,
    customerId: b.account.id,
    amount: 5000n,
    issueDate: '2025-03-01',
    allocations: [{ invoiceId: bPayInvoiceId, amount: 1000n }],
    actor: {},
  },
);
const bPaymentApplication = await db
  .selectFrom('payment_applications')
  .select('id')
  .where('org_id', '=', b.org.id)
  .where('payment_id', '=', bPayment.id)
  .executeTakeFirstOrThrow();
const bCreditApplication = await db
  .selectFrom('credit_applications')
  .select('id')
  .where('org_id', '=', b.org.id)
  .where('credit_memo_id', '=', bCredit.id)
  .executeTakeFirstOrThrow();
/** B's payment, credit and invoice as they were before A's people tried to touch them. */
const bMoneyState = async () => ({
  payment: await db
    .selectFrom('payments')
    .select(['status', 'unapplied_amount'])
    .where('org_id', '=', b.org.id)
    .where('id', '=', bPayment.id)
    .executeTakeFirstOrThrow(),
  credit: await db
    .selectFrom('credit_memos')
    .select(['unapplied_amount'])
    .where('org_id', '=', b.org.id)
    .where('id', '=', bCredit.id)
    .executeTakeFirstOrThrow(),
  invoiceOpen: (
    await db
      .selectFrom('invoices')
      .select('open_amount')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bPayInvoiceId)
      .executeTakeFirstOrThrow()
  ).open_amount,
});
const bMoneyBefore = await bMoneyState();

/** An open, long-overdue invoice of seller B (for the aging report checks); returns its customer's account number. */
async function openInvoiceOfB(number: string): Promise<string> {
  await db
    .insertInto('invoices')
    .values({
      org_id: b.org.id,
      id: crypto.randomUUID(),
      customer_id: b.account.id,
      number,
      issue_date: '2025-01-01',
      due_date: '2025-01-01',
      currency: 'MXN',
      status: 'open',
      subtotal: 4242n,
      total: 4242n,
      open_amount: 4242n,
    })
    .execute();
  return b.account.account_number;
}

// Seller B's customer contact and a not-yet-due invoice (customers, invoices and portal checks).
const bContact = await db
  .insertInto('customer_contacts')
  .values({ org_id: b.org.id, id: crypto.randomUUID(), account_id: b.account.id, name: 'Contacto B' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bArInvoiceId = crypto.randomUUID();
await db
  .insertInto('invoices')
  .values({
    org_id: b.org.id,
    id: bArInvoiceId,
    customer_id: b.account.id,
    number: 'B-AR-1',
    issue_date: '2099-01-01',
    due_date: '2099-01-31',
    currency: 'MXN',
    status: 'open',
    subtotal: 1234n,
    total: 1234n,
    open_amount: 1234n,
  })
  .execute();
const bAccountRow = () =>
  db
    .selectFrom('customer_accounts')
    .select(['name', 'hold_status'])
    .where('org_id', '=', b.org.id)
    .where('id', '=', b.account.id)
    .executeTakeFirstOrThrow();

const checks: Record<string, () => Promise<void>> = {
  'GET /healthz': async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  },
  'GET /readyz': async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  },
  // Login-level routes: they act on the caller's own login, never on a seller's resources.
  'POST /api/v1/auth/sign-in': async () => {},
  'POST /api/v1/auth/sign-out': async () => {},
  'POST /api/v1/auth/password-reset-requests': async () => {},
  'GET /api/v1/auth/password-resets/{token}': async () => {},
  'POST /api/v1/auth/password-resets/{token}': async () => {},
  'PUT /api/v1/me/locale': async () => {},
  // Holding an invitation link is the permission to see and accept exactly that invitation.
  'GET /api/v1/invitations/{token}': async () => {},
  'POST /api/v1/invitations/{token}/accept': async () => {},
  // The help centre is the guide shipped with Saldo, the same for everyone, signed in or not.
  'GET /api/v1/help': async () => {},
  'GET /api/v1/help/images/{name}': async () => {},
  'GET /api/v1/help/{lang}/{slug}': async () => {},
  'GET /api/v1/me': async () => {
    const me = (await aOwner({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me.contexts.map((c: { orgId: string }) => c.orgId)).toEqual([a.org.id]);
  },
  'PUT /api/v1/me/context': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'staff', orgId: b.org.id },
    });
    expect(r.statusCode).toBe(404);
    const r2 = await aCustomer({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'customer', orgId: b.org.id, accountId: b.account.id },
    });
    expect(r2.statusCode).toBe(404);
  },
  'GET /api/v1/console/team': async () => {
    const team = (await aOwner({ method: 'GET', url: '/api/v1/console/team' })).json();
    const emails = team.items.map((m: { email: string }) => m.email);
    expect(emails).toContain(a.staff.owner.email);
    expect(emails).not.toContain(b.staff.owner.email);
  },
  'POST /api/v1/console/invitations': async () => {
    await aOwner({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'cross@example.test', role: 'viewer' },
    });
    const rows = await db
      .selectFrom('invitations')
      .select('org_id')
      .where('email', '=', 'cross@example.test')
      .execute();
    expect(rows.map((r) => r.org_id)).toEqual([a.org.id]);
  },
  'GET /api/v1/console/outbox': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/outbox?pageSize=100' })).json();
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(bMessage.id);
  },
  'GET /api/v1/console/outbox/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/outbox/{id}/html': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}/html` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/api-keys': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/api-keys' })).json();
    expect(list.items.map((k: { id: string }) => k.id)).toEqual([aKey.id]);
  },
  'POST /api/v1/console/api-keys': async () => {
    const created = (
      await aOwner({
        method: 'POST',
        url: '/api/v1/console/api-keys',
        payload: { name: 'Another', scopes: ['integration:read'] },
      })
    ).json();
    const row = await db
      .selectFrom('api_keys')
      .select('org_id')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(a.org.id);
    await aOwner({ method: 'DELETE', url: `/api/v1/console/api-keys/${created.id}` });
  },
  'DELETE /api/v1/console/api-keys/{id}': async () => {
    const r = await aOwner({ method: 'DELETE', url: `/api/v1/console/api-keys/${bKey.id}` });
    expect(r.statusCode).toBe(404);
    const row = await db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', bKey.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  },
  'GET /api/v1/console/organization': async () => {
    expect((await aOwner({ method: 'GET', url: '/api/v1/console/organization' })).json().id).toBe(a.org.id);
  },
  'GET /api/v1/console/reports/aging': async () => {
    await openInvoiceOfB('AGING-B-JSON');
    const report = (await aOwner({ method: 'GET', url: '/api/v1/console/reports/aging' })).json();
    const ids = report.currencies.flatMap((c: { customers: { customerId: string }[] }) =>
      c.customers.map((k) => k.customerId),
    );
    expect(ids).not.toContain(b.account.id);
    expect(report.currencies).toEqual([]);
  },
  'GET /api/v1/console/reports/aging.csv': async () => {
    const bAccount = await openInvoiceOfB('AGING-B-CSV');
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/reports/aging.csv' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(bAccount);
    expect(r.body).not.toContain('42.42');
  },
  'GET /api/v1/console/reports/aging.xlsx': async () => {
    const bAccount = await openInvoiceOfB('AGING-B-XLSX');
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/reports/aging.xlsx' });
    expect(r.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells).not.toContain(bAccount);
    expect(workbook.worksheets.map((sheet) => sheet.rowCount)).toEqual([1]);
  },
  'GET /api/v1/portal/account': async () => {
    const account = (await aCustomer({ method: 'GET', url: '/api/v1/portal/account' })).json();
    expect(account.id).toBe(a.account.id);
    expect(account.users.map((u: { email: string }) => u.email)).not.toContain(b.customers.payer.email);
  },
  'POST /api/v1/portal/invitations': async () => {
    await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/invitations',
      payload: { email: 'cross-customer@example.test', role: 'payer' },
    });
    const rows = await db
      .selectFrom('invitations')
      .select(['org_id', 'account_id'])
      .where('email', '=', 'cross-customer@example.test')
      .execute();
    expect(rows).toEqual([{ org_id: a.org.id, account_id: a.account.id }]);
  },
  'GET /api/v1/console/payments': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/payments?pageSize=100' })).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(bPayment.id);
    const filtered = (
      await aOwner({ method: 'GET', url: `/api/v1/console/payments?customerId=${b.account.id}` })
    ).json();
    expect(filtered.items).toEqual([]);
  },
  'POST /api/v1/console/payments': async () => {
    const base = { amount: 100, receivedOn: '2025-03-01', method: 'cash', reference: 'cross-seller' };
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: { ...base, customerId: b.account.id },
    });
    expect(r.statusCode).toBe(404);
    const r2 = await aOwner({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: {
        ...base,
        customerId: a.account.id,
        allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }],
      },
    });
    expect(r2.statusCode).toBe(404);
    const rows = await db
      .selectFrom('payments')
      .select('id')
      .where('reference', '=', 'cross-seller')
      .execute();
    expect(rows).toEqual([]);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'POST /api/v1/console/payments/allocation-preview': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/payments/allocation-preview',
      payload: { customerId: b.account.id, amount: 100 },
    });
    expect(r.statusCode).toBe(404);
    // seller A's own customer: only A's invoices, never B's
    const own = await aOwner({
      method: 'POST',
      url: '/api/v1/console/payments/allocation-preview',
      payload: { customerId: a.account.id, amount: 100 },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().allocations.map((x: { invoiceId: string }) => x.invoiceId)).not.toContain(
      bPayInvoiceId,
    );
  },
  'GET /api/v1/console/payments/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/payments/${bPayment.id}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/payments/{id}/applications': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/payments/${bPayment.id}/applications`,
      payload: { allocations: 'auto' },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'POST /api/v1/console/payment-applications/{id}/unapply': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/payment-applications/${bPaymentApplication.id}/unapply`,
      payload: { reason: 'cross-seller' },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'POST /api/v1/console/payments/{id}/reverse': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/payments/${bPayment.id}/reverse`,
      payload: { reason: 'cross-seller' },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'GET /api/v1/console/payments/{id}/status': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/payments/${bPayment.id}/status` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/payments/{id}/refunds': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/payments/${bPayment.id}/refunds`,
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { amount: 100, reason: 'cross-seller' },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'GET /api/v1/console/credit-memos': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/credit-memos?pageSize=100' })).json();
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(bCredit.id);
  },
  'POST /api/v1/console/credit-memos': async () => {
    const base = { amount: 100, issueDate: '2025-03-01', reason: 'cross-seller' };
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/credit-memos',
      payload: { ...base, customerId: b.account.id },
    });
    expect(r.statusCode).toBe(404);
    const r2 = await aOwner({
      method: 'POST',
      url: '/api/v1/console/credit-memos',
      payload: { ...base, customerId: a.account.id, invoiceId: bPayInvoiceId },
    });
    expect(r2.statusCode).toBe(404);
    const r3 = await aOwner({
      method: 'POST',
      url: '/api/v1/console/credit-memos',
      payload: {
        ...base,
        customerId: a.account.id,
        allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }],
      },
    });
    expect(r3.statusCode).toBe(404);
    const rows = await db
      .selectFrom('credit_memos')
      .select('id')
      .where('reason', '=', 'cross-seller')
      .execute();
    expect(rows).toEqual([]);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'GET /api/v1/console/credit-memos/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/credit-memos/${bCredit.id}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/credit-memos/{id}/applications': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/credit-memos/${bCredit.id}/applications`,
      payload: { allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }] },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'POST /api/v1/console/credit-applications/{id}/unapply': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/credit-applications/${bCreditApplication.id}/unapply`,
      payload: {},
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'GET /api/v1/portal/payments': async () => {
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/payments?pageSize=100' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((p: { id: string }) => p.id)).not.toContain(bPayment.id);
  },
  // Payment settings are always the session's own seller's.
  'GET /api/v1/console/settings/payments': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/payments' });
    expect(r.statusCode).toBe(200);
    expect(r.json().webhookUrl).toContain(a.org.id);
    expect(r.json().webhookUrl).not.toContain(b.org.id);
  },
  'PUT /api/v1/console/settings/payments': async () => {
    const before = await db
      .selectFrom('payment_settings')
      .selectAll()
      .where('org_id', '=', b.org.id)
      .execute();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/payments',
      payload: {
        processor: 'sandbox',
        onlineInvoices: true,
        methods: ['card'],
        erpAccounts: { card: null, ach: null },
        partialAllowed: true,
        partialMinimum: null,
        cardFeeBps: 0,
        cardFeeCap: null,
        autopayText: { es: null, en: null },
      },
    });
    expect(r.statusCode).toBe(200);
    expect(
      await db.selectFrom('payment_settings').selectAll().where('org_id', '=', b.org.id).execute(),
    ).toEqual(before);
  },
  'PUT /api/v1/console/customers/{id}/online-payments': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: `/api/v1/console/customers/${b.account.id}/online-payments`,
      payload: { enabled: false },
    });
    expect(r.statusCode).toBe(404);
    const row = await db
      .selectFrom('customer_accounts')
      .select('online_payments')
      .where('id', '=', b.account.id)
      .executeTakeFirstOrThrow();
    expect(row.online_payments).toBe(true);
  },
  // Online payments: seller B's invoices, payments and saved methods are not seller A's customer's.
  'GET /api/v1/portal/payment-options': async () => {
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/payment-options' });
    expect(r.statusCode).toBe(200);
    expect(r.json().savedMethods).toEqual([]);
  },
  'POST /api/v1/portal/payments/quote': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/payments/quote',
      payload: { kind: 'card', allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }] },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/payments': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/payments',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: {
        kind: 'card',
        methodToken: 'pm_sb_x',
        allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }],
      },
    });
    expect(r.statusCode).toBe(404);
    expect(await bMoneyState()).toEqual(bMoneyBefore);
  },
  'GET /api/v1/portal/payments/{id}': async () => {
    const r = await aCustomer({ method: 'GET', url: `/api/v1/portal/payments/${bPayment.id}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/payment-methods/entry': async () => {
    // The page is for the session's own account: nothing of seller B is named, and the entry session is A's.
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/payment-methods/entry',
      payload: { kind: 'card', returnPath: '/portal/pay' },
    });
    expect(r.statusCode).toBe(200);
    const sessions = await db
      .selectFrom('sandbox_entry_sessions' as never)
      .select(['org_id' as never])
      .execute();
    expect(sessions.every((s) => (s as { org_id: string }).org_id === a.org.id)).toBe(true);
  },
  'DELETE /api/v1/portal/payment-methods/{id}': async () => {
    const [method] = await db
      .insertInto('payment_methods')
      .values({
        org_id: b.org.id,
        id: crypto.randomUUID(),
        customer_id: b.account.id,
        processor: 'sandbox',
        token: `pm_sb_${crypto.randomUUID()}`,
        kind: 'card',
        brand: 'visa',
        last4: '4242',
      })
      .returning('id')
      .execute();
    const r = await aCustomer({ method: 'DELETE', url: `/api/v1/portal/payment-methods/${method!.id}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/webhooks/{processor}/{orgId}': async () => {
    // Seller A's sandbox secret does not sign seller B's webhooks.
    const body = JSON.stringify({ id: 'evt_cross', type: 'balance.available', created: 1, data: {} });
    const t = Math.floor(Date.now() / 1000);
    const { createHmac } = await import('node:crypto');
    const { sandboxWebhookSecret } = await import('../../src/gateways/resolve-gateways.ts');
    const signed = (orgId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/sandbox/${b.org.id}`,
        headers: {
          'content-type': 'application/json',
          'saldo-sandbox-signature': `t=${t},v1=${createHmac('sha256', sandboxWebhookSecret(config.secretKey, orgId)).update(`${t}.${body}`).digest('hex')}`,
        },
        payload: body,
      });
    const r = await signed(a.org.id);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('webhook_rejected');
    // The same event signed with B's own secret is B's (and names no payment of B's).
    const own = await signed(b.org.id);
    expect(own.statusCode, own.body).toBe(200);
  },
  'GET /api/v1/portal/credit-memos': async () => {
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/credit-memos?pageSize=100' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((m: { id: string }) => m.id)).not.toContain(bCredit.id);
  },
  // Documents (PDFs) and the document template.
  'GET /api/v1/console/invoices/{id}/pdf': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/invoices/${bPayInvoiceId}/pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/credit-memos/{id}/pdf': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/credit-memos/${bCredit.id}/pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/payments/{id}/receipt.pdf': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/payments/${bPayment.id}/receipt.pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/portal/invoices/{id}/pdf': async () => {
    const r = await aCustomer({ method: 'GET', url: `/api/v1/portal/invoices/${bPayInvoiceId}/pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/portal/credit-memos/{id}/pdf': async () => {
    const r = await aCustomer({ method: 'GET', url: `/api/v1/portal/credit-memos/${bCredit.id}/pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/portal/payments/{id}/receipt.pdf': async () => {
    const r = await aCustomer({ method: 'GET', url: `/api/v1/portal/payments/${bPayment.id}/receipt.pdf` });
    expect(r.statusCode).toBe(404);
  },
  'PUT /api/v1/console/settings/documents': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/documents',
      payload: {
        accentColor: '#123456',
        footerText: 'Seller A footer',
        showSku: false,
        showUnit: true,
        showDiscount: true,
        showTaxDetail: true,
        showPoNumber: true,
      },
    });
    expect(r.statusCode).toBe(200);
    const rows = await db.selectFrom('document_templates').select(['org_id', 'footer_text']).execute();
    expect(rows.filter((row) => row.org_id === b.org.id)).toEqual([]);
    expect(rows.find((row) => row.org_id === a.org.id)?.footer_text).toBe('Seller A footer');
  },
  'GET /api/v1/console/settings/documents': async () => {
    await db
      .insertInto('document_templates')
      .values({ org_id: b.org.id, footer_text: 'Seller B secret footer' })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/documents' });
    expect(r.statusCode).toBe(200);
    expect(r.json().footerText).not.toBe('Seller B secret footer');
  },
  'PUT /api/v1/console/settings/documents/logo': async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/documents/logo',
      headers: { 'content-type': 'image/png' },
      payload: png,
    });
    expect(r.statusCode).toBe(200);
    const withLogo = await db
      .selectFrom('document_templates')
      .select('org_id')
      .where('logo', 'is not', null)
      .execute();
    expect(withLogo.map((row) => row.org_id)).toEqual([a.org.id]);
  },
  'DELETE /api/v1/console/settings/documents/logo': async () => {
    await db
      .insertInto('document_templates')
      .values({ org_id: b.org.id, logo: Buffer.from([0x89, 0x50, 0x4e, 0x47]), logo_type: 'image/png' })
      .onConflict((oc) =>
        oc
          .column('org_id')
          .doUpdateSet({ logo: Buffer.from([0x89, 0x50, 0x4e, 0x47]), logo_type: 'image/png' }),
      )
      .execute();
    const r = await aOwner({ method: 'DELETE', url: '/api/v1/console/settings/documents/logo' });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('document_templates')
      .select('logo_type')
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow.logo_type).toBe('image/png');
  },
  'POST /api/v1/console/settings/documents/preview': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/settings/documents/preview',
      payload: {
        accentColor: '#123456',
        footerText: '',
        showSku: true,
        showUnit: true,
        showDiscount: true,
        showTaxDetail: true,
        showPoNumber: true,
      },
    });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.toString('latin1')).toContain('Seller A');
    expect(r.rawPayload.toString('latin1')).not.toContain('Seller B');
  },
  'GET /api/v1/console/settings/documents/preview.pdf': async () => {
    const r = await aOwner({
      method: 'GET',
      url: '/api/v1/console/settings/documents/preview.pdf?accentColor=%23123456',
    });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.toString('latin1')).toContain('Seller A');
    expect(r.rawPayload.toString('latin1')).not.toContain('Seller B');
  },
  'GET /api/v1/console/customers': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/customers?pageSize=100&q=' })).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(a.account.id);
    expect(ids).not.toContain(b.account.id);
    const sorted = (await aOwner({ method: 'GET', url: '/api/v1/console/customers?sort=-balance' })).json();
    expect(sorted.items.map((c: { id: string }) => c.id)).not.toContain(b.account.id);
  },
  'POST /api/v1/console/customers': async () => {
    const created = await aOwner({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: { accountNumber: 'ISO-A-1', name: 'Iso', currency: 'MXN', locale: 'es' },
    });
    expect(created.statusCode).toBe(201);
    const rows = await db
      .selectFrom('customer_accounts')
      .select('org_id')
      .where('account_number', '=', 'ISO-A-1')
      .execute();
    expect(rows).toEqual([{ org_id: a.org.id }]);
    const foreignCollector = await aOwner({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: {
        accountNumber: 'ISO-A-2',
        name: 'Iso',
        currency: 'MXN',
        locale: 'es',
        collectorUserId: b.staff.ar_agent.id,
      },
    });
    expect(foreignCollector.statusCode).toBe(400);
  },
  'GET /api/v1/console/customers/{id}': async () => {
    expect(
      (await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}` })).statusCode,
    ).toBe(404);
  },
  'PATCH /api/v1/console/customers/{id}': async () => {
    const r = await aOwner({
      method: 'PATCH',
      url: `/api/v1/console/customers/${b.account.id}`,
      payload: { name: 'Hacked' },
    });
    expect(r.statusCode).toBe(404);
    expect((await bAccountRow()).name).not.toBe('Hacked');
  },
  'POST /api/v1/console/customers/{id}/contacts': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/contacts`,
      payload: { name: 'Intruso' },
    });
    expect(r.statusCode).toBe(404);
    expect(
      await db.selectFrom('customer_contacts').select('id').where('name', '=', 'Intruso').execute(),
    ).toEqual([]);
  },
  'PATCH /api/v1/console/customers/{id}/contacts/{contactId}': async () => {
    for (const accountId of [b.account.id, a.account.id]) {
      const r = await aOwner({
        method: 'PATCH',
        url: `/api/v1/console/customers/${accountId}/contacts/${bContact.id}`,
        payload: { name: 'Hacked' },
      });
      expect(r.statusCode).toBe(404);
    }
    const row = await db
      .selectFrom('customer_contacts')
      .select('name')
      .where('id', '=', bContact.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Contacto B');
  },
  'DELETE /api/v1/console/customers/{id}/contacts/{contactId}': async () => {
    for (const accountId of [b.account.id, a.account.id]) {
      const r = await aOwner({
        method: 'DELETE',
        url: `/api/v1/console/customers/${accountId}/contacts/${bContact.id}`,
      });
      expect(r.statusCode).toBe(404);
    }
    expect(
      await db.selectFrom('customer_contacts').select('id').where('id', '=', bContact.id).execute(),
    ).toHaveLength(1);
  },
  'POST /api/v1/console/customers/{id}/hold': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/hold`,
      payload: { reason: 'x' },
    });
    expect(r.statusCode).toBe(404);
    expect((await bAccountRow()).hold_status).toBe('active');
  },
  'DELETE /api/v1/console/customers/{id}/hold': async () => {
    const r = await aOwner({
      method: 'DELETE',
      url: `/api/v1/console/customers/${b.account.id}/hold`,
      payload: {},
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/customers/{id}/activity': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/activity` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/invoices': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/invoices?pageSize=100' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(bArInvoiceId);
    const byB = (
      await aOwner({ method: 'GET', url: `/api/v1/console/invoices?customerId=${b.account.id}` })
    ).json();
    expect(byB).toMatchObject({ items: [], total: 0 });
  },
  'POST /api/v1/console/invoices': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/invoices',
      payload: {
        customerId: b.account.id,
        number: 'ISO-INV-1',
        issueDate: '2025-01-01',
        lines: [{ description: 'x', quantity: '1', unitPrice: '1' }],
      },
    });
    expect(r.statusCode).toBe(404);
    expect(await db.selectFrom('invoices').select('id').where('number', '=', 'ISO-INV-1').execute()).toEqual(
      [],
    );
  },
  'GET /api/v1/console/invoices/{id}': async () => {
    expect(
      (await aOwner({ method: 'GET', url: `/api/v1/console/invoices/${bArInvoiceId}` })).statusCode,
    ).toBe(404);
  },
  'POST /api/v1/console/invoices/{id}/void': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/invoices/${bArInvoiceId}/void`,
      payload: { reason: 'x' },
    });
    expect(r.statusCode).toBe(404);
    const row = await db
      .selectFrom('invoices')
      .select('status')
      .where('id', '=', bArInvoiceId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  },
  'GET /api/v1/portal/invoices': async () => {
    const list = (await aCustomer({ method: 'GET', url: '/api/v1/portal/invoices?pageSize=100' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(bArInvoiceId);
    expect(list.items.every((i: { customer: { id: string } }) => i.customer.id === a.account.id)).toBe(true);
  },
  'GET /api/v1/portal/invoices/{id}': async () => {
    expect(
      (await aCustomer({ method: 'GET', url: `/api/v1/portal/invoices/${bArInvoiceId}` })).statusCode,
    ).toBe(404);
  },
  'GET /api/v1/portal/summary': async () => {
    const summary = (await aCustomer({ method: 'GET', url: '/api/v1/portal/summary' })).json();
    expect(summary.nextDue?.invoiceId).not.toBe(bArInvoiceId);
    expect(summary.balances.every((x: { notYetDue: number }) => x.notYetDue !== 1234)).toBe(true);
    expect(
      summary.recentPayments.every((p: { customer: { id: string } }) => p.customer.id === a.account.id),
    ).toBe(true);
  },
  'GET /api/v1/integration/whoami': async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/integration/whoami',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.json()).toMatchObject({ orgId: a.org.id, orgName: 'Seller A' });
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/v1/integration/whoami',
      headers: { authorization: `Bearer ${bKey.key.slice(0, -2)}xx` },
    });
    expect(revoked.statusCode).toBe(401);
  },
};

const documented = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
const routes = Object.entries(documented.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
);

describe('tenant isolation', () => {
  test.each(Object.keys(checks))('%s', async (route) => {
    await checks[route]!();
  });

  test('every route has a check', () => {
    expect(routes.filter((r) => !(r in checks))).toEqual([]);
    expect(Object.keys(checks).filter((r) => !routes.includes(r))).toEqual([]);
  });

  test("seller B resources are also invisible to seller A customers and to another seller's API key", async () => {
    expect(
      (await aCustomer({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}` })).statusCode,
    ).toBe(403);
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/console/team',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.statusCode).toBe(401);
  });
});
