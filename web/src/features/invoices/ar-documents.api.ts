import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Page } from '../../app/api/types';
import { queryKeys, useInvalidate } from '../../app/query-keys';
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
  /** Its keys (app/query-keys.ts) and what changing it invalidates. */
  key: 'payments' | 'credits';
  /** Under /api/v1/{audience}/. */
  path: string;
  /** Under /api/v1/console/: where one application is unapplied. */
  applicationsPath: string;
  /** What is sent to unapply, from the reason typed (if any). */
  unapplyBody?: (body: { reason: string }) => object;
}) {
  const documentsPath = (audience: Audience) => `${apiBase(audience)}/${path}`;
  const keys = queryKeys[key];
  const change = key === 'payments' ? 'payment' : 'credit';
  const documentPath = (id: string) => `${documentsPath('console')}/${encodeURIComponent(id)}`;
  return {
    documentsPath,
    useList(audience: Audience, query: ArDocumentQuery) {
      return useQuery({
        queryKey: keys.list(audience, query),
        queryFn: () =>
          apiRequest<Page<Summary>>('GET', `${documentsPath(audience)}?${toSearchParams(query)}`),
        placeholderData: keepPreviousData,
      });
    },
    useDetail(id: string) {
      return useQuery({
        queryKey: keys.detail(id),
        queryFn: () => apiRequest<Detail>('GET', documentPath(id)),
      });
    },
    useCreate() {
      const invalidate = useInvalidate(change);
      return useMutation({
        mutationFn: ({ body, idempotencyKey }: { body: Body; idempotencyKey: string }) =>
          apiRequest<Detail>('POST', documentsPath('console'), body, { 'Idempotency-Key': idempotencyKey }),
        onSuccess: invalidate,
      });
    },
    useApply(id: string) {
      const invalidate = useInvalidate(change);
      return useMutation({
        mutationFn: (allocations: Allocation[]) =>
          apiRequest<Detail>('POST', `${documentPath(id)}/applications`, { allocations }),
        onSuccess: invalidate,
      });
    },
    useUnapply(applicationId: string | null) {
      const invalidate = useInvalidate(change);
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
