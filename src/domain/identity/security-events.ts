import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../shared/ids.ts';

export type SecurityEventType =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'sign_out'
  | 'password_reset_requested'
  | 'password_reset'
  | 'invitation_accepted'
  | 'locale_changed';

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

/** Events about a login itself (not about one seller's data), for the user's own security history. */
export async function recordSecurityEvent(
  db: Kysely<DB> | Transaction<DB>,
  event: {
    type: SecurityEventType;
    userId: string | null;
    email?: string | null;
    client: ClientInfo;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('security_events')
    .values({
      id: newId(),
      user_id: event.userId,
      email: event.email ?? null,
      type: event.type,
      ip: event.client.ip ?? null,
      user_agent: event.client.userAgent?.slice(0, 500) ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}
