import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { errorMessage, fieldMessage } from '../i18n/error-message.ts';
import { negotiateLocale } from '../i18n/index.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
}

/** The language of the person asking: their saved choice when signed in, else Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  return request.principal?.user.locale ?? negotiateLocale(request.headers['accept-language']);
}

export function toProblem(request: FastifyRequest, error: AppError): Problem {
  const locale = requestLocale(request);
  const errors = error.fields.map((f) => ({
    field: f.field,
    code: f.code,
    message: fieldMessage(locale, f),
  }));
  const detail = errorMessage(locale, error);
  return {
    type: `urn:saldo:problem:${error.code}`,
    title: errorMessage('en', error),
    status: error.status,
    code: error.code,
    detail: errors.length ? `${detail} ${errors.map((e) => e.message).join('; ')}.` : detail,
    instance: request.url.split('?')[0] ?? request.url,
    ...(errors.length ? { errors } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = toProblem(request, error);
  if (error.code === 'rate_limited' && error.params.seconds)
    reply.header('retry-after', String(error.params.seconds));
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export { AppError };
