import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, apiRequest, apiSessionRequest, isApiError } from '../../app/api/client';
import { homePathFor, type Role } from '../../app/api/types';
import type { Invitation as InvitationWire } from '../../app/api/wire';
import i18n from '../../app/i18n';
import { queryKeys } from '../../app/query-keys';
import { useReplaceSession } from '../../app/session';

/** Why a link from an e-mail no longer works. */
export type TokenCode = 'token_invalid' | 'token_expired' | 'token_used';

export function tokenCodeOf(error: unknown): TokenCode | null {
  if (!(error instanceof ApiError) || error.status !== 410) return null;
  return error.code === 'token_expired' || error.code === 'token_used' ? error.code : 'token_invalid';
}

/** The server types the role as a string; it is one of the app's roles. */
export type Invitation = Omit<InvitationWire, 'role'> & { role: Role };

export function useSignIn() {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiSessionRequest('POST', '/api/v1/auth/sign-in', credentials),
    onSuccess: (me) => replaceSession(me),
  });
}

/** Signs out and, unless `stay`, goes to the sign-in page. An already-ended session counts as signed out. */
export function useSignOut({ stay = false }: { stay?: boolean } = {}) {
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiRequest<void>('POST', '/api/v1/auth/sign-out');
      } catch (error) {
        if (!isApiError(error, 'unauthenticated')) throw error;
      }
    },
    onSuccess: () => {
      if (!stay) navigate('/sign-in', { replace: true });
      replaceSession(null, { signedOut: true });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        message: error instanceof ApiError ? error.message : i18n.t('errors.unexpected'),
      }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      apiRequest<Record<string, never>>('POST', '/api/v1/auth/password-reset-requests', body),
  });
}

export function usePasswordReset(token: string) {
  return useQuery({
    queryKey: queryKeys.passwordReset(token),
    queryFn: () =>
      apiRequest<{ email: string }>('GET', `/api/v1/auth/password-resets/${encodeURIComponent(token)}`),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Sets the new password; the answer is a session, so the user goes straight in. */
export function useResetPassword(token: string) {
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { password: string }) =>
      apiSessionRequest('POST', `/api/v1/auth/password-resets/${encodeURIComponent(token)}`, body),
    onSuccess: (me) => {
      // Navigate in the same update as the new session: the spent link must not be shown again.
      navigate(homePathFor(me.context), { replace: true });
      replaceSession(me);
      notifications.show({ color: 'teal', message: i18n.t('auth:reset.done') });
    },
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => apiRequest<Invitation>('GET', `/api/v1/invitations/${encodeURIComponent(token)}`),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Accepts and signs in; then opens the place the invitation was for (the server makes it current). */
export function useAcceptInvitation(token: string, invitation: Invitation | undefined) {
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      apiSessionRequest('POST', `/api/v1/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: (me) => {
      navigate(homePathFor(me.context), { replace: true });
      replaceSession(me);
      if (invitation) {
        notifications.show({
          color: 'teal',
          message: i18n.t('auth:invitation.welcome', {
            place:
              invitation.kind === 'customer' && invitation.accountName
                ? invitation.accountName
                : invitation.orgName,
          }),
        });
      }
    },
  });
}
