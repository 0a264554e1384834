import type { CustomerRole, Locale, StaffRole } from '../../db/schema.ts';

/** Where a signed-in person is working: as staff of a seller, or as a user of one customer account. */
export type Context =
  | { kind: 'staff'; orgId: string; orgName: string; role: StaffRole }
  | {
      kind: 'customer';
      orgId: string;
      orgName: string;
      accountId: string;
      accountName: string;
      role: CustomerRole;
    };

export interface Principal {
  user: { id: string; email: string; name: string; locale: Locale };
  /** Every seller and customer account the login belongs to. */
  contexts: Context[];
  /** The one chosen for this session (still a member), or the only one there is. */
  context: Context | null;
}

export function sameContext(
  a: Context,
  b: { kind: string; orgId: string; accountId?: string | null },
): boolean {
  if (a.kind !== b.kind || a.orgId !== b.orgId) return false;
  return a.kind === 'staff' || a.accountId === b.accountId;
}

/** The session's chosen context if the user still belongs to it; else the only context; else none. */
export function resolveContext(
  contexts: Context[],
  chosen: { orgId: string | null; accountId: string | null },
): Context | null {
  if (chosen.orgId) {
    const match = contexts.find((c) =>
      sameContext(c, {
        kind: chosen.accountId ? 'customer' : 'staff',
        orgId: chosen.orgId!,
        accountId: chosen.accountId,
      }),
    );
    if (match) return match;
  }
  return contexts.length === 1 ? contexts[0]! : null;
}
