import type { Database } from '../../db/client.ts';
import { findMailMessage, listMailMessages } from './mail-messages.repository.ts';
import { type OutboxMessage, toOutboxMessage } from './outbox-views.ts';

/** One message with its body for the operator (see list-mail-for-operator.ts): by id, or the newest one to an address. */
export async function readMailForOperator(
  deps: { db: Database },
  input: { id: string } | { latestTo: string },
): Promise<OutboxMessage | undefined> {
  if (!('id' in input) && !input.latestTo.trim()) return undefined;
  const message =
    'id' in input
      ? await findMailMessage(deps.db, input.id)
      : (await listMailMessages(deps.db, { to: input.latestTo }, { limit: 1 }))[0];
  return message ? toOutboxMessage(message, false) : undefined;
}
