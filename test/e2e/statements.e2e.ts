import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatCalendarDate } from '../../src/domain/money/format.ts';
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
 * Statements of account, in the browser: Seaside Market's payer downloads its statement for a
 * period from the portal; Harbor Foods' owner downloads the same customer's statement from its
 * page in the console (never pressing "Send": other journeys count the demo's outbox), and both
 * are refused a period that ends before it starts; and the owner turns the monthly statements on
 * for another day, sees it kept after a reload with the day the next go out, and puts the
 * setting back as it was. Each on a desktop and on a phone.
 */
const PAYER = 'billing@seasidemarket.example';
const OWNER = 'emily@harborfoods.example';
const CUSTOMER = 'Seaside Market Co.';
const JOURNEY_MS = 180_000;
const VIEWPORTS = [
  [DESKTOP, 'desktop'],
  [PHONE, 'phone'],
] as const;

const run = promisify(execFile);
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

/** A day `daysAgo` before today, as 'YYYY-MM-DD' and as typed in English (MM/DD/YYYY). */
function day(daysAgo: number) {
  const ymd = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = ymd.split('-');
  return { ymd, typed: `${m}/${d}/${y}` };
}

/** Types a date into a DayInput as a person would, and leaves the field. */
async function typeDay(field: Locator, typed: string) {
  await field.fill(typed);
  await field.blur();
  await expect.poll(() => field.inputValue()).toBe(typed);
}

/** The text of a downloaded PDF, read back with pdftotext. */
async function pdfText(download: Download): Promise<string> {
  const file = await download.path();
  const { stdout } = await run('pdftotext', [file, '-'], { encoding: 'utf8' });
  return stdout;
}

/**
 * The period fields of a statement card: an end before the start is refused with a message and
 * the download is off; then a real period, downloaded as a PDF of the customer's statement.
 */
async function downloadStatement(page: Page, card: Locator, button: string, shot: string) {
  const from = day(60);
  const before = day(65);
  const to = day(1);
  const link = card.getByRole('link', { name: button });
  await typeDay(card.getByLabel('From', { exact: true }), from.typed);
  await typeDay(card.getByLabel('To', { exact: true }), before.typed);
  await card.getByText('The end date must be on or after the start date.').waitFor();
  expect(await card.getByRole('button', { name: button }).isDisabled()).toBe(true);
  expect(await link.count()).toBe(0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, `${shot}-refused`);

  await typeDay(card.getByLabel('To', { exact: true }), to.typed);
  await expect.poll(() => card.getByText('The end date must be on or after the start date.').count()).toBe(0);
  await expect.poll(() => link.getAttribute('href')).toContain(`from=${from.ymd}&to=${to.ymd}`);
  await screenshot(page, `${shot}-period`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(file.suggestedFilename()).toBe(`statement-HF-2002-${from.ymd}-${to.ymd}.pdf`);
  // The title may wrap onto two lines: compare with the spaces folded.
  const text = (await pdfText(file)).replace(/\s+/g, ' ');
  expect(text).toContain(CUSTOMER);
  expect(text).toContain('Statement of account');
  expect(text).toContain(formatCalendarDate(from.ymd, 'en-US'));
}

test.runIf(hasBrowser)(
  'portal: a customer downloads its statement of account for a period, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of VIEWPORTS) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, PAYER);
      await page.waitForURL(`${baseUrl}/portal**`);
      const card = page.getByTestId('portal-statement');
      await card.getByRole('heading', { name: 'Statement of account' }).waitFor();
      await downloadStatement(page, card, 'Download statement', `statements-01-portal-${suffix}`);
      expect(unexpected(pageProblems(page))).toEqual([]);
      await context.close();
    }
  },
);

test.runIf(hasBrowser)(
  'console: staff download a customer’s statement of account from its page, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of VIEWPORTS) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console**`);
      const customers = await (
        await context.request.get(`/api/v1/console/customers?q=${encodeURIComponent('Seaside Market')}`)
      ).json();
      const customer = customers.items.find((c: { name: string }) => c.name === CUSTOMER);
      expect(customer).toBeDefined();
      await page.goto(`/console/customers/${customer.id}`);
      await page.getByRole('heading', { name: CUSTOMER, level: 1 }).waitFor();
      const panel = page.getByTestId('customer-statements');
      await panel.getByRole('heading', { name: 'Statements of account' }).waitFor();
      await downloadStatement(page, panel, 'Download PDF', `statements-02-console-${suffix}`);

      // "Send statement" asks for the same period and refuses one that ends before it starts;
      // nothing is sent here (the demo's outbox stays as other journeys count it).
      await typeDay(panel.getByLabel('To', { exact: true }), day(65).typed);
      await panel.getByRole('button', { name: 'Send statement' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send statement of account' });
      await dialog.waitFor();
      await dialog.getByText('The end date must be on or after the start date.').waitFor();
      expect(await dialog.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
      await screenshot(page, `statements-03-send-refused-${suffix}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(unexpected(pageProblems(page))).toEqual([]);
      await context.close();
    }
  },
);

interface Settings {
  enabled: boolean;
  dayOfMonth: number;
  nextRunOn: string | null;
  nextPeriod: string | null;
}

test.runIf(hasBrowser)(
  'console: the owner sets the monthly statements’ day, sees it kept after a reload, and puts it back',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of VIEWPORTS) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console**`);
      const url = '/api/v1/console/settings/statements';
      const original = (await (await context.request.get(url)).json()) as Settings;
      const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
      try {
        await page.goto('/console/settings/statements');
        await page.getByRole('heading', { name: 'Monthly statements', level: 1 }).waitFor();
        const form = page.getByTestId('statement-settings');
        const dayField = form.getByLabel('Day of the month');
        await expect.poll(() => dayField.inputValue()).toBe(String(original.dayOfMonth));
        await screenshot(page, `statements-04-settings-${suffix}`);

        const newDay = original.dayOfMonth === 17 ? 18 : 17;
        const onOff = form.getByRole('switch', { name: 'Send statements every month' });
        if (!original.enabled) await onOff.click();
        await expect.poll(() => onOff.isChecked()).toBe(true);
        await dayField.fill(String(newDay));
        await form.getByText('Save to apply your changes').waitFor();
        await form.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Monthly statements saved.').first().waitFor();
        const saved = (await (await context.request.get(url)).json()) as Settings;
        expect(saved).toMatchObject({ enabled: true, dayOfMonth: newDay });
        expect(saved.nextRunOn).toMatch(new RegExp(`^\\d{4}-\\d{2}-${newDay}$`));

        await page.reload();
        await page.getByRole('heading', { name: 'Monthly statements', level: 1 }).waitFor();
        await expect.poll(() => dayField.inputValue()).toBe(String(newDay));
        await expect.poll(() => onOff.isChecked()).toBe(true);
        const next = form.getByTestId('statement-next-run');
        await expect
          .poll(() => next.innerText())
          .toMatch(
            new RegExp(
              `^The next statements go out on ${formatCalendarDate(saved.nextRunOn!, 'en-US')}, for [A-Z][a-z]+ \\d{4}\\.$`,
            ),
          );
        await screenshot(page, `statements-05-settings-saved-${suffix}`);
        expect(unexpected(pageProblems(page))).toEqual([]);
      } finally {
        const restored = await context.request.put(url, {
          data: { enabled: original.enabled, dayOfMonth: original.dayOfMonth },
          headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl },
        });
        expect(restored.status(), await restored.text()).toBe(200);
      }
      const after = (await (await context.request.get(url)).json()) as Settings;
      expect(after).toMatchObject({ enabled: original.enabled, dayOfMonth: original.dayOfMonth });
      await context.close();
    }
  },
);
