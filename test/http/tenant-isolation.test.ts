import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import { updateCreditCheckSettings } from '../../src/domain/credit-checks/update-credit-check-settings.ts';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { openInquiry } from '../../src/domain/inquiries/open-inquiry.ts';
import { exportPaymentConfirmations } from '../../src/domain/integration/sync/export-payment-confirmations.ts';
import { createWebhookEndpoint } from '../../src/domain/integration/webhooks/create-webhook-endpoint.ts';
import { sendTestWebhook } from '../../src/domain/integration/webhooks/send-test-webhook.ts';
import { saveMailTemplate } from '../../src/domain/mail/save-mail-template.ts';
import { createPayLink } from '../../src/domain/pay-links/create-pay-link.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { recordPromise } from '../../src/domain/promises/record-promise.ts';
import { renderPaymentConfirmations } from '../../src/formats/csv/payment-confirmations-csv.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { liquidTemplateEngine } from '../../src/mail/templates/liquid-template-engine.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

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

// Seller B's deposit (one payout of its processor), its lines and its report recipients.
const bDepositId = crypto.randomUUID();
await db
  .insertInto('deposits')
  .values({
    org_id: b.org.id,
    id: bDepositId,
    processor: 'sandbox',
    payout_id: 'po_sb_tenant_b',
    method_kind: 'card',
    currency: 'MXN',
    arrival_date: '2026-11-03',
    covers_from: '2026-11-02',
    covers_to: '2026-11-02',
    charges: 1000n,
    refunds: 0n,
    returns: 0n,
    adjustments: 0n,
    gross: 1000n,
    fees: 59n,
    net: 941n,
    status: 'reconciled',
    processor_status: 'paid',
  })
  .execute();
await db
  .insertInto('deposit_report_recipients')
  .values({ org_id: b.org.id, email: 'treasury-b@example.com', position: 0 })
  .execute();
const bRecipients = () =>
  db.selectFrom('deposit_report_recipients').select('email').where('org_id', '=', b.org.id).execute();

// Seller B's dispute of its invoice, and its promise to pay (issue 10).
const bInquiry = await openInquiry(
  { db },
  {
    orgId: b.org.id,
    customerId: b.account.id,
    invoiceId: bPayInvoiceId,
    kind: 'dispute',
    reason: 'price',
    message: 'Precio equivocado',
    openedBy: 'staff',
    actor: {},
  },
);
const bPromise = await recordPromise(
  { db },
  {
    orgId: b.org.id,
    customerId: b.account.id,
    promisedOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    amount: 100n,
    recordedBy: 'staff',
    actor: {},
  },
);
const bInquiryUntouched = async () => {
  const row = await db
    .selectFrom('invoice_inquiries')
    .where('id', '=', bInquiry.id)
    .select('status')
    .executeTakeFirstOrThrow();
  const messages = await db
    .selectFrom('invoice_inquiry_messages')
    .where('inquiry_id', '=', bInquiry.id)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  expect([row.status, Number(messages.n)]).toEqual(['open', 1]);
};

// Seller B's own version of the pay-now e-mail (issue 10's template editor).
const B_SUBJECT = 'Only seller B writes this subject {{ org_name }}';
const bSources = {
  subject: B_SUBJECT,
  preheader: '',
  textBody: 'B text {{ url }}',
  htmlBody: '<p>B html {{ url }}</p>',
};
await saveMailTemplate(
  { db, templates: liquidTemplateEngine },
  { orgId: b.org.id, key: 'pay_now', locale: 'es', sources: bSources, actor: { userId: b.staff.owner.id } },
);
const bTemplateVersions = () =>
  db
    .selectFrom('mail_templates')
    .select(['version', 'subject'])
    .where('org_id', '=', b.org.id)
    .where('key', '=', 'pay_now')
    .execute();

const checks: Record<string, () => Promise<void>> = {
  // Mail templates: seller B's versions are neither shown, previewed with B's customers, nor changed.
  'GET /api/v1/console/mail-templates': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/mail-templates' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Only seller B');
    const payNow = r.json().items.find((t: { key: string }) => t.key === 'pay_now');
    expect(payNow.versions.es).toBeNull();
  },
  'GET /api/v1/console/mail-templates/{key}/{locale}': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/mail-templates/pay_now/es' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Only seller B');
  },
  'POST /api/v1/console/mail-templates/{key}/{locale}/preview': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/mail-templates/pay_now/es/preview',
      payload: { sources: bSources, customerId: b.account.id },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/mail-templates/{key}/{locale}/versions': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/mail-templates/pay_now/es/versions',
      payload: { ...bSources, subject: 'Seller A now {{ org_name }}' },
    });
    expect(r.statusCode).toBeLessThan(300);
    expect(await bTemplateVersions()).toEqual([{ version: 1, subject: B_SUBJECT }]);
  },
  'POST /api/v1/console/mail-templates/{key}/{locale}/versions/{version}/restore': async () => {
    // Seller A has a version 1 of its own by now (the check above); B's version 1 is never A's.
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/mail-templates/pay_now/en/versions/1/restore',
    });
    expect(r.statusCode).toBe(404);
    expect(await bTemplateVersions()).toEqual([{ version: 1, subject: B_SUBJECT }]);
  },
  'POST /api/v1/console/mail-templates/{key}/{locale}/test': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/mail-templates/pay_now/es/test',
      payload: { sources: bSources, customerId: b.account.id },
    });
    expect(r.statusCode).toBe(404);
  },
  // Questions, disputes and promises: seller B's are neither listed, read, answered nor resolved.
  'GET /api/v1/console/inquiries': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/inquiries?pageSize=100' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(bInquiry.id);
  },
  'GET /api/v1/console/inquiries/{id}': async () => {
    expect(
      (await aOwner({ method: 'GET', url: `/api/v1/console/inquiries/${bInquiry.id}` })).statusCode,
    ).toBe(404);
  },
  'POST /api/v1/console/inquiries': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/inquiries',
      payload: { customerId: b.account.id, invoiceId: bPayInvoiceId, kind: 'question', message: 'x' },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/inquiries/{id}/replies': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/inquiries/${bInquiry.id}/replies`,
      payload: { message: 'x' },
    });
    expect(r.statusCode).toBe(404);
    await bInquiryUntouched();
  },
  'POST /api/v1/console/inquiries/{id}/resolve': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/inquiries/${bInquiry.id}/resolve`,
      payload: { resolution: 'rejected' },
    });
    expect(r.statusCode).toBe(404);
    await bInquiryUntouched();
  },
  'GET /api/v1/console/customers/{id}/promises': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/promises` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{id}/promises': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/promises`,
      payload: { promisedOn: '2099-01-01', amount: 100 },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{id}/promises/{promiseId}/cancel': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/promises/${bPromise.id}/cancel`,
    });
    expect(r.statusCode).toBe(404);
    const mixed = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${a.account.id}/promises/${bPromise.id}/cancel`,
    });
    expect(mixed.statusCode).toBe(404);
    const row = await db
      .selectFrom('payment_promises')
      .where('id', '=', bPromise.id)
      .select('status')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  },
  'GET /api/v1/portal/inquiries': async () => {
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/inquiries' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(bInquiry.id);
  },
  'GET /api/v1/portal/inquiries/{id}': async () => {
    expect(
      (await aCustomer({ method: 'GET', url: `/api/v1/portal/inquiries/${bInquiry.id}` })).statusCode,
    ).toBe(404);
  },
  'POST /api/v1/portal/inquiries': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/inquiries',
      payload: { invoiceId: bPayInvoiceId, kind: 'question', message: 'x' },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/inquiries/{id}/replies': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: `/api/v1/portal/inquiries/${bInquiry.id}/replies`,
      payload: { message: 'x' },
    });
    expect(r.statusCode).toBe(404);
    await bInquiryUntouched();
  },
  'POST /api/v1/portal/inquiries/{id}/withdraw': async () => {
    const r = await aCustomer({ method: 'POST', url: `/api/v1/portal/inquiries/${bInquiry.id}/withdraw` });
    expect(r.statusCode).toBe(404);
    await bInquiryUntouched();
  },
  'GET /api/v1/portal/promises': async () => {
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/promises' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(bPromise.id);
  },
  'POST /api/v1/portal/promises': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/promises',
      payload: { invoiceId: bPayInvoiceId, promisedOn: '2099-01-01', amount: 100 },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/promises/{id}/cancel': async () => {
    const r = await aCustomer({ method: 'POST', url: `/api/v1/portal/promises/${bPromise.id}/cancel` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/deposits': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/deposits?pageSize=100' });
    expect(r.statusCode).toBe(200);
    expect(r.json().deposits.map((d: { id: string }) => d.id)).not.toContain(bDepositId);
  },
  'POST /api/v1/console/deposits/sync': async () => {
    const r = await aOwner({ method: 'POST', url: '/api/v1/console/deposits/sync' });
    expect(r.statusCode).toBe(200);
    const bDeposits = await db.selectFrom('deposits').select('id').where('org_id', '=', b.org.id).execute();
    expect(bDeposits).toEqual([{ id: bDepositId }]);
  },
  'GET /api/v1/console/deposits/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/deposits/${bDepositId}` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/deposits/{id}/reports/{file}': async () => {
    for (const file of ['payments-initiated.csv', 'payments-deposited.xlsx']) {
      const r = await aOwner({
        method: 'GET',
        url: `/api/v1/console/deposits/${bDepositId}/reports/${file}`,
      });
      expect(r.statusCode).toBe(404);
    }
  },
  'GET /api/v1/console/deposit-reports': async () => {
    const r = await aOwner({
      method: 'GET',
      url: '/api/v1/console/deposit-reports?file=payments-deposited.csv&kind=card&from=2026-11-01&to=2026-11-30',
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('po_sb_tenant_b');
  },
  // Webhooks: seller B's endpoint and its delivery are neither listed, changed nor sent for seller A.
  'GET /api/v1/console/webhooks/endpoints': async () => {
    const { endpointId } = await bWebhook();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/webhooks/endpoints' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((e: { id: string }) => e.id)).not.toContain(endpointId);
  },
  'POST /api/v1/console/webhooks/endpoints': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/webhooks/endpoints',
      payload: { url: 'https://93.184.216.34/a-hook' },
    });
    expect(r.statusCode).toBe(201);
    const { endpointId } = await bWebhook();
    expect(r.json().endpoint.id).not.toBe(endpointId);
    const bEndpoints = await db
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('org_id', '=', b.org.id)
      .execute();
    expect(bEndpoints.map((e) => e.id)).toEqual([endpointId]);
  },
  'PATCH /api/v1/console/webhooks/endpoints/{id}': async () => {
    const { endpointId } = await bWebhook();
    const r = await aOwner({
      method: 'PATCH',
      url: `/api/v1/console/webhooks/endpoints/${endpointId}`,
      payload: { enabled: false },
    });
    expect(r.statusCode).toBe(404);
  },
  'DELETE /api/v1/console/webhooks/endpoints/{id}': async () => {
    const { endpointId } = await bWebhook();
    const r = await aOwner({ method: 'DELETE', url: `/api/v1/console/webhooks/endpoints/${endpointId}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/webhooks/endpoints/{id}/roll-secret': async () => {
    const { endpointId } = await bWebhook();
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/webhooks/endpoints/${endpointId}/roll-secret`,
      payload: {},
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/webhooks/endpoints/{id}/test': async () => {
    const { endpointId } = await bWebhook();
    const r = await aOwner({ method: 'POST', url: `/api/v1/console/webhooks/endpoints/${endpointId}/test` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/webhooks/deliveries': async () => {
    const { endpointId, deliveryId } = await bWebhook();
    const all = await aOwner({ method: 'GET', url: '/api/v1/console/webhooks/deliveries' });
    expect(all.json().items.map((d: { id: string }) => d.id)).not.toContain(deliveryId);
    const filtered = await aOwner({
      method: 'GET',
      url: `/api/v1/console/webhooks/deliveries?endpointId=${endpointId}`,
    });
    expect(filtered.json().total).toBe(0);
  },
  'GET /api/v1/console/webhooks/deliveries/{id}': async () => {
    const { deliveryId } = await bWebhook();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/webhooks/deliveries/${deliveryId}` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/webhooks/deliveries/{id}/redeliver': async () => {
    const { deliveryId } = await bWebhook();
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/webhooks/deliveries/${deliveryId}/redeliver`,
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/erp-sync': async () => {
    const { exportId } = await bErpExport();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/erp-sync' });
    expect(r.statusCode).toBe(200);
    expect(r.json().lastExport?.id).not.toBe(exportId);
    expect(r.json().settings.recipients).not.toContain('erp-b@example.com');
  },
  'PUT /api/v1/console/erp-sync/settings': async () => {
    await bErpExport();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/erp-sync/settings',
      payload: {
        frequency: 'hourly',
        dailyAt: '07:00',
        marking: 'automatic',
        csv: { delimiter: ';', decimalMark: ',', dates: 'dmy' },
        erpAccounts: { check: 'A', cash: null, bank_transfer: null, card_terminal: null, other: null },
        recipients: ['erp-a@example.com'],
      },
    });
    expect(r.statusCode).toBe(200);
    const bSettings = await db
      .selectFrom('erp_sync_settings')
      .select(['frequency', 'recipients'])
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bSettings).toEqual({ frequency: 'off', recipients: ['erp-b@example.com'] });
  },
  'POST /api/v1/console/erp-sync/exports': async () => {
    const { exportId } = await bErpExport();
    const bItems = () =>
      db.selectFrom('erp_confirmation_items').select('export_id').where('org_id', '=', b.org.id).execute();
    const before = await bItems();
    const r = await aOwner({ method: 'POST', url: '/api/v1/console/erp-sync/exports', payload: {} });
    expect([200, 201]).toContain(r.statusCode);
    expect(await bItems()).toEqual(before);
    expect(before.every((i) => i.export_id === exportId)).toBe(true);
  },
  'GET /api/v1/console/erp-sync/exports': async () => {
    const { exportId } = await bErpExport();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/erp-sync/exports' });
    expect(r.statusCode).toBe(200);
    expect(r.json().exports.map((e: { id: string }) => e.id)).not.toContain(exportId);
  },
  'GET /api/v1/console/erp-sync/exports/{id}/file': async () => {
    const { exportId } = await bErpExport();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/erp-sync/exports/${exportId}/file` });
    expect(r.statusCode).toBe(404);
  },
  // The weekly collection and statements (migration 0020): seller B's schedule, subscription and
  // statements stay B's.
  'GET /api/v1/console/collections': async () => {
    await bCollection();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/collections' });
    expect(r.statusCode).toBe(200);
    expect(r.json().subscribed).toBe(0);
    expect(r.json().schedule.weekday).not.toBe(3);
  },
  'PUT /api/v1/console/collections/schedule': async () => {
    await bCollection();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/collections/schedule',
      payload: { enabled: true, weekday: 5, hour: 8, documents: 'overdue' },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('collection_schedules')
      .select(['weekday', 'hour'])
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow).toEqual({ weekday: 3, hour: 10 });
  },
  'GET /api/v1/console/collections/preview': async () => {
    await bCollection();
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/console/collections/preview?customerId=${b.account.id}`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().customers).toEqual([]);
  },
  'POST /api/v1/console/collections/runs': async () => {
    await bCollection();
    const r = await aOwner({ method: 'POST', url: '/api/v1/console/collections/runs', payload: {} });
    expect(r.statusCode).toBe(202);
    const bRuns = await db
      .selectFrom('collection_runs')
      .select('id')
      .where('org_id', '=', b.org.id)
      .execute();
    expect(bRuns).toEqual([]);
  },
  'GET /api/v1/console/collections/subscriptions': async () => {
    await bCollection();
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/console/collections/subscriptions?customerId=${b.account.id}`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().subscribed).toEqual([]);
  },
  'GET /api/v1/console/customers/{id}/collection': async () => {
    await bCollection();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/collection` });
    expect(r.statusCode).toBe(404);
  },
  'PUT /api/v1/console/customers/{id}/collection': async () => {
    await bCollection();
    const r = await aOwner({
      method: 'PUT',
      url: `/api/v1/console/customers/${b.account.id}/collection`,
      payload: { subscribed: false },
    });
    expect(r.statusCode).toBe(404);
    const bSub = await db
      .selectFrom('collection_subscriptions')
      .select('subscribed')
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bSub.subscribed).toBe(true);
  },
  // Dunning (migration 0024): seller B's steps, runs, reminders and customers stay B's.
  'GET /api/v1/console/dunning': async () => {
    await bDunning();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/dunning' });
    expect(r.statusCode).toBe(200);
    expect(r.json().steps.map((s: { offsetDays: number }) => s.offsetDays)).not.toContain(11);
    expect(r.json().hour).not.toBe(6);
  },
  'PUT /api/v1/console/dunning': async () => {
    await bDunning();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/dunning',
      payload: { enabled: false, hour: 8, steps: [], holdRules: { overdueDays: null, overLimit: false } },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('dunning_settings')
      .select(['hour', 'enabled'])
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow).toEqual({ hour: 6, enabled: true });
    const bSteps = await db
      .selectFrom('dunning_steps')
      .select('offset_days')
      .where('org_id', '=', b.org.id)
      .execute();
    expect(bSteps).toEqual([{ offset_days: 11 }]);
  },
  'POST /api/v1/console/dunning/runs': async () => {
    await bDunning();
    const r = await aOwner({ method: 'POST', url: '/api/v1/console/dunning/runs', payload: {} });
    expect(r.statusCode).toBe(202);
    const bRuns = await db.selectFrom('dunning_runs').select('id').where('org_id', '=', b.org.id).execute();
    expect(bRuns).toEqual([]);
  },
  'GET /api/v1/console/dunning/preview': async () => {
    await bDunning();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/dunning/preview?days=60' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((i: { customerId: string }) => i.customerId)).not.toContain(b.account.id);
  },
  'GET /api/v1/console/dunning/stats': async () => {
    await bDunning();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/dunning/stats' });
    expect(r.statusCode).toBe(200);
    expect(r.json().rows.map((x: { offsetDays: number | null }) => x.offsetDays)).not.toContain(11);
  },
  'GET /api/v1/console/customers/{id}/dunning': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/dunning` });
    expect(r.statusCode).toBe(404);
  },
  'PUT /api/v1/console/customers/{id}/dunning': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: `/api/v1/console/customers/${b.account.id}/dunning`,
      payload: { mode: 'off' },
    });
    expect(r.statusCode).toBe(404);
    const bPolicies = await db
      .selectFrom('dunning_customer_policies')
      .select('mode')
      .where('org_id', '=', b.org.id)
      .execute();
    expect(bPolicies).toEqual([]);
  },
  'POST /api/v1/console/customers/{id}/reminders': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/reminders`,
      payload: {},
    });
    expect(r.statusCode).toBe(404);
    const bSends = await db
      .selectFrom('reminder_sends')
      .select('id')
      .where('org_id', '=', b.org.id)
      .execute();
    expect(bSends).toEqual([]);
  },
  'POST /api/v1/console/customers/{id}/statements': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/statements`,
      payload: { from: '2026-01-01', to: '2026-01-31' },
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/customers/{id}/statements': async () => {
    await bCollection();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/statements` });
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual([]);
  },
  'GET /api/v1/console/customers/{id}/statement.pdf': async () => {
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/console/customers/${b.account.id}/statement.pdf?from=2026-01-01&to=2026-01-31`,
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/settings/statements': async () => {
    await bCollection();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/statements' });
    expect(r.json()).toEqual({
      enabled: false,
      dayOfMonth: 1,
      lastPeriod: null,
      nextRunOn: null,
      nextPeriod: null,
    });
  },
  'PUT /api/v1/console/settings/statements': async () => {
    await bCollection();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/statements',
      payload: { enabled: true, dayOfMonth: 5 },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('statement_settings')
      .select('day_of_month')
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow.day_of_month).toBe(20);
  },
  'GET /api/v1/portal/statement.pdf': async () => {
    await bCollection();
    const r = await aCustomer({
      method: 'GET',
      url: '/api/v1/portal/statement.pdf?from=2026-01-01&to=2026-12-01',
    });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.toString('latin1')).not.toContain('Seller B');
  },
  'GET /api/v1/payment-confirmations': async () => {
    await bErpExport();
    await db
      .insertInto('erp_sync_settings')
      .values({ org_id: a.org.id, marking: 'automatic' })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ marking: 'automatic' }))
      .execute();
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/payment-confirmations?since=last',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(bPayment.id);
  },
  'GET /api/v1/payment-confirmations/exports': async () => {
    const { exportId } = await bErpExport();
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/payment-confirmations/exports?after=0',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().exports.map((e: { id: string }) => e.id)).not.toContain(exportId);
  },
  'GET /api/v1/payment-confirmations/exports/{id}': async () => {
    const { exportId } = await bErpExport();
    const r = await app.inject({
      method: 'GET',
      url: `/api/v1/payment-confirmations/exports/${exportId}`,
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/deposit-recipients': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/deposit-recipients' });
    expect(r.json().emails).not.toContain('treasury-b@example.com');
  },
  'PUT /api/v1/console/deposit-recipients': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/deposit-recipients',
      payload: { emails: ['treasury-a@example.com'] },
    });
    expect(r.statusCode).toBe(200);
    expect(await bRecipients()).toEqual([{ email: 'treasury-b@example.com' }]);
  },
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
  // Staff taking a payment on a customer's behalf: seller B's customer, invoices and methods are 404.
  'GET /api/v1/console/customers/{id}/payment-options': async () => {
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/console/customers/${b.account.id}/payment-options`,
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{id}/payments/quote': async () => {
    for (const customerId of [b.account.id, a.account.id]) {
      const r = await aOwner({
        method: 'POST',
        url: `/api/v1/console/customers/${customerId}/payments/quote`,
        payload: { kind: 'card', allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }] },
      });
      expect(r.statusCode).toBe(404);
    }
  },
  'POST /api/v1/console/customers/{id}/payment-methods/entry': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/payment-methods/entry`,
      payload: { kind: 'card', returnPath: '/console/payments/take' },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{id}/online-payments': async () => {
    for (const customerId of [b.account.id, a.account.id]) {
      const r = await aOwner({
        method: 'POST',
        url: `/api/v1/console/customers/${customerId}/online-payments`,
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: {
          kind: 'card',
          methodToken: 'pm_sb_x',
          allocations: [{ invoiceId: bPayInvoiceId, amount: 100 }],
        },
      });
      expect(r.statusCode).toBe(404);
    }
    expect(await bMoneyState()).toEqual(bMoneyBefore);
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
  // Autopay: a customer reaches only its own account's; staff only their own seller's customers.
  'GET /api/v1/portal/autopay': async () => {
    const bMethod = await bAutopayMethod();
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/autopay' });
    expect(r.statusCode).toBe(200);
    expect(r.json().methods.map((m: { id: string }) => m.id)).not.toContain(bMethod);
  },
  'PUT /api/v1/portal/autopay': async () => {
    const bMethod = await bAutopayMethod();
    const shown = (await aCustomer({ method: 'GET', url: '/api/v1/portal/autopay' })).json();
    const r = await aCustomer({
      method: 'PUT',
      url: '/api/v1/portal/autopay',
      payload: {
        paymentMethodId: bMethod,
        timing: 'due_date',
        daysBefore: null,
        scope: 'all_due',
        maxPerCharge: null,
        authorizationAccepted: true,
        authorizationText: shown.authorizationText,
      },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/autopay/pause': async () => {
    const r = await aCustomer({ method: 'POST', url: '/api/v1/portal/autopay/pause' });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/portal/autopay/resume': async () => {
    const r = await aCustomer({ method: 'POST', url: '/api/v1/portal/autopay/resume' });
    expect(r.statusCode).toBe(404);
  },
  'DELETE /api/v1/portal/autopay': async () => {
    const r = await aCustomer({ method: 'DELETE', url: '/api/v1/portal/autopay' });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/customers/{customerId}/autopay': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/autopay` });
    expect(r.statusCode).toBe(404);
  },
  'PUT /api/v1/console/customers/{customerId}/autopay': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: `/api/v1/console/customers/${b.account.id}/autopay`,
      payload: {
        paymentMethodId: await bAutopayMethod(),
        timing: 'due_date',
        daysBefore: null,
        scope: 'all_due',
        maxPerCharge: null,
        authorizationAccepted: true,
        authorizationText: 'x',
      },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{customerId}/autopay/pause': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/autopay/pause`,
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/customers/{customerId}/autopay/resume': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/customers/${b.account.id}/autopay/resume`,
    });
    expect(r.statusCode).toBe(404);
  },
  'DELETE /api/v1/console/customers/{customerId}/autopay': async () => {
    const r = await aOwner({ method: 'DELETE', url: `/api/v1/console/customers/${b.account.id}/autopay` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/settings/autopay': async () => {
    await bAutopaySettings();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/autopay' });
    expect(r.json()).toEqual({ noticeDays: 3 });
  },
  'PUT /api/v1/console/settings/autopay': async () => {
    await bAutopaySettings();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/autopay',
      payload: { noticeDays: 4 },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('autopay_settings')
      .select('notice_days')
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow.notice_days).toBe(9);
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
  'GET /api/v1/console/customers/next-account-number': async () => {
    const bNumber = `ISO-B-${Date.now()}`;
    await db
      .insertInto('customer_accounts')
      .values({
        org_id: b.org.id,
        id: crypto.randomUUID(),
        account_number: bNumber,
        name: 'B later',
        currency: 'MXN',
        locale: 'es',
      })
      .execute();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/customers/next-account-number' });
    expect(r.statusCode).toBe(200);
    expect(r.json().accountNumber ?? '').not.toMatch(/^ISO-B-/);
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
  // The new-invoice form's suggestion and totals: another seller's series never leaks into it.
  'GET /api/v1/console/invoices/next-number': async () => {
    await openInvoiceOfB('ISO-B-00777');
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/invoices/next-number' });
    expect(r.statusCode).toBe(200);
    expect(r.json().number).not.toBe('ISO-B-00778');
  },
  'POST /api/v1/console/invoices/preview': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/invoices/preview',
      payload: { currency: 'MXN', lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] },
    });
    // Nothing of another seller is named or read: the preview computes what it is sent.
    expect(r.statusCode).toBe(200);
    expect(r.json().total).toBe(100);
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
  // Orders over the credit limit (credit-checks helper): B's customer, link and settings.
  'POST /api/v1/credit-checks': async () => {
    const aWrite = await createApiKey(
      { db },
      { orgId: a.org.id, name: 'ERP A w', scopes: ['integration:write'], createdBy: null, actor: {} },
    );
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/credit-checks',
      headers: { authorization: `Bearer ${aWrite.key}` },
      payload: { customer: { id: b.account.id }, orderReference: 'SO-B', orderAmount: 100, currency: 'MXN' },
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/customers/{id}/credit-checks': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/credit-checks` });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/pay-links/{id}/cancel': async () => {
    const r = await aOwner({ method: 'POST', url: `/api/v1/console/pay-links/${bPayLink.id}/cancel` });
    expect(r.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/pay-links/${bPayLink.token}` })).statusCode).toBe(
      200,
    );
  },
  'GET /api/v1/console/settings/credit-checks': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/credit-checks' });
    expect(r.json()).toEqual({ onlineOrders: false, orderPayment: 'excess' });
  },
  'PUT /api/v1/console/settings/credit-checks': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/credit-checks',
      payload: { onlineOrders: false, orderPayment: 'excess' },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('payment_settings')
      .select(['order_payment', 'online_orders'])
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    expect(bRow).toEqual({ order_payment: 'whole', online_orders: true });
  },
  // Pay-now e-mails (pay-now helper): B's invoice, customer, links and setting stay B's.
  'POST /api/v1/console/pay-now-emails': async () => {
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/pay-now-emails',
      payload: { invoiceIds: [bPayInvoiceId] },
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/customers/{id}/pay-now': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/pay-now` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/invoices/{id}/pay-now-links': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/invoices/${bPayInvoiceId}/pay-now-links` });
    expect(r.json()).toEqual({ links: [] });
  },
  'GET /api/v1/console/customers/{id}/messages': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/messages` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/settings/pay-now': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/pay-now' });
    expect(r.json()).toEqual({ linkDays: 14 });
  },
  'PUT /api/v1/console/settings/pay-now': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/pay-now',
      payload: { linkDays: 14 },
    });
    expect(r.statusCode).toBe(200);
    const bRow = await db
      .selectFrom('payment_settings')
      .select('pay_link_days')
      .where('org_id', '=', b.org.id)
      .executeTakeFirst();
    expect(bRow?.pay_link_days ?? 14).toBe(14);
  },
  'GET /api/v1/pay-links/{token}/invoices/{invoiceId}/pdf': async () => {
    // B's order link names no invoice: none of B's (nor A's) invoices opens through it.
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/pay-links/${bPayLink.token}/invoices/${bPayInvoiceId}/pdf`,
    });
    expect(r.statusCode).toBe(404);
  },
  // A pay link's token is its only authority: a session of seller A adds nothing to B's link.
  'GET /api/v1/pay-links/{token}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/pay-links/${bPayLink.token}` });
    expect(r.json()).toMatchObject({ seller: { name: 'Seller B' }, payment: null });
  },
  'POST /api/v1/pay-links/{token}/entry': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/pay-links/not-a-token/entry',
      payload: { kind: 'card' },
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/pay-links/{token}/payments': async () => {
    const r = await aCustomer({
      method: 'POST',
      url: '/api/v1/pay-links/not-a-token/payments',
      headers: { 'idempotency-key': 'k' },
      payload: { kind: 'card', methodToken: 'pm_x' },
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/pay-links/{token}/payments/{paymentId}': async () => {
    const r = await aOwner({
      method: 'GET',
      url: `/api/v1/pay-links/${bPayLink.token}/payments/${crypto.randomUUID()}`,
    });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/pay-links/{token}/receipt.pdf': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/pay-links/${bPayLink.token}/receipt.pdf` });
    expect(r.statusCode).toBe(404);
  },
  // Imports (import UI helper): B's run with an error, B's profile and B's open review.
  'POST /api/v1/console/imports/inspect': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/imports/inspect?kind=customers&name=a.csv&profileId=${bImport.profileId}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Clave,Nombre\r\nA-1,Uno\r\n'),
    });
    expect(r.statusCode).toBe(404);
  },
  'POST /api/v1/console/imports': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/imports?kind=customers&name=a.csv&profileId=${bImport.profileId}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Clave,Nombre\r\nA-1,Uno\r\n'),
    });
    expect(r.statusCode).toBe(404);
    const runs = await db.selectFrom('import_runs').select('id').where('org_id', '=', a.org.id).execute();
    expect(runs).toEqual([]);
  },
  'GET /api/v1/console/imports': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/imports?pageSize=100' });
    expect(r.statusCode).toBe(200);
    expect(r.json().imports.map((i: { id: string }) => i.id)).not.toContain(bImport.runId);
  },
  'GET /api/v1/console/imports/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/imports/${bImport.runId}` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/imports/{id}/errors': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/imports/${bImport.runId}/errors` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/imports/{id}/errors.csv': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/imports/${bImport.runId}/errors.csv` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/import-profiles': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/import-profiles' });
    expect(r.json().profiles.map((p: { id: string }) => p.id)).not.toContain(bImport.profileId);
  },
  'PUT /api/v1/console/import-profiles': async () => {
    const settings = { format: 'csv', decimalMark: '.', dateFormat: 'yyyy-mm-dd', mapping: {}, mode: 'rows' };
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/import-profiles',
      payload: { kind: 'customers', name: 'default', settings },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).not.toBe(bImport.profileId);
    const bProfile = await db
      .selectFrom('import_profiles')
      .select('settings')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bImport.profileId)
      .executeTakeFirstOrThrow();
    expect(bProfile.settings).toMatchObject({ mode: 'all' });
  },
  'GET /api/v1/console/import-profiles/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/import-profiles/${bImport.profileId}` });
    expect(r.statusCode).toBe(404);
  },
  'DELETE /api/v1/console/import-profiles/{id}': async () => {
    const r = await aOwner({ method: 'DELETE', url: `/api/v1/console/import-profiles/${bImport.profileId}` });
    expect(r.statusCode).toBe(404);
    const still = await db
      .selectFrom('import_profiles')
      .select('id')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bImport.profileId)
      .execute();
    expect(still).toHaveLength(1);
  },
  'GET /api/v1/console/import-reviews': async () => {
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/import-reviews' });
    expect(r.json().reviews.map((v: { id: string }) => v.id)).not.toContain(bImport.reviewId);
  },
  'POST /api/v1/console/import-reviews/{id}/resolve': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/import-reviews/${bImport.reviewId}/resolve`,
      payload: { resolution: 'dismissed' },
    });
    expect(r.statusCode).toBe(404);
    const review = await db
      .selectFrom('import_reviews')
      .select('status')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bImport.reviewId)
      .executeTakeFirstOrThrow();
    expect(review.status).toBe('open');
  },
  'POST /api/v1/console/import-reviews/{id}/correct': async () => {
    const r = await aOwner({
      method: 'POST',
      url: `/api/v1/console/import-reviews/${bImport.reviewId}/correct`,
    });
    expect(r.statusCode).toBe(404);
    const review = await db
      .selectFrom('import_reviews')
      .select('status')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bImport.reviewId)
      .executeTakeFirstOrThrow();
    expect(review.status).toBe('open');
  },
  // Batch upserts with A's key: B's customers are not A's to update or to bill.
  'POST /api/v1/customers/batch': async () => {
    const r = await aBatch('customers', [{ erpId: bImport.customerErpId, name: 'Renamed by A' }]);
    expect(r.statusCode).toBe(200);
    const bCustomer = await db
      .selectFrom('customer_accounts')
      .select('name')
      .where('org_id', '=', b.org.id)
      .where('id', '=', b.account.id)
      .executeTakeFirstOrThrow();
    expect(bCustomer.name).not.toBe('Renamed by A');
  },
  'POST /api/v1/invoices/batch': async () => {
    const r = await aBatch('invoices', [
      {
        number: 'A-INV-1',
        customerErpId: bImport.otherErpId,
        issueDate: '2026-11-02',
        lines: [{ description: 'X', quantity: '1', unitPrice: '1.00' }],
      },
    ]);
    expect(r.json().errors[0]).toMatchObject({ code: 'unknown_customer' });
  },
  'POST /api/v1/credit-memos/batch': async () => {
    const r = await aBatch('credit-memos', [
      { number: 'A-CM-1', customerErpId: bImport.otherErpId, issueDate: '2026-11-02', amount: '1.00' },
    ]);
    expect(r.json().errors[0]).toMatchObject({ code: 'unknown_customer' });
  },
  'POST /api/v1/payments/batch': async () => {
    const r = await aBatch('payments', [
      { erpId: 'A-PAY-1', customerErpId: bImport.otherErpId, receivedOn: '2026-11-02', amount: '1.00' },
    ]);
    expect(r.statusCode).toBe(200);
    const bPayments = await db
      .selectFrom('payments')
      .select('id')
      .where('org_id', '=', b.org.id)
      .where('erp_id', '=', 'A-PAY-1')
      .execute();
    expect(bPayments).toEqual([]);
  },
  'POST /api/v1/holds/batch': async () => {
    const r = await aBatch('holds', [{ customerErpId: bImport.otherErpId, status: 'on_hold' }]);
    expect(r.json().errors[0]).toMatchObject({ code: 'unknown_customer' });
    const bHold = await db
      .selectFrom('customer_accounts')
      .select('hold_status')
      .where('org_id', '=', b.org.id)
      .where('id', '=', bImport.otherId)
      .executeTakeFirstOrThrow();
    expect(bHold.hold_status).toBe('active');
  },
};

// Seller B's import run (with an error), mapping profile and open review (import UI helper).
const bImport = await (async () => {
  const runId = crypto.randomUUID();
  const profileId = crypto.randomUUID();
  const reviewId = crypto.randomUUID();
  const settings = { format: 'csv', decimalMark: '.', dateFormat: 'yyyy-mm-dd', mapping: {}, mode: 'all' };
  await db
    .insertInto('import_profiles')
    .values({
      org_id: b.org.id,
      id: profileId,
      kind: 'customers',
      name: 'default',
      settings: JSON.stringify(settings),
    })
    .execute();
  await db
    .insertInto('import_runs')
    .values({
      org_id: b.org.id,
      id: runId,
      kind: 'customers',
      channel: 'console',
      profile_id: profileId,
      file_name: 'b.csv',
      file_size: 10n,
      file_sha256: 'b'.repeat(64),
      settings: JSON.stringify(settings),
      status: 'completed',
    })
    .execute();
  await db
    .insertInto('import_errors')
    .values({ org_id: b.org.id, import_id: runId, seq: 1, line: 2, column_name: 'Nombre', code: 'required' })
    .execute();
  await db
    .insertInto('import_reviews')
    .values({ org_id: b.org.id, id: reviewId, import_id: runId, kind: 'invoice', reason: 'total_below_paid' })
    .execute();
  // B's customer by ERP id (A's batch of customers sends it), and another that A's documents name.
  const customerErpId = `B-ERP-${crypto.randomUUID().slice(0, 8)}`;
  await db
    .updateTable('customer_accounts')
    .set({ erp_id: customerErpId })
    .where('org_id', '=', b.org.id)
    .where('id', '=', b.account.id)
    .execute();
  const other = await createCustomerAccount(db, b.org.id, {
    erp_id: `B-ERP-${crypto.randomUUID().slice(0, 8)}`,
  });
  return { runId, profileId, reviewId, customerErpId, otherErpId: other.erp_id!, otherId: other.id };
})();
// A's write key, made when first used: after the api-keys check has listed A's keys.
let aBatchKey: string | undefined;
const aBatch = async (kind: string, documents: unknown[]) => {
  aBatchKey ??= (
    await createApiKey(
      { db },
      { orgId: a.org.id, name: 'ERP A batch', scopes: ['integration:write'], createdBy: null, actor: {} },
    )
  ).key;
  return app.inject({
    method: 'POST',
    url: `/api/v1/${kind}/batch`,
    headers: { authorization: `Bearer ${aBatchKey}` },
    payload: { documents },
  });
};

// Seller B's pay link and credit settings (credit-checks helper).
const bPayLink = await createPayLink(
  { db, secretKey: config.secretKey },
  {
    orgId: b.org.id,
    customerId: b.account.id,
    purpose: 'order',
    orderReference: 'SO-B-1',
    amount: 5000n,
    currency: 'MXN',
    expiresAt: new Date(Date.now() + 86_400_000),
    actor: {},
  },
);
await updateCreditCheckSettings(
  { db },
  { orgId: b.org.id, settings: { onlineOrders: true, orderPayment: 'whole' }, actor: {} },
);

// Seller B's autopay notice setting (9 days): seller A neither reads nor changes it.
const bAutopaySettings = () =>
  db
    .insertInto('autopay_settings')
    .values({ org_id: b.org.id, notice_days: 9 })
    .onConflict((oc) => oc.doNothing())
    .execute();

// Seller B's saved card (autopay checks): seller A's people may not enrol with it or see it.
let bAutopayMethodId: string | undefined;
async function bAutopayMethod(): Promise<string> {
  bAutopayMethodId ??= (
    await db
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
      .executeTakeFirstOrThrow()
  ).id;
  return bAutopayMethodId;
}

// Seller B's webhook endpoint (its name resolves to a public address) and one delivery to it.
let bWebhookIds: { endpointId: string; deliveryId: string } | undefined;
async function bWebhook(): Promise<{ endpointId: string; deliveryId: string }> {
  if (bWebhookIds) return bWebhookIds;
  const { endpoint } = await createWebhookEndpoint(
    {
      db,
      secretKey: config.secretKey,
      policy: { allowLoopback: false },
      lookup: async () => [{ address: '93.184.216.34', family: 4 }],
    },
    { orgId: b.org.id, url: 'https://erp-b.example.com/hook', actor: {} },
  );
  await sendTestWebhook({ db }, { orgId: b.org.id, endpointId: endpoint.id });
  const delivery = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('org_id', '=', b.org.id)
    .executeTakeFirstOrThrow();
  bWebhookIds = { endpointId: endpoint.id, deliveryId: delivery.id };
  return bWebhookIds;
}

// Seller B's sync settings (a recipient) and one payment confirmation export (its payment).
let bCollectionDone = false;
/** Seller B's weekly collection (Wednesdays 10:00, its customer subscribed), statement settings and a statement. */
let bDunningDone = false;
/** Seller B's reminder settings (hour 6, one step at +11), seeded once. */
async function bDunning(): Promise<void> {
  if (bDunningDone) return;
  bDunningDone = true;
  await db
    .insertInto('dunning_settings')
    .values({ org_id: b.org.id, enabled: true, hour: 6 })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  await db
    .insertInto('dunning_steps')
    .values({ org_id: b.org.id, id: uuidv7(), customer_id: null, offset_days: 11, template: 'reminder' })
    .execute();
}

async function bCollection(): Promise<void> {
  if (bCollectionDone) return;
  bCollectionDone = true;
  await db
    .insertInto('collection_schedules')
    .values({ org_id: b.org.id, enabled: true, weekday: 3, hour: 10 })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  await db
    .insertInto('collection_subscriptions')
    .values({ org_id: b.org.id, customer_id: b.account.id, subscribed: true })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id']).doNothing())
    .execute();
  await db
    .insertInto('statement_settings')
    .values({ org_id: b.org.id, enabled: true, day_of_month: 20 })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  await db
    .insertInto('statements')
    .values({
      org_id: b.org.id,
      id: crypto.randomUUID(),
      customer_id: b.account.id,
      period_start: '2026-01-01',
      period_end: '2026-01-31',
      currency: 'MXN',
      opening_balance: 0n,
      closing_balance: 0n,
      channel: 'on_demand',
    })
    .execute();
}
let bErpExportIds: { exportId: string } | undefined;
async function bErpExport(): Promise<{ exportId: string }> {
  if (bErpExportIds) return bErpExportIds;
  await db
    .insertInto('erp_sync_settings')
    .values({ org_id: b.org.id, recipients: ['erp-b@example.com'] })
    .execute();
  const result = await exportPaymentConfirmations(
    { db, render: renderPaymentConfirmations },
    { orgId: b.org.id, format: 'csv', channel: 'cli', actor: {} },
  );
  bErpExportIds = { exportId: result!.export.id };
  return bErpExportIds;
}

// Delivery (delivery/e-invoicing helper): B's preference (postal, with a sealed AP secret), a
// postal delivery due to print, an EDI delivery with its file, a print batch and B's seller settings.
let bDeliveryIds: { postalId: string; ediId: string; batchId: string } | undefined;
async function bDelivery(): Promise<{ postalId: string; ediId: string; batchId: string }> {
  if (bDeliveryIds) return bDeliveryIds;
  await db
    .insertInto('delivery_preferences')
    .values({
      org_id: b.org.id,
      customer_id: b.account.id,
      channel: 'postal',
      ap_endpoint_url: 'https://ap-b.example.com/in',
      ap_auth_last4: 'BBBB',
    })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id']).doNothing())
    .execute();
  await db
    .insertInto('delivery_settings')
    .values({ org_id: b.org.id, peppol_scheme: '0088', peppol_id: 'B-PEPPOL' })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const batchId = crypto.randomUUID();
  await db
    .insertInto('print_batches')
    .values({
      org_id: b.org.id,
      id: batchId,
      number: 1,
      document_count: 1,
      customer_count: 1,
      page_count: 1,
      pdf: Buffer.from('%PDF-B'),
    })
    .execute();
  const base = {
    org_id: b.org.id,
    customer_id: b.account.id,
    document_type: 'invoice' as const,
    document_id: bArInvoiceId,
    document_number: 'B-AR-1',
  };
  const postalId = crypto.randomUUID();
  const ediId = crypto.randomUUID();
  await db
    .insertInto('document_deliveries')
    .values([
      { ...base, id: postalId, channel: 'postal', status: 'pending' },
      {
        ...base,
        id: ediId,
        channel: 'edi',
        status: 'delivered',
        file_name: 'b.x12',
        content_type: 'application/edi-x12',
        content: Buffer.from('ISA*B'),
      },
      {
        ...base,
        id: crypto.randomUUID(),
        channel: 'ubl',
        status: 'failed',
        file_name: 'b.xml',
        content_type: 'application/xml',
        content: Buffer.from('<B/>'),
      },
    ])
    .execute();
  bDeliveryIds = { postalId, ediId, batchId };
  return bDeliveryIds;
}
const bDeliveryState = async () => ({
  preference: await db
    .selectFrom('delivery_preferences')
    .select(['channel', 'ap_endpoint_url'])
    .where('org_id', '=', b.org.id)
    .execute(),
  deliveries: await db
    .selectFrom('document_deliveries')
    .select(['id', 'status', 'attempts', 'print_batch_id'])
    .where('org_id', '=', b.org.id)
    .orderBy('id')
    .execute(),
  settings: await db
    .selectFrom('delivery_settings')
    .select(['peppol_id', 'edi_interchange_control'])
    .where('org_id', '=', b.org.id)
    .execute(),
});
Object.assign(checks, {
  'GET /api/v1/console/customers/{id}/delivery': async () => {
    await bDelivery();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/customers/${b.account.id}/delivery` });
    expect(r.statusCode).toBe(404);
  },
  'PUT /api/v1/console/customers/{id}/delivery': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const r = await aOwner({
      method: 'PUT',
      url: `/api/v1/console/customers/${b.account.id}/delivery`,
      payload: { channel: 'email', emailAttachPdf: false },
    });
    expect(r.statusCode).toBe(404);
    expect(await bDeliveryState()).toEqual(before);
  },
  'POST /api/v1/console/deliveries': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const r = await aOwner({
      method: 'POST',
      url: '/api/v1/console/deliveries',
      payload: { documentType: 'invoice', documentId: bArInvoiceId, channel: 'postal' },
    });
    expect(r.statusCode).toBe(404);
    expect(await bDeliveryState()).toEqual(before);
  },
  'GET /api/v1/console/deliveries': async () => {
    const { postalId, ediId } = await bDelivery();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/deliveries?customerId=${b.account.id}` });
    expect(r.json().items).toEqual([]);
    const all = await aOwner({ method: 'GET', url: '/api/v1/console/deliveries' });
    expect(all.body).not.toContain(postalId);
    expect(all.body).not.toContain(ediId);
  },
  'POST /api/v1/console/deliveries/{id}/resend': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const failed = before.deliveries.find((d) => d.status === 'failed')!;
    const r = await aOwner({ method: 'POST', url: `/api/v1/console/deliveries/${failed.id}/resend` });
    expect(r.statusCode).toBe(404);
    expect(await bDeliveryState()).toEqual(before);
  },
  'GET /api/v1/console/deliveries/{id}/file': async () => {
    const { ediId } = await bDelivery();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/deliveries/${ediId}/file` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/print-queue': async () => {
    const { postalId } = await bDelivery();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/print-queue' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(postalId);
  },
  'POST /api/v1/console/print-batches': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const r = await aOwner({ method: 'POST', url: '/api/v1/console/print-batches', payload: {} });
    expect(r.statusCode).toBe(409);
    expect(await bDeliveryState()).toEqual(before);
  },
  'GET /api/v1/console/print-batches': async () => {
    const { batchId } = await bDelivery();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/print-batches' });
    expect(r.body).not.toContain(batchId);
  },
  'GET /api/v1/console/print-batches/{id}/pdf': async () => {
    const { batchId } = await bDelivery();
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/print-batches/${batchId}/pdf` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/settings/delivery': async () => {
    await bDelivery();
    const r = await aOwner({ method: 'GET', url: '/api/v1/console/settings/delivery' });
    expect(r.body).not.toContain('B-PEPPOL');
  },
  'PUT /api/v1/console/settings/delivery': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/console/settings/delivery',
      payload: { sellerAddress: { city: 'A' }, peppol: { scheme: '0088', id: 'A-PEPPOL' } },
    });
    expect(r.statusCode).toBe(200);
    expect(await bDeliveryState()).toEqual(before);
  },
  'GET /api/v1/portal/delivery': async () => {
    await bDelivery();
    const r = await aCustomer({ method: 'GET', url: '/api/v1/portal/delivery' });
    expect(r.statusCode).toBe(200);
    expect(r.json().channel).toBe('email');
    expect(r.body).not.toContain('ap-b.example.com');
  },
  'PUT /api/v1/portal/delivery': async () => {
    await bDelivery();
    const before = await bDeliveryState();
    const r = await aCustomer({
      method: 'PUT',
      url: '/api/v1/portal/delivery',
      payload: { channel: 'postal', emailAttachPdf: true },
    });
    expect(r.statusCode).toBe(200);
    expect(await bDeliveryState()).toEqual(before);
  },
});

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
