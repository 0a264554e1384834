import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { PortalSummary } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';

export type { PortalSummary };

export function usePortalSummary() {
  return useQuery({
    queryKey: queryKeys.portalSummary,
    queryFn: () => apiRequest<PortalSummary>('GET', '/api/v1/portal/summary'),
  });
}
