import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { migrationsCurrent } from '../../db/migrate.ts';
import { AppError } from '../../domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { problemRef, problems } from '../schemas.ts';

export const healthRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), '4xx': problemRef },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers and its migrations are current',
        response: {
          200: Type.Object({ status: Type.Literal('ready') }),
          '4xx': problemRef,
          ...problems(503),
        },
      },
    },
    async () => {
      try {
        // Reads the migrations table: a database that does not answer fails here too.
        if (!(await migrationsCurrent(db as never))) throw new Error('migrations pending');
      } catch {
        throw new AppError('unavailable');
      }
      return { status: 'ready' as const };
    },
  );
};
