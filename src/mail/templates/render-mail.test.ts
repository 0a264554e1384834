import { describe, expect, test } from 'vitest';
import type { OutgoingMail } from '../../domain/mail/mail-port.ts';
import { type MailOrg, renderMail } from './render-mail.ts';

const org: MailOrg = { name: 'Distribuidora del Valle', branding: {} };
const url = 'https://saldo.example/invitations/accept?token=abc&x=1';

const staffInvite = (locale: 'es' | 'en', role = 'ar_agent'): OutgoingMail => ({
  orgId: '0190a000-0000-7000-8000-000000000001',
  to: 'ana@example.test',
  locale,
  template: 'invitation_staff',
  data: { inviterName: 'José Peña', orgName: org.name, role, url, expiresInDays: 7 },
});

const customerInvite = (locale: 'es' | 'en', role = 'accountant'): OutgoingMail => ({
  orgId: '0190a000-0000-7000-8000-000000000001',
  to: 'pagos@example.test',
  locale,
  template: 'invitation_customer',
  data: {
    inviterName: 'José Peña',
    orgName: org.name,
    accountName: 'Restaurante La Esquina',
    role,
    url,
    expiresInDays: 14,
  },
});

const reset = (
  locale: 'es' | 'en',
  name = 'Ana',
  url = 'https://saldo.example/reset?token=r1',
  expiresInMinutes = 60,
): OutgoingMail => ({
  orgId: null,
  to: 'ana@example.test',
  locale,
  template: 'password_reset',
  data: { name, url, expiresInMinutes },
});

type ReceiptData = Extract<OutgoingMail, { template: 'payment_receipt' }>['data'];
const receipt = (locale: 'es' | 'en', data: Partial<ReceiptData> = {}): OutgoingMail => ({
  orgId: '0190a000-0000-7000-8000-000000000001',
  to: 'pagos@example.test',
  locale,
  template: 'payment_receipt',
  data: {
    name: 'Ana López',
    orgName: org.name,
    accountName: 'Restaurante La Esquina',
    paymentNumber: 'PAG-000042',
    paidOn: '2026-09-12',
    currency: 'MXN',
    country: 'MX',
    amount: 1_234_567n,
    fee: 0n,
    method: { kind: 'card', brand: 'visa', bankName: null, last4: '4242' },
    invoices: [
      { number: 'F-1001', amount: 1_000_000n },
      { number: 'F-1002', amount: 234_567n },
    ],
    url: 'https://saldo.example/portal/payments/0190a000-0000-7000-8000-0000000000aa',
    ...data,
  },
});

describe('renderMail', () => {
  test('Spanish staff invitation names inviter, org, translated role, link and expiry', () => {
    const mail = renderMail(staffInvite('es'), org);
    expect(mail.subject).toBe('José Peña te invitó a unirte a Distribuidora del Valle en Saldo');
    expect(mail.text).toContain('con el rol de agente de cobranza');
    expect(mail.text).toContain(`Aceptar invitación:\n${url}`);
    expect(mail.text).toContain('Esta invitación vence en 7 días.');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('agente de cobranza');
    expect(mail.html).toContain('href="https://saldo.example/invitations/accept?token=abc&amp;x=1"');
    expect(mail.html).toContain('>Aceptar invitación</a>');
    expect(mail.html).toContain('Esta invitación vence en 7 días.');
  });

  test('English staff invitation', () => {
    const mail = renderMail(staffInvite('en', 'viewer'), org);
    expect(mail.subject).toBe('José Peña invited you to join Distribuidora del Valle on Saldo');
    expect(mail.text).toContain('with the viewer (read-only) role');
    expect(mail.text).toContain('This invitation expires in 7 days.');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('>Accept invitation</a>');
  });

  test.each([
    ['es', 'owner', 'propietario'],
    ['es', 'admin', 'administrador'],
    ['es', 'viewer', 'solo lectura'],
    ['en', 'ar_agent', 'AR agent'],
    ['en', 'owner', 'owner'],
  ] as const)('%s staff role %s reads "%s"', (locale, role, expected) => {
    const sentence = locale === 'es' ? `con el rol de ${expected}.` : `with the ${expected} role.`;
    expect(renderMail(staffInvite(locale, role), org).text).toContain(sentence);
  });

  test.each([
    ['es', 'account_admin', 'administrador de la cuenta'],
    ['es', 'payer', 'pagador'],
    ['es', 'accountant', 'contador'],
    ['en', 'account_admin', 'account admin'],
    ['en', 'payer', 'payer'],
  ] as const)('%s customer role %s reads "%s"', (locale, role, expected) => {
    const sentence = locale === 'es' ? `con el rol de ${expected}.` : `with the ${expected} role.`;
    expect(renderMail(customerInvite(locale, role), org).text).toContain(sentence);
  });

  test('customer invitation in both locales names the account and the seller', () => {
    const es = renderMail(customerInvite('es'), org);
    expect(es.subject).toBe('Invitación al portal de clientes de Distribuidora del Valle');
    expect(es.text).toContain(
      'a la cuenta de Restaurante La Esquina en el portal de clientes de Distribuidora del Valle',
    );
    expect(es.text).toContain('vence en 14 días');
    const en = renderMail(customerInvite('en'), org);
    expect(en.subject).toBe("You're invited to Distribuidora del Valle's customer portal");
    expect(en.text).toContain('the Restaurante La Esquina account');
    expect(en.text).toContain('expires in 14 days');
    expect(en.html).toContain('You&#39;re invited');
  });

  test('password reset in both locales, branded as Saldo, expiry in hours', () => {
    const es = renderMail(reset('es'), null);
    expect(es.subject).toBe('Restablece tu contraseña de Saldo');
    expect(es.text.startsWith('Hola, Ana:')).toBe(true);
    expect(es.text).toContain('vence en 1 hora y solo puede usarse una vez');
    expect(es.text).toContain('https://saldo.example/reset?token=r1');
    expect(es.html).toContain('href="https://saldo.example/reset?token=r1"');
    expect(es.text).toContain('Saldo · Portal de cuentas por cobrar');
    const en = renderMail(reset('en', '', 'https://s.example/r', 30), null);
    expect(en.subject).toBe('Reset your Saldo password');
    expect(en.text.startsWith('Hello,')).toBe(true);
    expect(en.text).toContain('expires in 30 minutes');
    expect(en.html).toContain('>Reset password</a>');
  });

  test('every template reads differently in es and en and carries its link in both parts', () => {
    for (const make of [staffInvite, customerInvite, reset, receipt]) {
      const es = renderMail(make('es'), org);
      const en = renderMail(make('en'), org);
      expect(es.subject).not.toBe(en.subject);
      for (const mail of [es, en]) {
        const link = make('es').data.url;
        if (!link) throw new Error('each of these messages carries a link');
        expect(mail.text).toContain(link);
        // Button and plain link, both.
        expect(mail.html.split(`href="${link.replaceAll('&', '&amp;')}"`).length - 1).toBe(2);
      }
    }
  });

  test('escapes every interpolated value in the HTML part', () => {
    const evil: MailOrg = {
      name: '<b>Evil & "Co"</b>',
      branding: { footer: '<img src=x onerror=alert(1)>\nTel. 555' },
    };
    const mail = renderMail(
      {
        orgId: '0190a000-0000-7000-8000-000000000001',
        to: 'a@example.test',
        locale: 'es',
        template: 'invitation_customer',
        data: {
          inviterName: '<script>alert("x")</script>',
          orgName: evil.name,
          accountName: "O'Brien <Foods>",
          role: 'payer',
          url: 'https://saldo.example/i?t="><script>',
          expiresInDays: 7,
        },
      },
      evil,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;b&gt;Evil &amp; &quot;Co&quot;&lt;/b&gt;');
    expect(mail.html).toContain('O&#39;Brien &lt;Foods&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;<br>Tel. 555');
    expect(mail.html).toContain('href="https://saldo.example/i?t=&quot;&gt;&lt;script&gt;"');
    // The text part is plain text: the values appear as written.
    expect(mail.text).toContain('<script>alert("x")</script> te invitó');
  });

  test('uses the seller accent colour when it is a hex colour, the default otherwise', () => {
    const branded = renderMail(staffInvite('es'), { name: 'X', branding: { accentColor: '#2F9E44' } });
    expect(branded.html).toContain('background-color:#2f9e44');
    expect(branded.html).not.toContain('#1c7ed6');
    const plain = renderMail(staffInvite('es'), { name: 'X', branding: {} });
    expect(plain.html).toContain('background-color:#1c7ed6');
    const hostile = renderMail(staffInvite('es'), {
      name: 'X',
      branding: { accentColor: 'red;background:url(https://evil.example/t.gif)' },
    });
    expect(hostile.html).not.toContain('evil.example');
    expect(hostile.html).toContain('background-color:#1c7ed6');
  });

  test('a light accent colour gets dark button text', () => {
    const mail = renderMail(staffInvite('es'), { name: 'X', branding: { accentColor: '#ffd43b' } });
    expect(mail.html).toMatch(/font-weight:600;color:#1a1b1e;text-decoration:none/);
  });

  test('the seller footer and "sent on behalf" line appear in both parts', () => {
    const mail = renderMail(staffInvite('en'), {
      name: 'Harbor Supply',
      branding: { footer: '100 Main St, Boston' },
    });
    expect(mail.text).toContain('100 Main St, Boston\nSent by Saldo on behalf of Harbor Supply.');
    expect(mail.html).toContain('100 Main St, Boston');
    expect(mail.html).toContain('Sent by Saldo on behalf of Harbor Supply.');
  });

  test('a subject is always one line', () => {
    const invite = staffInvite('es');
    if (invite.template !== 'invitation_staff') throw new Error('unreachable');
    const mail = renderMail({ ...invite, data: { ...invite.data, orgName: 'A\r\nBcc: x@y' } }, org);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  test('a payment receipt in Spanish: number, date, method, amounts in es-MX, the invoices paid', () => {
    const mail = renderMail(receipt('es'), org);
    expect(mail.subject).toBe('Recibo de tu pago PAG-000042 a Distribuidora del Valle');
    expect(mail.text.startsWith('Hola, Ana López:')).toBe(true);
    expect(mail.text).toContain('Pago: PAG-000042\nFecha: 12 sept 2026\nCuenta: Restaurante La Esquina');
    expect(mail.text).toContain('Método: Visa ·· 4242\nTotal cobrado: $12,345.67');
    expect(mail.text).toContain('Facturas pagadas:\n- F-1001: $10,000.00\n- F-1002: $2,345.67');
    // No fee, no fee lines.
    expect(mail.text).not.toContain('Cargo por conveniencia');
    expect(mail.html).toContain('>Ver el pago en el portal</a>');
    expect(mail.html).toContain('<html lang="es">');
  });

  test('a payment receipt in English with a fee shows payment, fee and total; without a link, no button', () => {
    const mail = renderMail(
      receipt('en', {
        currency: 'USD',
        country: 'US',
        amount: 50_000n,
        fee: 1_450n,
        method: { kind: 'ach', brand: null, bankName: 'Chase', last4: '6789' },
        invoices: [{ number: 'INV-7', amount: 50_000n }],
        url: null,
      }),
      org,
    );
    expect(mail.subject).toBe('Receipt for your payment PAG-000042 to Distribuidora del Valle');
    expect(mail.text).toContain(
      'Method: Chase ·· 6789\nAmount: $500.00\nConvenience fee: $14.50\nTotal charged: $514.50',
    );
    expect(mail.text).toContain('Invoices paid:\n- INV-7: $500.00');
    expect(mail.text).toContain('Date: Sep 12, 2026');
    expect(mail.text).not.toContain('portal:');
    expect(mail.html).not.toContain('<a href');
    expect(mail.html).toContain('$14.50');
  });

  test('a receipt names a method by brand or bank and four digits at most, and escapes what it shows', () => {
    const noDetails = renderMail(
      receipt('es', { method: { kind: 'ach', brand: null, bankName: null, last4: null }, invoices: [] }),
      org,
    );
    expect(noDetails.text).toContain('Método: Débito bancario (ACH)');
    expect(noDetails.text).not.toContain('Facturas pagadas');
    const tooLong = renderMail(
      receipt('en', { method: { kind: 'card', brand: 'amex', bankName: null, last4: '1234567890123' } }),
      org,
    );
    expect(tooLong.text).toContain('Method: American Express\n');
    expect(tooLong.text).not.toContain('1234567890123');
    const evil = renderMail(receipt('en', { invoices: [{ number: '<b>F-1</b>', amount: 100n }] }), org);
    expect(evil.html).toContain('&lt;b&gt;F-1&lt;/b&gt;');
    expect(evil.html).not.toContain('<b>F-1');
  });

  test('refuses a link that is not http(s)', () => {
    expect(() => renderMail(reset('es', 'A', 'javascript:alert(1)'), null)).toThrow();
  });
});
