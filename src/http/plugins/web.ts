import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.ts';
import { sendProblem } from '../problem.ts';

/**
 * Serves the built SPA (web/dist): hashed assets with long caching, and index.html for every other
 * GET that is not the API, with the response's CSP nonce written in for Mantine's style tags.
 * Unknown /api paths and non-GET requests get a 404 problem+json.
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
      allowedPath: (pathName) => pathName !== '/index.html',
      // Hashed assets never change; anything else (favicon, robots.txt) is revalidated.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
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
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !/^\/(api|healthz|readyz)(\/|$)/.test(request.url);
    if (isPage && indexHtml) return sendIndex(reply);
    const url = request.url.split('?')[0] ?? '';
    return sendProblem(request, reply, new AppError('route_not_found', { method: request.method, url }));
  });
});
