import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { windows1252Csv } from '../support/import-files.ts';
import {
  baseUrl,
  DESKTOP,
  hasBrowser,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';

/**
 * Distribuidora del Valle's AR agent imports from the ERP in the console: a Windows-1252,
 * semicolon, decimal-comma CSV of customers with Spanish headers is dropped in, previewed as Saldo
 * read it and imported; the same file again changes nothing and says so; then invoices for those
 * customers; then a file with a bad row, whose error report is downloaded and read. On a desktop
 * and on a phone, in Spanish.
 */
const AGENT = 'jorge@distribuidoradelvalle.example';
const JOURNEY_MS = 240_000;
/** Signing in asks who is signed in first: that 401 is expected. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));
// Ids as short as the demo's own ("C-1004", "A-4101"): journeys after this one share the demo and
// measure its lists, and the next suggested numbers follow the seller's series.
const base = 5000 + Math.floor(Math.random() * 4000);
const id = (prefix: string, n: number) => `${prefix}-${base + n}`;

const customersCsv = windows1252Csv([
  ['Clave', 'Razón social', 'RFC', 'Correo', 'Límite de crédito', 'Días de crédito', 'Moneda'],
  [id('C', 0), 'Ferretería Ñandú', 'FNA010101AAA', 'pagos@nandu.example', '12.500,50', '30', 'MXN'],
  [id('C', 1), 'Café Año Nuevo', 'CAN020202BBB', 'cxp@cafe.example', '1.000,00', '15', 'MXN'],
]);
const invoiceHeader = [
  'Folio',
  'Cliente',
  'Fecha',
  'Fecha de vencimiento',
  'Descripción',
  'Cantidad',
  'Precio unitario',
  'Tasa IVA',
];
const invoicesCsv = windows1252Csv([
  invoiceHeader,
  [id('F', 0), id('C', 0), '02/11/2026', '02/12/2026', 'Tornillos', '10', '1.250,50', '16'],
  [id('F', 0), id('C', 0), '02/11/2026', '02/12/2026', 'Tuercas', '4', '3,25', '16'],
  [id('F', 1), id('C', 1), '05/11/2026', '20/11/2026', 'Cemento', '2', '500,00', '16'],
]);
const badCsv = windows1252Csv([
  invoiceHeader,
  [id('F', 2), id('C', 1), '06/11/2026', '21/11/2026', 'Arena', '1', '100,00', '16'],
  [id('F', 3), 'NO-EXISTE', '31/02/2026', '21/11/2026', 'Grava', '1', '100,00', '16'],
]);

async function chooseKind(page: Page, kind: string) {
  await page.getByLabel('¿Qué contiene el archivo?').and(page.locator('input')).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
}

/** Drops a file on the page's file input and waits for the preview. */
async function previewFile(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('heading', { name: 'Vista previa' }).waitFor({ timeout: 20_000 });
}

/** Presses Import and waits for the run's page to show how it ended. */
async function importAndWait(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await page.waitForURL(/\/console\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await page.getByRole('heading', { name: 'Resumen' }).waitFor({ timeout: 60_000 });
  return page.url();
}

const figure = (page: Page, label: string) =>
  page.locator(`[data-figure="${label}"]`).innerText({ timeout: 10_000 });

test.runIf(hasBrowser)(
  'staff: a Windows-1252 export with Spanish headers is previewed, imported once, and reported',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('es-MX', { viewport: DESKTOP });
    await signIn(page, AGENT);
    await page.waitForURL(`${baseUrl}/console`);
    await page.goto('/console/imports');
    await page.getByRole('heading', { name: 'Importaciones', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nueva importación' }).click();
    await page.getByRole('heading', { name: 'Nueva importación', level: 1 }).waitFor();

    // Customers: detected encoding and delimiter, suggested columns, the rows as parsed.
    await previewFile(page, 'clientes.csv', customersCsv);
    await page.getByText('Detectada: Windows-1252').waitFor();
    await page.getByText('Detectado: Punto y coma (;)').waitFor();
    const preview = page.getByRole('table', {
      name: 'Las primeras filas del archivo tal como las leyó Saldo',
    });
    await expect.poll(() => preview.innerText()).toContain('Ferretería Ñandú');
    expect(await preview.innerText()).toContain('12500.5');
    await screenshot(page, 'imports-01-preview');

    const firstRun = await importAndWait(page);
    expect(await figure(page, 'Creados')).toBe('2');
    await page.getByText('Terminada').first().waitFor();
    await screenshot(page, 'imports-02-result');

    // The same file again: nothing changes, and the page says it was already imported.
    await page.goto('/console/imports/new');
    await previewFile(page, 'clientes.csv', customersCsv);
    await importAndWait(page);
    await page.getByText(/Este archivo ya se importó el/).waitFor();
    expect(await figure(page, 'Sin cambios')).toBe('2');
    expect(await figure(page, 'Creados')).toBe('0');
    expect(await page.getByRole('link', { name: 'Abrir esa importación' }).getAttribute('href')).toBe(
      new URL(firstRun).pathname,
    );
    await screenshot(page, 'imports-03-again');

    // Invoices for those customers, one row per line.
    await page.goto('/console/imports/new');
    await chooseKind(page, 'Facturas');
    await previewFile(page, 'facturas.csv', invoicesCsv);
    await expect.poll(() => preview.innerText()).toContain('Tornillos');
    await importAndWait(page);
    expect(await figure(page, 'Creados')).toBe('2');

    // A file with a bad row: the good one is imported, the bad one reported and downloadable.
    await page.goto('/console/imports/new');
    await chooseKind(page, 'Facturas');
    await previewFile(page, 'facturas-mal.csv', badCsv);
    // The impossible date is already red in the preview.
    await expect.poll(() => page.locator('td[data-error]').count()).toBeGreaterThan(0);
    await importAndWait(page);
    expect(await figure(page, 'Creados')).toBe('1');
    expect(await figure(page, 'Rechazados')).toBe('1');
    const errors = page.getByRole('table', { name: 'Errores de la importación' });
    await expect.poll(() => errors.innerText()).toMatch(/\b3\b/);
    await screenshot(page, 'imports-04-errors');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descargar el reporte de errores' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('facturas-mal-errors.csv');
    const report = readFileSync(await download.path(), 'utf8');
    const lines = report
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Línea,Columna,Valor,Motivo');
    expect(lines.slice(1).every((l) => l.startsWith('3,'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);

    const detailUrl = page.url();
    await page.goto('/console/imports/reviews');
    await page.getByRole('heading', { name: 'Documentos señalados', level: 1 }).waitFor();
    await page.getByText('Nada que revisar').waitFor();
    await screenshot(page, 'imports-08-reviews');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();

    // The same pages on a phone.
    const phone = await newPage('es-MX', { viewport: PHONE });
    await signIn(phone.page, AGENT);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/imports');
    await phone.page
      .getByRole('link', { name: /: abrir la importación de / })
      .first()
      .waitFor();
    await screenshot(phone.page, 'imports-05-list-phone');
    await phone.page.goto(detailUrl);
    await phone.page.getByRole('heading', { name: 'Resumen' }).waitFor();
    await screenshot(phone.page, 'imports-06-result-phone');
    await phone.page.goto('/console/imports/new');
    await previewFile(phone.page, 'clientes.csv', customersCsv);
    await screenshot(phone.page, 'imports-07-preview-phone');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);

// An aging report that shows less open than Saldo for one invoice: the difference was paid in the ERP.
const agingCustomersCsv = windows1252Csv([
  ['Clave', 'Razón social', 'RFC', 'Correo', 'Límite de crédito', 'Días de crédito', 'Moneda'],
  [id('C', 7), 'Abarrotes Antigüedad', 'AAN070707AAA', 'cxp@antiguedad.example', '5.000,00', '30', 'MXN'],
]);
// With a discount on the whole invoice (a negative charge): 100.00 + 16.00 IVA − 10.00 = 106.00.
const agingInvoiceCsv = windows1252Csv([
  [...invoiceHeader, 'Cargo', 'Importe cargo'],
  [id('F', 7), id('C', 7), '03/11/2026', '03/12/2026', 'Cemento gris', '1', '100,00', '16', '', ''],
  [id('F', 7), id('C', 7), '03/11/2026', '03/12/2026', '', '', '', '', 'Descuento por volumen', '-10,00'],
]);
const agingCsv = windows1252Csv([
  ['Cliente', 'Documento', 'Saldo'],
  [id('C', 7), id('F', 7), '16,00'],
]);

test.runIf(hasBrowser)(
  'staff: an aging difference (less open in the ERP) is corrected in Saldo from the reviews',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('es-MX', { viewport: DESKTOP });
    await signIn(page, AGENT);
    await page.waitForURL(`${baseUrl}/console`);
    // A customer and an invoice of 106.00 from the ERP…
    await page.goto('/console/imports/new');
    await previewFile(page, 'clientes-antiguedad.csv', agingCustomersCsv);
    await importAndWait(page);
    expect(await figure(page, 'Creados')).toBe('1');
    await page.goto('/console/imports/new');
    await chooseKind(page, 'Facturas');
    await previewFile(page, 'factura-antiguedad.csv', agingInvoiceCsv);
    await importAndWait(page);
    expect(await figure(page, 'Creados')).toBe('1');
    // …then its aging report says only 16.00 is open: a difference held for review.
    await page.goto('/console/imports/new');
    await chooseKind(page, 'Antigüedad de saldos (partidas abiertas)');
    await previewFile(page, 'antiguedad.csv', agingCsv);
    await importAndWait(page);

    const phone = await newPage('es-MX', { viewport: PHONE });
    await signIn(phone.page, AGENT);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/imports/reviews');
    await phone.page
      .getByRole('button', { name: new RegExp(`^Corregir en Saldo: .*${id('F', 7)}`) })
      .waitFor({ timeout: 20_000 });
    await screenshot(phone.page, 'imports-10-review-phone');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();

    await page.goto('/console/imports/reviews');
    await page.getByRole('heading', { name: 'Documentos señalados', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Documentos señalados' });
    const correct = page.getByRole('button', { name: new RegExp(`^Corregir en Saldo: .*${id('F', 7)}`) });
    await correct.waitFor({ timeout: 20_000 });
    expect(await table.innerText()).toContain(id('F', 7));
    // The reason in words, not its code.
    expect(await table.innerText()).toContain(
      `El reporte de antigüedad del ERP muestra otro saldo abierto en ${id('F', 7)} que Saldo.`,
    );
    await screenshot(page, 'imports-09-review-correct');
    await correct.click();
    await page.getByText('Corregido: Saldo registró el pago del ERP por la diferencia').waitFor();
    // Corrected: no longer open, listed among the resolved ones.
    await expect.poll(() => correct.count(), { timeout: 10_000 }).toBe(0);
    await page.getByText('Resueltos', { exact: true }).click();
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain(id('F', 7));
    await screenshot(page, 'imports-11-review-resolved');

    // The invoice now has open what the ERP says: 16.00, the rest paid by an ERP payment; its
    // discount is shown under its name and in the totals.
    await page.goto('/console/invoices');
    await page
      .getByRole('link', { name: new RegExp(id('F', 7)) })
      .first()
      .click();
    const totals = page.getByRole('table', { name: 'Totales' });
    await totals.waitFor();
    await expect.poll(() => totals.innerText(), { timeout: 10_000 }).toMatch(/Saldo pendiente\s+MXN\s16\.00/);
    const shown = await totals.innerText();
    expect(shown).toMatch(/Descuento sobre la factura\s+-MXN\s10\.00/);
    expect(shown).toMatch(/Total\s+MXN\s106\.00/);
    expect(shown).toMatch(/Pagado\s+-MXN\s90\.00/);
    await page.getByText('Cargos y descuentos').waitFor();
    await page.getByText('Descuento por volumen').waitFor();
    await screenshot(page, 'imports-12-invoice-corrected');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);
