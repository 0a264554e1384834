import type {
  EInvoiceDocument,
  EInvoiceParty,
  X12Envelope,
} from '../../domain/delivery/e-invoice-document.ts';
import { currencyExponent } from '../../domain/money/currency.ts';
import { minorToDecimalString } from '../../domain/money/format.ts';

/**
 * ANSI X12 810 (Invoice), version 004010, one transaction set in one functional group (GS01 IN) in
 * one interchange, from the e-invoice view model. Separators: `*` between elements, `>` between
 * components (ISA16), `~` ends a segment (followed by a line break, which X12 readers skip).
 *
 * Segments: ISA GS ST BIG [NTE] CUR N1/N3/N4 (SU the seller, BT the bill-to) [ITD] then per line
 * IT1 [TXI] [SAC (discount)] PID, then TDS (the total in cents: N2, two implied decimals, whatever
 * the currency's exponent) [TXI (all taxes)] [SAC (each fee)] CTT (the number of IT1) SE (the
 * number of segments from ST to SE inclusive) GE (1 set) IEA (1 group). A credit memo is an 810
 * with BIG07 = CR. Control numbers are the caller's (domain/delivery: taken per seller in the
 * delivery's transaction, never reused): ISA13 nine digits, GS06 and ST02 as numbers, ST02
 * zero-padded to four.
 */

export const X12_SEGMENT_TERMINATOR = '~';
export const X12_ELEMENT_SEPARATOR = '*';
export const X12_COMPONENT_SEPARATOR = '>';

const SEPARATORS = new Set(['*', '~', '>', '^']);

/** Text inside an element: no separators, no control characters, at most `max` characters. */
function text(value: string, max = 60): string {
  return Array.from(value, (c) => {
    const code = c.charCodeAt(0);
    return SEPARATORS.has(c) || code < 32 || code === 127 ? ' ' : c;
  })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const pad = (value: string, width: number) => value.padEnd(width, ' ').slice(0, width);
const digits = (n: number, width: number) => String(n).padStart(width, '0');

/** Minor units of `currency` as X12 N2 (cents, no decimal point): JPY 1200 → "120000", USD 12.34 → "1234". */
export function toN2(amount: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent <= 2) return (amount * 10n ** BigInt(2 - exponent)).toString();
  const divisor = 10n ** BigInt(exponent - 2);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const rounded = (abs * 2n + divisor) / (2n * divisor);
  return `${negative ? '-' : ''}${rounded}`;
}

function ymd(date: string): string {
  return date.replaceAll('-', '');
}

function partySegments(code: 'SU' | 'BT', party: EInvoiceParty): string[][] {
  const n1 = ['N1', code, text(party.name)];
  if (party.partyId) n1.push('91', text(party.partyId, 80));
  const out = [n1];
  const { line1, line2, city, region, postalCode } = party.address;
  if (line1 || line2) {
    const n3 = ['N3', text(line1 ?? line2 ?? '', 55)];
    if (line1 && line2) n3.push(text(line2, 55));
    out.push(n3);
  }
  if (city || region || postalCode) {
    const state = region && /^[A-Za-z]{2,3}$/.test(region.trim()) ? region.trim().toUpperCase() : '';
    out.push(['N4', text(city ?? '', 30), state, text(postalCode ?? '', 15), party.country]);
  }
  return out;
}

/** The trailing empty elements of a segment dropped (X12 omits them). */
function segment(elements: string[]): string {
  const copy = [...elements];
  while (copy.length > 1 && copy.at(-1) === '') copy.pop();
  return copy.join(X12_ELEMENT_SEPARATOR);
}

export function renderX12810(doc: EInvoiceDocument, envelope: X12Envelope): Buffer {
  const iso = envelope.at.toISOString();
  const date8 = iso.slice(0, 10).replaceAll('-', '');
  const time4 = iso.slice(11, 16).replace(':', '');
  const st02 = digits(envelope.transactionControl, 4);
  const decimal = (amount: bigint) => minorToDecimalString(amount, doc.currency);

  const body: string[][] = [];
  body.push(['ST', '810', st02]);
  body.push([
    'BIG',
    ymd(doc.issueDate),
    text(doc.number, 22),
    '',
    text(doc.orderReference ?? '', 22),
    '',
    '',
    doc.kind === 'credit_note' ? 'CR' : 'DI',
  ]);
  if (doc.note) body.push(['NTE', 'GEN', text(doc.note, 80)]);
  if (doc.billingReference) body.push(['REF', 'IV', text(doc.billingReference, 30)]);
  body.push(['CUR', 'SE', doc.currency]);
  body.push(...partySegments('SU', doc.seller));
  body.push(...partySegments('BT', doc.buyer));
  if (doc.dueDate) body.push(['ITD', '01', '3', '', '', '', ymd(doc.dueDate)]);
  for (const line of doc.lines) {
    body.push([
      'IT1',
      String(line.lineNo),
      line.quantity,
      line.unitCode.x12,
      line.unitPrice,
      '',
      ...(line.sku ? ['VP', text(line.sku, 48)] : []),
    ]);
    if (line.taxAmount !== 0n) body.push(['TXI', 'TX', decimal(line.taxAmount), line.tax.rate]);
    if (line.allowance !== 0n)
      body.push([
        'SAC',
        'A',
        'C310',
        '',
        '',
        toN2(line.allowance, doc.currency),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'Discount',
      ]);
    body.push(['PID', 'F', '', '', '', text(line.description, 80)]);
  }
  body.push(['TDS', toN2(doc.totals.taxInclusive, doc.currency)]);
  if (doc.totals.tax !== 0n) body.push(['TXI', 'TX', decimal(doc.totals.tax)]);
  for (const charge of doc.charges)
    body.push([
      'SAC',
      charge.allowance ? 'A' : 'C',
      'ZZZZ',
      '',
      '',
      toN2(charge.amount, doc.currency),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      text(charge.reason, 80),
    ]);
  body.push(['CTT', String(doc.lines.length)]);
  body.push(['SE', String(body.length + 1), st02]);

  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    pad(envelope.isaSenderQualifier, 2),
    pad(text(envelope.isaSenderId, 15), 15),
    pad(envelope.isaReceiverQualifier, 2),
    pad(text(envelope.isaReceiverId, 15), 15),
    date8.slice(2),
    time4,
    'U',
    '00401',
    digits(envelope.interchangeControl, 9),
    '0',
    envelope.usage,
    X12_COMPONENT_SEPARATOR,
  ].join(X12_ELEMENT_SEPARATOR);
  const gs = [
    'GS',
    'IN',
    text(envelope.gsSenderId, 15),
    text(envelope.gsReceiverId, 15),
    date8,
    time4,
    String(envelope.groupControl),
    'X',
    '004010',
  ];
  const segments = [
    isa,
    segment(gs),
    ...body.map(segment),
    segment(['GE', '1', String(envelope.groupControl)]),
    segment(['IEA', '1', digits(envelope.interchangeControl, 9)]),
  ];
  return Buffer.from(segments.map((s) => `${s}${X12_SEGMENT_TERMINATOR}\n`).join(''), 'utf8');
}

export function x12FileName(doc: EInvoiceDocument, interchangeControl: number): string {
  const safe = doc.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `810-${safe}-${digits(interchangeControl, 9)}.x12`;
}
