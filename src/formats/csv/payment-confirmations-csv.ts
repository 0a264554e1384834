import type {
  ConfirmationChangeLine,
  ConfirmationChangeType,
  ConfirmationCustomer,
  ConfirmationDocument,
  ConfirmationDocumentRef,
  CsvStyle,
  ErpExportFormat,
  Locale,
  RenderedExport,
} from '../../domain/integration/sync/confirmation-document.ts';
import { dateInTimeZone, minorToDecimalString } from '../../domain/money/format.ts';

/**
 * Payment confirmations as files for the ERP (domain/integration/sync builds the document):
 *
 * - CSV, one row per application (the payment's columns repeated, as ERPs import receipts) or per
 *   payment without one, then one row per later change. UTF-8 with a byte-order mark, CRLF, the
 *   seller's delimiter (`,` or `;`), decimal mark and date style; amounts exact (minor units →
 *   decimal text by the currency's exponent), always positive: the line type says which way.
 *   Automatic marking (the ERP reads it): stable English column codes and line-type codes.
 *   Manual marking (people read it): headers and line types in the seller's language, and a last
 *   column saying what to do in the ERP.
 * - JSON, one document: `export`, `payments` (with their applications), `changes`, `cursor`.
 *   Amounts are decimal strings in major units with `.`, dates ISO.
 *
 * Text people or an ERP typed (names, numbers, references, accounts) is neutralised against
 * formula injection (a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe), as in aging-csv.ts.
 */
export function renderPaymentConfirmations(
  document: ConfirmationDocument,
  format: ErpExportFormat,
  style: CsvStyle,
): RenderedExport {
  const base = `payment-confirmations-${String(document.sequence).padStart(6, '0')}`;
  if (format === 'json')
    return {
      fileName: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      content: Buffer.from(`${JSON.stringify(confirmationsJson(document), null, 2)}\n`, 'utf8'),
    };
  return {
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(confirmationsCsv(document, style), 'utf8'),
  };
}

const decimal = (minor: bigint, currency: string) => minorToDecimalString(minor, currency);

const customerJson = (c: ConfirmationCustomer) => ({
  id: c.id,
  erpId: c.erpId,
  accountNumber: c.accountNumber,
  name: c.name,
});
const refJson = (d: ConfirmationDocumentRef | null) =>
  d ? { id: d.id, number: d.number, erpId: d.erpId } : null;

/** The JSON document (also what the integration API answers). */
export function confirmationsJson(document: ConfirmationDocument) {
  return {
    export: {
      id: document.exportId,
      sequence: document.sequence,
      createdAt: document.createdAt.toISOString(),
      marking: document.marking,
      channel: document.channel,
    },
    payments: document.payments.map((p) => ({
      id: p.paymentId,
      number: p.number,
      customer: customerJson(p.customer),
      currency: p.currency,
      amount: decimal(p.amount, p.currency),
      fee: decimal(p.fee, p.currency),
      unapplied: decimal(p.unapplied, p.currency),
      method: p.method,
      erpAccount: p.erpAccount,
      reference: p.reference,
      receivedOn: p.receivedOn,
      effectiveAt: p.effectiveAt.toISOString(),
      applications: p.applications.map((a) => ({
        id: a.applicationId,
        invoice: refJson(a.invoice),
        amount: decimal(a.amount, p.currency),
        appliedAt: a.appliedAt.toISOString(),
      })),
    })),
    changes: document.changes.map((c) => ({
      type: c.type,
      id: c.id,
      occurredAt: c.occurredAt.toISOString(),
      customer: customerJson(c.customer),
      currency: c.currency,
      amount: decimal(c.amount, c.currency),
      payment: c.payment
        ? {
            id: c.payment.id,
            number: c.payment.number,
            method: c.payment.method,
            erpAccount: c.payment.erpAccount,
          }
        : null,
      creditMemo: refJson(c.creditMemo),
      invoice: refJson(c.invoice),
      reason: c.reason,
    })),
    cursor: { exportId: document.exportId, sequence: document.sequence, items: document.itemCount },
  };
}

/** What the API answers when nothing is new: no export was made. */
export function emptyConfirmationsJson(lastSequence: number | null) {
  return {
    export: null,
    payments: [],
    changes: [],
    cursor: { exportId: null, sequence: lastSequence, items: 0 },
  };
}

const columns = [
  'export_sequence',
  'line_type',
  'date',
  'payment_number',
  'payment_date',
  'customer_erp_id',
  'customer_account',
  'customer_name',
  'currency',
  'payment_amount',
  'fee',
  'unapplied',
  'method',
  'erp_account',
  'reference',
  'invoice_number',
  'invoice_erp_id',
  'amount',
  'credit_memo_number',
  'credit_memo_erp_id',
  'reason',
] as const;
type Column = (typeof columns)[number];
type LineType = 'payment' | ConfirmationChangeType;

const headers: Record<Locale, Record<Column | 'instruction', string>> = {
  es: {
    export_sequence: 'Exportación',
    line_type: 'Tipo',
    date: 'Fecha',
    payment_number: 'Cobro',
    payment_date: 'Fecha del cobro',
    customer_erp_id: 'Cliente (ERP)',
    customer_account: 'Cuenta del cliente',
    customer_name: 'Cliente',
    currency: 'Moneda',
    payment_amount: 'Importe del cobro',
    fee: 'Comisión',
    unapplied: 'Sin aplicar',
    method: 'Método',
    erp_account: 'Forma de cobro',
    reference: 'Referencia',
    invoice_number: 'Factura',
    invoice_erp_id: 'Factura (ERP)',
    amount: 'Importe',
    credit_memo_number: 'Nota de crédito',
    credit_memo_erp_id: 'Nota de crédito (ERP)',
    reason: 'Motivo',
    instruction: 'Qué hacer en el ERP',
  },
  en: {
    export_sequence: 'Export',
    line_type: 'Type',
    date: 'Date',
    payment_number: 'Payment',
    payment_date: 'Payment date',
    customer_erp_id: 'Customer (ERP)',
    customer_account: 'Customer account',
    customer_name: 'Customer',
    currency: 'Currency',
    payment_amount: 'Payment amount',
    fee: 'Fee',
    unapplied: 'Unapplied',
    method: 'Method',
    erp_account: 'Payment account',
    reference: 'Reference',
    invoice_number: 'Invoice',
    invoice_erp_id: 'Invoice (ERP)',
    amount: 'Amount',
    credit_memo_number: 'Credit memo',
    credit_memo_erp_id: 'Credit memo (ERP)',
    reason: 'Reason',
    instruction: 'What to do in the ERP',
  },
};

const lineTypes: Record<Locale, Record<LineType, string>> = {
  es: {
    payment: 'Cobro',
    application: 'Aplicación',
    unapplication: 'Desaplicación',
    refund: 'Reembolso',
    refund_failed: 'Reembolso fallido',
    return: 'Devolución',
    reversal: 'Reversión',
    credit_application: 'Nota de crédito aplicada',
    credit_unapplication: 'Nota de crédito desaplicada',
  },
  en: {
    payment: 'Payment',
    application: 'Application',
    unapplication: 'Unapplication',
    refund: 'Refund',
    refund_failed: 'Failed refund',
    return: 'Return',
    reversal: 'Reversal',
    credit_application: 'Credit memo applied',
    credit_unapplication: 'Credit memo unapplied',
  },
};

const methods: Record<Locale, Record<string, string>> = {
  es: {
    card: 'Tarjeta',
    ach: 'ACH',
    check: 'Cheque',
    cash: 'Efectivo',
    bank_transfer: 'Transferencia',
    card_terminal: 'Terminal de tarjeta',
    other: 'Otro',
  },
  en: {
    card: 'Card',
    ach: 'ACH',
    check: 'Check',
    cash: 'Cash',
    bank_transfer: 'Bank transfer',
    card_terminal: 'Card terminal',
    other: 'Other',
  },
};

type Words = Record<string, string>;
const instructions: Record<
  Locale,
  Record<LineType | 'paymentUnapplied' | 'remainder' | 'noAccount', string>
> = {
  es: {
    payment: 'Registrar el cobro {payment} en {account} y aplicar {amount} a la factura {invoice}',
    paymentUnapplied: 'Registrar el cobro {payment} en {account} como saldo a favor sin aplicar',
    remainder: '; quedan {unapplied} sin aplicar',
    application: 'Aplicar {amount} del cobro {payment} a la factura {invoice}',
    unapplication:
      'Quitar {amount} del cobro {payment} de la factura {invoice}: la factura vuelve a estar abierta',
    refund: 'Registrar un reembolso de {amount} del cobro {payment}',
    refund_failed: 'Anular el reembolso de {amount} del cobro {payment}: no se realizó',
    return: 'Cancelar el cobro {payment} por {amount}: el banco lo devolvió ({reason})',
    reversal: 'Cancelar el cobro {payment} por {amount}: se revirtió ({reason})',
    credit_application: 'Aplicar {amount} de la nota de crédito {memo} a la factura {invoice}',
    credit_unapplication: 'Quitar {amount} de la nota de crédito {memo} de la factura {invoice}',
    noAccount: 'la forma de cobro de {method}',
  },
  en: {
    payment: 'Record payment {payment} in {account} and apply {amount} to invoice {invoice}',
    paymentUnapplied: 'Record payment {payment} in {account} as unapplied credit',
    remainder: '; {unapplied} stays unapplied',
    application: 'Apply {amount} of payment {payment} to invoice {invoice}',
    unapplication: 'Remove {amount} of payment {payment} from invoice {invoice}: the invoice is open again',
    refund: 'Record a refund of {amount} of payment {payment}',
    refund_failed: 'Void the refund of {amount} of payment {payment}: it did not go through',
    return: 'Cancel payment {payment} of {amount}: the bank returned it ({reason})',
    reversal: 'Cancel payment {payment} of {amount}: it was reversed ({reason})',
    credit_application: 'Apply {amount} of credit memo {memo} to invoice {invoice}',
    credit_unapplication: 'Remove {amount} of credit memo {memo} from invoice {invoice}',
    noAccount: 'the {method} payment account',
  },
};

function fill(template: string, words: Words): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => words[key] ?? '');
}

/** Text a spreadsheet would take for a formula gets a leading apostrophe (OWASP, as aging-csv.ts). */
function safeText(text: string | null): string {
  if (text === null) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function confirmationsCsv(document: ConfirmationDocument, style: CsvStyle): string {
  const manual = document.marking === 'manual';
  const locale = document.locale;
  const amount = (minor: bigint, currency: string) => {
    const text = decimal(minor, currency);
    return style.decimalMark === ',' ? text.replace('.', ',') : text;
  };
  const day = (ymd: string) => {
    const [y, m, d] = ymd.split('-');
    return style.dates === 'dmy' ? `${d}/${m}/${y}` : style.dates === 'mdy' ? `${m}/${d}/${y}` : ymd;
  };
  const dayOf = (at: Date) => day(dateInTimeZone(at, document.timeZone));
  const method = (m: string) => (manual ? (methods[locale][m] ?? m) : m);
  const said = instructions[locale];
  const accountWords = (account: string | null, m: string) =>
    account ?? fill(said.noAccount, { method: methods[locale][m] ?? m });
  const money = (minor: bigint, currency: string) => `${amount(minor, currency)} ${currency}`;

  const rows: { values: Record<Column, string>; type: LineType; instruction: string }[] = [];
  const customerCells = (c: ConfirmationCustomer) => ({
    customer_erp_id: safeText(c.erpId),
    customer_account: safeText(c.accountNumber),
    customer_name: safeText(c.name),
  });
  const empty = Object.fromEntries(columns.map((c) => [c, ''])) as Record<Column, string>;

  for (const p of document.payments) {
    const shared = {
      ...empty,
      export_sequence: String(document.sequence),
      line_type: manual ? lineTypes[locale].payment : 'payment',
      date: dayOf(p.effectiveAt),
      payment_number: safeText(p.number),
      payment_date: day(p.receivedOn),
      ...customerCells(p.customer),
      currency: p.currency,
      payment_amount: amount(p.amount, p.currency),
      fee: amount(p.fee, p.currency),
      unapplied: amount(p.unapplied, p.currency),
      method: method(p.method),
      erp_account: safeText(p.erpAccount),
      reference: safeText(p.reference),
    };
    const words = {
      payment: p.number,
      account: accountWords(p.erpAccount, p.method),
      unapplied: money(p.unapplied, p.currency),
    };
    if (p.applications.length === 0) {
      rows.push({ values: shared, type: 'payment', instruction: fill(said.paymentUnapplied, words) });
      continue;
    }
    p.applications.forEach((a, i) => {
      const last = i === p.applications.length - 1;
      rows.push({
        values: {
          ...shared,
          invoice_number: safeText(a.invoice.number),
          invoice_erp_id: safeText(a.invoice.erpId),
          amount: amount(a.amount, p.currency),
        },
        type: 'payment',
        instruction:
          fill(said.payment, { ...words, amount: money(a.amount, p.currency), invoice: a.invoice.number }) +
          (last && p.unapplied > 0n ? fill(said.remainder, words) : ''),
      });
    });
  }

  for (const c of document.changes) rows.push(changeRow(c));

  function changeRow(c: ConfirmationChangeLine) {
    const values: Record<Column, string> = {
      ...empty,
      export_sequence: String(document.sequence),
      line_type: manual ? lineTypes[locale][c.type] : c.type,
      date: dayOf(c.occurredAt),
      payment_number: safeText(c.payment?.number ?? null),
      ...customerCells(c.customer),
      currency: c.currency,
      method: c.payment ? method(c.payment.method) : '',
      erp_account: safeText(c.payment?.erpAccount ?? null),
      invoice_number: safeText(c.invoice?.number ?? null),
      invoice_erp_id: safeText(c.invoice?.erpId ?? null),
      amount: amount(c.amount, c.currency),
      credit_memo_number: safeText(c.creditMemo?.number ?? null),
      credit_memo_erp_id: safeText(c.creditMemo?.erpId ?? null),
      reason: safeText(c.reason),
    };
    const instruction = fill(said[c.type], {
      payment: c.payment?.number ?? '',
      amount: money(c.amount, c.currency),
      invoice: c.invoice?.number ?? '',
      memo: c.creditMemo?.number ?? '',
      reason: c.reason ?? '',
    });
    return { values, type: c.type, instruction };
  }

  const d = style.delimiter;
  const header = manual
    ? [...columns.map((c) => headers[locale][c]), headers[locale].instruction]
    : [...columns];
  const lines = [header.map((h) => csvField(h, d)).join(d)];
  for (const row of rows) {
    const cells = columns.map((c) => row.values[c]);
    // Instructions quote names people typed: neutralised like every other such cell.
    if (manual) cells.push(safeText(row.instruction));
    lines.push(cells.map((v) => csvField(v, d)).join(d));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
