import { type Kysely, sql, type Transaction } from 'kysely';
import { type Database, preparedQuery } from '../../db/client.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import { type Context, type Principal, resolveContext } from './contexts.ts';
import type { ClientInfo } from './security-events.ts';

/** A session ends after a week without use, and after 30 days in any case. */
export const SESSION_IDLE_DAYS = 7;
export const SESSION_MAX_DAYS = 30;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 15 * 60 * 1000;

export interface SessionPrincipal extends Principal {
  session: { tokenHash: Buffer; csrfToken: string; orgId: string | null; accountId: string | null };
}

export async function createSession(
  db: Kysely<DB> | Transaction<DB>,
  input: {
    userId: string;
    context?: { orgId: string; accountId?: string | null } | null;
    client: ClientInfo;
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken(24);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      org_id: input.context?.orgId ?? null,
      account_id: input.context?.accountId ?? null,
      csrf_token: csrfToken,
      ip: input.client.ip ?? null,
      user_agent: input.client.userAgent?.slice(0, 500) ?? null,
      expires_at: sql<Date>`now() + make_interval(days => ${SESSION_IDLE_DAYS})`,
    })
    .execute();
  return { token, csrfToken };
}

interface PrincipalRow {
  user_id: string;
  email: string;
  name: string;
  locale: Locale;
  org_id: string | null;
  account_id: string | null;
  csrf_token: string;
  last_seen_at: Date;
  contexts: Context[];
}

/**
 * The one query behind every signed-in request: the session, its user and every context the user
 * belongs to, as JSON, in a single round trip. The benchmark's baseline runs this same SQL.
 */
export const principalSql = `
  select s.user_id, u.email, u.name, u.locale, s.org_id, s.account_id, s.csrf_token, s.last_seen_at,
    coalesce((
      select json_agg(c order by c."orgName", c."accountName" nulls first) from (
        select 'staff' as kind, o.id as "orgId", o.name as "orgName", null::uuid as "accountId",
               null::text as "accountName", m.role
          from staff_memberships m join organizations o on o.id = m.org_id
         where m.user_id = s.user_id
        union all
        select 'customer', o.id, o.name, a.id, a.name, m.role
          from customer_memberships m
          join customer_accounts a on a.org_id = m.org_id and a.id = m.account_id
          join organizations o on o.id = m.org_id
         where m.user_id = s.user_id
      ) c
    ), '[]'::json) as contexts
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > now()`;

function toContext(raw: Context & { accountId?: string | null; accountName?: string | null }): Context {
  return raw.kind === 'staff'
    ? { kind: 'staff', orgId: raw.orgId, orgName: raw.orgName, role: raw.role }
    : raw;
}

/** Finds the live session for a cookie token; touches it (sliding expiry) at most every 15 minutes. */
export async function findSessionPrincipal(db: Database, token: string): Promise<SessionPrincipal | null> {
  const tokenHash = hashToken(token);
  const [row] = await preparedQuery<PrincipalRow>(db, 'saldo_principal', principalSql, [tokenHash]);
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await sql`
      update sessions set last_seen_at = now(),
        expires_at = least(created_at + make_interval(days => ${SESSION_MAX_DAYS}), now() + make_interval(days => ${SESSION_IDLE_DAYS}))
      where token_hash = ${tokenHash}`.execute(db);
  }
  const contexts = row.contexts.map(toContext);
  return {
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
    contexts,
    context: resolveContext(contexts, { orgId: row.org_id, accountId: row.account_id }),
    session: { tokenHash, csrfToken: row.csrf_token, orgId: row.org_id, accountId: row.account_id },
  };
}

export async function deleteSession(db: Database, tokenHash: Buffer): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function setSessionContext(
  db: Database,
  tokenHash: Buffer,
  context: { orgId: string; accountId: string | null },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ org_id: context.orgId, account_id: context.accountId })
    .where('token_hash', '=', tokenHash)
    .execute();
}
