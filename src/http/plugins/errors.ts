import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorCode } from '../../domain/errors.ts';
import { sendProblem } from '../problem.ts';

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : '';
  return [path, extra].filter(Boolean).join('.') || '(body)';
}

/** Formats a person can be told about in words (the catalog's `fieldFormat.*`). */
const namedFormats = new Set(['date', 'date-time', 'uuid', 'email', 'uri']);

function paramsOf(error: ErrorObject): Record<string, string | number> {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return { values: (p.allowedValues as unknown[]).join(', ') };
  if (error.keyword === 'type') return { type: String(p.type) };
  if (error.keyword === 'format') {
    const format = String(p.format);
    return { formatKey: `fieldFormat.${namedFormats.has(format) ? format : 'other'}` };
  }
  if (typeof p.limit === 'number') return { limit: p.limit };
  return {};
}

const knownKeywords = new Set([
  'required',
  'type',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'enum',
  'pattern',
  'additionalProperties',
]);

type FieldError = { field: string; code: string; params: Record<string, string | number> };

/**
 * One entry per field and problem. A union of literals (`method` is one of …) fails each branch
 * with a `const` error and then `anyOf`: those become one `enum` entry listing the values.
 */
function fieldErrors(validation: ErrorObject[]): FieldError[] {
  const constants = new Map<string, unknown[]>();
  for (const v of validation)
    if (v.keyword === 'const') {
      const field = fieldOf(v);
      constants.set(field, [
        ...(constants.get(field) ?? []),
        (v.params as { allowedValue: unknown }).allowedValue,
      ]);
    }
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const v of validation) {
    const field = fieldOf(v);
    const values = constants.get(field);
    const entry: FieldError =
      values && (v.keyword === 'const' || v.keyword === 'anyOf' || v.keyword === 'oneOf')
        ? { field, code: 'enum', params: { values: values.join(', ') } }
        : { field, code: knownKeywords.has(v.keyword) ? v.keyword : 'invalid', params: paramsOf(v) };
    const key = `${entry.field}\u0000${entry.code}\u0000${JSON.stringify(entry.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}

/**
 * A 4xx raised by Fastify or a plugin (static files, cookies…) without an AppError keeps its
 * meaning: its status picks the code. It is never a `validation_failed`, which names fields.
 */
const clientErrorCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
};

/** Maps every error to problem+json: AppError by its code, schema failures naming each field, the rest hidden as `internal`. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError & { validation?: ErrorObject[] }, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (error.validation) {
      return sendProblem(
        request,
        reply,
        new AppError('validation_failed', {}, fieldErrors(error.validation)),
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, new AppError('invalid_json'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, new AppError('body_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, new AppError('unsupported_media_type'));
    }
    if (error instanceof SyntaxError && error.statusCode === 400)
      return sendProblem(request, reply, new AppError('invalid_json'));
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: { code: error.code, message: error.message } }, 'client error');
      return sendProblem(request, reply, new AppError(clientErrorCodes[error.statusCode] ?? 'bad_request'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal'));
  });
});
