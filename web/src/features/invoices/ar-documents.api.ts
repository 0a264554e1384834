import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import { type Allocation, type Audience, apiBase } from './ar.types';
import { toSearchParams } from './invoices.api';

/** The filters every AR document list accepts. */
export interface ArDocumentQuery {
  customerId?: string;
  status?: string;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

/** After money moves, every AR list and balance may have changed. */
export function useInvalidateAr() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['invoices', 'payments', 'credits', 'customers', 'summary'])
      void queryClient.invalidateQueries({ queryKey: ['console', key] });
  };
}

/**
 * The hooks of one kind of AR document that holds money to apply (payments, credit memos):
 * list, detail, create (once per Idempotency-Key), apply to invoices and unapply one application.
 */
export function arDocumentHooks<Summary, Detail, Body>({
  key,
  path,
  applicationsPath,
  unapplyBody = (body) => body,
}: {
  /** Query key segment: ['console', key, …]. */
  key: string;
  /** Under /api/v1/{audience}/. */
  path: string;
  /** Under /api/v1/console/: where one application is unapplied. */
  applicationsPath: string;
  /** What is sent to unapply, from the reason typed (if any). */
  unapplyBody?: (body: { reason: string }) => object;
}) {
  const documentsPath = (audience: Audience) => `${apiBase(audience)}/${path}`;
  const documentPath = (id: string) => `${documentsPath('console')}/${encodeURIComponent(id)}`;
  return {
    documentsPath,
    useList(audience: Audience, query: ArDocumentQuery) {
      return useQuery({
        queryKey: [audience, key, 'list', query],
        queryFn: () =>
          apiRequest<Page<Summary>>('GET', `${documentsPath(audience)}?${toSearchParams(query)}`),
        placeholderData: keepPreviousData,
      });
    },
    useDetail(id: string) {
      return useQuery({
        queryKey: ['console', key, 'detail', id],
        queryFn: () => apiRequest<Detail>('GET', documentPath(id)),
      });
    },
    useCreate() {
      const invalidate = useInvalidateAr();
      return useMutation({
        mutationFn: ({ body, idempotencyKey }: { body: Body; idempotencyKey: string }) =>
          apiRequest<Detail>('POST', documentsPath('console'), body, { 'Idempotency-Key': idempotencyKey }),
        onSuccess: invalidate,
      });
    },
    useApply(id: string) {
      const invalidate = useInvalidateAr();
      return useMutation({
        mutationFn: (allocations: Allocation[]) =>
          apiRequest<Detail>('POST', `${documentPath(id)}/applications`, { allocations }),
        onSuccess: invalidate,
      });
    },
    useUnapply(applicationId: string | null) {
      const invalidate = useInvalidateAr();
      return useMutation({
        mutationFn: (body: { reason: string }) =>
          apiRequest<void>(
            'POST',
            `/api/v1/console/${applicationsPath}/${encodeURIComponent(applicationId ?? '')}/unapply`,
            unapplyBody(body),
          ),
        onSuccess: invalidate,
      });
    },
  };
}
