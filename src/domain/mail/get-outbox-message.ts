import type { Database } from '../../db/client.ts';
import { findMailMessage } from './mail-messages.repository.ts';
import { type OutboxMessage, toOutboxMessage } from './outbox-views.ts';

/** A pay link's token (`/pay/<43 characters>`): whoever holds it sees and pays the documents. */
const PAY_LINK_TOKEN = /(\/pay\/)[A-Za-z0-9_-]{16,}/g;

/** A body as staff read it: every pay link's token hidden, the rest as it was sent. */
export function hidePayLinkTokens(body: string | null): string | null {
  return body === null ? null : body.replace(PAY_LINK_TOKEN, '$1…');
}

/**
 * One message of the org's outbox, or undefined when the org may not see it (see list-outbox.ts).
 * The body of a sensitive message (an invitation: its link opens a login) is withheld: staff see
 * who it went to, its subject and its delivery, never its link. In the other messages (invoice
 * delivery, reminders, the weekly collection, statements) staff read a copy of what was sent with
 * the pay links' tokens hidden: a pay link opens and pays the documents without signing in, so it is
 * the recipient's alone (the operator's `saldo mail show` reads the message whole).
 */
export async function getOutboxMessage(
  deps: { db: Database },
  input: { orgId: string; id: string },
): Promise<OutboxMessage | undefined> {
  const message = await findMailMessage(deps.db, input.id, { orgId: input.orgId });
  if (!message) return undefined;
  const view = toOutboxMessage(message, message.sensitive);
  return { ...view, text: hidePayLinkTokens(view.text), html: hidePayLinkTokens(view.html) };
}
