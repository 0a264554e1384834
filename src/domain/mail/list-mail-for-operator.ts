import type { Database } from '../../db/client.ts';
import { listMailMessages } from './mail-messages.repository.ts';
import { type OutboxListItem, toListItem } from './outbox-views.ts';

/**
 * The operator's mailbox (the `saldo mail` command, run on the server): every message, of every
 * seller and of none, with its body. Where mail is captured instead of sent, this is how the person
 * running Saldo reads a reset or an invitation link; no route of the API reaches it.
 */
export async function listMailForOperator(
  deps: { db: Database },
  input: { to?: string | undefined; limit: number },
): Promise<(OutboxListItem & { orgId: string | null })[]> {
  const limit = Math.min(Math.max(Math.trunc(input.limit) || 1, 1), 1000);
  const rows = await listMailMessages(deps.db, { to: input.to }, { limit });
  return rows.map((m) => ({ ...toListItem(m), orgId: m.orgId }));
}
