/** E-mail identities are compared case-insensitively: Saldo stores them trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
