import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, test } from 'vitest';
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
 * Harbor Foods' owner connects the ERP: adds a webhook endpoint (a receiver on 127.0.0.1, allowed
 * because this Saldo runs on a loopback address), copies the secret shown once, sends a test event,
 * sees it delivered in the log with the receiver's answer, and redelivers it — the receiver gets
 * the same event id and body again, each signature checked with the guide's recipe. The page on a
 * phone too.
 */
const OWNER = 'emily@harborfoods.example';
const JOURNEY_MS = 150_000;
// The sign-in page asks who is signed in before anyone is: that 401 is expected.
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

const received: { headers: IncomingHttpHeaders; raw: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('thanks from the ERP');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp/saldo-events`;

/** The guide's Node recipe (docs/guide/en/webhooks.md). */
function verifies(secret: string, header: string, rawBody: string): boolean {
  const items = header.split(',').map((part) => part.trim().split('='));
  const t = items.find(([key]) => key === 't')?.[1];
  const signatures = items.filter(([key]) => key === 'v1').map(([, value]) => Buffer.from(value!, 'hex'));
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return signatures.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
}

test.runIf(hasBrowser)(
  'staff: add a webhook endpoint, see a test event delivered, redeliver it',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.waitForURL(`${baseUrl}/console/settings/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Add endpoint' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiverUrl);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Our ERP (test receiver)');
    await auditAccessibility(page);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Signing secret' });
    await secretDialog.waitFor();
    const secret = (await secretDialog.getByTestId('webhook-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'webhooks-01-secret');
    await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    await secretDialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('webhook-endpoint').filter({ hasText: receiverUrl });
    await expect.poll(() => row.innerText()).toContain(`Ends in ${secret.slice(-4)}`);
    expect(await page.locator('main').innerText()).not.toContain(secret);

    await row.getByRole('button', { name: `Actions for ${receiverUrl}` }).click();
    await page.getByRole('menuitem', { name: 'Send test event' }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const first = received[0]!;
    expect(verifies(secret, first.headers['saldo-signature'] as string, first.raw)).toBe(true);
    expect(JSON.parse(first.raw)).toMatchObject({ type: 'webhook.test' });

    const delivery = page.getByTestId('webhook-delivery').filter({ hasText: receiverUrl }).first();
    await expect.poll(() => delivery.innerText(), { timeout: 20_000 }).toContain('Delivered');
    await screenshot(page, 'webhooks-02-log');

    await delivery.getByRole('button', { name: /^Open delivery of Test event/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery of webhook.test' });
    await drawer.getByTestId('webhook-attempt').first().waitFor();
    expect(await drawer.getByTestId('webhook-attempt').count()).toBe(1);
    expect(await drawer.innerText()).toContain('thanks from the ERP');
    expect(await drawer.getByTestId('webhook-body').innerText()).toContain('"type": "webhook.test"');
    await auditAccessibility(page);
    await drawer.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    const again = received[1]!;
    expect(again.raw).toBe(first.raw);
    expect(again.headers['saldo-event-id']).toBe(first.headers['saldo-event-id']);
    expect(again.headers['saldo-delivery-attempt']).toBe('2');
    expect(verifies(secret, again.headers['saldo-signature'] as string, again.raw)).toBe(true);
    await expect.poll(() => drawer.getByTestId('webhook-attempt').count(), { timeout: 20_000 }).toBe(2);
    expect(await drawer.innerText()).toContain('Redelivered by hand');
    await screenshot(page, 'webhooks-03-delivery');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();

    // The same page on a phone (in the owner’s language).
    const phone = await newPage('es-MX', { viewport: PHONE });
    await signIn(phone.page, OWNER);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/settings/webhooks');
    await phone.page.getByRole('heading', { name: /^(Registro de entregas|Delivery log)$/ }).waitFor();
    await phone.page.getByTestId('webhook-delivery').first().waitFor();
    await screenshot(phone.page, 'webhooks-04-phone');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);
