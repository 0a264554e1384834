import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { isUuid } from '../shared/ids.ts';

/** How a customer's message stands: a failed one whose copy went to the next contact is `fallback`. */
export type CustomerMessageStatus = 'queued' | 'sent' | 'failed' | 'fallback';

export interface CustomerMessage {
  id: string;
  template: string;
  to: string;
  subject: string;
  status: CustomerMessageStatus;
  transport: 'smtp' | 'capture' | null;
  attempts: number;
  lastError: string | null;
  /** It carries a private link: its copy is for its recipient alone (staff see who, when, status). */
  sensitive: boolean;
  attachments: number;
  /** The message this one is the fallback copy of; the copy it was replaced by. */
  fallbackOf: string | null;
  fallbackTo: string | null;
  payLinkId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * A customer's activity of messages (mail_messages.customer_id, 0017): every e-mail sent to it or
 * about it, newest first, with its delivery status and whether a fallback copy replaced it.
 */
export async function listCustomerMessages(
  deps: { db: Database },
  input: { orgId: string; customerId: string; limit: number; offset: number },
): Promise<{ items: CustomerMessage[]; total: number }> {
  if (!isUuid(input.customerId)) return { items: [], total: 0 };
  const base = deps.db
    .selectFrom('mail_messages as m')
    .where('m.org_id', '=', input.orgId)
    .where('m.customer_id', '=', input.customerId);
  const [rows, count] = await Promise.all([
    base
      .select([
        'm.id',
        'm.template',
        'm.to_address',
        'm.subject',
        'm.status',
        'm.transport',
        'm.attempts',
        'm.last_error',
        'm.sensitive',
        'm.fallback_of',
        'm.pay_link_id',
        'm.created_at',
        'm.sent_at',
        sql<number>`(select count(*)::int from mail_attachments a where a.message_id = m.id)`.as(
          'attachments',
        ),
        sql<
          string | null
        >`(select f.to_address from mail_messages f where f.fallback_of = m.id order by f.created_at limit 1)`.as(
          'fallback_to',
        ),
      ])
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: r.id,
      template: r.template,
      to: r.to_address,
      subject: r.subject,
      status: r.status === 'failed' && r.fallback_to ? 'fallback' : r.status,
      transport: r.transport === 'smtp' || r.transport === 'capture' ? r.transport : null,
      attempts: r.attempts,
      lastError: r.last_error,
      sensitive: r.sensitive,
      attachments: r.attachments,
      fallbackOf: r.fallback_of,
      fallbackTo: r.fallback_to,
      payLinkId: r.pay_link_id ?? null,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
  };
}
