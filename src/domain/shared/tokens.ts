import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for a link, session or key: 32 random bytes, URL-safe. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we keep of a token: its SHA-256. Tokens are 256-bit random, so a fast hash is enough
 * (no dictionary to attack) and lets every request find its session by index.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
