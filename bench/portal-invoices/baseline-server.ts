/**
 * The portal-invoices baseline: the least a Node server can do to answer
 * GET /api/v1/portal/invoices?status=open&page=1&pageSize=25 — bare node:http and a pg.Pool of the
 * same size as Saldo's. It does what Saldo must do for that answer and nothing else:
 * 1. the session: SHA-256 of the `saldo_session` cookie, Saldo's own principalSql (prepared, as
 *    Saldo runs it), the session's context must be a customer account;
 * 2. the page and the count, in parallel, with the SQL Saldo's listInvoices runs for these
 *    parameters (the account's invoices, no drafts, status 'open' with something still owing, newest due date first, then
 *    number, then id; days overdue judged in the seller's time zone);
 * 3. the same JSON shape: `{ items: InvoiceSummary[], total, page, pageSize }`, amounts as numbers.
 * No framework, no validation, no logging, no security headers, no request ids.
 *
 * Env: DATABASE_URL, PORT, HOST (default 127.0.0.1), POOL_SIZE (default 20).
 * Exits on SIGTERM/SIGINT, and when its stdin closes (the harness is gone).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { principalSql } from '../../src/domain/identity/sessions.ts';

const COOKIE = 'saldo_session';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 20),
  application_name: 'saldo-bench-portal-baseline',
});
pool.on('error', () => {});
// Dates as the calendar days they are (pg would make them local-midnight Date objects).
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.DATE
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const pageSql = `
select i.id, i.number, i.erp_id, i.customer_id, c.name as customer_name, c.account_number,
       i.issue_date, i.due_date, i.currency, i.po_number, i.status, i.payment_status, i.total, i.open_amount,
       case when i.status = 'open' and i.open_amount > 0
            then greatest((select (now() at time zone o.time_zone)::date from organizations o where o.id = $1) - i.due_date, 0)
            else 0 end as days_overdue
  from invoices i
  join customer_accounts c on c.org_id = i.org_id and c.id = i.customer_id
 where i.org_id = $1 and i.customer_id = $2 and i.status <> 'draft' and i.status = 'open' and i.open_amount > 0
 order by i.due_date desc, i.number desc, i.id asc
 limit $3 offset $4`;
const countSql = `
select count(*)::int as n
  from invoices i
  join customer_accounts c on c.org_id = i.org_id and c.id = i.customer_id
 where i.org_id = $1 and i.customer_id = $2 and i.status <> 'draft' and i.status = 'open' and i.open_amount > 0`;

interface PageRow {
  id: string;
  number: string;
  erp_id: string | null;
  customer_id: string;
  customer_name: string;
  account_number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  po_number: string | null;
  status: string;
  payment_status: string;
  total: string;
  open_amount: string;
  days_overdue: number;
}

function sessionToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

function problem(res: http.ServerResponse, status: number, code: string) {
  res
    .writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8' })
    .end(JSON.stringify({ type: 'about:blank', status, code }));
}

async function invoices(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const token = sessionToken(req.headers.cookie);
  const principal =
    token && token.length < 100
      ? ((
          await pool.query<{ org_id: string | null; account_id: string | null }>({
            name: 'saldo_principal',
            text: principalSql,
            values: [createHash('sha256').update(token, 'utf8').digest()],
          })
        ).rows[0] ?? null)
      : null;
  if (!principal) return problem(res, 401, 'unauthenticated');
  if (!principal.org_id || !principal.account_id) return problem(res, 403, 'forbidden');
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('pageSize')) || 25));
  const [rows, count] = await Promise.all([
    pool.query<PageRow>({
      text: pageSql,
      values: [principal.org_id, principal.account_id, pageSize, (page - 1) * pageSize],
      types,
    }),
    pool.query<{ n: number }>(countSql, [principal.org_id, principal.account_id]),
  ]);
  const items = rows.rows.map((r) => ({
    id: r.id,
    number: r.number,
    erpId: r.erp_id,
    customer: { id: r.customer_id, name: r.customer_name, accountNumber: r.account_number },
    issueDate: r.issue_date,
    dueDate: r.due_date,
    currency: r.currency.trim(),
    poNumber: r.po_number,
    status: r.status,
    paymentStatus: r.payment_status,
    overdue: r.days_overdue > 0,
    daysOverdue: r.days_overdue,
    total: Number(r.total),
    openAmount: Number(r.open_amount),
  }));
  res
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ items, total: count.rows[0]!.n, page, pageSize }));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/api/v1/portal/invoices') {
    invoices(req, res, url).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"status":500}');
    });
  } else if (req.method === 'GET' && url.pathname === '/healthz') {
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
