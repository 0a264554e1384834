import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X12Parser } from 'node-x12';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { saveDeliverySettings } from '../../src/domain/delivery/delivery.repository.ts';
import { loadEInvoice } from '../../src/domain/delivery/load-e-invoice.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { renderUbl } from '../../src/formats/ubl/ubl-document.ts';
import { renderX12810 } from '../../src/formats/x12/x12-810.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';

const schemas = path.resolve(import.meta.dirname, '../../../shared/schemas/ubl-2.1/maindoc');
const dir = mkdtempSync(path.join(tmpdir(), 'saldo-ubl-'));

/** xmllint against the OASIS UBL 2.1 schema: throws (with xmllint's words) when invalid. */
function xmllint(xml: Buffer, kind: 'Invoice' | 'CreditNote'): string {
  const file = path.join(dir, `${kind}-${crypto.randomUUID()}.xml`);
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--noout', '--schema', path.join(schemas, `UBL-${kind}-2.1.xsd`), file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function xpath(xml: Buffer, expr: string): string {
  const file = path.join(dir, `q-${crypto.randomUUID()}.xml`);
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();
}

const { db } = useTestDb();
const actor = {};

async function seller(currency: string, country: string) {
  const org = await createOrg(db, {
    name: 'Distribuidora Ejemplo',
    legal_name: 'Distribuidora Ejemplo S.A. de C.V.',
    tax_id: 'DEJ010101AB1',
    country,
    default_currency: currency,
  });
  await saveDeliverySettings(db, org.id, {
    sellerAddress: {
      line1: 'Av. Juárez 100',
      city: 'Guadalajara',
      region: 'JAL',
      postalCode: '44100',
      country,
    },
    peppol: { scheme: '0088', id: '7300010000001' },
  });
  const customer = await createCustomerAccount(db, org.id, {
    name: 'Restaurante La Esquina & Cía',
    account_number: 'C-1001',
    tax_id: 'REL020202CD2',
    currency,
    billing_address: JSON.stringify({
      line1: 'Calle 5 #12',
      city: 'Zapopan',
      region: 'JAL',
      postalCode: '45000',
      country,
    }) as never,
  });
  return { org, customer };
}

describe('UBL 2.1 (Peppol BIS Billing 3.0)', () => {
  test('an invoice with line taxes, a discount, a document tax and a fee validates and adds up', async () => {
    const { org, customer } = await seller('MXN', 'MX');
    const { id } = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'F-2001',
        issueDate: '2026-11-02',
        dueDate: '2026-12-02',
        poNumber: 'PO-77',
        lines: [
          {
            sku: 'CAF-1',
            description: 'Café molido 1 kg',
            quantity: '3',
            unit: 'kg',
            unitPrice: '180.50',
            discountAmount: 1050n,
            taxes: [{ name: 'IVA', rate: '16' }],
          },
          { description: 'Servicio de entrega', quantity: '1.5', unit: 'h', unitPrice: '99.99' },
        ],
        charges: [
          { kind: 'fee', name: 'Flete', amount: 2500n },
          { kind: 'tax', name: 'Impuesto local', rate: '2' },
        ],
        actor,
      },
    );
    const { doc } = await loadEInvoice({ db }, { orgId: org.id, type: 'invoice', id });
    const xml = renderUbl(doc);
    xmllint(xml, 'Invoice');
    const text = xml.toString('utf8');
    expect(text).toContain('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0');
    expect(text).toContain('<cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>');
    expect(text).toContain('Restaurante La Esquina &amp; Cía');
    // Amounts: 3 × 180.50 − 10.50 = 531.00; 1.5 × 99.99 = 149.985 → 149.99 (half-up); fee 25.00.
    const num = (e: string) => xpath(xml, `string(${e})`);
    const lm = "/*[local-name()='Invoice']/*[local-name()='LegalMonetaryTotal']";
    expect(num(`${lm}/*[local-name()='LineExtensionAmount']`)).toBe('680.99');
    expect(num(`${lm}/*[local-name()='ChargeTotalAmount']`)).toBe('25.00');
    expect(num(`${lm}/*[local-name()='TaxExclusiveAmount']`)).toBe('705.99');
    // Tax: 16 % of 531.00 = 84.96; 2 % of 680.99 = 13.62 → 98.58.
    const tax = "/*[local-name()='Invoice']/*[local-name()='TaxTotal']";
    expect(num(`${tax}/*[local-name()='TaxAmount']`)).toBe('98.58');
    expect(num(`${lm}/*[local-name()='TaxInclusiveAmount']`)).toBe('804.57');
    expect(num(`${lm}/*[local-name()='PayableAmount']`)).toBe('804.57');
    // The subtotals add up to the tax total; the taxable amounts to the tax-exclusive amount.
    const subtotals = doc.taxSubtotals;
    expect(subtotals.reduce((s, t) => s + t.amount, 0n)).toBe(9858n);
    expect(subtotals.reduce((s, t) => s + t.taxable, 0n)).toBe(70599n);
    expect(subtotals.map((t) => `${t.tax.code}:${t.tax.rate}`).sort()).toEqual(['S:18', 'S:2', 'Z:0']);
    expect(num("count(//*[local-name()='InvoiceLine'])")).toBe('2');
    expect(text).toContain('<cbc:InvoicedQuantity unitCode="KGM">3</cbc:InvoicedQuantity>');
    expect(text).toMatch(
      /<cbc:ChargeIndicator>false<\/cbc:ChargeIndicator>\s*<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>\s*<cbc:Amount currencyID="MXN">10.50<\/cbc:Amount>/,
    );
  });

  test('a document discount (as an ERP import leaves it) is an allowance, and the totals still add up', async () => {
    const { org, customer } = await seller('MXN', 'MX');
    const { id } = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'F-2002',
        issueDate: '2026-11-02',
        dueDate: '2026-12-02',
        lines: [{ description: 'Harina 25 kg', quantity: '2', unitPrice: '500.00' }],
        charges: [{ kind: 'fee', name: 'Flete', amount: 3000n }],
        actor,
      },
    );
    // The console cannot enter a document discount; an import writes one as a negative charge
    // counted in fee_total (migration 0022). Here the same rows, by hand.
    await db
      .insertInto('invoice_charges')
      .values({
        org_id: org.id,
        invoice_id: id,
        seq: 2,
        kind: 'discount',
        name: 'Pronto pago',
        rate: null,
        amount: -5000n,
      })
      .execute();
    await db
      .updateTable('invoices')
      .set((eb) => ({
        fee_total: eb('fee_total', '-', 5000n),
        total: eb('total', '-', 5000n),
        open_amount: eb('open_amount', '-', 5000n),
      }))
      .where('id', '=', id)
      .execute();
    const { doc } = await loadEInvoice({ db }, { orgId: org.id, type: 'invoice', id });
    const xml = renderUbl(doc);
    xmllint(xml, 'Invoice');
    const num = (e: string) => xpath(xml, `string(${e})`);
    const lm = "/*[local-name()='Invoice']/*[local-name()='LegalMonetaryTotal']";
    // 1,000.00 of lines + 30.00 of freight − 50.00 of discount = 980.00, no tax.
    expect(num(`${lm}/*[local-name()='LineExtensionAmount']`)).toBe('1000.00');
    expect(num(`${lm}/*[local-name()='AllowanceTotalAmount']`)).toBe('50.00');
    expect(num(`${lm}/*[local-name()='ChargeTotalAmount']`)).toBe('30.00');
    expect(num(`${lm}/*[local-name()='TaxExclusiveAmount']`)).toBe('980.00');
    expect(num(`${lm}/*[local-name()='PayableAmount']`)).toBe('980.00');
    const allowance =
      "/*[local-name()='Invoice']/*[local-name()='AllowanceCharge'][*[local-name()='ChargeIndicator']='false']";
    expect(num(`${allowance}/*[local-name()='AllowanceChargeReason']`)).toBe('Pronto pago');
    expect(num(`${allowance}/*[local-name()='Amount']`)).toBe('50.00');
    expect(doc.taxSubtotals.reduce((sum, t) => sum + t.taxable, 0n)).toBe(98_000n);
    const x12 = renderX12810(doc, {
      isaSenderQualifier: 'ZZ',
      isaSenderId: 'SALDOSELLER',
      isaReceiverQualifier: 'ZZ',
      isaReceiverId: 'BUYER',
      gsSenderId: 'SALDOGS',
      gsReceiverId: 'BUYERGS',
      usage: 'T',
      interchangeControl: 1,
      groupControl: 1,
      transactionControl: 1,
      at: new Date('2026-11-02T15:04:00Z'),
    }).toString('utf8');
    const interchange = new X12Parser(true).parse(x12) as import('node-x12').X12Interchange;
    const sac =
      interchange.functionalGroups[0]?.transactions[0]?.segments.filter((seg) => seg.tag === 'SAC') ?? [];
    // The freight is a charge (C), the discount an allowance (A), each in cents.
    expect(sac.map((seg) => [seg.valueOf(1), seg.valueOf(5)])).toEqual([
      ['C', '3000'],
      ['A', '5000'],
    ]);
  });

  test('JPY (no decimals) and a credit note against an invoice validate', async () => {
    const { org, customer } = await seller('JPY', 'JP');
    const { id } = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'JP-1',
        issueDate: '2026-11-02',
        lines: [
          { description: 'お茶', quantity: '2', unitPrice: '1250', taxes: [{ name: '消費税', rate: '10' }] },
        ],
        actor,
      },
    );
    const { doc } = await loadEInvoice({ db }, { orgId: org.id, type: 'invoice', number: 'JP-1' });
    const xml = renderUbl(doc);
    xmllint(xml, 'Invoice');
    expect(xml.toString()).toContain('<cbc:PayableAmount currencyID="JPY">2750</cbc:PayableAmount>');
    const memo = await issueCreditMemo(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 500n,
        issueDate: '2026-11-03',
        invoiceId: id,
        reason: '破損',
        actor,
      },
    );
    const credit = await loadEInvoice({ db }, { orgId: org.id, type: 'credit_memo', id: memo.id });
    const note = renderUbl(credit.doc);
    xmllint(note, 'CreditNote');
    const text = note.toString();
    expect(text).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(text).toContain('<cbc:ID>JP-1</cbc:ID>');
    expect(text).toContain('<cbc:PayableAmount currencyID="JPY">500</cbc:PayableAmount>');
  });

  test('a document that breaks the schema is refused by the check itself', () => {
    expect(() =>
      xmllint(
        Buffer.from('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'),
        'Invoice',
      ),
    ).toThrow();
  });
});

describe('X12 810 (004010)', () => {
  test('parsed back by node-x12: envelope, control numbers, counts and the total in cents', async () => {
    const { org, customer } = await seller('USD', 'US');
    await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'INV*9~1',
        issueDate: '2026-11-02',
        dueDate: '2026-12-02',
        poNumber: 'PO-5',
        lines: [
          {
            sku: 'A-1',
            description: 'Widget',
            quantity: '4',
            unit: 'ea',
            unitPrice: '12.345',
            taxes: [{ name: 'Sales tax', rate: '8.25' }],
          },
          { description: 'Gadget', quantity: '1', unitPrice: '100', discountAmount: 500n },
        ],
        charges: [{ kind: 'fee', name: 'Freight', amount: 1999n }],
        actor,
      },
    );
    const { doc } = await loadEInvoice({ db }, { orgId: org.id, type: 'invoice', number: 'INV*9~1' });
    const x12 = renderX12810(doc, {
      isaSenderQualifier: 'ZZ',
      isaSenderId: 'SALDOSELLER',
      isaReceiverQualifier: '01',
      isaReceiverId: '123456789',
      gsSenderId: 'SALDOGS',
      gsReceiverId: 'BUYERGS',
      usage: 'T',
      interchangeControl: 42,
      groupControl: 7,
      transactionControl: 3,
      at: new Date('2026-11-02T15:04:00Z'),
    }).toString('utf8');
    const interchange = new X12Parser(true).parse(x12) as import('node-x12').X12Interchange;
    const isa = interchange.header;
    // ISA is fixed width: 106 characters with its terminator; ISA13 is nine digits at 90–98.
    expect(x12.indexOf('~')).toBe(105);
    expect(x12.slice(90, 99)).toBe('000000042');
    expect(Number(isa.valueOf(13))).toBe(42);
    expect(isa.valueOf(6)?.trim()).toBe('SALDOSELLER');
    expect(isa.valueOf(8)?.trim()).toBe('123456789');
    expect(isa.valueOf(12)).toBe('00401');
    expect(isa.valueOf(15)).toBe('T');
    expect(interchange.trailer.valueOf(1)).toBe('1');
    expect(Number(interchange.trailer.valueOf(2))).toBe(42);
    expect(x12).toContain('IEA*1*000000042~');
    const group = interchange.functionalGroups[0]!;
    expect(group.header.valueOf(1)).toBe('IN');
    expect(group.header.valueOf(6)).toBe('7');
    expect(group.header.valueOf(8)).toBe('004010');
    expect(group.trailer.valueOf(1)).toBe('1');
    expect(group.trailer.valueOf(2)).toBe('7');
    const set = group.transactions[0]!;
    expect(set.header.valueOf(1)).toBe('810');
    expect(set.header.valueOf(2)).toBe('0003');
    // SE01 counts ST through SE.
    expect(Number(set.trailer.valueOf(1))).toBe(set.segments.length + 2);
    expect(set.trailer.valueOf(2)).toBe('0003');
    const seg = (tag: string) => set.segments.filter((s) => s.tag === tag);
    expect(seg('IT1')).toHaveLength(2);
    expect(seg('CTT')[0]!.valueOf(1)).toBe('2');
    // The separators inside the number are replaced, not left to break the file.
    expect(seg('BIG')[0]!.valueOf(2)).toBe('INV 9 1');
    expect(seg('BIG')[0]!.valueOf(4)).toBe('PO-5');
    // 4 × 12.345 = 49.38; tax 8.25 % = 4.07 (half-up); 100 − 5 = 95.00; freight 19.99 → 168.44.
    expect(seg('TDS')[0]!.valueOf(1)).toBe('16844');
    expect(seg('IT1')[0]!.valueOf(4)).toBe('12.345');
    expect(seg('IT1')[0]!.valueOf(3)).toBe('EA');
    expect(seg('IT1')[0]!.valueOf(7)).toBe('A-1');
    const sac = seg('SAC').map((s) => [s.valueOf(1), s.valueOf(5)]);
    expect(sac).toEqual([
      ['A', '500'],
      ['C', '1999'],
    ]);
  });

  test('JPY totals are still cents in TDS (N2)', async () => {
    const { org, customer } = await seller('JPY', 'JP');
    await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'J-9',
        issueDate: '2026-11-02',
        lines: [{ description: 'x', quantity: '3', unitPrice: '400' }],
        actor,
      },
    );
    const { doc } = await loadEInvoice({ db }, { orgId: org.id, type: 'invoice', number: 'J-9' });
    const x12 = renderX12810(doc, {
      isaSenderQualifier: 'ZZ',
      isaSenderId: 'S',
      isaReceiverQualifier: 'ZZ',
      isaReceiverId: 'R',
      gsSenderId: 'SS',
      gsReceiverId: 'RR',
      usage: 'P',
      interchangeControl: 1,
      groupControl: 1,
      transactionControl: 1,
      at: new Date('2026-11-02T00:00:00Z'),
    }).toString();
    const interchange = new X12Parser(true).parse(x12) as import('node-x12').X12Interchange;
    const tds = interchange.functionalGroups[0]!.transactions[0]!.segments.find((s) => s.tag === 'TDS')!;
    expect(tds.valueOf(1)).toBe('120000');
  });
});
