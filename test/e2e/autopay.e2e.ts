import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  baseUrl,
  DESKTOP,
  hasBrowser,
  logFailedRequests,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';
import { amountProblems } from './support/layout.ts';
import { saldoJson } from './support/saldo-command.ts';

/**
 * Autopay at Distribuidora del Valle, in Spanish: Guadalupe (a payer of La Cocina de Doña Lupe)
 * saves a card while paying an invoice through the sandbox, sets autopay up with it after reading
 * the authorization text, pauses, resumes and cancels it; the same on a phone; then Jorge (AR
 * agent) sets it up on the customer's behalf from the customer's page, and the portal says who did.
 */

const _root = path.resolve(import.meta.dirname, '../..');
const _run = promisify(execFile);
const SELLER = 'distribuidora-del-valle';
const LUPE = 'lupe@cocinadonalupe.example';
const ACCOUNT = 'La Cocina de Doña Lupe';
const AGENT = 'jorge@distribuidoradelvalle.example';
/** A journey: sign-in, a few pages, the processor's page and back; generous on a busy 2-core machine. */
const JOURNEY_MS = 180_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

interface Enrollment {
  status: string;
  timing: string;
  daysBefore: number | null;
  scope: string;
  maxPerCharge: number | null;
  paymentMethod: { id: string; last4: string };
  authorization: {
    text: string;
    locale: string;
    acceptedBy: { kind: string; name: string; email: string };
    ip: string | null;
    userAgent: string | null;
  };
  nextCharge: { on: string; amount: number; invoiceCount: number } | null;
}
interface AutopayState {
  available: boolean;
  authorizationText: string;
  methods: { id: string }[];
  enrollment: Enrollment | null;
}

/** `saldo autopay run --org … --date …` against the running server: the day's notices and charges, at once. */
async function runAutopayDay(day: string): Promise<{ notices: number; charges: number }> {
  return saldoJson(['autopay', 'run', '--org', SELLER, '--date', day]);
}

async function signInToPortal(viewport: typeof DESKTOP | typeof PHONE) {
  const { page, context } = await newPage('es-MX', { viewport });
  logFailedRequests(page);
  await signIn(page, LUPE);
  await page.waitForURL(`${baseUrl}/choose`);
  await page.getByRole('button', { name: new RegExp(ACCOUNT) }).click();
  await page.waitForURL(`${baseUrl}/portal`);
  return { page, context };
}

async function portalAutopay(context: BrowserContext): Promise<AutopayState> {
  const response = await context.request.get('/api/v1/portal/autopay');
  expect(response.status()).toBe(200);
  return (await response.json()) as AutopayState;
}

/** No sideways scrolling: the page is no wider than the screen. */
async function fitsWidth(page: Page) {
  const [scroll, width] = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
  expect(await amountProblems(page)).toEqual([]);
}

/**
 * A saved card, as a payer gets one: paying an open invoice with a new card typed on the sandbox's
 * page and ticking "Guardar este método para la próxima vez". Skipped when the account has one.
 */
async function ensureSavedCard(page: Page, context: BrowserContext, shot: string) {
  const methods = await (await context.request.get('/api/v1/portal/payment-options')).json();
  if ((methods.savedMethods as { last4: string }[]).some((m) => m.last4 === '4242')) return;
  await payAndSaveCard(page, '4242424242424242', 'Pago recibido', shot);
}

/** Pays the first open invoice with a new card, saving it; the payment ends as `status` says. */
async function payAndSaveCard(page: Page, card: string, status: string, shot: string) {
  await page.goto('/portal/invoices?status=open&sort=dueDate');
  const boxes = page.getByRole('checkbox', { name: /^Seleccionar la factura / });
  await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThan(1);
  let number: string | null = null;
  for (const box of await boxes.all())
    if (await box.isEnabled()) {
      number = (await box.getAttribute('aria-label'))!.replace('Seleccionar la factura ', '');
      break;
    }
  expect(number, 'an open invoice of La Cocina de Doña Lupe').not.toBeNull();
  await page.getByRole('link', { name: number!, exact: true }).click();
  await page.waitForURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: 'Pagar esta factura' }).click();
  await page.getByRole('heading', { name: 'Qué pagar' }).waitFor();
  await page.getByRole('button', { name: 'Continuar al método' }).click();
  await page.getByRole('heading', { name: 'Cómo pagar' }).waitFor();
  await page.getByRole('radio', { name: /Tarjeta nueva/ }).click();
  await page.getByRole('button', { name: 'Continuar a la página segura' }).click();
  await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Agregar una tarjeta' }).waitFor();
  await page.getByLabel('Número de tarjeta', { exact: true }).fill(card);
  await page.getByLabel('Fecha de vencimiento', { exact: true }).fill('12/34');
  await page.getByLabel('Código de seguridad (CVC)', { exact: true }).fill('123');
  await page.getByLabel('Nombre en la tarjeta', { exact: true }).fill('Guadalupe Torres');
  await page.getByLabel('Código postal', { exact: true }).fill('76000');
  await page.getByRole('button', { name: 'Guardar tarjeta' }).click();
  await page.waitForURL(/\/portal\/pay\?.*method=pm_sb_/, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Cómo pagar' }).waitFor();
  await page.getByRole('checkbox', { name: 'Guardar este método para la próxima vez' }).check();
  await page.getByRole('button', { name: 'Continuar a la revisión' }).click();
  await page.getByRole('heading', { name: 'Revisa y paga' }).waitFor();
  const pay = page.getByTestId('pay-submit');
  await expect.poll(() => pay.isEnabled(), { timeout: 15_000 }).toBe(true);
  await screenshot(page, shot);
  await pay.click();
  await page.waitForURL(/\/portal\/payments\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 20_000 }).toBe(status);
}

/** The rules and the review, as a payer (or staff) fills them; answers the text that was shown. */
async function fillAndAuthorize(
  page: Page,
  within: Page | Locator,
  options: {
    name: string;
    accept: string;
    last4?: string;
    daysBefore?: string;
    max?: string;
    phone?: boolean;
  },
): Promise<string> {
  await within.getByRole('heading', { name: /Configurar pago automático/ }).waitFor();
  const card = within.getByRole('radio', { name: new RegExp(`Visa ·· ${options.last4 ?? '4242'}`) });
  await card.click();
  await expect.poll(() => card.isChecked()).toBe(true);
  if (options.daysBefore) {
    await within.getByRole('radio', { name: /Unos días antes del vencimiento/ }).check();
    const days = within.getByRole('textbox', { name: /Días antes del vencimiento/ });
    await days.fill('45');
    await within.getByRole('button', { name: 'Continuar a revisar' }).click();
    await expect
      .poll(() => within.getByText('Escribe un número entero de días, de 1 a 30.').isVisible())
      .toBe(true);
    await days.fill(options.daysBefore);
  }
  if (options.max) {
    await within.getByRole('checkbox', { name: 'Fijar un máximo para cada cargo' }).check();
    await within.getByRole('textbox', { name: /Máximo por cargo/ }).fill(options.max);
  }
  if (options.phone) await fitsWidth(page);
  await screenshot(page, `${options.name}-rules`);
  await within.getByRole('button', { name: 'Continuar a revisar' }).click();

  await within.getByRole('heading', { name: 'Revisar y autorizar' }).waitFor();
  const box = within.getByTestId('autopay-authorization');
  const shown = (await box.innerText()).trim();
  expect(shown.length).toBeGreaterThan(40);
  // Without the box ticked nothing is sent: it says what is missing.
  await within.getByTestId('autopay-submit').click();
  await expect
    .poll(() => within.getByText('Marca la casilla para autorizar el pago automático.').isVisible())
    .toBe(true);
  await within.getByRole('checkbox', { name: options.accept }).check();
  if (options.phone) await fitsWidth(page);
  await screenshot(page, `${options.name}-review`);
  await within.getByTestId('autopay-submit').click();
  return shown;
}

async function statusIs(page: Page, status: string) {
  await expect
    .poll(
      () =>
        page
          .getByTestId('autopay-status')
          .first()
          .textContent({ timeout: 1_000 })
          .catch(() => null),
      { timeout: 20_000 },
    )
    .toBe(status);
}

async function confirmAction(page: Page, button: string, confirm: string, shot: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await screenshot(page, shot);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'hidden' });
}

test.runIf(hasBrowser)(
  'a payer saves a card, reads and accepts the authorization, sets autopay up, pauses, resumes and cancels it',
  async () => {
    const { page, context } = await signInToPortal(DESKTOP);

    // Before any method is saved, autopay says how to get one.
    if ((await portalAutopay(context)).methods.length === 0) {
      await page.goto('/portal/autopay');
      await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
      await page.getByRole('button', { name: 'Configurar pago automático' }).click();
      await page.getByText('Todavía no hay una tarjeta o cuenta bancaria guardada.').waitFor();
      expect(await page.getByRole('link', { name: 'Pagar una factura y guardar un método' }).count()).toBe(1);
      await screenshot(page, 'autopay-01-no-method');
    }
    await ensureSavedCard(page, context, 'autopay-02-pay-and-save');

    // From the saved methods, to autopay.
    await page.goto('/portal/payment-methods');
    // The page's own link (the menu has one too).
    await page
      .getByRole('main')
      .getByRole('link', { name: /Pago automático/ })
      .click();
    await page.waitForURL(`${baseUrl}/portal/autopay`);
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    await screenshot(page, 'autopay-03-off');
    await page.getByRole('button', { name: 'Configurar pago automático' }).click();

    const before = await portalAutopay(context);
    const shown = await fillAndAuthorize(page, page, {
      name: 'autopay-04',
      accept: 'Autorizo estos cargos',
      daysBefore: '5',
      max: '50000.00',
    });
    // What was shown is the seller's text in the payer's language, exactly.
    expect(shown).toBe(before.authorizationText.trim());

    await statusIs(page, 'Activo');
    await page.getByRole('heading', { name: 'El pago automático está activo' }).waitFor();
    const main = page.locator('main');
    expect(await main.innerText()).toContain('5 días antes del vencimiento');
    expect(await main.innerText()).toContain('Visa ·· 4242');
    expect(await main.innerText()).toMatch(/MXN\s?50,000\.00/);
    expect(await page.getByTestId('autopay-authorized').innerText()).toMatch(
      /^Autorizado el .+ por Guadalupe Torres \(lupe@cocinadonalupe\.example\)\. Desde la dirección IP [\d.:a-f]+\.$/,
    );
    const next = await page.getByTestId('autopay-next').innerText();
    const enrolled = (await portalAutopay(context)).enrollment!;
    expect(enrolled).toMatchObject({
      status: 'active',
      timing: 'days_before',
      daysBefore: 5,
      scope: 'all_due',
      maxPerCharge: 5_000_000,
      authorization: {
        acceptedBy: { kind: 'customer', name: 'Guadalupe Torres', email: LUPE },
        locale: 'es',
      },
    });
    expect(enrolled.authorization.text.trim()).toBe(shown);
    expect(enrolled.authorization.ip).toBeTruthy();
    expect(enrolled.authorization.userAgent).toContain('Chrome');
    // The next charge as the API plans it, or that there is none yet.
    expect(next).toMatch(
      enrolled.nextCharge
        ? new RegExp(`MXN\\s?[\\d,]+\\.\\d{2} el .+ · ${enrolled.nextCharge.invoiceCount} facturas?`)
        : /Nada que cobrar por ahora/,
    );
    // The authorization text accepted can be read again.
    await page.getByRole('button', { name: 'Ver el texto de la autorización' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Texto de la autorización aceptado' }).innerText())
      .toBe(enrolled.authorization.text);
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'autopay-05-active');

    await confirmAction(page, 'Pausar', 'Pausar pago automático', 'autopay-06-pause-confirm');
    await statusIs(page, 'En pausa');
    await page.getByRole('heading', { name: 'El pago automático está en pausa' }).waitFor();
    expect(await page.getByTestId('autopay-next').innerText()).toContain(
      'Ninguno mientras el pago automático esté en pausa.',
    );
    expect((await portalAutopay(context)).enrollment?.status).toBe('paused');
    await screenshot(page, 'autopay-07-paused');

    await confirmAction(page, 'Reanudar', 'Reanudar pago automático', 'autopay-08-resume-confirm');
    await statusIs(page, 'Activo');
    expect((await portalAutopay(context)).enrollment?.status).toBe('active');

    await confirmAction(
      page,
      'Cancelar pago automático',
      'Cancelar pago automático',
      'autopay-09-cancel-confirm',
    );
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    const after = await portalAutopay(context);
    if (after.enrollment) {
      // The API answers the cancelled enrollment (its history stays): the page says when.
      expect(after.enrollment.status).toBe('cancelled');
      expect(await main.innerText()).toMatch(/El pago automático se canceló el /);
    }
    await screenshot(page, 'autopay-10-cancelled');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'the same on a phone (390×844): every step fits the screen',
  async () => {
    const { page, context } = await signInToPortal(PHONE);
    await ensureSavedCard(page, context, 'autopay-phone-01-pay-and-save');
    await page.goto('/portal/autopay');
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    await fitsWidth(page);
    await screenshot(page, 'autopay-phone-02-off');
    await page.getByRole('button', { name: 'Configurar pago automático' }).click();
    await fillAndAuthorize(page, page, {
      name: 'autopay-phone-03',
      accept: 'Autorizo estos cargos',
      max: '1,000.00',
      phone: true,
    });
    await statusIs(page, 'Activo');
    expect(await page.locator('main').innerText()).toContain('El día del vencimiento');
    await fitsWidth(page);
    await screenshot(page, 'autopay-phone-04-active');
    await confirmAction(
      page,
      'Cancelar pago automático',
      'Cancelar pago automático',
      'autopay-phone-05-cancel-confirm',
    );
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'the seller changes the authorization text while the payer reads it: the new text is shown to accept',
  async () => {
    const { page, context } = await signInToPortal(DESKTOP);
    await ensureSavedCard(page, context, 'autopay-text-00-pay-and-save');
    await page.goto('/portal/autopay');
    await page.getByRole('button', { name: 'Configurar pago automático' }).click();
    await page.getByRole('heading', { name: 'Configurar pago automático' }).waitFor();
    await page.getByRole('radio', { name: /Visa ·· 4242/ }).click();
    await page.getByRole('button', { name: 'Continuar a revisar' }).click();
    const box = page.getByTestId('autopay-authorization');
    const first = (await box.innerText()).trim();

    // Meanwhile the owner gives Distribuidora del Valle its own text.
    const owner = await newPage('es-MX');
    await signIn(owner.page, 'mariana@distribuidoradelvalle.example');
    await owner.page.waitForURL(`${baseUrl}/console`);
    const me = (await (await owner.context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const settings = await (await owner.context.request.get('/api/v1/console/settings/payments')).json();
    const body = (autopayText: { es: string | null; en: string | null }) => ({
      processor: settings.processor,
      onlineInvoices: settings.onlineInvoices,
      methods: settings.methods,
      erpAccounts: settings.erpAccounts,
      partialAllowed: settings.partialAllowed,
      partialMinimum: settings.partialMinimum,
      cardFeeBps: settings.cardFeeBps,
      cardFeeCap: settings.cardFeeCap,
      autopayText,
    });
    const put = (autopayText: { es: string | null; en: string | null }) =>
      owner.context.request.put('/api/v1/console/settings/payments', {
        data: body(autopayText),
        headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl },
      });
    const changed = await put({
      es: 'Autorizo a {seller} a cobrar las facturas de {customer} cada mes.',
      en: null,
    });
    expect(changed.status(), await changed.text()).toBe(200);

    // What she accepts is the text she read: refused, and the new one shown in its place.
    await page.getByRole('checkbox', { name: 'Autorizo estos cargos' }).check();
    await page.getByTestId('autopay-submit').click();
    await page.getByText('El texto de la autorización acaba de cambiar.', { exact: false }).waitFor();
    const fresh =
      'Autorizo a Distribuidora del Valle a cobrar las facturas de La Cocina de Doña Lupe cada mes.';
    await expect.poll(() => box.innerText()).toBe(fresh);
    expect(first).not.toBe(fresh);
    expect(await page.getByRole('checkbox', { name: 'Autorizo estos cargos' }).isChecked()).toBe(false);
    await screenshot(page, 'autopay-text-01-changed');
    await page.getByRole('checkbox', { name: 'Autorizo estos cargos' }).check();
    await page.getByTestId('autopay-submit').click();
    await statusIs(page, 'Activo');
    expect((await portalAutopay(context)).enrollment?.authorization.text).toBe(fresh);

    expect((await put(settings.autopayText)).status()).toBe(200);
    await confirmAction(
      page,
      'Cancelar pago automático',
      'Cancelar pago automático',
      'autopay-text-02-cancel',
    );
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    // The refused attempt's 409 is the point of this journey, not a problem.
    const problems = unexpected(pageProblems(page)).filter(
      (p) => !/409 PUT .*\/api\/v1\/portal\/autopay|status of 409/.test(p),
    );
    expect(problems, problems.join('\n')).toEqual([]);

    // The owner moves the notice to 5 days before each charge on the payment settings page.
    await owner.page.goto('/console/settings/payments');
    const noticeDays = owner.page.getByRole('textbox', { name: 'Días antes del cargo' });
    await noticeDays.waitFor();
    await noticeDays.fill('31');
    await owner.page.getByText('Escribe un número entero de días entre 0 y 30').waitFor();
    await noticeDays.fill('5');
    await owner.page
      .locator('.mantine-Paper-root', {
        has: owner.page.getByRole('heading', { name: 'Avisos de pago automático' }),
      })
      .getByRole('button', { name: 'Guardar' })
      .click();
    await owner.page.getByText('Avisos de pago automático guardados').waitFor();
    await screenshot(owner.page, 'autopay-text-03-notice-days');
    const saved = await owner.context.request.get('/api/v1/console/settings/autopay');
    expect(await saved.json()).toEqual({ noticeDays: 5 });
    // Back to the default, for the journeys that count notices.
    const reset = await owner.context.request.put('/api/v1/console/settings/autopay', {
      data: { noticeDays: 3 },
      headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl },
    });
    expect(reset.status()).toBe(200);
    expect(unexpected(pageProblems(owner.page))).toEqual([]);
    await owner.context.close();
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'a declined autopay charge says why, and when it will be tried again',
  async () => {
    const { page, context } = await signInToPortal(DESKTOP);
    // A card that the bank declines for lack of funds, saved while a payment with it was declined.
    await payAndSaveCard(page, '4000000000009995', 'El pago no se realizó', 'autopay-decline-01-saved');
    await page.goto('/portal/autopay');
    await page.getByRole('button', { name: 'Configurar pago automático' }).click();
    await fillAndAuthorize(page, page, {
      name: 'autopay-decline-02',
      accept: 'Autorizo estos cargos',
      last4: '9995',
    });
    await statusIs(page, 'Activo');
    const planned = (await portalAutopay(context)).enrollment!.nextCharge;
    expect(planned, 'La Cocina has invoices due: a charge is planned').not.toBeNull();

    expect((await runAutopayDay(planned!.on)).charges).toBe(1);
    await page.reload();
    const history = page.getByTestId('autopay-history');
    await history.waitFor({ timeout: 20_000 });
    const [charge] = (
      (await portalAutopay(context)).enrollment as unknown as {
        history: { status: string; failure: { retryable: boolean } | null; nextRetryOn: string | null }[];
      }
    ).history;
    expect(charge).toMatchObject({ status: 'failed', failure: { retryable: true } });
    expect(charge!.nextRetryOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = await history.innerText();
    expect(text).toContain('Rechazado, se reintentará');
    expect(text).toMatch(/Motivo: .+/);
    expect(text).toMatch(/Próximo intento: \d{1,2} \S+ \d{4}/);
    // Still on, for the next try and the invoices to come.
    await statusIs(page, 'Activo');
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'autopay-decline-03-history');

    await confirmAction(
      page,
      'Cancelar pago automático',
      'Cancelar pago automático',
      'autopay-decline-04-cancel',
    );
    await page.getByRole('heading', { name: 'El pago automático está desactivado' }).waitFor();
    // The history stays readable after cancelling.
    expect(await page.getByTestId('autopay-history').innerText()).toContain('Rechazado');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'an AR agent sets autopay up on the customer’s behalf; the staff member is recorded and the portal says so',
  async () => {
    // The customer has a saved card (the journeys above save one; alone, this one does).
    const portal = await signInToPortal(DESKTOP);
    await ensureSavedCard(portal.page, portal.context, 'autopay-staff-00-pay-and-save');

    for (const [viewport, name] of [
      [DESKTOP, 'autopay-staff'],
      [PHONE, 'autopay-staff-phone'],
    ] as const) {
      const { page, context } = await newPage('es-MX', { viewport });
      logFailedRequests(page);
      await signIn(page, AGENT);
      await page.waitForURL(`${baseUrl}/console`);
      await page.goto(`/console/customers?q=${encodeURIComponent('Cocina')}`);
      await page.getByRole('link', { name: ACCOUNT }).first().click();
      await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}/);
      const customerId = page.url().split('/').at(-1)!.split('?')[0]!;
      const panel = page.getByTestId('autopay-panel');
      await panel.waitFor();
      await expect
        .poll(() => panel.innerText())
        .toContain('El pago automático está desactivado para este cliente.');
      await panel.scrollIntoViewIfNeeded();
      if (viewport === PHONE) await fitsWidth(page);
      await screenshot(page, `${name}-01-customer`);

      await panel.getByRole('button', { name: 'Configurar en nombre del cliente' }).click();
      const dialog = page.getByRole('dialog', { name: `Pago automático en nombre de ${ACCOUNT}` });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(
        `Estás configurando el pago automático en nombre de ${ACCOUNT}. Léele el texto de la autorización`,
      );
      const state = (await (
        await context.request.get(`/api/v1/console/customers/${customerId}/autopay`)
      ).json()) as AutopayState;
      const shown = await fillAndAuthorize(page, dialog, {
        name: `${name}-02`,
        accept: `${ACCOUNT} autorizó estos cargos con este texto`,
        phone: viewport === PHONE,
      });
      expect(shown).toBe(state.authorizationText.trim());
      await dialog.waitFor({ state: 'hidden' });
      await statusIs(page, 'Activo');
      expect(await panel.getByTestId('autopay-authorized').innerText()).toMatch(
        /^Configurado el .+ por Jorge Ramírez \(jorge@distribuidoradelvalle\.example\) de Distribuidora del Valle, en nombre del cliente\./,
      );
      const recorded = (await (
        await context.request.get(`/api/v1/console/customers/${customerId}/autopay`)
      ).json()) as AutopayState;
      expect(recorded.enrollment).toMatchObject({
        status: 'active',
        authorization: { acceptedBy: { kind: 'staff', name: 'Jorge Ramírez', email: AGENT } },
      });
      expect(recorded.enrollment!.authorization.text.trim()).toBe(shown);
      expect(recorded.enrollment!.authorization.ip).toBeTruthy();
      await panel.scrollIntoViewIfNeeded();
      if (viewport === PHONE) await fitsWidth(page);
      else expect(await amountProblems(page)).toEqual([]);
      await screenshot(page, `${name}-03-enrolled`);

      // Its first charge, on the day the API plans it: autopay pays the invoices due by then with
      // the saved card, and the charge shows in the history, paid, with its payment.
      const planned = recorded.enrollment!.nextCharge;
      if (viewport === DESKTOP) {
        expect(planned, 'La Cocina has overdue invoices: a charge is planned').not.toBeNull();
        const result = await runAutopayDay(planned!.on);
        expect(result.charges).toBe(1);
        await page.reload();
        const history = panel.getByTestId('autopay-history');
        await history.waitFor({ timeout: 20_000 });
        await expect.poll(() => history.innerText(), { timeout: 20_000 }).toMatch(/Pagado/);
        expect(await history.innerText()).toMatch(/MXN\s?[\d,]+\.\d{2}/);
        const after = (await (
          await context.request.get(`/api/v1/console/customers/${customerId}/autopay`)
        ).json()) as AutopayState & { enrollment: { history: { amount: number; status: string }[] } };
        expect(after.enrollment.history[0]).toMatchObject({ amount: planned!.amount, status: 'completed' });
        await panel.scrollIntoViewIfNeeded();
        await screenshot(page, `${name}-03b-charged`);
        // The payment is the customer's, source autopay, on the payment's own page.
        await history.getByRole('link').first().click();
        await page.waitForURL(/\/console\/payments\/[0-9a-f-]{36}$/);
        await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain(ACCOUNT);
        await screenshot(page, `${name}-03c-payment`);
        await page.goBack();
        await panel.waitFor();
      }

      // The customer sees it on, and who set it up.
      await portal.page.goto('/portal/autopay');
      await statusIs(portal.page, 'Activo');
      expect(await portal.page.getByTestId('autopay-authorized').innerText()).toContain(
        'por Jorge Ramírez (jorge@distribuidoradelvalle.example) de Distribuidora del Valle, en nombre del cliente.',
      );
      await screenshot(portal.page, `${name}-04-portal`);

      // Staff cancels it again (the next round, and other journeys, start with it off).
      await confirmAction(page, 'Cancelar pago automático', 'Cancelar pago automático', `${name}-05-cancel`);
      await expect
        .poll(() => panel.innerText())
        .toContain('El pago automático está desactivado para este cliente.');
      expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
      await context.close();
    }
    expect(unexpected(pageProblems(portal.page)), pageProblems(portal.page).join('\n')).toEqual([]);
    await portal.context.close();
  },
  JOURNEY_MS * 2,
);

test.runIf(hasBrowser)(
  'an accountant sees autopay but cannot set it up, and is told why',
  async () => {
    const { page, context } = await newPage('es-MX', { viewport: PHONE });
    logFailedRequests(page);
    await signIn(page, 'contador@despachoruiz.example');
    await page.waitForURL(`${baseUrl}/portal`);
    await page.goto('/portal/autopay');
    const unavailable = page.getByTestId('autopay-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.innerText()).toContain('El pago automático no está disponible');
    expect(await unavailable.innerText()).toContain(
      'Tu rol puede ver el pago automático, pero no cambiarlo.',
    );
    expect(await page.getByRole('button', { name: 'Configurar pago automático' }).count()).toBe(0);
    await fitsWidth(page);
    await screenshot(page, 'autopay-accountant');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);
