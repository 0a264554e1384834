import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../domain/documents/document-template.ts';
import type { InvoiceDocumentView } from '../../domain/documents/document-views.ts';
import { sampleInvoice } from '../../domain/documents/fixtures/sample-invoice.ts';
import { invoicePdf } from './invoice-pdf.ts';

/** The writer is an adapter: a view model in, a PDF out, no database anywhere. */
const tmp = mkdtempSync(path.join(tmpdir(), 'saldo-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = path.join(tmp, 'invoice.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const view = (locale: 'es' | 'en', today: string): InvoiceDocumentView => ({
  seller: {
    name: 'Ferretería Sol',
    legalName: null,
    taxId: null,
    country: 'MX',
    timeZone: 'America/Mexico_City',
  },
  template: { ...DEFAULT_DOCUMENT_SETTINGS, footerText: 'Gracias', logo: null },
  locale,
  today,
  sample: false,
  invoice: sampleInvoice({ locale, currency: 'MXN', country: 'MX', issueDate: '2025-03-05' }),
});

test('a view model alone draws the invoice, in its language, judged against the given today', async () => {
  const es = pdfText(await invoicePdf(view('es', '2025-03-06')));
  for (const expected of [
    'Ferretería Sol',
    'Factura',
    'MUESTRA-0001',
    'ACE-0500',
    'vence el 4 abr 2025',
    'Gracias',
  ])
    expect(es).toContain(expected);
  expect(pdfText(await invoicePdf(view('es', '2025-05-01')))).toContain('venció el 4 abr 2025');
  const en = pdfText(await invoicePdf(view('en', '2025-03-06')));
  expect(en).toContain('SAMPLE-0001');
  expect(en).toContain('Amount due');
});

test('the same view model writes the same file', async () => {
  const v = view('es', '2025-03-06');
  expect((await invoicePdf(v)).equals(await invoicePdf(v))).toBe(true);
});
