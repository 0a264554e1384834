import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** One POST of a delivery, to the address already checked (never looked up again). */
export interface WebhookRequest {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface WebhookResponse {
  statusCode: number;
  /** The first 2 KB of what the receiver answered. */
  body: string;
}

/** The port deliveries send through: node:http below; tests may pass a receiver of their own. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

export const RESPONSE_BODY_LIMIT = 2048;

/**
 * Sends with node:http(s), connecting to the checked address while the URL's host name stays in the
 * Host header and TLS's server name (so certificates are checked against the name). Redirects are not
 * followed: a 3xx is an answer like any other non-2xx, so a receiver cannot bounce Saldo inward.
 * The whole exchange is bounded by `timeoutMs`.
 */
export const sendWebhookRequest: WebhookSender = (req) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: req.address, family: req.family },
        ]);
      else callback(null, req.address, req.family);
    };
    const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(req.body, 'utf8');
    const outgoing = send(req.url, {
      method: 'POST',
      headers: { ...req.headers, 'Content-Length': String(body.length) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`timed out after ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    const done = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    outgoing.on('error', (err) => done(() => reject(err)));
    outgoing.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const text = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
        done(() => resolve({ statusCode: res.statusCode ?? 0, body: text.replaceAll('\0', '') }));
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= RESPONSE_BODY_LIMIT) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough kept: the rest of a large answer is not read.
        if (size >= RESPONSE_BODY_LIMIT) {
          res.removeAllListeners('end');
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', (err) => done(() => reject(err)));
    });
    outgoing.end(body);
  });
