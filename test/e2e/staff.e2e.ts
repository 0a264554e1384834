import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';
import { linkInLatestMailTo } from './support/mailbox.ts';

/** Problems a page may show that are not bugs: the first /api/v1/me of a visitor is a 401. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

test.runIf(hasBrowser)(
  'staff: sign in, read the outbox, switch language (kept after reload), sign out',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'mariana@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);
    await expect.poll(() => page.getByRole('heading', { name: /Hola, Mariana/ }).isVisible()).toBe(true);
    expect(await page.getByTestId('context-switcher').innerText()).toContain('Distribuidora del Valle');
    await screenshot(page, 'staff-01-console-home-es');

    await page.getByRole('navigation').getByRole('link', { name: 'Bandeja de salida' }).click();
    await page.waitForURL(`${baseUrl}/console/outbox`);
    await expect.poll(() => page.getByRole('heading', { name: 'Bandeja de salida' }).isVisible()).toBe(true);
    await screenshot(page, 'staff-02-outbox-es');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Outbox' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Outbox' }).isVisible()).toBe(true);
    await screenshot(page, 'staff-03-outbox-en');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    // Restore the demo login's language for the other journeys.
    await signIn(page, 'mariana@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByTestId('language-switch').getByText('ES').click();
    await expect.poll(() => page.getByRole('heading', { name: /Hola, Mariana/ }).isVisible()).toBe(true);
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'staff: invite a teammate, who accepts from the e-mailed link and lands in the console',
  async () => {
    const { page, context } = await newPage('en-US');
    await signIn(page, 'emily@harborfoods.example');
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
    await page
      .getByRole('button', { name: /Invite a team member|Invite/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    // Oneself cannot be invited: the dialog says so at the address and sends nothing.
    await dialog.getByLabel('E-mail').fill('emily@harborfoods.example');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => dialog.getByText(/You cannot invite yourself/).isVisible()).toBe(true);
    await dialog.getByLabel('E-mail').fill('new.collector@harborfoods.example');
    await dialog.getByRole('radio', { name: /AR agent/ }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect
      .poll(() => page.getByText('new.collector@harborfoods.example').first().isVisible())
      .toBe(true);
    await screenshot(page, 'staff-04-team-invited');

    // The Outbox lists the invitation but never shows its link: that is for the invitee alone.
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    await page
      .getByRole('link', { name: /You're invited|invit/i })
      .first()
      .click();
    await expect
      .poll(() =>
        page
          .getByText(/personal sign-in link/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('tab', { name: 'Plain text' }).count()).toBe(0);
    // The operator reads it on the server, where mail is captured (`saldo mail show`).
    const link = await linkInLatestMailTo(
      'new.collector@harborfoods.example',
      /http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_-]+/,
    );
    expect(link).toBeTruthy();
    await screenshot(page, 'staff-05-outbox-invitation');
    // The refused self-invitation (409) is the one expected failed request.
    const refused = (p: string) => /status of 409/.test(p);
    expect(
      unexpected(pageProblems(page)).filter((p) => !refused(p)),
      pageProblems(page).join('\n'),
    ).toEqual([]);
    expect(pageProblems(page).filter(refused)).toHaveLength(1);

    const { page: invitee, context: inviteeContext } = await newPage('en-US');
    await invitee.goto(link!);
    await expect
      .poll(() =>
        invitee
          .getByText(/Harbor Foods Supply/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await invitee.getByLabel('Full name').fill('Dana Brooks');
    await invitee.getByLabel('New password').fill('harbor collections 2026');
    await screenshot(invitee, 'staff-06-accept-invitation');
    await invitee.getByRole('button', { name: /Create account and accept/ }).click();
    await invitee.waitForURL(`${baseUrl}/console`);
    await expect.poll(() => invitee.getByRole('heading', { name: /Dana/ }).isVisible()).toBe(true);
    await screenshot(invitee, 'staff-07-new-teammate-console');

    expect(unexpected(pageProblems(invitee))).toEqual([]);
    await invitee.goto(link!); // a spent link: the page says so (the API's 410 shows in the console, as it should)
    await expect
      .poll(() =>
        invitee
          .getByText(/already been used|ya se usó/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await inviteeContext.close();
    await context.close();
  },
);

test.runIf(hasBrowser)('unknown pages show the 404 page; a bad reset link says what to do', async () => {
  const { page, context } = await newPage('en-US');
  await page.goto('/no/such/page');
  await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
  await page.goto(`/reset-password/${'x'.repeat(43)}`);
  await expect
    .poll(() =>
      page
        .getByText(/This link isn.t valid|not valid/)
        .first()
        .isVisible(),
    )
    .toBe(true);
  await screenshot(page, 'public-01-invalid-reset-link');
  await context.close();
});
