import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildStatement } from '../../../domain/statements/build-statement.ts';
import { statementFileName } from '../../../domain/statements/send-statement.ts';
import { statementPdf } from '../../../formats/pdf/statement-pdf.ts';
import type { AppDeps } from '../../deps.ts';
import { customerOf, requireCustomer } from '../../plugins/auth.ts';
import { CalendarDate, problems } from '../../schemas.ts';
import { sendPdf } from '../console/documents.routes.ts';

/** The account's own statement of account for any period: the account comes from the session, never the request. */
export const portalStatementRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/portal/statement.pdf',
    {
      preHandler: requireCustomer(),
      schema: {
        tags: ['portal'],
        summary: 'The account’s statement of account for a period, as a PDF',
        querystring: Type.Object({ from: CalendarDate, to: CalendarDate }, { additionalProperties: false }),
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = customerOf(request);
      const view = await buildStatement({ db }, { orgId, customerId: accountId, ...request.query });
      return sendPdf(reply, statementFileName(view).replace(/\.pdf$/, ''), await statementPdf(view));
    },
  );
};
