import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback } from 'react';
import { ApiError, apiRequest, rememberSession } from './api/client';
import type { CustomerContext, Me, StaffContext } from './api/types';
import { meQueryKey } from './query-client';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('GET', '/api/v1/me');
    rememberSession(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberSession(null);
      return null;
    }
    throw error;
  }
}

/** Whether the last session ended because the user signed out (rather than expiring). */
let endedByUser = false;

export function sessionEndedByUser(): boolean {
  return endedByUser;
}

/** Who is signed in: `null` when nobody is, `undefined` while loading. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * Replaces the session after anything that changes it (sign-in, sign-out, accepting an
 * invitation, switching context). Everything cached belongs to the previous session or
 * context, so it is dropped rather than shown until refetched.
 */
/**
 * Queries that do not depend on who is signed in: the session itself and what a link shows. A
 * spent reset or invitation link must not be fetched again when its own answer signs the person in.
 */
const sessionIndependent = new Set([String(meQueryKey[0]), 'password-reset', 'invitation']);

export function useReplaceSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me | null, { signedOut = false }: { signedOut?: boolean } = {}) => {
      endedByUser = me === null && signedOut;
      rememberSession(me);
      queryClient.removeQueries({ predicate: (query) => !sessionIndependent.has(String(query.queryKey[0])) });
      queryClient.setQueryData(meQueryKey, me);
    },
    [queryClient],
  );
}

/**
 * The session that RequireSignedIn checked, passed down by context rather than read from the
 * cache: when the session ends, the cache changes first, and a page re-rendering for its own
 * reasons must not see "nobody" before its guard has redirected.
 */
export const SessionContext = createContext<Me | null>(null);

/** The signed-in session; only inside routes guarded by RequireSignedIn (or a SessionContext). */
export function useSession(): Me {
  const me = use(SessionContext);
  if (!me) throw new Error('useSession() used outside a signed-in route');
  return me;
}

/** The staff context; only inside console routes. */
export function useStaffContext(): StaffContext {
  const { context } = useSession();
  if (context?.kind !== 'staff') throw new Error('useStaffContext() used outside the console');
  return context;
}

/** The customer context; only inside portal routes. */
export function useCustomerContext(): CustomerContext {
  const { context } = useSession();
  if (context?.kind !== 'customer') throw new Error('useCustomerContext() used outside the portal');
  return context;
}
