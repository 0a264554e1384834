import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.ts';
import { sendProblem } from '../problem.ts';

/** Paths that are never a page of the app: the API, the probes, and the build's hashed assets. */
const notAPage = /^\/(api|healthz|readyz|assets)(\/|$)/;

/**
 * Serves the built SPA (web/dist): hashed assets with long caching, in brotli or gzip when the
 * browser accepts it (the `.br`/`.gz` files the build writes beside each asset; `Vary:
 * Accept-Encoding`), and index.html for every other GET that is not the API — `/` included —
 * with the response's CSP nonce written in for Mantine's style tags. A missing asset, an unknown
 * /api path and a non-GET request get a 404 problem+json.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { webDist: string | null }) => {
  const indexFile = opts.webDist ? path.join(opts.webDist, 'index.html') : null;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;

  if (opts.webDist && indexHtml) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      prefix: '/',
      index: false,
      wildcard: true,
      preCompressed: true,
      // index.html is sent by sendIndex (it needs the nonce), and a directory (`/`, `/assets/`) is
      // not a file: both go to the not-found handler below, which answers pages with the app.
      allowedPath: (pathName) => pathName !== '/index.html' && !pathName.endsWith('/'),
      // Hashed assets never change; anything else (favicon, robots.txt) is revalidated.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }

  const sendIndex = (reply: FastifyReply) => {
    // Mantine writes <style> tags: they carry this response's nonce, the only inline style allowed.
    const nonce = randomBytes(16).toString('base64');
    const policy = String(reply.getHeader('content-security-policy') ?? '');
    reply.header(
      'content-security-policy',
      policy.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
    );
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml!.replaceAll('__CSP_NONCE__', nonce));
  };

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !notAPage.test(url);
    if (isPage && indexHtml) return sendIndex(reply);
    if (/^\/assets(\/|$)/.test(url)) return sendProblem(request, reply, new AppError('not_found'));
    return sendProblem(request, reply, new AppError('route_not_found', { method: request.method, url }));
  });
});
