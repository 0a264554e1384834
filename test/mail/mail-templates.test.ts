import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Organization, User } from '../../src/db/schema.ts';
import { AppError } from '../../src/domain/errors.ts';
import { getMailTemplate } from '../../src/domain/mail/get-mail-template.ts';
import { listMailTemplates } from '../../src/domain/mail/list-mail-templates.ts';
import type { OutgoingMail } from '../../src/domain/mail/mail-port.ts';
import { listMailTemplateVersions } from '../../src/domain/mail/mail-templates.repository.ts';
import {
  type MailTemplateSources,
  mailTemplateKeys,
  mailTemplateVariables,
} from '../../src/domain/mail/mail-templates.ts';
import { saveMailTemplate } from '../../src/domain/mail/save-mail-template.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { brandOf } from '../../src/mail/templates/brand.ts';
import { liquidTemplateEngine } from '../../src/mail/templates/liquid-template-engine.ts';
import { renderMail } from '../../src/mail/templates/render-mail.ts';
import { mailVariables, sampleData } from '../../src/mail/templates/variables.ts';
import { useTestDb } from '../support/db.ts';
import { createOrg, createUser } from '../support/factories.ts';

const { db } = useTestDb();
const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
const deps = { db, templates: liquidTemplateEngine };

const invite = (org: Organization, inviterName = 'José Peña'): OutgoingMail => ({
  orgId: org.id,
  to: 'nuevo@example.test',
  locale: 'es',
  template: 'invitation_staff',
  data: { inviterName, orgName: org.name, role: 'viewer', url: 'https://saldo.test/i/abc', expiresInDays: 7 },
});

const version = (subject: string, extra: Partial<MailTemplateSources> = {}): MailTemplateSources => ({
  subject,
  preheader: 'Únete a {{ org_name }}.',
  textBody:
    '{{ inviter_name }} te espera en {{ org_name }} como {{ role }}:\n{{ url }}\nVence en {{ expires_in }}.',
  htmlBody: '<tr><td><p>{{ inviter_name }} te espera.</p><a href="{{ url }}">Entrar</a></td></tr>',
  ...extra,
});

async function sent(id: string) {
  return db
    .selectFrom('mail_messages')
    .select(['subject', 'text_body', 'html_body', 'template_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The AppError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let orgA: Organization;
let orgB: Organization;
let owner: User;

beforeAll(async () => {
  orgA = await createOrg(db, { name: 'Distribuidora del Valle' });
  orgB = await createOrg(db, { name: 'Abarrotes del Norte' });
  owner = await createUser(db);
});

describe('mail templates as data', () => {
  test('every key has es and en defaults that pass their own check, and the adapter builds exactly the listed variables', () => {
    for (const key of mailTemplateKeys) {
      const listed = mailTemplateVariables(key)
        .map((v) => v.name)
        .sort();
      const mail = { orgId: null, to: 'a@example.test', locale: 'es', template: key, data: sampleData[key] };
      const built = [
        ...Object.keys(mailVariables(mail as OutgoingMail)),
        ...Object.keys(brandOf(null)).map((name) => `brand.${name}`),
      ].sort();
      expect(built, key).toEqual(listed);
      for (const locale of ['es', 'en'] as const) {
        expect(
          liquidTemplateEngine.check(key, liquidTemplateEngine.defaults(key, locale)),
          `${key} ${locale}`,
        ).toEqual([]);
      }
    }
  });

  test("a seller's stored version writes that seller's messages only; the other seller keeps the default", async () => {
    const saved = await saveMailTemplate(deps, {
      orgId: orgA.id,
      key: 'invitation_staff',
      locale: 'es',
      sources: version('{{ inviter_name }} te invita a {{ org_name }}'),
      actor: { userId: owner.id },
    });
    expect(saved).toMatchObject({
      version: 1,
      key: 'invitation_staff',
      locale: 'es',
      createdByUserId: owner.id,
    });

    const a = await sent((await mailer.enqueue(db, invite(orgA))).id);
    expect(a.subject).toBe('José Peña te invita a Distribuidora del Valle');
    expect(a.text_body).toContain(
      'José Peña te espera en Distribuidora del Valle como solo lectura:\nhttps://saldo.test/i/abc',
    );
    expect(a.text_body).toContain('Enviado por Saldo en nombre de Distribuidora del Valle.');
    expect(a.html_body).toContain('<a href="https://saldo.test/i/abc">Entrar</a>');
    // The layout (seller name, footer) frames the seller's body.
    expect(a.html_body).toContain('<html lang="es">');
    expect(a.template_version).toBe(1);

    const b = await sent((await mailer.enqueue(db, invite(orgB))).id);
    expect(b.subject).toBe('José Peña te invitó a unirte a Abarrotes del Norte en Saldo');
    expect(b.template_version).toBeNull();
    // Another language of the same seller keeps the default too.
    const en = await sent((await mailer.enqueue(db, { ...invite(orgA), locale: 'en' })).id);
    expect(en.subject).toBe('José Peña invited you to join Distribuidora del Valle on Saldo');
    expect(en.template_version).toBeNull();
  });

  test('versions increase; the highest is in use and the older ones stay', async () => {
    const which = { orgId: orgB.id, key: 'invitation_staff', locale: 'es' } as const;
    for (const n of [1, 2, 3]) {
      const saved = await saveMailTemplate(deps, {
        ...which,
        sources: version(`Versión ${n} de {{ org_name }}`),
        actor: {},
      });
      expect(saved.version).toBe(n);
    }
    expect((await listMailTemplateVersions(db, which)).map((v) => [v.version, v.subject])).toEqual([
      [3, 'Versión 3 de {{ org_name }}'],
      [2, 'Versión 2 de {{ org_name }}'],
      [1, 'Versión 1 de {{ org_name }}'],
    ]);
    expect((await sent((await mailer.enqueue(db, invite(orgB))).id)).subject).toBe(
      'Versión 3 de Abarrotes del Norte',
    );
    const current = await getMailTemplate(deps, which);
    expect(current).toMatchObject({ version: 3, subject: 'Versión 3 de {{ org_name }}' });
    expect(current.variables.map((v) => v.name)).toContain('org_name');
    const listing = await listMailTemplates(deps, { orgId: orgB.id });
    expect(listing.find((t) => t.key === 'invitation_staff')?.versions).toEqual({ es: 3, en: null });
    expect(listing.find((t) => t.key === 'password_reset')).toMatchObject({
      perSeller: false,
      versions: { es: null, en: null },
    });
  });

  test('a seller without a version reads the default, unversioned', async () => {
    const other = await createOrg(db);
    const current = await getMailTemplate(deps, {
      orgId: other.id,
      key: 'invitation_customer',
      locale: 'en',
    });
    expect(current.version).toBeNull();
    expect(current).toMatchObject(liquidTemplateEngine.defaults('invitation_customer', 'en'));
  });

  test('a syntax error is refused with its part, line and reason, and the version in use stays', async () => {
    const which = { orgId: orgA.id, key: 'invitation_staff', locale: 'es' } as const;
    const before = await getMailTemplate(deps, which);
    const error = await refusal(
      saveMailTemplate(deps, {
        ...which,
        sources: version('Hola', { textBody: 'Hola {{ org_name }}\n\n{% if role %}\nsin cerrar' }),
        actor: {},
      }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([
      {
        field: 'textBody',
        code: 'template_syntax',
        params: { line: 3, column: 1, reason: expect.stringMatching(/not closed/) },
      },
    ]);
    expect(await getMailTemplate(deps, which)).toEqual(before);
    expect((await sent((await mailer.enqueue(db, invite(orgA))).id)).template_version).toBe(before.version);
  });

  test('an unknown variable or filter is refused with its line; so are tags that would read files', async () => {
    const which = { orgId: orgA.id, key: 'invitation_staff', locale: 'es' } as const;
    const unknown = await refusal(
      saveMailTemplate(deps, {
        ...which,
        sources: version('Hola {{ org_name }}', {
          htmlBody: '<p>{{ url }}</p>\n<p>{{ customer.name }} {{ brand.name }} {{ brand.secret }}</p>',
        }),
        actor: {},
      }),
    );
    expect(unknown.fields).toEqual([
      {
        field: 'htmlBody',
        code: 'unknown_variable',
        params: { line: 2, column: 7, variable: 'customer.name' },
      },
      {
        field: 'htmlBody',
        code: 'unknown_variable',
        params: { line: 2, column: 44, variable: 'brand.secret' },
      },
    ]);
    // password_reset's variables are not an invitation's.
    const wrongKey = await refusal(
      saveMailTemplate(deps, { ...which, sources: version('Hola {{ name }}'), actor: {} }),
    );
    expect(wrongKey.fields).toEqual([
      { field: 'subject', code: 'unknown_variable', params: { line: 1, column: 9, variable: 'name' } },
    ]);
    const filter = await refusal(
      saveMailTemplate(deps, { ...which, sources: version('{{ org_name | shout }}'), actor: {} }),
    );
    expect(filter.fields).toEqual([
      {
        field: 'subject',
        code: 'template_syntax',
        params: { line: 1, column: 1, reason: 'undefined filter: shout' },
      },
    ]);
    for (const tag of ['{% include "/etc/passwd" %}', '{% render "package.json" %}', '{% layout "x" %}']) {
      const refused = await refusal(saveMailTemplate(deps, { ...which, sources: version(tag), actor: {} }));
      expect(refused.fields[0]).toMatchObject({ field: 'subject', code: 'template_syntax' });
    }
  });

  test('a template that runs away is refused on sample data, with its part', async () => {
    const refused = await refusal(
      saveMailTemplate(deps, {
        orgId: orgA.id,
        key: 'invitation_staff',
        locale: 'es',
        sources: version('Hola', { textBody: '{% for i in (1..100000000) %}{{ org_name }}{% endfor %}' }),
        actor: {},
      }),
    );
    expect(refused.fields).toEqual([
      { field: 'textBody', code: 'template_render', params: expect.objectContaining({ line: 1 }) },
    ]);
  });

  test('the HTML body escapes every value; the text body keeps it as written', async () => {
    const org = await createOrg(db, { name: 'Tienda <b>&</b>' });
    await saveMailTemplate(deps, {
      orgId: org.id,
      key: 'invitation_staff',
      locale: 'es',
      sources: version('De {{ inviter_name }}'),
      actor: {},
    });
    const mail = await sent((await mailer.enqueue(db, invite(org, '<script>alert("x")</script>'))).id);
    expect(mail.html_body).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; te espera.</p>');
    expect(mail.html_body).toContain('Tienda &lt;b&gt;&amp;&lt;/b&gt;');
    expect(mail.html_body).not.toContain('<script>');
    expect(mail.text_body).toContain('<script>alert("x")</script> te espera en Tienda <b>&</b>');
  });

  test('messages sent for no seller are not a seller’s to change, and always use the default', async () => {
    const refused = await refusal(
      saveMailTemplate(deps, {
        orgId: orgA.id,
        key: 'password_reset',
        locale: 'es',
        sources: version('Hola {{ name }}'),
        actor: {},
      }),
    );
    expect(refused.fields).toEqual([{ field: 'key', code: 'invalid' }]);
    const unknownKey = await refusal(
      saveMailTemplate(deps, { orgId: orgA.id, key: 'nope', locale: 'es', sources: version('x'), actor: {} }),
    );
    expect(unknownKey.fields).toEqual([{ field: 'key', code: 'invalid' }]);
    const reset = await mailer.enqueue(db, {
      orgId: null,
      to: 'ana@example.test',
      locale: 'es',
      template: 'password_reset',
      data: { name: 'Ana', url: 'https://saldo.test/r/1', expiresInMinutes: 60 },
    });
    expect(await sent(reset.id)).toMatchObject({
      subject: 'Restablece tu contraseña de Saldo',
      template_version: null,
    });
  });

  test('an empty part is required', async () => {
    const refused = await refusal(
      saveMailTemplate(deps, {
        orgId: orgA.id,
        key: 'invitation_customer',
        locale: 'en',
        sources: version(' ', { htmlBody: '' }),
        actor: {},
      }),
    );
    expect(refused.fields).toEqual([
      { field: 'subject', code: 'required' },
      { field: 'htmlBody', code: 'required' },
    ]);
  });

  test('renderMail with a stored version uses it; the default otherwise', () => {
    const org = { name: 'X', branding: {} };
    const stored = version('Custom {{ org_name }}');
    expect(renderMail(invite(orgA), org, stored).subject).toBe('Custom Distribuidora del Valle');
    expect(renderMail(invite(orgA), org).subject).toBe(
      'José Peña te invitó a unirte a Distribuidora del Valle en Saldo',
    );
  });

  test('versions are append-only for the application role', async () => {
    await expect(sql`update mail_templates set subject = 'forged'`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql`delete from mail_templates`.execute(db)).rejects.toThrow(/permission denied/);
  });
});
