import type { Database } from '../../db/client.ts';
import { pageWindow } from '../shared/page-window.ts';
import { countMailMessages, listMailMessages } from './mail-messages.repository.ts';
import { type OutboxListItem, toListItem } from './outbox-views.ts';

export interface ListOutboxInput {
  orgId: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Matches anywhere in the recipient or the subject, case-insensitively. */
  q?: string | undefined;
}

/**
 * The org's outbox, newest first, one page at a time. What an org's staff may see: the messages
 * sent for that org, and nothing else. Messages sent for no org (password resets) belong to their
 * recipient alone and never appear in any seller's Outbox, even when the recipient is that
 * seller's staff or customer user: a link that opens a login must not reach anyone but its owner.
 */
export async function listOutbox(
  deps: { db: Database },
  input: ListOutboxInput,
): Promise<{ items: OutboxListItem[]; total: number }> {
  const { limit, offset } = pageWindow(input, 200);
  const filter = { orgId: input.orgId, q: input.q };
  const [rows, total] = await Promise.all([
    listMailMessages(deps.db, filter, { limit, offset }),
    countMailMessages(deps.db, filter),
  ]);
  return { items: rows.map(toListItem), total };
}
