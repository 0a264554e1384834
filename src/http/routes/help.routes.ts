import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/errors.ts';
import {
  HELP_IMAGE_PATTERN,
  HELP_SLUG_PATTERN,
  type HelpCentre,
  type HelpLang,
  helpCentre,
} from '../../domain/help/help-centre.ts';
import type { AppDeps } from '../deps.ts';
import { requestLocale } from '../problem.ts';
import { Locale, problems } from '../schemas.ts';

const HelpPageSummary = Type.Object({ slug: Type.String(), title: Type.String(), summary: Type.String() });
const HelpSearchResult = Type.Object({ slug: Type.String(), title: Type.String(), snippet: Type.String() });
const HelpPage = Type.Object({
  lang: Locale,
  slug: Type.String(),
  title: Type.String(),
  html: Type.String({ description: 'The page as HTML (raw HTML in the source is escaped)' }),
  translations: Type.Object({ es: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
});

/**
 * The help centre (the guide in docs/guide, es and en): open to everyone, signed in or not, so the
 * sign-in and password pages have their help too. The language is `lang`, else the person's.
 */
export const helpRoutes: FastifyPluginAsyncTypebox<AppDeps & { centre?: HelpCentre }> = async (app, opts) => {
  // The shipped guide is read and rendered at its first request (helpCentre caches it), not at start.
  const centre = (): HelpCentre => opts.centre ?? helpCentre();

  app.get(
    '/help',
    {
      schema: {
        tags: ['help'],
        summary: 'The help centre’s pages, and with `q` the pages that contain every word of it',
        security: [],
        querystring: Type.Object(
          {
            lang: Type.Optional(Locale),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            lang: Locale,
            pages: Type.Array(HelpPageSummary),
            results: Type.Optional(Type.Array(HelpSearchResult)),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const lang: HelpLang = request.query.lang ?? requestLocale(request);
      const pages = centre()
        .pages(lang)
        .map(({ slug, title, summary }) => ({ slug, title, summary }));
      const q = request.query.q?.trim();
      return { lang, pages, ...(q ? { results: centre().search(lang, q) } : {}) };
    },
  );

  app.get(
    '/help/images/:name',
    {
      schema: {
        tags: ['help'],
        summary: 'An image of the help centre',
        security: [],
        params: Type.Object({ name: Type.String({ pattern: HELP_IMAGE_PATTERN, maxLength: 100 }) }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const file = centre().imagePath(request.params.name);
      if (!file) throw new AppError('not_found');
      return reply
        .type('image/png')
        .header('cache-control', 'public, max-age=3600')
        .send(await readFile(file));
    },
  );

  app.get(
    '/help/:lang/:slug',
    {
      schema: {
        tags: ['help'],
        summary:
          'One page of the help centre, in `lang` (a slug of the other language gives its translation)',
        security: [],
        params: Type.Object({
          lang: Locale,
          slug: Type.String({ pattern: HELP_SLUG_PATTERN, maxLength: 100 }),
        }),
        response: { 200: HelpPage, ...problems(400, 404) },
      },
    },
    async (request) => {
      const page = centre().page(request.params.lang, request.params.slug);
      if (!page) throw new AppError('not_found');
      const { lang, slug, title, html, translations } = page;
      return { lang, slug, title, html, translations };
    },
  );
};
