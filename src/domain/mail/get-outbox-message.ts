import type { Database } from '../../db/client.ts';
import { findMailMessage } from './mail-messages.repository.ts';
import { type OutboxMessage, toOutboxMessage } from './outbox-views.ts';

/**
 * One message of the org's outbox, or undefined when the org may not see it (see list-outbox.ts).
 * The body of a sensitive message (an invitation: its link opens a login) is withheld: staff see
 * who it went to, its subject and its delivery, never its link.
 */
export async function getOutboxMessage(
  deps: { db: Database },
  input: { orgId: string; id: string },
): Promise<OutboxMessage | undefined> {
  const message = await findMailMessage(deps.db, input.id, { orgId: input.orgId });
  return message ? toOutboxMessage(message, message.sensitive) : undefined;
}
