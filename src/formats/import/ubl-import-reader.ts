import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  type ByteSource,
  ImportFileError,
  type ImportKind,
  type ImportRow,
} from '../../domain/integration/import-types.ts';
import { decode1252 } from './import-bytes.ts';
import { cellText, type ImportTable } from './import-table.ts';

/** UBL documents are read whole (one per file); a file bigger than this is not an invoice. */
export const MAX_UBL_BYTES = 32 << 20;

/** The canonical columns (import-fields.ts names) a UBL invoice is read into. */
export const UBL_INVOICE_HEADER = [
  'number',
  'customer_erp_id',
  'issue_date',
  'due_date',
  'currency',
  'po_number',
  'order_reference',
  'total',
  'notes',
  'line_sku',
  'line_description',
  'line_quantity',
  'line_unit',
  'line_unit_price',
  'line_discount',
  'line_tax_name',
  'line_tax_rate',
  'fee_name',
  'fee_amount',
] as const;

/** The canonical columns a UBL credit note is read into. */
export const UBL_CREDIT_NOTE_HEADER = [
  'number',
  'customer_erp_id',
  'invoice_number',
  'issue_date',
  'currency',
  'amount',
  'reason',
] as const;

const ARRAYS = new Set([
  'InvoiceLine',
  'CreditNoteLine',
  'AllowanceCharge',
  'Note',
  'PartyIdentification',
  'BillingReference',
  'ClassifiedTaxCategory',
  'TaxCategory',
]);

type Node = Record<string, unknown>;

const asNode = (v: unknown): Node | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
const list = (v: unknown): Node[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => asNode(x) ?? { '#text': x });

/** A path of child names below a node; the first element at each step. */
function at(node: Node | undefined, ...path: string[]): Node | undefined {
  let current: unknown = node;
  for (const name of path) {
    const value = asNode(current)?.[name];
    current = Array.isArray(value) ? value[0] : value;
  }
  return current === undefined ? undefined : (asNode(current) ?? { '#text': current });
}

/** A leaf's text (`#text` when it has attributes), trimmed; null when absent or empty. */
function text(node: Node | undefined, ...path: string[]): string | null {
  const leaf = at(node, ...path);
  if (leaf === undefined) return null;
  const value = leaf['#text'];
  return cellText(value === undefined || value === null ? null : String(value));
}

function attr(node: Node | undefined, name: string, ...path: string[]): string | null {
  const value = at(node, ...path)?.[`@_${name}`];
  return typeof value === 'string' ? cellText(value) : null;
}

/** a − b for exact decimal strings. */
function subtract(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  const diff = scaled(a, scale) - scaled(b, scale);
  return fromScaled(diff, scale);
}

function add(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  return fromScaled(scaled(a, scale) + scaled(b, scale), scale);
}

/** a ÷ b when it is an exact decimal (a unit price per base quantity), else null. */
function divide(a: string, b: string): string | null {
  const scale = Math.max(decimals(a), decimals(b));
  const num = scaled(a, scale);
  const den = scaled(b, scale);
  if (den === 0n) return null;
  for (let digits = 0; digits <= 6; digits++) {
    const factor = 10n ** BigInt(digits);
    if ((num * factor) % den === 0n) return fromScaled((num * factor) / den, digits);
  }
  return null;
}

const decimals = (s: string) => (s.split('.')[1] ?? '').length;
const scaled = (s: string, scale: number) => {
  const [int = '0', frac = ''] = s.replace(/^\+/, '').split('.');
  const negative = int.startsWith('-');
  const digits = BigInt(`${int.replace('-', '') || '0'}${frac.padEnd(scale, '0')}`);
  return negative ? -digits : digits;
};
function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
const isDecimal = (s: string | null): s is string => s !== null && /^[-+]?\d+(\.\d+)?$/.test(s);

/** The buyer's id as the seller knows it: PartyIdentification, else EndpointID, else the legal CompanyID. */
function customerId(doc: Node): string | null {
  const party = at(doc, 'AccountingCustomerParty', 'Party');
  return (
    text(party, 'PartyIdentification', 'ID') ??
    text(party, 'EndpointID') ??
    text(party, 'PartyLegalEntity', 'CompanyID')
  );
}

function notes(doc: Node): string | null {
  const all = list(doc.Note)
    .map((n) => cellText(String(n['#text'] ?? '')))
    .filter((n): n is string => n !== null);
  return all.length ? all.join('\n') : null;
}

/** The document's total: TaxInclusiveAmount (lines + taxes + charges), before any prepayment. */
function documentTotal(doc: Node): string | null {
  return (
    text(doc, 'LegalMonetaryTotal', 'TaxInclusiveAmount') ?? text(doc, 'LegalMonetaryTotal', 'PayableAmount')
  );
}

function invoiceRows(doc: Node): (string | null)[][] {
  const head = {
    number: text(doc, 'ID'),
    customer_erp_id: customerId(doc),
    issue_date: text(doc, 'IssueDate'),
    due_date: text(doc, 'DueDate') ?? text(doc, 'PaymentMeans', 'PaymentDueDate'),
    currency: text(doc, 'DocumentCurrencyCode'),
    po_number: text(doc, 'OrderReference', 'ID'),
    order_reference: text(doc, 'OrderReference', 'SalesOrderID'),
    total: documentTotal(doc),
    notes: notes(doc),
  };
  const rows: Record<string, string | null>[] = [];
  for (const line of list(doc.InvoiceLine)) {
    const item = at(line, 'Item');
    const quantity = text(line, 'InvoicedQuantity');
    const price = text(line, 'Price', 'PriceAmount');
    const base = text(line, 'Price', 'BaseQuantity');
    // A price per base quantity (per 2, per 100…) becomes a price per unit when that is exact.
    const unitPrice =
      isDecimal(price) && isDecimal(base) && Number(base) !== 1 ? (divide(price, base) ?? price) : price;
    // Line allowances less line charges: the line's discount (LineExtensionAmount = qty × price − it).
    let discount = '0';
    for (const ac of list(line.AllowanceCharge)) {
      const amount = text(ac, 'Amount');
      if (!isDecimal(amount)) continue;
      discount = text(ac, 'ChargeIndicator') === 'true' ? subtract(discount, amount) : add(discount, amount);
    }
    const tax = at(item, 'ClassifiedTaxCategory');
    rows.push({
      ...head,
      line_sku:
        text(item, 'SellersItemIdentification', 'ID') ?? text(item, 'StandardItemIdentification', 'ID'),
      line_description: text(item, 'Name') ?? text(item, 'Description'),
      line_quantity: quantity,
      line_unit: attr(line, 'unitCode', 'InvoicedQuantity'),
      line_unit_price: unitPrice,
      line_discount: discount === '0' ? null : discount,
      line_tax_name: text(tax, 'TaxScheme', 'ID'),
      line_tax_rate: text(tax, 'Percent'),
    });
  }
  for (const ac of list(doc.AllowanceCharge)) {
    const charge = text(ac, 'ChargeIndicator') === 'true';
    const amount = text(ac, 'Amount');
    const name = text(ac, 'AllowanceChargeReason') ?? text(ac, 'AllowanceChargeReasonCode');
    const taxCategory = at(ac, 'TaxCategory');
    const rate = text(taxCategory, 'Percent');
    if (isDecimal(rate) && Number(rate) !== 0) {
      // A taxed charge or allowance is a line (Saldo's charges carry no tax, and the document's tax
      // includes it): a charge one of quantity 1, an allowance a credit line of quantity −1.
      rows.push({
        ...head,
        line_description: name ?? (charge ? 'Charge' : 'Allowance'),
        line_quantity: charge ? '1' : '-1',
        line_unit_price: amount,
        line_tax_name: text(taxCategory, 'TaxScheme', 'ID'),
        line_tax_rate: rate,
      });
    } else {
      // An untaxed charge is a fee; an untaxed allowance a negative one, which Saldo keeps as a
      // document discount (invoice_charges kind 'discount').
      rows.push({
        ...head,
        fee_name: name ?? (charge ? 'Charge' : 'Allowance'),
        fee_amount: amount === null ? null : charge ? amount : subtract('0', amount),
      });
    }
  }
  if (rows.length === 0) rows.push({ ...head });
  return rows.map((row) => UBL_INVOICE_HEADER.map((name) => row[name] ?? null));
}

function creditNoteRows(doc: Node): (string | null)[][] {
  const row: Record<string, string | null> = {
    number: text(doc, 'ID'),
    customer_erp_id: customerId(doc),
    invoice_number: text(doc, 'BillingReference', 'InvoiceDocumentReference', 'ID'),
    issue_date: text(doc, 'IssueDate'),
    currency: text(doc, 'DocumentCurrencyCode'),
    amount: documentTotal(doc),
    reason: notes(doc) ?? text(doc, 'CreditNoteLine', 'Item', 'Name'),
  };
  return [UBL_CREDIT_NOTE_HEADER.map((name) => row[name] ?? null)];
}

async function readAll(source: ByteSource): Promise<Buffer> {
  if (source.size > MAX_UBL_BYTES) {
    throw new ImportFileError('file_too_large', null, { size: source.size, limit: MAX_UBL_BYTES });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.open(0) as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > MAX_UBL_BYTES)
      throw new ImportFileError('file_too_large', null, { size, limit: MAX_UBL_BYTES });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The XML declaration's encoding, when it names one TextDecoder knows (UTF-8 otherwise). */
function decodeXml(bytes: Buffer): string {
  const declared = /^(?:\uFEFF)?<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(
    bytes.subarray(0, 200).toString('latin1'),
  );
  const label = declared?.[1]?.toLowerCase() ?? 'utf-8';
  if (['windows-1252', 'cp1252', 'iso-8859-1', 'latin1'].includes(label)) return decode1252(bytes);
  return bytes.toString('utf8');
}

/**
 * Reads a UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0) into rows under canonical field
 * names. Invoices: one row per InvoiceLine (a negative InvoicedQuantity is a return line), then one
 * per document AllowanceCharge (a taxed charge as a line of quantity 1, a taxed allowance as a
 * credit line of quantity −1, an untaxed charge as a fee, an untaxed allowance as a negative fee —
 * a document discount); credit notes: one row. A row's
 * line is its place among the document's rows (1 = the first InvoiceLine). Amounts keep the
 * document's digits ('.' decimals); dates are ISO.
 */
export async function openUblTable(source: ByteSource): Promise<ImportTable & { kind: ImportKind }> {
  const xml = decodeXml(await readAll(source));
  if (xml.trim() === '') throw new ImportFileError('empty_file');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportFileError('malformed_xml', valid.err.line, { reason: valid.err.msg.slice(0, 200) });
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    isArray: (name) => ARRAYS.has(name),
  }).parse(xml) as Node;
  const rootName = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? asNode(parsed[rootName]) : undefined;
  if (!root || (rootName !== 'Invoice' && rootName !== 'CreditNote') || text(root, 'ID') === null) {
    throw new ImportFileError('not_ubl', null, { root: rootName ?? '' });
  }
  const kind: ImportKind = rootName === 'Invoice' ? 'invoices' : 'credit_memos';
  const header: string[] = [...(kind === 'invoices' ? UBL_INVOICE_HEADER : UBL_CREDIT_NOTE_HEADER)];
  const cells = kind === 'invoices' ? invoiceRows(root) : creditNoteRows(root);
  async function* rows(): AsyncGenerator<ImportRow, void, undefined> {
    for (const [i, row] of cells.entries()) yield { line: i + 1, cells: row };
  }
  return { header, rows: rows(), kind };
}
