import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

/** argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane). */
const options = {
  algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Passwords people pick first; refusing them costs nothing and stops the easiest guesses. */
const common = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'password123',
  'password1234',
  'contraseña1',
  'contrasena123',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou123',
  'administrator',
  'admin12345',
  'welcome123',
  'bienvenido1',
  'abcdefghij',
  'aaaaaaaaaa',
  '1111111111',
  'passw0rd123',
  'letmein1234',
  'saldo12345',
  'changeme123',
]);

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs what a real check costs (no timing oracle). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

/** Throws weak_password naming the rule a new password breaks. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new AppError('weak_password', { min: PASSWORD_MIN, reason: 'too_short' });
  if (length > PASSWORD_MAX) throw new AppError('weak_password', { max: PASSWORD_MAX, reason: 'too_long' });
  const lower = password.toLowerCase();
  if (common.has(lower) || new Set(lower).size <= 2)
    throw new AppError('weak_password', { reason: 'too_common' });
  const local = email.split('@')[0] ?? '';
  if (lower.includes(email) || (local.length >= 4 && lower.includes(local))) {
    throw new AppError('weak_password', { reason: 'contains_email' });
  }
}
