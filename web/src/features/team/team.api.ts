import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { CustomerRole, Role, StaffRole } from '../../app/api/types';

export interface Member<R extends Role = Role> {
  userId: string;
  email: string;
  name: string;
  role: R;
}

export interface PendingInvitation<R extends Role = Role> {
  id: string;
  email: string;
  role: R;
  expiresAt: string;
  createdAt: string;
}

export interface CreatedInvitation<R extends Role = Role> {
  id: string;
  email: string;
  role: R;
  expiresAt: string;
}

export interface ConsoleTeam {
  items: Member<StaffRole>[];
  invitations: PendingInvitation<StaffRole>[];
}

export interface PortalAccount {
  id: string;
  accountNumber: string;
  name: string;
  orgName: string;
  users: Member<CustomerRole>[];
  invitations: PendingInvitation<CustomerRole>[];
}

const consoleTeamKey = ['console', 'team'] as const;
const portalAccountKey = ['portal', 'account'] as const;

export function useConsoleTeam() {
  return useQuery({
    queryKey: consoleTeamKey,
    queryFn: () => apiRequest<ConsoleTeam>('GET', '/api/v1/console/team'),
  });
}

export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: StaffRole }) =>
      apiRequest<CreatedInvitation<StaffRole>>('POST', '/api/v1/console/invitations', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consoleTeamKey });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
}

export function usePortalAccount() {
  return useQuery({
    queryKey: portalAccountKey,
    queryFn: () => apiRequest<PortalAccount>('GET', '/api/v1/portal/account'),
  });
}

export function useInviteAccountUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: CustomerRole }) =>
      apiRequest<CreatedInvitation<CustomerRole>>('POST', '/api/v1/portal/invitations', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalAccountKey }),
  });
}
