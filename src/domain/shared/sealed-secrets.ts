import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (a seller's processor API key, its webhook signing secret): AES-256-GCM under
 * the instance key (SALDO_SECRET_KEY, or the key file in the data directory), as
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. The seller's id is the additional authenticated data,
 * so a sealed value copied into another seller's row does not open. Never logged, never sent
 * back: screens show the last four characters only.
 */
const VERSION = 'v1';

export function sealSecret(key: Buffer, orgId: string, plain: string): string {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(orgId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens a sealed value; throws when the key, the seller or the value does not match. */
export function openSecret(key: Buffer, orgId: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(orgId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A secret derived from the instance key for one purpose and seller (the sandbox processor's
 * webhook signing secret): stable across restarts, never stored, different per seller.
 */
export function derivedSecret(key: Buffer, purpose: string, orgId: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${orgId}`).digest('base64url');
}
