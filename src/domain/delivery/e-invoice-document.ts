import type { Address } from '../../db/schema.ts';
import type { CreditMemo } from '../credits/credit-memos.repository.ts';
import type { Invoice } from '../invoices/invoices.repository.ts';
import { minorToDecimalString } from '../money/format.ts';
import { allocate, formatDecimal } from '../money/money.ts';

/**
 * The e-invoice view model: one invoice or credit memo as UBL (formats/ubl) and X12 810
 * (formats/x12) write it. Built from the aggregates (loadInvoice, loadCreditMemo) and the seller's
 * delivery settings; amounts stay bigint minor units of `currency` (the writers turn them into
 * decimals with the currency's exponent).
 *
 * Tax categories. Saldo's taxes are named rates (IVA 16 %, a state sales tax…), not VAT categories:
 * each line's rate is the sum of its own rates plus the document-level tax rates (which apply to the
 * subtotal, hence to every line); a positive rate is category S, no tax is Z (0 %). A document tax
 * given as an amount only is shared out over the lines in proportion to their nets (exact, the
 * remainder to the largest). The tax of each category is the sum of the taxes Saldo charged — the
 * amounts on the invoice, never recomputed — so the UBL totals are the invoice's totals. Fees are
 * document-level charges in category Z. Line discounts are line allowances.
 *
 * Credit memos hold one amount (no lines, no tax breakdown): the credit note has one line for it,
 * category Z, referring to the invoice it was issued against.
 */

export interface EInvoiceParty {
  name: string;
  legalName: string | null;
  taxId: string | null;
  address: Address;
  /** ISO 3166-1 alpha-2, from the address or the seller's country. */
  country: string;
  /** The Peppol participant id (scheme is an ICD code, e.g. 0088 GLN, 0192 Norwegian org number). */
  endpoint: { scheme: string; id: string } | null;
  /** An account number or other id the parties know each other by. */
  partyId: string | null;
}

export interface EInvoiceTaxCategory {
  /** UNCL5305: S standard, Z zero rated. */
  code: 'S' | 'Z';
  /** Percent, exact decimal string ("16", "8.25"). */
  rate: string;
}

export interface EInvoiceLine {
  lineNo: number;
  sku: string | null;
  description: string;
  quantity: string;
  /** UN/ECE Rec 20 (UBL) and the X12 355 unit code. */
  unitCode: { unece: string; x12: string };
  /** Exact decimal string in major units. */
  unitPrice: string;
  /** The line's discount (a line allowance), minor units. */
  allowance: bigint;
  /** quantity × unit price − allowance, rounded half-up (Saldo's rule), minor units. */
  netAmount: bigint;
  /** What Saldo charged in tax on this line, including its share of document-level taxes. */
  taxAmount: bigint;
  tax: EInvoiceTaxCategory;
}

export interface EInvoiceCharge {
  reason: string;
  /** True for a document allowance (a discount), false for a charge (a fee). */
  allowance: boolean;
  /** Minor units, positive either way. */
  amount: bigint;
  tax: EInvoiceTaxCategory;
}

export interface EInvoiceTaxSubtotal {
  tax: EInvoiceTaxCategory;
  taxable: bigint;
  amount: bigint;
}

export interface EInvoiceDocument {
  kind: 'invoice' | 'credit_note';
  id: string;
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  /** The buyer's purchase order, if known. */
  orderReference: string | null;
  /** The invoice a credit note corrects. */
  billingReference: string | null;
  /** Peppol's BuyerReference: the PO number, else the customer's account number. */
  buyerReference: string;
  note: string | null;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  lines: EInvoiceLine[];
  charges: EInvoiceCharge[];
  taxSubtotals: EInvoiceTaxSubtotal[];
  totals: {
    lineExtension: bigint;
    allowances: bigint;
    charges: bigint;
    taxExclusive: bigint;
    tax: bigint;
    taxInclusive: bigint;
    prepaid: bigint;
    payable: bigint;
  };
}

export interface EInvoiceSeller {
  name: string;
  legalName: string | null;
  taxId: string | null;
  country: string;
  address: Address;
  endpoint: { scheme: string; id: string } | null;
}

const RATE_SCALE = 4;

function parseRate(rate: string): bigint {
  const [int = '0', frac = ''] = rate.split('.');
  return BigInt(int) * 10n ** BigInt(RATE_SCALE) + BigInt(`${frac}0000`.slice(0, RATE_SCALE) || '0');
}

function rateText(scaled: bigint): string {
  const text = formatDecimal(scaled, RATE_SCALE);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A rate derived from an amount when the ERP sent none: tax / base in percent, 2 decimals, half-up. */
function derivedRate(tax: bigint, base: bigint): bigint {
  if (base <= 0n) return 0n;
  const hundredths = (tax * 10000n * 2n + base) / (2n * base); // percent × 100, half-up
  return hundredths * 100n;
}

function category(rate: bigint): EInvoiceTaxCategory {
  return rate > 0n ? { code: 'S', rate: rateText(rate) } : { code: 'Z', rate: '0' };
}

const UNITS: Record<string, { unece: string; x12: string }> = {
  ea: { unece: 'C62', x12: 'EA' },
  each: { unece: 'C62', x12: 'EA' },
  u: { unece: 'C62', x12: 'EA' },
  un: { unece: 'C62', x12: 'EA' },
  unit: { unece: 'C62', x12: 'EA' },
  pza: { unece: 'H87', x12: 'EA' },
  pz: { unece: 'H87', x12: 'EA' },
  pc: { unece: 'H87', x12: 'EA' },
  pcs: { unece: 'H87', x12: 'EA' },
  kg: { unece: 'KGM', x12: 'KG' },
  g: { unece: 'GRM', x12: 'GR' },
  lb: { unece: 'LBR', x12: 'LB' },
  l: { unece: 'LTR', x12: 'LT' },
  lt: { unece: 'LTR', x12: 'LT' },
  m: { unece: 'MTR', x12: 'MR' },
  h: { unece: 'HUR', x12: 'HR' },
  hr: { unece: 'HUR', x12: 'HR' },
  hour: { unece: 'HUR', x12: 'HR' },
  hora: { unece: 'HUR', x12: 'HR' },
  box: { unece: 'XBX', x12: 'BX' },
  caja: { unece: 'XBX', x12: 'BX' },
  cs: { unece: 'XCS', x12: 'CA' },
  case: { unece: 'XCS', x12: 'CA' },
  dz: { unece: 'DZN', x12: 'DZ' },
};

export function unitCodeOf(unit: string | null): { unece: string; x12: string } {
  return UNITS[(unit ?? '').trim().toLowerCase().replace(/\.$/, '')] ?? { unece: 'C62', x12: 'EA' };
}

function countryOf(address: Address, fallback: string): string {
  const c = (address.country ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(c) ? c : fallback.toUpperCase();
}

function subtotalsOf(lines: EInvoiceLine[], charges: EInvoiceCharge[]): EInvoiceTaxSubtotal[] {
  const groups = new Map<string, EInvoiceTaxSubtotal>();
  const add = (tax: EInvoiceTaxCategory, taxable: bigint, amount: bigint) => {
    const key = `${tax.code}:${tax.rate}`;
    const group = groups.get(key) ?? { tax, taxable: 0n, amount: 0n };
    group.taxable += taxable;
    group.amount += amount;
    groups.set(key, group);
  };
  for (const line of lines) add(line.tax, line.netAmount, line.taxAmount);
  for (const charge of charges) add(charge.tax, charge.allowance ? -charge.amount : charge.amount, 0n);
  return [...groups.values()];
}

const ZERO_RATED: EInvoiceTaxCategory = { code: 'Z', rate: '0' };

/** An invoice as an e-invoice. */
export function invoiceEDocument(
  invoice: Invoice,
  seller: EInvoiceSeller,
  buyerEndpoint: { scheme: string; id: string } | null,
): EInvoiceDocument {
  const docTaxes = invoice.charges.filter((c) => c.kind === 'tax');
  const fees = invoice.charges.filter((c) => c.kind === 'fee');
  // Document discounts (an imported UBL allowance, a negative fee in a CSV): amount < 0.
  const discounts = invoice.charges.filter((c) => c.kind === 'discount');
  const docRate = docTaxes.reduce((s, c) => s + (c.rate !== null ? parseRate(c.rate) : 0n), 0n);
  const docAmountOnly = docTaxes.filter((c) => c.rate === null).reduce((s, c) => s + c.amount, 0n);
  const docTaxTotal = docTaxes.reduce((s, c) => s + c.amount, 0n);
  const nets = invoice.lines.map((l) => (l.netAmount > 0n ? l.netAmount : 0n));
  const shares =
    docTaxTotal > 0n && nets.some((n) => n > 0n) ? allocate(docTaxTotal, nets) : invoice.lines.map(() => 0n);
  const lines: EInvoiceLine[] = invoice.lines.map((line, i) => {
    const ownRates = line.taxes.every((t) => t.rate !== null)
      ? line.taxes.reduce((s, t) => s + parseRate(t.rate!), 0n)
      : derivedRate(line.taxAmount, line.netAmount);
    const amountOnlyShare =
      docAmountOnly > 0n && docTaxTotal > 0n ? (shares[i]! * docAmountOnly) / docTaxTotal : 0n;
    const rate =
      ownRates + docRate + (amountOnlyShare > 0n ? derivedRate(amountOnlyShare, line.netAmount) : 0n);
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      description: line.description,
      quantity: line.quantity,
      unitCode: unitCodeOf(line.unit),
      unitPrice: line.unitPrice,
      allowance: line.discountAmount,
      netAmount: line.netAmount,
      taxAmount: line.taxAmount + shares[i]!,
      tax: category(rate),
    };
  });
  const charges: EInvoiceCharge[] = [
    ...fees.map((f) => ({ reason: f.name, allowance: false, amount: f.amount, tax: ZERO_RATED })),
    ...discounts.map((d) => ({ reason: d.name, allowance: true, amount: -d.amount, tax: ZERO_RATED })),
  ];
  const allowanceTotal = discounts.reduce((s, d) => s - d.amount, 0n);
  const prepaid = invoice.status === 'void' ? 0n : invoice.total - invoice.openAmount;
  return {
    kind: 'invoice',
    id: invoice.id,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    orderReference: invoice.poNumber,
    billingReference: null,
    buyerReference: invoice.poNumber ?? invoice.customer.accountNumber,
    note: invoice.notes,
    seller: sellerParty(seller),
    buyer: {
      name: invoice.customer.name,
      legalName: null,
      taxId: invoice.customer.taxId,
      address: invoice.customer.address,
      country: countryOf(invoice.customer.address, seller.country),
      endpoint: buyerEndpoint,
      partyId: invoice.customer.accountNumber,
    },
    lines,
    charges,
    taxSubtotals: subtotalsOf(lines, charges),
    totals: {
      lineExtension: invoice.subtotal,
      allowances: allowanceTotal,
      // fee_total counts discounts (negative): the charges alone are it plus what they took off.
      charges: invoice.feeTotal + allowanceTotal,
      taxExclusive: invoice.subtotal + invoice.feeTotal,
      tax: invoice.taxTotal,
      taxInclusive: invoice.total,
      prepaid,
      payable: invoice.total - prepaid,
    },
  };
}

function sellerParty(seller: EInvoiceSeller): EInvoiceParty {
  return {
    name: seller.name,
    legalName: seller.legalName,
    taxId: seller.taxId,
    address: seller.address,
    country: countryOf(seller.address, seller.country),
    endpoint: seller.endpoint,
    partyId: null,
  };
}

/** A credit memo as a credit note: one line for its amount. */
export function creditNoteEDocument(
  memo: CreditMemo,
  seller: EInvoiceSeller,
  buyerEndpoint: { scheme: string; id: string } | null,
): EInvoiceDocument {
  const line: EInvoiceLine = {
    lineNo: 1,
    sku: null,
    description: memo.reason?.trim() || `Credit ${memo.number}`,
    quantity: '1',
    unitCode: { unece: 'C62', x12: 'EA' },
    unitPrice: minorToDecimalString(memo.amount, memo.currency),
    allowance: 0n,
    netAmount: memo.amount,
    taxAmount: 0n,
    tax: { code: 'Z', rate: '0' },
  };
  return {
    kind: 'credit_note',
    id: memo.id,
    number: memo.number,
    issueDate: memo.issueDate,
    dueDate: null,
    currency: memo.currency,
    orderReference: null,
    billingReference: memo.invoice?.number ?? null,
    buyerReference: memo.customer.accountNumber,
    note: memo.reason,
    seller: sellerParty(seller),
    buyer: {
      name: memo.customer.name,
      legalName: null,
      taxId: memo.customer.taxId,
      address: memo.customer.address,
      country: countryOf(memo.customer.address, seller.country),
      endpoint: buyerEndpoint,
      partyId: memo.customer.accountNumber,
    },
    lines: [line],
    charges: [],
    taxSubtotals: subtotalsOf([line], []),
    totals: {
      lineExtension: memo.amount,
      allowances: 0n,
      charges: 0n,
      taxExclusive: memo.amount,
      tax: 0n,
      taxInclusive: memo.amount,
      prepaid: 0n,
      payable: memo.amount,
    },
  };
}

/** The X12 interchange around an 810: the trading partner's ids and the control numbers taken for it. */
export interface X12Envelope {
  isaSenderQualifier: string;
  isaSenderId: string;
  isaReceiverQualifier: string;
  isaReceiverId: string;
  gsSenderId: string;
  gsReceiverId: string;
  /** ISA15: T test, P production. */
  usage: 'T' | 'P';
  interchangeControl: number;
  groupControl: number;
  transactionControl: number;
  /** When the interchange is made (ISA09/10, GS04/05), in UTC. */
  at: Date;
}

/** The writers the domain hands its view models to (formats/ubl, formats/x12), passed in by callers. */
export interface EInvoiceWriters {
  ubl(doc: EInvoiceDocument): Buffer;
  ublFileName(doc: EInvoiceDocument): string;
  x12810(doc: EInvoiceDocument, envelope: X12Envelope): Buffer;
  x12FileName(doc: EInvoiceDocument, interchangeControl: number): string;
}
