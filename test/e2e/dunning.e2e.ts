import { expect, test } from 'vitest';
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
 * Reminders: Harbor Foods' owner opens the reminder settings (steps, hold rules, preview, results)
 * and a customer's reminders panel, on a desktop and on a phone; the AR agent reads the settings
 * but cannot change them. Nothing is saved or sent: other journeys count the demo's outbox.
 */
const OWNER = 'emily@harborfoods.example';
const AGENT = 'marcus@harborfoods.example';
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

test.runIf(hasBrowser)(
  'staff: reminder steps, preview, results and a customer’s reminders, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console**`);
      await page.goto('/console/settings/reminders');
      await page.getByRole('heading', { name: 'Reminders and holds', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Steps' }).waitFor();
      await page.getByRole('heading', { name: 'Preview' }).waitFor();
      await page.getByRole('heading', { name: 'Results' }).waitFor();
      const settings = await (await context.request.get('/api/v1/console/dunning')).json();
      expect(settings.steps.map((s: { offsetDays: number }) => s.offsetDays)).toEqual([-3, 0, 7, 15, 30]);
      await screenshot(page, `dunning-01-settings-${suffix}`);

      const customers = await (await context.request.get('/api/v1/console/customers')).json();
      await page.goto(`/console/customers/${customers.items[0].id}`);
      const panel = page.getByTestId('customer-reminders');
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Send reminder now' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await screenshot(page, `dunning-02-send-now-${suffix}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(unexpected(pageProblems(page))).toEqual([]);
      await context.close();
    }
  },
);

test.runIf(hasBrowser)(
  'an AR agent reads the reminder settings but cannot change them',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, AGENT);
    await page.waitForURL(`${baseUrl}/console**`);
    await page.goto('/console/settings/reminders');
    await page.getByText('Only owners and admins can change these settings.').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);
