import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ImportSettings } from '../../src/domain/integration/import-types.ts';
import { computeInvoice } from '../../src/domain/invoices/compute-invoice.ts';
import { formatDecimal } from '../../src/domain/money/money.ts';

/**
 * An ERP export as Mexican ERPs write them: Windows-1252, `;`, decimal comma with `.` grouping
 * thousands, dd/mm/yyyy, Spanish headers, one row per invoice line with the invoice's columns
 * repeated, a freight fee on every fifth invoice, and the ERP's declared total (computed with
 * computeInvoice, so the file adds up). Deterministic for a given size.
 */
export const header = [
  'Folio',
  'Cliente',
  'Fecha',
  'Vencimiento',
  'Moneda',
  'Total',
  'Concepto',
  'Cantidad',
  'Precio unitario',
  'Descuento',
  'Tasa IVA',
  'IVA',
  'Cargo',
  'Importe cargo',
];

export const settings: ImportSettings = {
  format: 'csv',
  encoding: 'windows-1252',
  delimiter: ';',
  decimalMark: ',',
  dateFormat: 'dd/mm/yyyy',
  mode: 'all',
  mapping: {
    number: 'Folio',
    customer_erp_id: 'Cliente',
    issue_date: 'Fecha',
    due_date: 'Vencimiento',
    currency: 'Moneda',
    total: 'Total',
    line_description: 'Concepto',
    line_quantity: 'Cantidad',
    line_unit_price: 'Precio unitario',
    line_discount: 'Descuento',
    line_tax_rate: 'Tasa IVA',
    line_tax_amount: 'IVA',
    fee_name: 'Cargo',
    fee_amount: 'Importe cargo',
  },
};

const products = [
  'Tornillería cabeza hexagonal',
  'Tuercas de acero inoxidable',
  'Cable eléctrico calibre 12',
  'Pintura esmalte blanco, cubeta',
  'Llave de paso ½"',
  'Cinta aislante; paquete',
  'Codo de cobre 90°',
  'Lámina galvanizada',
];

/** "1234.5" → "1.234,5": the decimal comma and grouped thousands. */
function comma(decimal: string): string {
  const [int, frac] = decimal.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

const cell = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export interface GeneratedFile {
  path: string;
  bytes: number;
  invoices: number;
  lines: number;
  /** Σ totals in minor units, to check what the import created. */
  total: bigint;
}

export async function generateInvoicesFile(input: {
  path: string;
  invoices: number;
  linesPerInvoice: number;
  customers: number;
}): Promise<GeneratedFile> {
  const out = createWriteStream(input.path);
  let bytes = 0;
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      const chunk = Buffer.from(buffer, 'latin1');
      buffer = '';
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
  };
  await write(`${header.join(';')}\r\n`);
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let grand = 0n;
  let lineCount = 0;
  for (let i = 1; i <= input.invoices; i++) {
    const customer = `C${String((i % input.customers) + 1).padStart(5, '0')}`;
    const day = (i % 28) + 1;
    const month = (i % 12) + 1;
    const issue = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026`;
    const due = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2027`;
    const lines = Array.from({ length: input.linesPerInvoice }, (_, k) => {
      const quantity = random(4) === 0 ? `${1 + random(20)}.5` : String(1 + random(50));
      const unitPrice = `${1 + random(3000)}.${String(random(100)).padStart(2, '0')}`;
      const discount = random(5) === 0 ? BigInt(random(100)) : 0n;
      return {
        description: `${products[(i + k) % products.length]} ${k + 1}`,
        quantity,
        unitPrice,
        discount,
      };
    });
    const fee = i % 5 === 0 ? 15000n : null;
    const computed = computeInvoice(
      'MXN',
      lines.map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountAmount: l.discount,
        taxes: [{ name: 'IVA', rate: '16' }],
      })),
      fee ? [{ kind: 'fee', name: 'Flete', amount: fee }] : [],
    );
    grand += computed.total;
    const total = comma(formatDecimal(computed.total, 2));
    const folio = `A-${String(i).padStart(7, '0')}`;
    for (const l of lines) {
      lineCount++;
      await write(
        `${[
          folio,
          customer,
          issue,
          due,
          'MXN',
          total,
          cell(l.description),
          comma(l.quantity),
          comma(l.unitPrice),
          l.discount ? comma(formatDecimal(l.discount, 2)) : '',
          '16',
          '',
          '',
          '',
        ].join(';')}\r\n`,
      );
    }
    if (fee) {
      lineCount++;
      await write(
        `${[folio, customer, issue, due, 'MXN', total, '', '', '', '', '', '', 'Flete', '150,00'].join(';')}\r\n`,
      );
    }
  }
  const chunk = Buffer.from(buffer, 'latin1');
  bytes += chunk.length;
  out.end(chunk);
  await once(out, 'finish');
  return { path: input.path, bytes, invoices: input.invoices, lines: lineCount, total: grand };
}
