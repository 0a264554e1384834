import type { CustomerRole, StaffRole } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export const INVITATION_TTL_DAYS = 7;

export type InvitationTarget =
  | { kind: 'staff'; role: StaffRole }
  | { kind: 'customer'; role: CustomerRole; accountId: string };

/** An invitation as its link finds it, with the names of the place it invites to. */
export interface Invitation {
  orgId: string;
  id: string;
  email: string;
  kind: 'staff' | 'customer';
  role: string;
  accountId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  orgName: string;
  accountName: string | null;
}

/** A link works once, until it expires, unless a newer invitation to the same place replaced it. */
export function assertInvitationUsable(invitation: Invitation | undefined): asserts invitation is Invitation {
  if (!invitation || invitation.revokedAt) throw new AppError('token_invalid');
  if (invitation.acceptedAt) throw new AppError('token_used');
  if (invitation.expiresAt <= new Date()) throw new AppError('token_expired');
}
