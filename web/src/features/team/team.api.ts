import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { CustomerRole, Role, StaffRole } from '../../app/api/types';
import type {
  ConsoleTeam as ConsoleTeamWire,
  PortalAccount as PortalAccountWire,
  StaffInvitationCreated,
} from '../../app/api/wire';
import { queryKeys, useInvalidate } from '../../app/query-keys';

// The server's schema types a role as a string; the web narrows it to the audience's roles.
type WithRole<T, R extends Role> = Omit<T, 'role'> & { role: R };

export type Member<R extends Role = Role> = WithRole<ConsoleTeamWire['items'][number], R>;
export type PendingInvitation<R extends Role = Role> = WithRole<ConsoleTeamWire['invitations'][number], R>;

export interface ConsoleTeam {
  items: Member<StaffRole>[];
  invitations: PendingInvitation<StaffRole>[];
}

export type CreatedInvitation<R extends Role = Role> = WithRole<StaffInvitationCreated, R>;

export type PortalAccount = Omit<PortalAccountWire, 'users' | 'invitations'> & {
  users: Member<CustomerRole>[];
  invitations: PendingInvitation<CustomerRole>[];
};

export function useConsoleTeam() {
  return useQuery({
    queryKey: queryKeys.team,
    queryFn: () => apiRequest<ConsoleTeam>('GET', '/api/v1/console/team'),
  });
}

export function useInviteStaff() {
  const invalidate = useInvalidate('staffInvitation');
  return useMutation({
    mutationFn: (body: { email: string; role: StaffRole }) =>
      apiRequest<CreatedInvitation<StaffRole>>('POST', '/api/v1/console/invitations', body),
    onSuccess: invalidate,
  });
}

export function usePortalAccount() {
  return useQuery({
    queryKey: queryKeys.portalAccount,
    queryFn: () => apiRequest<PortalAccount>('GET', '/api/v1/portal/account'),
  });
}

export function useInviteAccountUser() {
  const invalidate = useInvalidate('accountInvitation');
  return useMutation({
    mutationFn: (body: { email: string; role: CustomerRole }) =>
      apiRequest<CreatedInvitation<CustomerRole>>('POST', '/api/v1/portal/invitations', body),
    onSuccess: invalidate,
  });
}
