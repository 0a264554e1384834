import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

test.runIf(hasBrowser)(
  'signed out: sign-in’s help opens its page, follows the language, leads back',
  async () => {
    const { page, context } = await newPage('es-MX');
    await page.goto('/sign-in');
    await page.getByTestId('help-link').click();
    await page.waitForURL(`${baseUrl}/help/iniciar-sesion`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Iniciar y cerrar sesión');
    await screenshot(page, 'help-01-sign-in-es');

    await page.getByTestId('language-switch').getByText('EN').click();
    await page.waitForURL(`${baseUrl}/help/sign-in`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Signing in and out');
    // A link between pages stays inside the app.
    await page
      .getByTestId('help-article')
      .getByRole('link', { name: /reset your password/i })
      .first()
      .click();
    await page.waitForURL(`${baseUrl}/help/forgot-password`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Forgot your password');
    await screenshot(page, 'help-02-forgot-password-en');

    await page.getByTestId('help-back').click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'signed in: a screen’s help is its page; the help centre finds pages by a word',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'mariana@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);
    await page.goto('/console/customers');
    await page.getByTestId('help-link').click();
    await page.waitForURL(`${baseUrl}/help/consola-clientes`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Consola: Clientes');
    await screenshot(page, 'help-03-customers-es');

    // Search from the page: the help centre lists what matches, with a snippet.
    await page.getByRole('searchbox', { name: 'Buscar en la ayuda' }).fill('zona horaria');
    await page.getByRole('searchbox', { name: 'Buscar en la ayuda' }).press('Enter');
    await page.waitForURL(/\/help\?q=zona/);
    const results = page.getByTestId('help-results');
    await expect.poll(() => results.innerText()).toContain('Consola: Antigüedad de saldos');
    expect((await results.innerText()).toLowerCase()).toContain('zona horaria');
    await screenshot(page, 'help-04-search-es');
    await results.getByRole('link', { name: 'Consola: Antigüedad de saldos' }).click();
    await page.waitForURL(`${baseUrl}/help/consola-antiguedad-de-saldos`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Consola: Antigüedad de saldos');

    // Back to Saldo returns to the screen the help was opened from.
    await page.getByTestId('help-back').click();
    await page.waitForURL(`${baseUrl}/console/customers`);
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
);
