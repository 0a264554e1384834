import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.ts';
import { getMailTemplate } from '../../../domain/mail/get-mail-template.ts';
import { listMailTemplates } from '../../../domain/mail/list-mail-templates.ts';
import {
  type MailTemplateKey,
  mailTemplateKeys,
  mailTemplateSpecs,
} from '../../../domain/mail/mail-templates.ts';
import { previewMailTemplate } from '../../../domain/mail/preview-mail-template.ts';
import { restoreMailTemplate } from '../../../domain/mail/restore-mail-template.ts';
import { problemsAsFields, saveMailTemplate } from '../../../domain/mail/save-mail-template.ts';
import { sendTestMailTemplate } from '../../../domain/mail/send-test-mail-template.ts';
import { liquidTemplateEngine } from '../../../mail/templates/liquid-template-engine.ts';
import { createTestMailOutbox } from '../../../mail/test-mail-outbox.ts';
import type { AppDeps } from '../../deps.ts';
import { requireStaff, staffOf } from '../../plugins/auth.ts';
import { toProblem } from '../../problem.ts';
import { DateTime, Locale, Problem, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Key = Type.Unsafe<MailTemplateKey>({
  type: 'string',
  enum: [...mailTemplateKeys],
  description: 'The template key (docs/guide/en/mail-templates.md lists what each one sends)',
});
const KeyLocale = Type.Object({ key: Key, locale: Locale });

const Sources = Type.Object(
  {
    subject: Type.String({ maxLength: 2_000 }),
    preheader: Type.String({ maxLength: 2_000 }),
    textBody: Type.String({ maxLength: 100_000 }),
    htmlBody: Type.String({ maxLength: 200_000 }),
  },
  { additionalProperties: false, description: 'The Liquid sources of one version' },
);
const Part = Type.Union([
  Type.Literal('subject'),
  Type.Literal('preheader'),
  Type.Literal('textBody'),
  Type.Literal('htmlBody'),
]);
const TemplateProblem = Type.Object({
  part: Part,
  line: Type.Integer({ minimum: 1 }),
  column: Type.Integer({ minimum: 1 }),
  kind: Type.Union([Type.Literal('syntax'), Type.Literal('render'), Type.Literal('unknown_variable')]),
  reason: Type.Optional(Type.String()),
  variable: Type.Optional(Type.String()),
});
/** A refused version: the problem+json of validation_failed, with each problem where it is. */
const Refused = Type.Object(
  { ...Problem.properties, problems: Type.Optional(Type.Array(TemplateProblem)) },
  { description: 'validation_failed with `problems`: each part, line, column and reason' },
);
const Variable = Type.Object({
  name: Type.String(),
  description: Type.Object({ es: Type.String(), en: Type.String() }),
});
const Usage = Type.Object({ count: Type.Integer(), lastUsedAt: Nullable(DateTime) });
const Version = Type.Object({
  version: Type.Integer(),
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  ...Sources.properties,
});
const SavedVersion = Type.Object({ key: Key, locale: Locale, version: Type.Integer(), createdAt: DateTime });
const PreviewBody = Type.Object(
  { sources: Sources, customerId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
const Preview = Type.Object({
  problems: Type.Array(TemplateProblem),
  subject: Nullable(Type.String()),
  text: Nullable(Type.String()),
  html: Nullable(Type.String()),
});

/**
 * The mail templates editor: every template with its usage, one template with its variables and
 * versions, a preview on a real customer, a new version (refused with each problem's line), an
 * older version restored as a new one, and a test send to the signed-in staff member. Every staff
 * role reads and previews; owners and admins change templates and send tests.
 */
export const mailTemplateRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const read = requireStaff();
  const edit = requireStaff('owner', 'admin');
  const outbox = createTestMailOutbox(config);
  const previewDeps = { db, templates: liquidTemplateEngine, publicUrl: config.publicUrl };

  app.get(
    '/console/mail-templates',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Every mail template with the version in use and its usage, per language',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Key,
                perSeller: Type.Boolean({
                  description: 'False: Saldo’s own message, not the seller’s to change',
                }),
                versions: Type.Object({ es: Nullable(Type.Integer()), en: Nullable(Type.Integer()) }),
                usage: Type.Object({ es: Usage, en: Usage }),
                variables: Type.Array(Variable),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({ items: await listMailTemplates({ db }, { orgId: staffOf(request).orgId }) }),
  );

  app.get(
    '/console/mail-templates/:key/:locale',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'One template: its sources in use, variables, Saldo’s default and every version',
        params: KeyLocale,
        response: {
          200: Type.Object({
            key: Key,
            locale: Locale,
            perSeller: Type.Boolean(),
            version: Nullable(Type.Integer()),
            ...Sources.properties,
            variables: Type.Array(Variable),
            defaults: Sources,
            versions: Type.Array(Version),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) =>
      getMailTemplate(
        { db, templates: liquidTemplateEngine },
        { orgId: staffOf(request).orgId, ...request.params },
      ),
  );

  app.post(
    '/console/mail-templates/:key/:locale/preview',
    {
      preHandler: read,
      schema: {
        tags: ['console'],
        summary: 'Candidate sources written for a customer of this seller, or their problems',
        params: KeyLocale,
        body: PreviewBody,
        response: { 200: Preview, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      return previewMailTemplate(previewDeps, {
        orgId: staff.orgId,
        userId: staff.userId,
        ...request.params,
        sources: request.body.sources,
        customerId: request.body.customerId ?? null,
      });
    },
  );

  app.post(
    '/console/mail-templates/:key/:locale/versions',
    {
      preHandler: edit,
      schema: {
        tags: ['console'],
        summary: 'Keeps a new version, in use from now on; refused with each problem’s line',
        params: KeyLocale,
        body: Sources,
        response: { 201: SavedVersion, 400: Refused, ...problems(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { key, locale } = request.params;
      if (!mailTemplateSpecs[key].perSeller)
        throw new AppError('validation_failed', {}, [{ field: 'key', code: 'invalid' }]);
      const found = liquidTemplateEngine.check(key, request.body);
      if (found.length) {
        const problem = toProblem(request, new AppError('validation_failed', {}, problemsAsFields(found)));
        return reply
          .code(400)
          .type('application/problem+json; charset=utf-8')
          .send({ ...problem, problems: found });
      }
      const saved = await saveMailTemplate(
        { db, templates: liquidTemplateEngine },
        { orgId: staff.orgId, key, locale, sources: request.body, actor: { userId: staff.userId } },
      );
      return reply.code(201).send(saved);
    },
  );

  app.post(
    '/console/mail-templates/:key/:locale/versions/:version/restore',
    {
      preHandler: edit,
      schema: {
        tags: ['console'],
        summary: 'Brings back an older version as a new one (history is kept)',
        params: Type.Object({
          ...KeyLocale.properties,
          version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        }),
        response: { 201: SavedVersion, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const saved = await restoreMailTemplate(
        { db, templates: liquidTemplateEngine },
        { orgId: staff.orgId, ...request.params, actor: { userId: staff.userId } },
      );
      return reply.code(201).send(saved);
    },
  );

  app.post(
    '/console/mail-templates/:key/:locale/test',
    {
      preHandler: edit,
      schema: {
        tags: ['console'],
        summary: 'Sends the candidate sources to the signed-in staff member, marked as a test',
        params: KeyLocale,
        body: PreviewBody,
        response: {
          202: Type.Object({ id: Uuid, to: Type.String() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const sent = await sendTestMailTemplate(
        { ...previewDeps, outbox },
        {
          orgId: staff.orgId,
          userId: staff.userId,
          ...request.params,
          sources: request.body.sources,
          customerId: request.body.customerId ?? null,
        },
      );
      return reply.code(202).send(sent);
    },
  );
};
