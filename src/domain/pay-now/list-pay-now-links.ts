import type { Database } from '../../db/client.ts';
import { findPayLink, type PayLink } from '../pay-links/pay-links.repository.ts';
import { listPayNowLinkIds, messagesOfLinks, type PayNowMessage } from './pay-now.repository.ts';

export interface PayNowLink extends PayLink {
  messages: PayNowMessage[];
}

/**
 * The pay-now links sent to a customer or naming an invoice, newest first, each with its state
 * (open, processing, paid, expired, cancelled = revoked) and the messages that carried it. The
 * link's address is not here: only its recipients have it.
 */
export async function listPayNowLinks(
  deps: { db: Database },
  input: { orgId: string; customerId?: string; invoiceId?: string; limit?: number },
): Promise<PayNowLink[]> {
  const ids = await listPayNowLinkIds(deps.db, { ...input, limit: input.limit ?? 50 });
  const messages = await messagesOfLinks(deps.db, { orgId: input.orgId, linkIds: ids });
  const links = await Promise.all(ids.map((id) => findPayLink(deps.db, { orgId: input.orgId, id })));
  return links.flatMap((l) => (l ? [{ ...l, messages: messages.get(l.id) ?? [] }] : []));
}
