import type { FastifyRequest } from 'fastify';

/** Single-use links carry their token in the path; logs get the path without it. */
export function redactUrl(url: string): string {
  return url.replace(/\/(password-resets|reset-password|invitations)\/[^/?#]+/g, '/$1/[redacted]');
}

/**
 * Pino options for the HTTP server: a request id on every line; no cookies, authorization
 * headers, CSRF tokens, bodies or link tokens ever reach a log.
 */
export function httpLoggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
        userAgent: request.headers['user-agent'],
      }),
    },
  };
}
