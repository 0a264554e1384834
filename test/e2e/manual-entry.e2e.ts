import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  baseUrl,
  hasBrowser,
  logFailedRequests,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';
import { amountProblems } from './support/layout.ts';

/**
 * Staff type a customer and an invoice by hand (issue 9, "In the console, by hand"): a new
 * customer with a contact (an invalid e-mail refused first), edited, then invoiced with two lines
 * with IVA and a freight fee; the invoice is in the list and its PDF opens. The phone size too.
 */

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'invoice.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** No sideways scrolling, and every amount whole on screen. */
async function fitsWidth(page: Page) {
  const [scroll, width] = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
  expect(await amountProblems(page)).toEqual([]);
}

/** The input labelled exactly `label` (a required one's label ends in an asterisk). */
const field = (scope: Page | Locator, label: string) =>
  scope
    .getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`))
    .and(scope.locator('input, textarea'));

/** What a person reads: the text with no-break spaces (between a currency and its amount) as spaces. */
const read = async (locator: Locator) => (await locator.innerText()).replace(/\s/g, ' ');

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await field(page, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

const unexpected = (problems: string[]) =>
  // Signing in asks who is signed in first (401); the duplicate number is refused on purpose (409).
  problems.filter((p) => !/status of (401|409)|^(401 GET|409 POST) /.test(p));

/** A journey of many pages, each audited by axe, on a 2-core machine shared with others. */
const JOURNEY_MS = 180_000;

test.runIf(hasBrowser)(
  'staff: a new customer with a contact, edited, then invoiced with IVA and freight (es, 1280×800)',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('es-MX');
    logFailedRequests(page);
    await signIn(page, 'jorge@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);

    // Customers → Nuevo cliente: the account number is suggested from the seller's numbering.
    await page.goto('/console/customers');
    await page.getByRole('link', { name: 'Nuevo cliente' }).click();
    await page.waitForURL(`${baseUrl}/console/customers/new`);
    const accountNumber = page.getByLabel('Número de cuenta');
    await expect.poll(() => accountNumber.inputValue()).toMatch(/^C-\d{4}$/);
    const suggestedAccount = await accountNumber.inputValue();
    expect(await field(page, 'Moneda').inputValue()).toMatch(/^MXN/);

    await page.getByLabel('Razón social').fill('Restaurante El Faro, S.A. de C.V.');
    await page.getByLabel('RFC o identificación fiscal').fill('REF120304AB1');
    await page.getByLabel('Plazo de pago').fill('30');
    await page.getByLabel('Límite de crédito').fill('50,000');
    await expect.poll(() => page.getByText('Se lee como MXN 50,000.00').isVisible()).toBe(true);
    await choose(page, 'Gestor de cobranza', 'Jorge Ramírez');
    await page.getByLabel('Calle y número').first().fill('Malecón 118');
    await page.getByLabel('Ciudad').first().fill('Veracruz');
    await page.getByLabel('Estado o región').first().fill('Veracruz');
    await page.getByLabel('Código postal').first().fill('91700');
    await page.getByLabel('País').first().fill('MX');

    await page.getByRole('button', { name: 'Agregar contacto' }).click();
    await field(page, 'Nombre').fill('Laura Méndez');
    await page.getByLabel('Puesto').fill('Cuentas por pagar');
    await page.getByLabel('Correo electrónico').fill('laura@elfaro');
    await page.getByLabel('Teléfono').fill('+52 229 931 0000');
    await page.getByRole('checkbox', { name: 'Recordatorios' }).uncheck();

    // An invalid e-mail cannot be saved: the form says so on the field and stays.
    await page.getByRole('button', { name: 'Crear cliente' }).click();
    await expect
      .poll(() => page.getByText('Ingresa un correo válido', { exact: false }).first().isVisible())
      .toBe(true);
    expect(page.url()).toBe(`${baseUrl}/console/customers/new`);
    await screenshot(page, 'manual-01-new-customer-invalid-email');

    await page.getByLabel('Correo electrónico').fill('laura.mendez@restauranteelfaro.example');
    await page.getByRole('button', { name: 'Crear cliente' }).click();
    await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}$/);
    const customerUrl = page.url();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Restaurante El Faro, S.A. de C.V.' }).isVisible())
      .toBe(true);
    const main = page.locator('main');
    await expect.poll(() => read(main)).toContain('laura.mendez@restauranteelfaro.example');
    await expect.poll(() => read(main)).toContain(suggestedAccount);
    expect(await read(main)).toContain('MXN 50,000.00');
    await screenshot(page, 'manual-02-customer-created');

    // Edit: the same form, prefilled; only what changed is saved.
    await page.getByRole('link', { name: 'Editar', exact: true }).click();
    await page.waitForURL(`${customerUrl}/edit`);
    await expect
      .poll(() => page.getByLabel('Razón social').inputValue())
      .toBe('Restaurante El Faro, S.A. de C.V.');
    expect(await page.getByLabel('Límite de crédito').inputValue()).toBe('50000.00');
    await page.getByLabel('Plazo de pago').fill('45');
    await page.getByLabel('Límite de crédito').fill('75000');
    await page.getByRole('checkbox', { name: 'Se envía a la dirección de facturación' }).uncheck();
    await page.getByLabel('Calle y número').nth(1).fill('Bodega 4, Av. Díaz Mirón 2200');
    await page.getByLabel('Ciudad').nth(1).fill('Veracruz');
    await screenshot(page, 'manual-03-edit-customer');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.waitForURL(customerUrl);
    await expect.poll(() => read(main)).toContain('45 días');
    expect(await read(main)).toContain('MXN 75,000.00');

    // New invoice from the customer's page: the customer is chosen, the due date follows its terms.
    await page.getByRole('link', { name: 'Nueva factura' }).click();
    await page.waitForURL(/\/console\/invoices\/new\?customerId=/);
    await expect.poll(() => field(page, 'Cliente').inputValue()).toContain('Restaurante El Faro');
    await expect.poll(() => page.getByText(/^Neto 45 → /).isVisible()).toBe(true);
    const number = field(page, 'Número');
    await expect.poll(() => number.inputValue()).not.toBe('');
    const suggestedNumber = await number.inputValue();
    await page.getByLabel('Orden de compra').fill('OC-7781');

    // Line 1, with IVA 16 %.
    await page.getByLabel('Descripción').fill('Aceite vegetal comestible 20 L');
    await page.getByLabel('Clave (SKU)').fill('ACE-20L');
    await page.getByLabel('Unidad').fill('caja');
    await page.getByLabel('Cantidad').fill('3');
    await page.getByLabel('Precio unitario').fill('689.50');
    await page.getByRole('button', { name: 'Agregar impuesto' }).click();
    await field(page, 'Impuesto').fill('IVA');
    await page.getByLabel('Tasa').fill('16');
    // Line 2 carries line 1's IVA.
    await page.getByRole('button', { name: 'Agregar partida' }).click();
    const line2 = page.getByTestId('invoice-line').nth(1);
    await line2.getByLabel('Descripción').fill('Arroz Morelos grado 1, bulto 25 kg');
    await line2.getByLabel('Cantidad').fill('2');
    await line2.getByLabel('Precio unitario').fill('612');
    expect(await line2.getByLabel('Tasa').inputValue()).toBe('16');
    // Freight.
    await page.getByRole('button', { name: 'Agregar cargo' }).click();
    await field(page, 'Cargo').fill('Flete');
    await field(page, 'Importe').fill('250');

    // Live totals, computed by the server: 2,068.50 + 1,224.00 = 3,292.50; IVA 330.96 + 195.84; fee 250.
    const total = page.getByTestId('invoice-total');
    await expect.poll(() => read(total)).toBe('MXN 4,069.30');
    const totals = await read(page.getByRole('heading', { name: 'Totales' }).locator('..'));
    expect(totals).toContain('MXN 3,292.50');
    expect(totals).toContain('MXN 526.80');
    expect(totals).toContain('MXN 250.00');
    await screenshot(page, 'manual-04-new-invoice');

    // A number already taken is refused on its field, in words.
    await number.fill('A-4101');
    await page.getByRole('button', { name: 'Crear factura' }).click();
    await expect
      .poll(() => page.getByText('Ya existe un documento con el número A-4101', { exact: false }).isVisible())
      .toBe(true);
    expect(page.url()).toContain('/console/invoices/new');
    await screenshot(page, 'manual-05-duplicate-number');

    await number.fill(suggestedNumber);
    await page.getByRole('button', { name: 'Crear factura' }).click();
    await page.waitForURL(/\/console\/invoices\/[0-9a-f-]{36}$/);
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: new RegExp(suggestedNumber) })
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await read(main)).toContain('MXN 4,069.30');
    await screenshot(page, 'manual-06-invoice-created');

    // Its PDF opens and says what the screen says.
    const href = await page.getByRole('link', { name: /Descargar PDF/ }).getAttribute('href');
    const pdf = await context.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain(suggestedNumber);
    expect(text).toContain('Restaurante El Faro');
    expect(text).toContain('4,069.30');
    expect(text).toContain('Flete');

    // And it is in the invoice list.
    await page.goto(`/console/invoices?q=${encodeURIComponent(suggestedNumber)}`);
    await expect
      .poll(() => page.getByRole('link', { name: suggestedNumber, exact: true }).first().isVisible())
      .toBe(true);
    expect(await read(main)).toContain('Restaurante El Faro');
    await screenshot(page, 'manual-07-invoice-list');

    // Once the customer has a document, its currency is fixed, and the form says why.
    await page.goto(`${customerUrl}/edit`);
    const currency = field(page, 'Moneda');
    await expect.poll(() => currency.isDisabled()).toBe(true);
    expect(await page.getByText('Fija: este cliente ya tiene documentos en MXN.').isVisible()).toBe(true);

    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'staff on a phone: a new customer with a contact and its first invoice (en, 390×844)',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: PHONE });
    logFailedRequests(page);
    await signIn(page, 'marcus@harborfoods.example');
    await page.waitForURL(`${baseUrl}/console`);

    await page.goto('/console/customers');
    await page.getByRole('link', { name: 'New customer' }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: /Seaside Market/ })
      .first()
      .waitFor();
    await fitsWidth(page);
    await page.getByRole('link', { name: 'New customer' }).click();
    await page.waitForURL(`${baseUrl}/console/customers/new`);
    await expect.poll(() => page.getByLabel('Account number').inputValue()).toMatch(/^HF-\d{4}$/);
    await page.getByLabel('Legal name').fill('Pier 9 Oyster House');
    await page.getByLabel('Payment terms').fill('15');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await field(page, 'Name').fill('Nina Park');
    await page.getByLabel('Role').fill('Accounts payable');
    await page.getByLabel('E-mail').fill('nina@pier9oysters.example');
    await fitsWidth(page);
    await screenshot(page, 'manual-phone-01-new-customer');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => read(page.locator('main'))).toContain('nina@pier9oysters.example');
    await fitsWidth(page);
    await screenshot(page, 'manual-phone-02-customer');

    await page.getByRole('link', { name: 'New invoice' }).click();
    await page.waitForURL(/\/console\/invoices\/new\?customerId=/);
    await expect.poll(() => page.getByText(/^Net 15 → /).isVisible()).toBe(true);
    const number = field(page, 'Number');
    await expect.poll(() => number.inputValue()).not.toBe('');
    await page.getByLabel('Description').fill('Blue Point oysters, 100 ct');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit price').fill('89.50');
    await page.getByLabel('Discount').fill('9');
    await expect.poll(() => read(page.getByTestId('invoice-total'))).toBe('$170.00');
    await fitsWidth(page);
    await screenshot(page, 'manual-phone-03-new-invoice');
    await page.getByRole('button', { name: 'Create invoice' }).click();
    await page.waitForURL(/\/console\/invoices\/[0-9a-f-]{36}$/);
    await expect.poll(() => read(page.locator('main'))).toContain('$170.00');
    await fitsWidth(page);
    await screenshot(page, 'manual-phone-04-invoice');

    // The invoice list keeps its "New invoice" button on the phone, and lists the new one.
    await page.goto('/console/invoices');
    await page.getByRole('link', { name: 'New invoice' }).waitFor();
    await expect.poll(() => read(page.locator('main'))).toContain('Pier 9 Oyster House');
    await fitsWidth(page);
    await screenshot(page, 'manual-phone-05-invoice-list');

    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);
