import { expect, test } from 'vitest';
import {
  auditAccessibility,
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
 * Distribuidora del Valle's owner edits the "account on hold" e-mail in Spanish: picks a real
 * customer for the preview, changes the subject and sees the preview follow, writes a syntax
 * error and sees it marked at its line (the preview stops until it is fixed), fixes it, saves
 * version n+1, sends herself a test and finds it in the Outbox marked as a test. The list shows
 * the version in use; the pages on a phone too.
 */
const OWNER = 'mariana@distribuidoradelvalle.example';
const JOURNEY_MS = 180_000;
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/status of 401|^401 |status of 400|^400 /.test(p));

test.runIf(hasBrowser)(
  'staff: edit a mail template with a live preview, see an error at its line, save, send a test',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('es-MX', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByRole('link', { name: 'Plantillas de correo' }).first().click();
    await page.waitForURL(`${baseUrl}/console/settings/mail-templates`);
    await page.getByRole('heading', { name: 'Plantillas de correo', level: 1 }).waitFor();
    const card = page.getByTestId('template-account_on_hold-es');
    await card.waitFor();
    expect(await page.getByTestId('template-reminder').innerText()).toContain('Recordatorio');
    await screenshot(page, 'mail-templates-01-list');
    await auditAccessibility(page);

    await card.getByRole('link', { name: /Editar: Cuenta retenida/ }).click();
    await page.waitForURL(`${baseUrl}/console/settings/mail-templates/account_on_hold/es`);
    const subject = page.getByRole('textbox', { name: 'Asunto' });
    await subject.waitFor();
    const previewSubject = page.getByTestId('preview-subject');
    await expect.poll(() => previewSubject.innerText(), { timeout: 20_000 }).toContain('está retenida');

    // A real customer: its name fills the message.
    const picker = page.getByRole('combobox', { name: 'Vista previa para el cliente' });
    await picker.click();
    const option = page.getByRole('option').first();
    await option.waitFor();
    const customerName = (await option.innerText()).split(' · ')[0]!.trim();
    await option.click();
    // The HTML part, styled as mail apps show it (inline styles survive the console's CSP).
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 20_000 }).toContain(customerName);
    expect(
      await frame
        .locator('body')
        .evaluate(
          (body) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(body).backgroundColor,
        ),
    ).toBe('rgb(244, 245, 247)');
    await page
      .getByTestId('preview-frame')
      .screenshot({ path: 'test-artifacts/e2e/mail-templates-07-preview-frame.png', animations: 'disabled' });
    await page.getByRole('tab', { name: 'Texto' }).click();
    await expect
      .poll(() => page.getByTestId('preview-text').innerText(), { timeout: 20_000 })
      .toContain(customerName);

    // The subject changes, and the preview with it.
    const mark = `Aviso ${Date.now().toString(36)}`;
    await subject.fill(`${mark}: {{ account_name }} retenida`);
    await expect
      .poll(() => previewSubject.innerText(), { timeout: 20_000 })
      .toContain(`${mark}: ${customerName} retenida`);

    // A syntax error on line 2 of the text body: marked there, the preview waits.
    const textBody = page.getByRole('textbox', { name: 'Cuerpo en texto' });
    const original = await textBody.inputValue();
    await textBody.fill(`Hola:\n{% if message != "" %}{{ message }}\nGracias.`);
    const problems = page.getByTestId('field-problems');
    await expect
      .poll(() => problems.first().innerText(), { timeout: 20_000 })
      .toMatch(/^Línea 2, columna 1: /);
    await page.getByTestId('template-problems').waitFor();
    await page.getByTestId('preview-blocked').waitFor();
    expect(await page.getByRole('button', { name: 'Guardar como versión nueva' }).isDisabled()).toBe(true);
    await screenshot(page, 'mail-templates-02-error');

    // Fixed: the preview comes back; save.
    await textBody.fill(original);
    await expect.poll(() => problems.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => previewSubject.innerText(), { timeout: 20_000 }).toContain(mark);
    await page.getByRole('button', { name: 'Guardar como versión nueva' }).click();
    await page.getByText(/^Versión \d+ guardada: se usa desde ahora\.$/).waitFor();
    const versions = page.getByTestId('versions');
    await expect.poll(() => versions.innerText(), { timeout: 20_000 }).toMatch(/Versión \d+\s+en uso/i);
    expect(await subject.inputValue()).toBe(`${mark}: {{ account_name }} retenida`);
    await screenshot(page, 'mail-templates-03-saved');
    await auditAccessibility(page);

    // A test send to herself, through the outbox.
    await page.getByRole('button', { name: 'Enviarme una prueba' }).click();
    await page.getByText(`Prueba enviada a ${OWNER}.`, { exact: false }).waitFor();
    await page.goto('/console/outbox');
    await page.getByRole('heading', { name: 'Bandeja de salida', level: 1 }).waitFor();
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 20_000 })
      .toContain(`[Prueba] ${mark}: ${customerName} retenida`);
    await screenshot(page, 'mail-templates-04-outbox');

    // The list shows the version in use.
    await page.goto('/console/settings/mail-templates');
    await expect
      .poll(() => page.getByTestId('template-account_on_hold-es').innerText())
      .toMatch(/versión \d+/i);
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();

    // On a phone.
    const phone = await newPage('es-MX', { viewport: PHONE });
    await signIn(phone.page, OWNER);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/settings/mail-templates');
    await phone.page.getByTestId('template-account_on_hold-es').waitFor();
    await screenshot(phone.page, 'mail-templates-05-phone-list');
    await phone.page.goto('/console/settings/mail-templates/account_on_hold/es');
    await expect
      .poll(() => phone.page.getByTestId('preview-subject').innerText(), { timeout: 20_000 })
      .toContain(mark);
    await screenshot(phone.page, 'mail-templates-06-phone-editor');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);
