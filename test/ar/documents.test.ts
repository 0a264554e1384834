import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { formatMoney } from '../../src/domain/money/money.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { addCustomerUser, createCustomerAccount, createUser } from '../support/factories.ts';

/**
 * Invoice, credit memo and receipt PDFs read back with real PDF readers (poppler's pdftotext,
 * pdfinfo, pdfimages): the words and amounts a person sees on screen must be in the file, in
 * the customer's language, with accents intact.
 */
const { app, db } = await useTestApp();
const seller = await seedSeller(db, { name: 'Abarrotes Finos del Norte' });
await db
  .updateTable('organizations')
  .set({ legal_name: 'Abarrotes Finos del Norte, S.A. de C.V.', tax_id: 'AFN990101XY2' })
  .where('id', '=', seller.org.id)
  .execute();
const orgId = seller.org.id;
const customerId = seller.account.id;
await db
  .updateTable('customer_accounts')
  .set({
    name: 'Distribuidora del Valle, S.A. de C.V.',
    tax_id: 'DVA010203AB4',
    locale: 'es',
    currency: 'MXN',
    billing_address: JSON.stringify({
      line1: 'Calzada de Tlalpan 2045',
      city: 'Coyoacán',
      region: 'CDMX',
      postalCode: '04380',
      // The column's table type nests Json in Generated, which Kysely's update typing cannot see through.
    }) as never,
  })
  .where('org_id', '=', orgId)
  .where('id', '=', customerId)
  .execute();

const owner = as(app, await signIn(app, seller.staff.owner.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));
const actor = { userId: seller.staff.owner.id };

const tmp = mkdtempSync(path.join(tmpdir(), 'saldo-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let fileSeq = 0;

/** Writes the PDF and runs a poppler tool on it; a missing tool throws (ENOENT), failing the test. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdfimages', pdf: Buffer, args: string[] = []): string {
  fileSeq += 1;
  const file = path.join(tmp, `doc-${fileSeq}.pdf`);
  writeFileSync(file, pdf);
  const tail = tool === 'pdftotext' ? [file, '-'] : [file];
  return execFileSync(tool, [...args, ...tail], { encoding: 'utf8' });
}
const pdfText = (pdf: Buffer) => poppler('pdftotext', pdf, ['-layout']);
const pageCount = (pdf: Buffer) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))?.[1]);

const mx = (amount: bigint) => formatMoney(amount, 'MXN', 'es-MX');

const invoice = await createInvoice(
  { db },
  {
    orgId,
    customerId,
    number: 'F-2025-0107',
    issueDate: '2025-03-05',
    dueDate: '2025-04-04',
    poNumber: 'OC-7781',
    notes: 'Entregar en el andén 3, por la mañana.',
    lines: [
      {
        sku: 'JAL-2800',
        description: 'Jalapeños en escabeche',
        quantity: '12',
        unit: 'lata',
        unitPrice: '118.40',
        taxes: [{ name: 'IVA', rate: '16' }],
      },
      {
        sku: 'CHI-0500',
        description: 'Chiles chipotles adobados',
        quantity: '5',
        unit: 'lata',
        unitPrice: '64.25',
        discountAmount: 2125n,
        taxes: [{ name: 'IVA', rate: '16' }],
      },
    ],
    charges: [{ kind: 'fee', name: 'Envío refrigerado', amount: 15000n }],
    actor,
  },
);
// 1,420.80 + 300.00 = 1,720.80; IVA 227.33 + 48.00; fee 150.00 → 2,146.13
const payment = await recordPayment(
  { db },
  {
    orgId,
    customerId,
    amount: 100000n,
    receivedOn: '2025-03-10',
    method: 'bank_transfer',
    reference: 'SPEI 0987654321',
    allocations: [{ invoiceId: invoice.id, amount: 100000n }],
    actor,
  },
);
const credit = await issueCreditMemo(
  { db },
  {
    orgId,
    customerId,
    amount: 10000n,
    issueDate: '2025-03-12',
    reason: 'Latas abolladas en la entrega',
    invoiceId: invoice.id,
    allocations: [{ invoiceId: invoice.id, amount: 10000n }],
    actor,
  },
);

async function getPdf(request: ReturnType<typeof as>, url: string) {
  const response = await request({ method: 'GET', url });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response;
}

describe('invoice PDF', () => {
  test('Spanish customer: numbers, accents, labels and amounts as on screen', async () => {
    const response = await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('inline; filename="F-2025-0107.pdf"');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const text = pdfText(response.rawPayload);
    expect(invoice.total).toBe(214613n);
    for (const expected of [
      'F-2025-0107',
      'Abarrotes Finos del Norte, S.A. de C.V.',
      'Distribuidora del Valle, S.A. de C.V.',
      'Jalapeños en escabeche',
      'Coyoacán',
      'Envío refrigerado',
      'Entregar en el andén 3, por la mañana.',
      'OC-7781',
      'JAL-2800',
      'Factura',
      'FACTURAR A',
      'Fecha de emisión',
      'Saldo pendiente',
      'Pagado',
      'Acreditado',
      'PAGOS Y CRÉDITOS',
      'Transferencia bancaria',
      'Página 1 de 1',
      '5 mar 2025',
      payment.number,
      credit.number,
      mx(214613n), // total
      mx(100000n), // paid
      mx(10000n), // credited
      mx(104613n), // open
      mx(22733n), // IVA on the first line
    ])
      expect(text).toContain(expected);
    expect(mx(214613n)).toBe('$2,146.13');
    expect(text).not.toMatch(/Invoice|Amount due/);
  });

  test('PDF metadata names the document and the seller', async () => {
    const response = await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`);
    const info = poppler('pdfinfo', response.rawPayload);
    expect(info).toMatch(/^Title:\s+Factura F-2025-0107$/m);
    expect(info).toMatch(/^Author:\s+Abarrotes Finos del Norte, S\.A\. de C\.V\.$/m);
  });

  test('an English customer gets English labels and en-MX amounts', async () => {
    const english = await createCustomerAccount(db, orgId, {
      name: 'Harbor Foods Inc.',
      locale: 'en',
      currency: 'MXN',
    });
    const created = await createInvoice(
      { db },
      {
        orgId,
        customerId: english.id,
        number: 'F-2025-0200',
        issueDate: '2025-03-05',
        dueDate: '2025-04-04',
        lines: [
          {
            description: 'Pickled jalapeños',
            quantity: '3',
            unitPrice: '1000',
            taxes: [{ name: 'IVA', rate: '16' }],
          },
        ],
        actor,
      },
    );
    const text = pdfText((await getPdf(owner, `/api/v1/console/invoices/${created.id}/pdf`)).rawPayload);
    for (const expected of [
      'Invoice',
      'BILL TO',
      'Issue date',
      'Amount due',
      'Page 1 of 1',
      'Mar 5, 2025',
      'Pickled jalapeños',
    ])
      expect(text).toContain(expected);
    expect(text).toContain(formatMoney(created.total, 'MXN', 'en-MX'));
    expect(text).not.toMatch(/Factura|Saldo pendiente|Página/);
  });

  test('due dates: "venció el" once past, "vence el" before; months and minus signs as on screen', async () => {
    const past = pdfText((await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`)).rawPayload);
    expect(past).toContain('venció el 4 abr 2025');
    expect(past).not.toContain('vence el');
    expect(past).toContain('-$1,000.00'); // paid, written as the web app writes a negative amount
    const later = await createInvoice(
      { db },
      {
        orgId,
        customerId,
        number: 'F-2025-0912',
        issueDate: '2025-09-12',
        dueDate: '2030-09-12',
        lines: [{ description: 'Salsa verde', quantity: '1', unitPrice: '10' }],
        actor,
      },
    );
    const text = pdfText((await getPdf(owner, `/api/v1/console/invoices/${later.id}/pdf`)).rawPayload);
    expect(text).toContain('vence el 12 sept 2030');
    expect(text).toContain('12 sept 2025');
  });

  test('an invoice with 60 lines spans pages, numbered, repeating the table header', async () => {
    const created = await createInvoice(
      { db },
      {
        orgId,
        customerId,
        number: 'F-2025-0300',
        issueDate: '2025-03-05',
        lines: Array.from({ length: 60 }, (_, i) => ({
          sku: `SKU-${String(i + 1).padStart(3, '0')}`,
          description: `Artículo de línea número ${i + 1}`,
          quantity: '1',
          unitPrice: '10',
        })),
        actor,
      },
    );
    const pdf = (await getPdf(owner, `/api/v1/console/invoices/${created.id}/pdf`)).rawPayload;
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain(`Página 1 de ${pages}`);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    expect(text.match(/DESCRIPCIÓN/g)?.length).toBeGreaterThanOrEqual(pages);
    expect(text).toContain('SKU-001');
    expect(text).toContain('SKU-060');
    expect(text).toContain(mx(60000n));
  });

  test('portal: the account’s own invoice, never another account’s (404)', async () => {
    const customer = as(
      app,
      await signInTo(app, seller.customers.payer.email, { kind: 'customer', orgId, accountId: customerId }),
    );
    const own = await getPdf(customer, `/api/v1/portal/invoices/${invoice.id}/pdf`);
    expect(pdfText(own.rawPayload)).toContain('F-2025-0107');
    expect((await getPdf(customer, `/api/v1/portal/payments/${payment.id}/receipt.pdf`)).statusCode).toBe(
      200,
    );
    expect((await getPdf(customer, `/api/v1/portal/credit-memos/${credit.id}/pdf`)).statusCode).toBe(200);

    const other = await createCustomerAccount(db, orgId, { name: 'Otra Cuenta' });
    const otherUser = await createUser(db, { password_hash: null });
    await addCustomerUser(db, orgId, other.id, otherUser.id, 'payer');
    const otherInvoice = await createInvoice(
      { db },
      {
        orgId,
        customerId: other.id,
        number: 'F-OTHER-1',
        issueDate: '2025-03-05',
        lines: [{ description: 'x', quantity: '1', unitPrice: '5' }],
        actor,
      },
    );
    expect(
      (await customer({ method: 'GET', url: `/api/v1/portal/invoices/${otherInvoice.id}/pdf` })).statusCode,
    ).toBe(404);
    const otherPayment = await recordPayment(
      { db },
      { orgId, customerId: other.id, amount: 100n, receivedOn: '2025-03-06', method: 'cash', actor },
    );
    expect(
      (await customer({ method: 'GET', url: `/api/v1/portal/payments/${otherPayment.id}/receipt.pdf` }))
        .statusCode,
    ).toBe(404);
    const otherCredit = await issueCreditMemo(
      { db },
      { orgId, customerId: other.id, amount: 100n, issueDate: '2025-03-06', actor },
    );
    expect(
      (await customer({ method: 'GET', url: `/api/v1/portal/credit-memos/${otherCredit.id}/pdf` }))
        .statusCode,
    ).toBe(404);
    // Staff PDFs are for staff.
    expect(
      (await customer({ method: 'GET', url: `/api/v1/console/invoices/${invoice.id}/pdf` })).statusCode,
    ).toBe(403);
  });
});

describe('credit memo and receipt PDFs', () => {
  test('credit memo: number, reason, amounts and the invoice it was applied to', async () => {
    const response = await getPdf(viewer, `/api/v1/console/credit-memos/${credit.id}/pdf`);
    expect(response.headers['content-disposition']).toBe(`inline; filename="${credit.number}.pdf"`);
    const text = pdfText(response.rawPayload);
    for (const expected of [
      'Nota de crédito',
      credit.number,
      'Latas abolladas en la entrega',
      'Distribuidora del Valle, S.A. de C.V.',
      'APLICADO A FACTURAS',
      'F-2025-0107',
      '12 mar 2025',
      mx(10000n),
      mx(0n),
    ])
      expect(text).toContain(expected);
  });

  test('receipt: payment number, date, method, reference, amount, invoices paid', async () => {
    const response = await getPdf(viewer, `/api/v1/console/payments/${payment.id}/receipt.pdf`);
    expect(response.headers['content-disposition']).toBe(`inline; filename="${payment.number}.pdf"`);
    const text = pdfText(response.rawPayload);
    for (const expected of [
      'Recibo de pago',
      payment.number,
      '10 mar 2025',
      'Transferencia bancaria',
      'SPEI 0987654321',
      'RECIBIDO DE',
      'F-2025-0107',
      mx(100000n),
      mx(104613n), // the invoice's open amount now
      'Gracias por su pago.',
    ])
      expect(text).toContain(expected);
  });

  test('another seller’s staff get 404', async () => {
    const other = await seedSeller(db, { name: 'Otro Vendedor' });
    const stranger = as(app, await signIn(app, other.staff.owner.email));
    for (const url of [
      `/api/v1/console/invoices/${invoice.id}/pdf`,
      `/api/v1/console/credit-memos/${credit.id}/pdf`,
      `/api/v1/console/payments/${payment.id}/receipt.pdf`,
    ])
      expect((await stranger({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('document template', () => {
  const defaults = {
    accentColor: '#0f766e',
    footerText: '',
    showSku: true,
    showUnit: true,
    showDiscount: true,
    showTaxDetail: true,
    showPoNumber: true,
    hasLogo: false,
  };

  test('defaults, then saved settings change the documents (footer shown, SKU column hidden), audited', async () => {
    expect((await owner({ method: 'GET', url: '/api/v1/console/settings/documents' })).json()).toEqual(
      defaults,
    );
    expect((await viewer({ method: 'GET', url: '/api/v1/console/settings/documents' })).statusCode).toBe(403);

    const footerText = 'Cuenta CLABE 012180001234567891 · Atención a clientes: cobranza@abarrotes.mx';
    const saved = await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/documents',
      payload: { ...defaults, accentColor: '#1D4ED8', footerText, showSku: false },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...defaults, accentColor: '#1d4ed8', footerText, showSku: false });
    expect((await owner({ method: 'GET', url: '/api/v1/console/settings/documents' })).json().showSku).toBe(
      false,
    );

    const text = pdfText((await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`)).rawPayload);
    expect(text).toContain(footerText);
    expect(text).not.toContain('JAL-2800');
    expect(text).not.toContain('CHI-0500');
    expect(text).toContain('Jalapeños en escabeche');

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'document_template')
      .execute();
    expect(audit).toContainEqual({
      action: 'document_template.updated',
      actor_user_id: seller.staff.owner.id,
    });

    const bad = await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/documents',
      payload: { ...defaults, accentColor: 'red' },
    });
    expect(bad.statusCode).toBe(400);
    await owner({ method: 'PUT', url: '/api/v1/console/settings/documents', payload: defaults });
  });

  test('logo: PNG accepted and embedded; non-image 400, oversized 413, other media types 415; removable', async () => {
    const url = '/api/v1/console/settings/documents/logo';
    const notImage = await owner({
      method: 'PUT',
      url,
      headers: { 'content-type': 'image/png' },
      payload: Buffer.from('this is not a picture at all'),
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().code).toBe('validation_failed');

    const huge = Buffer.alloc(600 * 1024, 0);
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tooBig = await owner({
      method: 'PUT',
      url,
      headers: { 'content-type': 'image/png' },
      payload: huge,
    });
    expect(tooBig.statusCode).toBe(413);

    const text = await owner({
      method: 'PUT',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: 'hola',
    });
    expect(text.statusCode).toBe(415);
    expect(
      (await viewer({ method: 'PUT', url, headers: { 'content-type': 'image/png' }, payload: PNG_1X1 }))
        .statusCode,
    ).toBe(403);

    const before = poppler(
      'pdfimages',
      (await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`)).rawPayload,
      ['-list'],
    );
    expect(before.trim().split('\n')).toHaveLength(2); // header lines only

    const ok = await owner({
      method: 'PUT',
      url,
      headers: { 'content-type': 'image/png' },
      payload: PNG_1X1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasLogo).toBe(true);
    const row = await db
      .selectFrom('document_templates')
      .select(['logo_type'])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row.logo_type).toBe('image/png');
    const images = poppler(
      'pdfimages',
      (await getPdf(owner, `/api/v1/console/invoices/${invoice.id}/pdf`)).rawPayload,
      ['-list'],
    );
    expect(images.trim().split('\n').length).toBeGreaterThan(2);

    const removed = await owner({ method: 'DELETE', url });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().hasLogo).toBe(false);
  });

  test('preview: unsaved settings on a sample invoice with the seller’s real name (POST and framed GET)', async () => {
    const response = await owner({
      method: 'POST',
      url: '/api/v1/console/settings/documents/preview',
      payload: { ...defaults, footerText: 'Pie de página de prueba', showSku: true },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Abarrotes Finos del Norte');
    expect(text).toContain('Pie de página de prueba');
    expect(text).toContain('ACE-0500');
    expect(text).toContain('MUESTRA-0001');

    const framed = await owner({
      method: 'GET',
      url: `/api/v1/console/settings/documents/preview.pdf?${new URLSearchParams({
        accentColor: '#b91c1c',
        footerText: 'Otro pie',
        showSku: 'false',
      })}`,
    });
    expect(framed.statusCode, framed.body).toBe(200);
    expect(framed.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const framedText = pdfText(framed.rawPayload);
    expect(framedText).toContain('Otro pie');
    expect(framedText).not.toContain('ACE-0500');
    // Nothing was saved.
    expect(
      (await owner({ method: 'GET', url: '/api/v1/console/settings/documents' })).json().footerText,
    ).toBe('');
    expect(
      (await viewer({ method: 'POST', url: '/api/v1/console/settings/documents/preview', payload: defaults }))
        .statusCode,
    ).toBe(403);
  });
});

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
