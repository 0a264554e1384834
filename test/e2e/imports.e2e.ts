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
