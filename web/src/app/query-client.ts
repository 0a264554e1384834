import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError, rememberSession } from './api/client';
import type { Me } from './api/types';

import { queryKeys } from './query-keys';

export const meQueryKey = queryKeys.me;

/** A request answered "unauthenticated" means the session ended: forget it so guards send the user to sign in. */
function onApiError(error: unknown): void {
  if (isApiError(error, 'unauthenticated') && queryClient.getQueryData<Me | null>(meQueryKey)) {
    rememberSession(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
