import { createRequire } from 'node:module';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyRequest, FastifySchemaCompiler, FastifyServerOptions } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { isCalendarDay } from '../domain/shared/calendar-date.ts';
import { MAX_DATE, MIN_DATE } from './schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** A real calendar date `YYYY-MM-DD` inside Saldo's window (schemas.ts: 1900-01-01..2199-12-31). */
export function isBoundedDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || text < MIN_DATE || text > MAX_DATE) return false;
  return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const dateTimeFormat = (
  addFormatsModule as unknown as { get(name: string): { validate: (s: string) => boolean } }
).get('date-time');

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
    ...options,
  });
  addFormats(ajv);
  // Every date and timestamp is bounded here, once, whatever route declares it: year 0000 or 9999
  // would otherwise reach PostgreSQL (which has no year 0) and answer 500.
  ajv.addFormat('date', { type: 'string', validate: isBoundedDate });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => dateTimeFormat.validate(s) && isBoundedDate(s.slice(0, 10)),
  });
  return ajv;
}

/** The bounds an integer gets when its schema names none: a 21-digit `?page=` is a 400, not an overflow. */
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

/**
 * A copy of a schema in which every integer without a bound is held to 32 bits. Routes that need
 * wider integers (amounts: ±10^15) say so; the document served keeps the schemas as written.
 */
export function boundIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundIntegers);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = boundIntegers(value);
  const types = Array.isArray(copy.type) ? copy.type : [copy.type];
  if (types.includes('integer')) {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = INT_MAX;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = INT_MIN;
  }
  return copy;
}

/**
 * Bodies are validated as sent: no type coercion ("5" is not a number), unknown fields refused
 * (schemas say additionalProperties: false). Query strings and path params arrive as text, so
 * those are coerced to the declared types. A binary body (`format: binary`, the logo upload) is
 * the Buffer its content-type parser made; its route checks what it holds.
 */
const bodyAjv = makeAjv({ coerceTypes: false });
const textAjv = makeAjv({ coerceTypes: 'array' });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const s = schema as { type?: unknown; format?: unknown };
  if (httpPart === 'body' && s.type === 'string' && s.format === 'binary')
    return (() => true) as ReturnType<FastifySchemaCompiler<object>>;
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return onFirstUse(() => ajv.compile(boundIntegers(schema) as object)) as ReturnType<
    FastifySchemaCompiler<object>
  >;
};

/**
 * A validator compiled when a request first needs it. Compiling every route's schemas took most of
 * `saldo start` after the modules had loaded; this way a route's schemas cost nothing until it is
 * called. Fastify reads `schemaEnv` (to give Ajv the parent object) and `errors` from the function,
 * so both are passed through.
 */
function onFirstUse(compile: () => ValidateFunction): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const get = () => {
    compiled ??= compile();
    return compiled;
  };
  const validate = ((data: unknown, context?: Parameters<ValidateFunction>[1]) =>
    get()(data, context)) as ValidateFunction;
  Object.defineProperties(validate, {
    errors: { get: () => get().errors },
    schemaEnv: { get: () => get().schemaEnv },
    schema: { get: () => get().schema },
  });
  return validate;
}

type SerializerFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>['buildSerializer'] &
  object;
type Serializer = (payload: unknown) => string;

/**
 * Fastify's own response serializers (fast-json-stringify, through the compiler Fastify itself
 * depends on), each compiled when a reply first needs it instead of all at start-up; the same
 * code then serializes every reply. For `schemaController.compilersFactory.buildSerializer`.
 */
export function serializerOnFirstUse(): SerializerFactory {
  const fastifyRequire = createRequire(import.meta.resolve('fastify'));
  const selector = fastifyRequire('@fastify/fast-json-stringify-compiler') as () => SerializerFactory;
  const factory = selector();
  return (externalSchemas, options) => {
    const compileRoute = factory(externalSchemas, options);
    return (route) => {
      let serialize: Serializer | undefined;
      return (payload: unknown) => {
        serialize ??= compileRoute(route);
        return serialize(payload);
      };
    };
  };
}

/** NUL, or a UTF-16 surrogate that is not half of a pair (not Unicode text; PostgreSQL refuses NUL). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Any surrogate at all: one quick scan, so the pattern above runs only on text that holds one. */
const surrogate = /[\ud800-\udfff]/;

export function isBadText(text: string): boolean {
  return text.includes('\u0000') || (surrogate.test(text) && loneSurrogate.test(text));
}

/**
 * The fields of a parsed value (a JSON body, a query string, path params) whose text — or whose
 * key — holds NUL or a lone surrogate, named as schema errors name them (`lines.0.description`).
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function badTextFields(value: unknown, prefix = ''): string[] {
  if (value === undefined || value === null) return [];
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (isBadText(current)) found.push(path || '(body)');
    } else if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) stack.push([item, path ? `${path}.${i}` : String(i)]);
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const field = path ? `${path}.${key}` : key;
        if (isBadText(key)) found.push(field);
        else stack.push([item, field]);
      }
    }
  }
  return found.sort();
}

/** The request headers Saldo reads as text. */
const readHeaders = ['idempotency-key', 'x-csrf-token', 'accept-language', 'x-request-id', 'authorization'];

/**
 * The edge's one text check, run before any schema (app.ts, preValidation): a string anywhere in
 * the body, the query string, the path or the headers Saldo reads that holds NUL or a lone
 * surrogate refuses the whole request with 400 `validation_failed`, naming each field.
 */
export function refuseBadText(request: FastifyRequest): void {
  const fields = [
    ...badTextFields(request.params),
    ...badTextFields(request.query),
    ...badTextFields(request.body),
  ];
  for (const h of readHeaders) {
    const value = request.headers[h];
    if (value === undefined) continue;
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && isBadText(v)))
      fields.push(h);
  }
  if (fields.length > 0)
    throw new AppError(
      'validation_failed',
      {},
      [...new Set(fields)].map((field) => ({ field, code: 'invalid_characters' })),
    );
}
