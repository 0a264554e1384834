import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

/** The PDF's text as poppler's pdftotext reads it (a real reader; the CI installs poppler-utils). */
function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test.runIf(hasBrowser)(
  'customer: dashboard → invoice → PDF, and the PDF shows the numbers on screen',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'compras@abarrotessanjose.example');
    await page.waitForURL(`${baseUrl}/portal`);
    await expect.poll(() => page.getByText('Saldo total').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Vencido').first().isVisible()).toBe(true);
    await screenshot(page, 'ar-customer-01-dashboard');

    // The most overdue open invoice on the dashboard.
    const firstInvoice = page.getByRole('link', { name: /^A-\d+$/ }).first();
    const number = (await firstInvoice.innerText()).trim();
    await firstInvoice.click();
    await page.waitForURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: new RegExp(number) })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await screenshot(page, 'ar-customer-02-invoice');

    // Every amount shown in the totals block must be in the PDF, formatted the same way.
    const shown = await page.locator('main').innerText();
    const amounts = [...new Set(shown.match(/MXN\s?[\d,]+\.\d{2}/g) ?? [])].map((a) =>
      a.replace(/^MXN\s?/, ''),
    );
    expect(amounts.length).toBeGreaterThan(2);
    const pdfLink = page.getByRole('link', { name: /Descargar PDF/ });
    const href = await pdfLink.getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/portal\/invoices\/[0-9a-f-]{36}\/pdf$/);
    const response = await context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(Buffer.from(await response.body()));
    expect(text).toContain(number);
    expect(text).toContain('Abarrotes San José');
    for (const amount of amounts) expect(text, `amount ${amount} in the PDF`).toContain(amount);
    // Dates too: Chromium's and Node's ICU abbreviate months differently ("sept" / "sep"), so
    // both write them from one table (src/domain/money/format.ts).
    const facts = await page.locator('main dl').first().innerText(); // issue and due dates
    const dates = [...new Set(facts.match(/\b\d{1,2} [a-z]{3,4} \d{4}\b/g) ?? [])];
    expect(dates.length).toBeGreaterThan(1);
    for (const date of dates) expect(text, `date ${date} in the PDF`).toContain(date);
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)('staff: record a payment → allocate oldest first → aging report', async () => {
  const { page, context } = await newPage('en-US');
  await signIn(page, 'marcus@harborfoods.example');
  await page.waitForURL(`${baseUrl}/console`);

  // The aging report before the payment.
  await page.goto('/console/reports/aging');
  await expect.poll(() => page.getByRole('heading', { name: 'Aging report' }).isVisible()).toBe(true);
  await expect
    .poll(() => page.locator('main').innerText(), { timeout: 15_000 })
    .toContain('Blue Anchor Bistro');
  const before = await page.locator('main').innerText();

  await page.goto('/console/payments/new');
  const customer = page.getByPlaceholder('Search by name or number');
  await customer.click();
  await customer.fill('Blue Anchor');
  await page.getByRole('option', { name: /Blue Anchor Bistro/ }).click();
  await page.getByPlaceholder('0.00').fill('1,000.00');
  await page.getByPlaceholder('Check number, transfer id…').fill('Check #5521');
  await page.getByRole('button', { name: 'Apply oldest first' }).click();
  await expect.poll(() => page.getByText('Kept as unapplied cash').isVisible()).toBe(true);
  await screenshot(page, 'ar-staff-01-allocation');
  await page.getByRole('button', { name: /Record payment of/ }).click();
  await page.waitForURL(/\/console\/payments\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByText('Check #5521').first().isVisible()).toBe(true);
  const detail = await page.locator('main').innerText();
  expect(detail).toMatch(/INV-\d+/); // applied to at least one invoice
  await screenshot(page, 'ar-staff-02-payment');

  await page.goto('/console/reports/aging');
  await expect.poll(() => page.getByRole('heading', { name: 'Aging report' }).isVisible()).toBe(true);
  await expect
    .poll(() => page.locator('main').innerText(), { timeout: 15_000 })
    .toContain('Blue Anchor Bistro');
  await expect
    .poll(async () => (await page.locator('main').innerText()) !== before, { timeout: 15_000 })
    .toBe(true);
  await screenshot(page, 'ar-staff-03-aging');
  const csvHref = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
  const csv = await context.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Blue Anchor Bistro');
  expect(unexpected(pageProblems(page))).toEqual([]);
  await context.close();
});

test.runIf(hasBrowser)(
  'owner: document settings preview follows the form; saved footer appears on invoices',
  async () => {
    const { page, context } = await newPage('en-US');
    await signIn(page, 'emily@harborfoods.example');
    await page.waitForURL(`${baseUrl}/console`);
    await page.goto('/console/settings/documents');
    await expect.poll(() => page.getByRole('heading', { name: 'Documents' }).isVisible()).toBe(true);
    const footer = 'Wire to Harbor Bank, ABA 021000021 · billing@harborfoods.example';
    await page.getByLabel('Footer text').fill(footer);
    // The preview frame is re-pointed at the unsaved settings (debounced) and renders a PDF.
    const frame = page.locator('iframe');
    const footerInPreview = async () =>
      new URL((await frame.getAttribute('src')) ?? '', baseUrl).searchParams.get('footerText');
    await expect.poll(footerInPreview, { timeout: 10_000 }).toBe(footer);
    const preview = await context.request.get((await frame.getAttribute('src'))!);
    expect(preview.headers()['content-type']).toContain('application/pdf');
    expect(pdfText(Buffer.from(await preview.body()))).toContain('billing@harborfoods.example');
    await screenshot(page, 'ar-owner-01-document-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Document settings saved.').first().isVisible()).toBe(true);

    // Any real invoice now carries the footer.
    const invoices = await context.request.get('/api/v1/console/invoices?pageSize=1');
    const [first] = (await invoices.json()).items as { id: string }[];
    const pdf = await context.request.get(`/api/v1/console/invoices/${first!.id}/pdf`);
    expect(pdfText(Buffer.from(await pdf.body()))).toContain('billing@harborfoods.example');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);
