import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { payLinkTokenHash } from './pay-link-token.ts';
import { findPayLink, type PayLink } from './pay-links.repository.ts';

/**
 * The link a token opens, as its holder may see it: what is being paid, to whom, how much, and
 * where it stands. The token is the only authority; an unknown or altered one is
 * `pay_link_not_found`, an expired or cancelled link says so (410). A paid link still opens, for
 * its receipt.
 */
export async function openPayLink(deps: { db: Database }, input: { token: string }): Promise<PayLink> {
  const hash = payLinkTokenHash(input.token);
  const link = hash ? await findPayLink(deps.db, { tokenHash: hash }) : undefined;
  if (!link) throw new AppError('pay_link_not_found');
  if (link.state === 'expired') throw new AppError('pay_link_expired');
  if (link.state === 'cancelled') throw new AppError('pay_link_cancelled');
  return link;
}
