import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import type { MailTemplateSources } from '../../src/domain/mail/mail-templates.ts';
import { mailTemplateKeys } from '../../src/domain/mail/mail-templates.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { createAutopayMailer } from '../../src/mail/templates/autopay-mail.ts';
import { defaultMailTemplate } from '../../src/mail/templates/defaults/index.ts';
import { createMailTransport, type MailTransport } from '../../src/mail/transports.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';

/**
 * The mail templates editor's API on a real database, with test sends delivered over real SMTP
 * (an in-process server): usage per key and language, a preview on a real customer, versions,
 * refusals at their line leaving the version in use, restore, roles and tenant isolation.
 */
const { app, db, config } = await useTestApp();
const received: Buffer[] = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});
let transport: MailTransport;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  transport = createMailTransport({
    smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
  });
});
afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(resolve));
});
const runJobs = () =>
  runJobsOnce({ connectionString: testDatabaseUrl(), db, transport, logger: pino({ level: 'silent' }) });

const base = '/api/v1/console/mail-templates';

async function seller(name: string) {
  const s = await seedSeller(db, { locale: 'es', name });
  const orgId = s.org.id;
  const staff = async (role: 'owner' | 'admin' | 'ar_agent' | 'viewer') =>
    as(app, await signInTo(app, s.staff[role].email, { kind: 'staff', orgId }));
  await db
    .insertInto('customer_contacts')
    .values({
      org_id: orgId,
      id: crypto.randomUUID(),
      account_id: s.account.id,
      name: 'Lucía Méndez',
      email: 'lucia@esquina.example',
    })
    .execute();
  return {
    ...s,
    orgId,
    owner: await staff('owner'),
    viewer: await staff('viewer'),
    agent: await staff('ar_agent'),
  };
}

async function openInvoice(
  orgId: string,
  customerId: string,
  number: string,
  amount: string,
  dueDate: string,
) {
  await createInvoice(
    { db },
    {
      orgId,
      customerId,
      number,
      issueDate: '2026-10-01',
      dueDate,
      status: 'open',
      lines: [{ description: 'Abarrotes', quantity: '1', unitPrice: amount }],
      actor: {},
    },
  );
}

const reminderEs = (): MailTemplateSources => defaultMailTemplate('reminder', 'es');

let a: Awaited<ReturnType<typeof seller>>;
let b: Awaited<ReturnType<typeof seller>>;
beforeAll(async () => {
  a = await seller('Distribuidora del Valle');
  b = await seller('Abarrotes del Norte');
  await openInvoice(a.orgId, a.account.id, 'F-2001', '1500.00', '2026-11-01');
  await openInvoice(a.orgId, a.account.id, 'F-2002', '250.50', '2026-11-20');
});

describe('the templates editor API', () => {
  test('lists every key with its usage per language; usage counts messages, not test sends', async () => {
    const list = await a.viewer({ method: 'GET', url: base });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { key: string; usage: { es: { count: number } } }[];
    expect(items.map((i) => i.key)).toEqual([...mailTemplateKeys]);
    const before = items.find((i) => i.key === 'autopay_upcoming')!.usage.es.count;

    // Autopay's notice is now a template: its messages count as its uses.
    await createAutopayMailer(config).enqueue(db, {
      orgId: a.orgId,
      to: 'lucia@esquina.example',
      locale: 'es',
      template: 'autopay_notice',
      data: {
        name: 'Lucía',
        orgName: 'Distribuidora del Valle',
        accountName: a.account.name,
        country: 'MX',
        currency: 'MXN',
        method: { kind: 'card', brand: 'visa', bankName: null, last4: '4242' },
        invoices: [{ number: 'F-2001', amount: 150_000n }],
        amount: 150_000n,
        url: null,
        chargeOn: '2026-12-05',
      },
    });
    const after = (await a.viewer({ method: 'GET', url: base })).json().items as {
      key: string;
      usage: { es: { count: number; lastUsedAt: string | null }; en: { count: number } };
    }[];
    const upcoming = after.find((i) => i.key === 'autopay_upcoming')!;
    expect(upcoming.usage.es.count).toBe(before + 1);
    expect(upcoming.usage.es.lastUsedAt).not.toBeNull();
    expect(upcoming.usage.en.count).toBe(0);
    // The other seller's list counts none of it.
    const other = (await b.viewer({ method: 'GET', url: base })).json().items as {
      key: string;
      usage: { es: { count: number } };
    }[];
    expect(other.find((i) => i.key === 'autopay_upcoming')!.usage.es.count).toBe(0);
  });

  test('previews on a real customer: its contact, its open invoices and amounts', async () => {
    const response = await a.viewer({
      method: 'POST',
      url: `${base}/reminder/es/preview`,
      payload: { sources: reminderEs(), customerId: a.account.id },
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.problems).toEqual([]);
    expect(preview.text).toContain('Hola, Lucía Méndez:');
    expect(preview.text).toContain('F-2001');
    expect(preview.text).toContain('F-2002');
    expect(preview.text).toContain('$1,750.50');
    expect(preview.html).toContain('Distribuidora del Valle');

    // A syntax error and an unknown variable: each at its part, line and column.
    const bad = await a.viewer({
      method: 'POST',
      url: `${base}/reminder/es/preview`,
      payload: {
        sources: {
          ...reminderEs(),
          textBody: 'Hola\n{% if days_from_due > 0 %}tarde',
          subject: 'Hola {{ nombre }}',
        },
        customerId: a.account.id,
      },
    });
    expect(bad.json()).toMatchObject({ subject: null, html: null });
    expect(bad.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          part: 'subject',
          line: 1,
          column: 9,
          kind: 'unknown_variable',
          variable: 'nombre',
        }),
        expect.objectContaining({ part: 'textBody', line: 2, kind: 'syntax' }),
      ]),
    );
  });

  test('another seller’s customer is refused; a preview without a customer uses the sample', async () => {
    const foreign = await b.viewer({
      method: 'POST',
      url: `${base}/reminder/es/preview`,
      payload: { sources: reminderEs(), customerId: a.account.id },
    });
    expect(foreign.statusCode).toBe(404);
    const sample = await b.viewer({
      method: 'POST',
      url: `${base}/reminder/es/preview`,
      payload: { sources: reminderEs(), customerId: null },
    });
    expect(sample.json().text).toContain('F-1042');
    expect(sample.json().text).toContain('Abarrotes del Norte');
  });

  test('saves versions; a bad version is refused at its line and the last good one stays in use; restore', async () => {
    const url = `${base}/invoice_delivery/es/versions`;
    const good = {
      ...defaultMailTemplate('invoice_delivery', 'es'),
      subject: 'Su factura {{ invoice_number }}',
    };
    expect((await a.viewer({ method: 'POST', url, payload: good })).statusCode).toBe(403);
    expect((await a.agent({ method: 'POST', url, payload: good })).statusCode).toBe(403);
    const first = await a.owner({ method: 'POST', url, payload: good });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ key: 'invoice_delivery', locale: 'es', version: 1 });

    const refused = await a.owner({
      method: 'POST',
      url,
      payload: { ...good, htmlBody: '<tr><td>\n<p>{{ total | no_such_filter }}</p>\n</td></tr>' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('validation_failed');
    expect(refused.json().problems).toEqual([
      expect.objectContaining({ part: 'htmlBody', line: 2, kind: 'syntax' }),
    ]);
    expect(refused.json().detail).toMatch(/línea 2/);
    const unknown = await a.owner({
      method: 'POST',
      url,
      payload: { ...good, textBody: 'Pague\n\n{{ saldo }}' },
    });
    expect(unknown.json().problems).toEqual([
      { part: 'textBody', line: 3, column: 4, kind: 'unknown_variable', variable: 'saldo' },
    ]);

    // The messages still use the last good version.
    const message = await createOutboxMailer(config).enqueue(db, {
      orgId: a.orgId,
      to: 'lucia@esquina.example',
      locale: 'es',
      template: 'invoice_delivery',
      data: {
        name: 'Lucía',
        orgName: 'Distribuidora del Valle',
        accountName: a.account.name,
        country: 'MX',
        currency: 'MXN',
        invoice: {
          number: 'F-2001',
          issuedOn: '2026-10-01',
          dueOn: '2026-11-01',
          total: 150_000n,
          open: 150_000n,
        },
        pdfAttached: true,
        url: null,
      },
    });
    const row = await db
      .selectFrom('mail_messages')
      .select(['subject', 'template_version'])
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ subject: 'Su factura F-2001', template_version: 1 });

    const current = (await a.viewer({ method: 'GET', url: `${base}/invoice_delivery/es` })).json();
    expect(current).toMatchObject({
      version: 1,
      subject: 'Su factura {{ invoice_number }}',
      perSeller: true,
    });
    expect(current.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(current.versions[0].createdBy).toBe('Staff owner');
    expect(current.defaults.subject).toBe(defaultMailTemplate('invoice_delivery', 'es').subject);
    expect(current.variables.map((v: { name: string }) => v.name)).toContain('amount_due');

    expect(
      (
        await a.owner({
          method: 'POST',
          url,
          payload: { ...good, subject: 'Factura {{ invoice_number }} lista' },
        })
      ).json().version,
    ).toBe(2);
    const restored = await a.owner({ method: 'POST', url: `${base}/invoice_delivery/es/versions/1/restore` });
    expect(restored.statusCode).toBe(201);
    expect(restored.json().version).toBe(3);
    const now = (await a.viewer({ method: 'GET', url: `${base}/invoice_delivery/es` })).json();
    expect(now.subject).toBe('Su factura {{ invoice_number }}');
    expect(now.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);

    // The other seller sees none of it and cannot restore it.
    expect((await b.viewer({ method: 'GET', url: `${base}/invoice_delivery/es` })).json().version).toBeNull();
    expect(
      (await b.owner({ method: 'POST', url: `${base}/invoice_delivery/es/versions/1/restore` })).statusCode,
    ).toBe(404);
    // Saldo's own message (password reset) is not the seller's to change.
    const reset = await a.owner({
      method: 'POST',
      url: `${base}/password_reset/es/versions`,
      payload: defaultMailTemplate('password_reset', 'es'),
    });
    expect(reset.statusCode).toBe(400);
  });

  test('a test send goes to the staff member over SMTP, marked as a test, and is not a use', async () => {
    const count = async () =>
      (
        (await a.viewer({ method: 'GET', url: base })).json().items as {
          key: string;
          usage: { es: { count: number } };
        }[]
      ).find((i) => i.key === 'reminder')!.usage.es.count;
    const before = await count();
    const sources = { ...reminderEs(), subject: 'Aviso para {{ account_name }}' };
    expect(
      (
        await a.agent({
          method: 'POST',
          url: `${base}/reminder/es/test`,
          payload: { sources, customerId: a.account.id },
        })
      ).statusCode,
    ).toBe(403);
    const sent = await a.owner({
      method: 'POST',
      url: `${base}/reminder/es/test`,
      payload: { sources, customerId: a.account.id },
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().to).toBe(a.staff.owner.email);
    await runJobs();
    const mails = await Promise.all(received.map((raw) => simpleParser(raw)));
    const mail = mails.find((m) => m.subject?.includes('Aviso para'))!;
    expect(mail.subject).toBe(`[Prueba] Aviso para ${a.account.name}`);
    expect(mail.text).toContain('F-2001');
    const row = await db
      .selectFrom('mail_messages')
      .select(['is_test', 'status', 'to_address'])
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ is_test: true, status: 'sent', to_address: a.staff.owner.email });
    expect(await count()).toBe(before);
    // It appears in the outbox like any other message.
    const outbox = (await a.owner({ method: 'GET', url: '/api/v1/console/outbox?q=Prueba' })).json();
    expect(outbox.items.map((m: { id: string }) => m.id)).toContain(sent.json().id);

    // A broken candidate is not sent.
    const broken = await a.owner({
      method: 'POST',
      url: `${base}/reminder/es/test`,
      payload: { sources: { ...sources, subject: '{{ account_name' }, customerId: null },
    });
    expect(broken.statusCode).toBe(400);
  });
});
