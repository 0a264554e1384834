/**
 * The http-session baseline: the least a Node server can do to answer GET /api/v1/me — bare
 * node:http and a pg.Pool of the same size as Saldo's, the same cookie, the same SHA-256 of its
 * token, the same SQL (Saldo's own principalSql), the same sliding-expiry touch rule and the same
 * JSON body. No framework, no logging, no security headers, no request ids.
 *
 * Env: DATABASE_URL, PORT, HOST (default 127.0.0.1), POOL_SIZE (default 20).
 * Exits on SIGTERM/SIGINT, and when its stdin closes (the harness is gone).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { type Context, resolveContext } from '../../src/domain/identity/contexts.ts';
import { principalSql, SESSION_IDLE_DAYS, SESSION_MAX_DAYS } from '../../src/domain/identity/sessions.ts';

const COOKIE = 'saldo_session';
const TOUCH_EVERY_MS = 15 * 60 * 1000;

interface Row {
  user_id: string;
  email: string;
  name: string;
  locale: string;
  org_id: string | null;
  account_id: string | null;
  csrf_token: string;
  last_seen_at: Date;
  contexts: (Context & { accountId?: string | null; accountName?: string | null })[];
}

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 20),
  application_name: 'saldo-bench-baseline',
});
pool.on('error', () => {});

function sessionToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

const unauthenticated = JSON.stringify({
  type: 'about:blank',
  title: 'Unauthorized',
  status: 401,
  code: 'unauthenticated',
});

async function me(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const token = sessionToken(req.headers.cookie);
  const row =
    token && token.length < 100
      ? ((
          await pool.query<Row>({
            name: 'saldo_principal',
            text: principalSql,
            values: [createHash('sha256').update(token, 'utf8').digest()],
          })
        ).rows[0] ?? null)
      : null;
  if (!row) {
    res.writeHead(401, { 'content-type': 'application/problem+json; charset=utf-8' }).end(unauthenticated);
    return;
  }
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await pool.query(
      `update sessions set last_seen_at = now(),
         expires_at = least(created_at + make_interval(days => $2), now() + make_interval(days => $3))
       where token_hash = $1`,
      [createHash('sha256').update(token!, 'utf8').digest(), SESSION_MAX_DAYS, SESSION_IDLE_DAYS],
    );
  }
  const contexts: Context[] = row.contexts.map((c) =>
    c.kind === 'staff' ? { kind: 'staff', orgId: c.orgId, orgName: c.orgName, role: c.role } : c,
  );
  const body = JSON.stringify({
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
    context: resolveContext(contexts, { orgId: row.org_id, accountId: row.account_id }),
    contexts,
    csrfToken: row.csrf_token,
  });
  res
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(body);
}

const server = http.createServer((req, res) => {
  const path = req.url?.split('?')[0];
  if (req.method === 'GET' && path === '/api/v1/me') {
    me(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"status":500}');
    });
  } else if (req.method === 'GET' && path === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else {
    res.writeHead(404).end();
  }
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  await pool.end().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();

server.listen(Number(process.env.PORT), process.env.HOST || '127.0.0.1');
