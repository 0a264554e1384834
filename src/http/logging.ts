import type { FastifyRequest } from 'fastify';
import pino from 'pino';

// A pay link's page (/pay/<token>) and API (/api/v1/pay-links/<token>/…); its return page names the
// link's id, not its token (/pay/return/<id>), and is kept.
const linkPath = /\/(password-resets|reset-password|invitations|pay-links|pay)\/(?!return\/)[^/?#]+/g;

/** Single-use links carry their token in the path; logs get the path without it. */
export function redactUrl(url: string): string {
  // Most paths name none of them: skip the regular expression for those (it runs on every request).
  if (
    !url.includes('/password-resets/') &&
    !url.includes('/reset-password/') &&
    !url.includes('/invitations/') &&
    !url.includes('/pay-links/') &&
    !url.includes('/pay/')
  )
    return url;
  return url.replace(linkPath, '/$1/[redacted]');
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

/** How long a buffered request line may wait before it is written (ms). */
const LOG_FLUSH_INTERVAL_MS = 1000;

/**
 * Standard output for the per-request log lines, written in batches: a line per request written
 * synchronously costs a system call each (a good part of a small request's time). Lines wait
 * until 4 KiB have gathered or a second has passed; errors are written at once (`flush`), and
 * whatever is buffered is written when the app closes or the process exits (pino registers that).
 */
export function bufferedStdout(): { stream: NodeJS.WritableStream & { flush(): void }; close(): void } {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const timer = setInterval(() => stream.flush(), LOG_FLUSH_INTERVAL_MS);
  timer.unref();
  return {
    stream: stream as unknown as NodeJS.WritableStream & { flush(): void },
    close() {
      clearInterval(timer);
      stream.flushSync();
    },
  };
}
