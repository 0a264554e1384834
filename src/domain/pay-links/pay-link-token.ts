import { createHmac } from 'node:crypto';
import { hashToken } from '../shared/tokens.ts';

/**
 * A pay link's token: 256 bits derived from the instance key and the link's id, never stored.
 * Saldo keeps only its SHA-256 (pay_links.token_hash), so the database alone opens no link;
 * deriving it lets the ERP check the same order again and get the same address back.
 */
export function payLinkToken(secretKey: Buffer, orgId: string, linkId: string): string {
  return createHmac('sha256', secretKey).update(`pay-link\0${orgId}\0${linkId}`).digest('base64url');
}

/** What the link is found by. A token of another shape is no link at all. */
export function payLinkTokenHash(token: string): Buffer | null {
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}
