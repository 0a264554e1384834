import { Anchor, Box, Button, EmptyState, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFlag, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { ListPagination } from '../../shared/ui/list-pagination';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import { type ImportReview, useCorrectReview, useImportReviews, useResolveReview } from './imports.api';

/** Aging differences Saldo can correct itself: the ERP shows less open (paid in the ERP). */
const CORRECTABLE = ['open_amount_differs', 'open_in_saldo_only'];

const PAGE_SIZE = 25;
const STATUSES = ['open', 'resolved', 'dismissed'] as const;
type ReviewStatus = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is ReviewStatus =>
  value !== null && (STATUSES as readonly string[]).includes(value);

/** Where a flagged document lives in the console, when it has a page. */
function documentPath(review: ImportReview): string | null {
  if (!review.documentId) return null;
  if (review.kind === 'invoice') return `/console/invoices/${review.documentId}`;
  if (review.kind === 'credit_memo') return `/console/credits/${review.documentId}`;
  if (review.kind === 'payment') return `/console/payments/${review.documentId}`;
  return null;
}

/** Documents imports did not apply because a person must look at them, with resolve and dismiss. */
export function ImportReviewsPage() {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormatters();
  const { role } = useStaffContext();
  usePageTitle(t('reviews.title'));
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as ReviewStatus) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const reviews = useImportReviews({ status, page });
  const resolve = useResolveReview();
  const correct = useCorrectReview();
  const data = reviews.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const canWrite = canWriteAr(role) && status === 'open';

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const close = (review: ImportReview, resolution: 'resolved' | 'dismissed') =>
    resolve.mutate(
      { id: review.id, resolution },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('reviews.done') }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  const correctIn = (review: ImportReview) =>
    correct.mutate(
      { id: review.id },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('reviews.corrected') }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <>
      <BackLink to="/console/imports">{t('reviews.back')}</BackLink>
      <PageHeader title={t('reviews.title')} description={t('reviews.description')} />
      <Paper withBorder>
        <Group p="md">
          <SegmentedControl
            aria-label={t('reviews.statusFilter')}
            data={STATUSES.map((s) => ({ value: s, label: t(`reviews.${s}`) }))}
            value={status}
            onChange={(value) => setParam('status', value === 'open' ? undefined : value)}
          />
        </Group>
        {reviews.isError && !data ? (
          <Box px="md" pb="md">
            <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
          </Box>
        ) : data && data.reviews.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconFlag size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={t('reviews.emptyTitle')}
            description={t('reviews.emptyText')}
          />
        ) : (
          <TableScroll minWidth={820} stack>
            <Table aria-label={t('reviews.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reviews.document')}</Table.Th>
                  <Table.Th>{t('reviews.when')}</Table.Th>
                  <Table.Th>{t('reviews.reasonColumn')}</Table.Th>
                  <Table.Th>{t('reviews.import')}</Table.Th>
                  {canWrite && <Table.Th>{t('reviews.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data ? (
                  data.reviews.map((r) => {
                    const name = `${t(`reviews.kind.${r.kind}`)} ${r.erpId ?? ''}`.trim();
                    const path = documentPath(r);
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td data-primary>
                          {path ? (
                            <Anchor component={Link} to={path} size="sm" fw={500}>
                              {name}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={500}>
                              {name}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td fz="sm" data-label={t('reviews.when')}>
                          {format.dateTime(String(r.createdAt))}
                        </Table.Td>
                        <Table.Td fz="sm" data-label={t('reviews.reasonColumn')}>
                          {r.message}
                        </Table.Td>
                        <Table.Td fz="sm" data-label={t('reviews.import')}>
                          <Anchor component={Link} to={`/console/imports/${r.importId}`} size="sm">
                            {t('reviews.import')}
                          </Anchor>
                        </Table.Td>
                        {canWrite && (
                          <Table.Td data-label={t('reviews.actions')}>
                            <Group gap="xs" wrap="wrap">
                              {r.kind === 'aging' && CORRECTABLE.includes(r.reason) && (
                                <Button
                                  size="compact-sm"
                                  leftSection={<IconCheck size={14} aria-hidden />}
                                  aria-label={t('reviews.correctLabel', { document: name })}
                                  onClick={() => correctIn(r)}
                                  loading={correct.isPending && correct.variables?.id === r.id}
                                >
                                  {t('reviews.correct')}
                                </Button>
                              )}
                              <Button
                                size="compact-sm"
                                variant="light"
                                leftSection={<IconCheck size={14} aria-hidden />}
                                aria-label={t('reviews.resolveLabel', { document: name })}
                                onClick={() => close(r, 'resolved')}
                                loading={resolve.isPending && resolve.variables?.id === r.id}
                              >
                                {t('reviews.resolve')}
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="default"
                                leftSection={<IconX size={14} aria-hidden />}
                                aria-label={t('reviews.dismissLabel', { document: name })}
                                onClick={() => close(r, 'dismissed')}
                              >
                                {t('reviews.dismiss')}
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })
                ) : (
                  <SkeletonRows rows={3} cols={4} />
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <ListPagination
          totalPages={totalPages}
          page={page}
          onPage={(target) => setParam('page', target > 1 ? String(target) : undefined)}
          label={t('reviews.pagination')}
        />
      </Paper>
    </>
  );
}
