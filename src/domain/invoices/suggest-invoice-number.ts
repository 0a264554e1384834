import type { Database } from '../../db/client.ts';

/**
 * The number after `number` in its own series: its last run of digits plus one, as wide as before
 * or wider when it overflows ("F-0999" → "F-1000", "A-99" → "A-100", "2026/17B" → "2026/18B");
 * null when it holds no digit.
 */
export function followingNumber(number: string): string | null {
  const match = /(\d+)(\D*)$/.exec(number);
  if (!match) return null;
  const digits = match[1]!;
  const next = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  return number.slice(0, match.index) + next + match[2]!;
}

/** How many numbers past the latest one are tried before giving up on a suggestion. */
const TRIES = 50;

/** The numbers after `number` in its series, nearest first: where a suggestion is looked for. */
export function numbersAfter(number: string, count = TRIES): string[] {
  const out: string[] = [];
  let current = followingNumber(number);
  while (current !== null && out.length < count) {
    out.push(current);
    current = followingNumber(current);
  }
  return out;
}

/**
 * The number a new invoice typed in the console would most likely get next in the seller's own
 * numbering — the series of the invoice created last (imported from the ERP or typed here), one
 * further, skipping numbers already taken. Saldo does not number invoices itself (the ERP does),
 * so this is a suggestion: null when the seller has no invoice with a number to follow.
 */
export async function suggestInvoiceNumber(
  deps: { db: Database },
  input: { orgId: string },
): Promise<string | null> {
  const latest = await deps.db
    .selectFrom('invoices')
    .select('number')
    .where('org_id', '=', input.orgId)
    .where('number', '~', '\\d')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const candidates = numbersAfter(latest.number);
  if (candidates.length === 0) return null;
  const taken = new Set(
    (
      await deps.db
        .selectFrom('invoices')
        .select('number')
        .where('org_id', '=', input.orgId)
        .where('number', 'in', candidates)
        .execute()
    ).map((r) => r.number),
  );
  return candidates.find((c) => !taken.has(c)) ?? null;
}
