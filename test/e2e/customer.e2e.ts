import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';
import { linkInLatestMailTo } from './support/mailbox.ts';

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

test.runIf(hasBrowser)(
  'customer of two sellers: choose one, switch to the other, switch language',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'lupe@cocinadonalupe.example');
    await page.waitForURL(`${baseUrl}/choose`);
    await screenshot(page, 'customer-01-choose');
    await page.getByRole('button', { name: /La Cocina de Doña Lupe/ }).click();
    await page.waitForURL(`${baseUrl}/portal`);
    expect(await page.getByTestId('context-switcher').innerText()).toContain('La Cocina de Doña Lupe');
    await screenshot(page, 'customer-02-portal-mx');

    await page.getByTestId('context-switcher').click();
    await page.getByRole('menuitem', { name: /Doña Lupe Taquería/ }).click();
    await expect
      .poll(() => page.getByTestId('context-switcher').innerText())
      .toContain('Harbor Foods Supply');
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'customer-03-portal-us-en');
    await page.getByTestId('language-switch').getByText('ES').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'customer forgot the password: the e-mailed link sets a new one and signs in',
  async () => {
    const { page, context } = await newPage('es-MX');
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    // The page loads its own chunk: until it shows, the label still names sign-in's field.
    await page.waitForURL(`${baseUrl}/forgot-password`);
    await page.getByRole('heading', { name: 'Restablece tu contraseña' }).waitFor();
    await page.getByLabel('Correo electrónico').fill('pagos@posadadelsol.example');
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Revisa tu correo/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The seller's owner cannot find the reset in the Outbox: it is for its recipient alone.
    const { page: owner, context: ownerContext } = await newPage('es-MX');
    await signIn(owner, 'mariana@distribuidoradelvalle.example');
    await owner.waitForURL(`${baseUrl}/console`);
    await owner.goto('/console/outbox?q=posadadelsol');
    await expect
      .poll(() =>
        owner
          .getByText(/No hay correos que coincidan/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await ownerContext.close();

    // Mail is captured in the demo: the operator reads it on the server (`saldo mail show`).
    const link = await linkInLatestMailTo(
      'pagos@posadadelsol.example',
      /http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]+/,
    );
    expect(link).toBeTruthy();

    await page.goto(link!);
    await page.getByLabel('Nueva contraseña').fill('posada del sol 2026');
    await screenshot(page, 'customer-04-reset-password');
    await page.getByRole('button', { name: /Guardar contraseña/ }).click();
    await page.waitForURL(`${baseUrl}/portal`);
    expect(await page.getByTestId('context-switcher').innerText()).toContain('Hotel Posada del Sol');
    await screenshot(page, 'customer-05-portal-after-reset');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
);
