import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';

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

    // The seller's owner finds the message in the Outbox (mail is captured in the demo).
    const { page: owner, context: ownerContext } = await newPage('es-MX');
    await signIn(owner, 'mariana@distribuidoradelvalle.example');
    await owner.waitForURL(`${baseUrl}/console`);
    await owner.goto('/console/outbox?q=posadadelsol');
    await owner
      .getByRole('link', { name: /contraseña/i })
      .first()
      .click();
    await owner.getByRole('tab', { name: 'Texto sin formato' }).click();
    const link = /http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]+/.exec(
      await owner.locator('pre').innerText(),
    )?.[0];
    expect(link).toBeTruthy();
    await ownerContext.close();

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
