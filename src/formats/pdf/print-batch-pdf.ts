import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PrintBatchPart, PrintBatchWriters } from '../../domain/delivery/create-print-batch.ts';
import { formatCalendarDate } from '../../domain/money/format.ts';
import { creditMemoPdf } from './credit-memo-pdf.ts';
import { addressLines, loadPdfKit } from './document-layout.ts';
import { invoicePdf } from './invoice-pdf.ts';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const LABELS = {
  es: {
    enclosed: 'Documentos incluidos',
    account: 'Cuenta',
    invoice: 'Factura',
    credit_memo: 'Nota de crédito',
    date: 'Fecha',
  },
  en: {
    enclosed: 'Documents enclosed',
    account: 'Account',
    invoice: 'Invoice',
    credit_memo: 'Credit memo',
    date: 'Date',
  },
} as const;

/**
 * The address page of one customer in a print batch, US Letter: the return address top left and
 * the customer's address where a #10 window envelope shows it (about 2 in from the top, 0.9 in from
 * the left), then the list of documents that follow.
 */
async function addressPage(part: PrintBatchPart['addressPage']): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: part.customer.name } });
  doc.registerFont('regular', readFileSync(path.join(fontDir, 'DejaVuSans.ttf')));
  doc.registerFont('bold', readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const t = LABELS[part.locale === 'en' ? 'en' : 'es'];
  doc.font('bold').fontSize(9).fillColor('#374151').text(part.seller.name, 54, 54);
  doc.font('regular').fontSize(8.5);
  for (const line of addressLines(part.seller.address)) doc.text(line);
  doc.font('bold').fontSize(12).fillColor('#111827').text(part.customer.name, 65, 150, { width: 300 });
  doc.font('regular').fontSize(11);
  for (const line of addressLines(part.customer.address)) doc.text(line, { width: 300 });
  doc.moveDown(4);
  doc.font('regular').fontSize(9).fillColor('#6b7280');
  doc.text(
    `${t.account}: ${part.customer.accountNumber}    ${t.date}: ${formatCalendarDate(part.date, part.locale)}`,
    54,
    320,
  );
  doc.moveDown(1);
  doc.font('bold').fontSize(10).fillColor('#111827').text(t.enclosed);
  doc.font('regular').fontSize(10);
  for (const d of part.documents) doc.text(`• ${t[d.type]} ${d.number}`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Address pages and documents merged in order with pdf-lib. */
export async function printBatchPdf(parts: PrintBatchPart[]): Promise<{ pdf: Buffer; pageCount: number }> {
  const { PDFDocument } = await import('pdf-lib');
  const merged = await PDFDocument.create();
  merged.setTitle('Saldo print batch');
  for (const part of parts) {
    for (const file of [await addressPage(part.addressPage), ...part.documents]) {
      const source = await PDFDocument.load(file);
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    }
  }
  const bytes = await merged.save();
  return { pdf: Buffer.from(bytes), pageCount: merged.getPageCount() };
}

export const printBatchWriters: PrintBatchWriters = {
  invoicePdf,
  creditMemoPdf,
  batchPdf: printBatchPdf,
};
