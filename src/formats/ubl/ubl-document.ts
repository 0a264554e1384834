import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type {
  EInvoiceDocument,
  EInvoiceParty,
  EInvoiceTaxCategory,
} from '../../domain/delivery/e-invoice-document.ts';
import { minorToDecimalString } from '../../domain/money/format.ts';

/**
 * UBL 2.1 Invoice and CreditNote in the Peppol BIS Billing 3.0 profile, from the e-invoice view
 * model (domain/delivery/e-invoice-document.ts). Elements are written in the order the OASIS
 * schemas require (test/formats/ubl checks every document with xmllint against ../shared/schemas);
 * amounts are exact decimals with the currency's exponent (JPY "1200", USD "12.00", BHD "1.250").
 */
export const PEPPOL_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  credit_note: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export function renderUbl(doc: EInvoiceDocument): Buffer {
  const credit = doc.kind === 'credit_note';
  const rootName = credit ? 'CreditNote' : 'Invoice';
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS[doc.kind], rootName, {
    'xmlns:cac': NS.cac,
    'xmlns:cbc': NS.cbc,
  });
  const money = (amount: bigint) => minorToDecimalString(amount, doc.currency);
  const amount = (parent: XMLBuilder, name: string, value: bigint) =>
    parent.ele(NS.cbc, `cbc:${name}`, { currencyID: doc.currency }).txt(money(value));
  const cbc = (parent: XMLBuilder, name: string, text: string, attrs?: Record<string, string>) =>
    parent.ele(NS.cbc, `cbc:${name}`, attrs).txt(text);
  const cac = (parent: XMLBuilder, name: string) => parent.ele(NS.cac, `cac:${name}`);

  cbc(root, 'CustomizationID', PEPPOL_CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PEPPOL_PROFILE_ID);
  cbc(root, 'ID', doc.number);
  cbc(root, 'IssueDate', doc.issueDate);
  if (!credit && doc.dueDate) cbc(root, 'DueDate', doc.dueDate);
  cbc(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', credit ? '381' : '380');
  if (doc.note) cbc(root, 'Note', doc.note.slice(0, 1000));
  cbc(root, 'DocumentCurrencyCode', doc.currency);
  cbc(root, 'BuyerReference', doc.buyerReference);
  if (doc.orderReference) cbc(cac(root, 'OrderReference'), 'ID', doc.orderReference);
  if (doc.billingReference)
    cbc(cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference'), 'ID', doc.billingReference);

  const party = (name: 'AccountingSupplierParty' | 'AccountingCustomerParty', p: EInvoiceParty) => {
    const node = cac(cac(root, name), 'Party');
    if (p.endpoint) cbc(node, 'EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme });
    if (p.partyId) cbc(cac(node, 'PartyIdentification'), 'ID', p.partyId);
    cbc(cac(node, 'PartyName'), 'Name', p.name);
    const address = cac(node, 'PostalAddress');
    if (p.address.line1) cbc(address, 'StreetName', p.address.line1);
    if (p.address.line2) cbc(address, 'AdditionalStreetName', p.address.line2);
    if (p.address.city) cbc(address, 'CityName', p.address.city);
    if (p.address.postalCode) cbc(address, 'PostalZone', p.address.postalCode);
    if (p.address.region) cbc(address, 'CountrySubentity', p.address.region);
    cbc(cac(address, 'Country'), 'IdentificationCode', p.country);
    if (p.taxId) {
      const scheme = cac(node, 'PartyTaxScheme');
      cbc(scheme, 'CompanyID', p.taxId);
      cbc(cac(scheme, 'TaxScheme'), 'ID', 'VAT');
    }
    const legal = cac(node, 'PartyLegalEntity');
    cbc(legal, 'RegistrationName', p.legalName ?? p.name);
    if (p.taxId) cbc(legal, 'CompanyID', p.taxId);
  };
  party('AccountingSupplierParty', doc.seller);
  party('AccountingCustomerParty', doc.buyer);

  const means = cac(root, 'PaymentMeans');
  cbc(means, 'PaymentMeansCode', '1');
  cbc(means, 'PaymentID', doc.number);

  const taxCategory = (
    parent: XMLBuilder,
    name: 'TaxCategory' | 'ClassifiedTaxCategory',
    tax: EInvoiceTaxCategory,
  ) => {
    const node = cac(parent, name);
    cbc(node, 'ID', tax.code);
    cbc(node, 'Percent', tax.rate);
    cbc(cac(node, 'TaxScheme'), 'ID', 'VAT');
  };

  for (const charge of doc.charges) {
    const node = cac(root, 'AllowanceCharge');
    cbc(node, 'ChargeIndicator', charge.allowance ? 'false' : 'true');
    cbc(node, 'AllowanceChargeReason', charge.reason);
    amount(node, 'Amount', charge.amount);
    taxCategory(node, 'TaxCategory', charge.tax);
  }

  const taxTotal = cac(root, 'TaxTotal');
  amount(taxTotal, 'TaxAmount', doc.totals.tax);
  for (const sub of doc.taxSubtotals) {
    const node = cac(taxTotal, 'TaxSubtotal');
    amount(node, 'TaxableAmount', sub.taxable);
    amount(node, 'TaxAmount', sub.amount);
    taxCategory(node, 'TaxCategory', sub.tax);
  }

  const totals = cac(root, 'LegalMonetaryTotal');
  amount(totals, 'LineExtensionAmount', doc.totals.lineExtension);
  amount(totals, 'TaxExclusiveAmount', doc.totals.taxExclusive);
  amount(totals, 'TaxInclusiveAmount', doc.totals.taxInclusive);
  amount(totals, 'AllowanceTotalAmount', doc.totals.allowances);
  amount(totals, 'ChargeTotalAmount', doc.totals.charges);
  if (doc.totals.prepaid !== 0n) amount(totals, 'PrepaidAmount', doc.totals.prepaid);
  amount(totals, 'PayableAmount', doc.totals.payable);

  for (const line of doc.lines) {
    const node = cac(root, credit ? 'CreditNoteLine' : 'InvoiceLine');
    cbc(node, 'ID', String(line.lineNo));
    cbc(node, credit ? 'CreditedQuantity' : 'InvoicedQuantity', line.quantity, {
      unitCode: line.unitCode.unece,
    });
    amount(node, 'LineExtensionAmount', line.netAmount);
    if (line.allowance !== 0n) {
      const allowance = cac(node, 'AllowanceCharge');
      cbc(allowance, 'ChargeIndicator', 'false');
      cbc(allowance, 'AllowanceChargeReason', 'Discount');
      amount(allowance, 'Amount', line.allowance);
    }
    const item = cac(node, 'Item');
    cbc(item, 'Name', line.description.slice(0, 200));
    if (line.sku) cbc(cac(item, 'SellersItemIdentification'), 'ID', line.sku);
    taxCategory(item, 'ClassifiedTaxCategory', line.tax);
    cbc(cac(node, 'Price'), 'PriceAmount', line.unitPrice, { currencyID: doc.currency });
  }
  return Buffer.from(root.end({ prettyPrint: true }), 'utf8');
}

export function ublFileName(doc: EInvoiceDocument): string {
  const safe = doc.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${doc.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${safe}.xml`;
}
