import { Anchor, Badge, Box, EmptyState, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { CustomerCell } from '../../shared/ui/customer-cell';
import { ListPagination } from '../../shared/ui/list-pagination';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { useInquiries } from './inquiries.api';

const PAGE_SIZE = 25;
const KINDS = ['all', 'question', 'dispute'] as const;

/**
 * The console's queue of questions and disputes: open first (those whose last word is the
 * customer's are waiting for an answer), then resolved; each opens its invoice, where the thread
 * is answered and resolved.
 */
export function InquiriesQueuePage() {
  const { t } = useTranslation('inquiries');
  const format = useFormatters();
  usePageTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const kindParam = params.get('kind');
  const kind = kindParam === 'question' || kindParam === 'dispute' ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const inquiries = useInquiries('console', { status, kind, page, pageSize: PAGE_SIZE });
  const data = inquiries.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
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
  return (
    <>
      <PageHeader title={t('queue.title')} description={t('queue.description')} />
      <Paper withBorder>
        <Group p="md" gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t('queue.status.open')}
            data={(['open', 'resolved'] as const).map((value) => ({
              value,
              label: t(`queue.status.${value}`),
            }))}
            value={status}
            onChange={(value) => setParam('status', value === 'open' ? undefined : value)}
          />
          <SegmentedControl
            aria-label={t('queue.what')}
            data={KINDS.map((value) => ({ value, label: t(`queue.kind.${value}`) }))}
            value={kind ?? 'all'}
            onChange={(value) => setParam('kind', value === 'all' ? undefined : value)}
          />
        </Group>
        {inquiries.isError && !data ? (
          <Box px="md" pb="md">
            <ProblemAlert error={inquiries.error} onRetry={() => void inquiries.refetch()} />
          </Box>
        ) : data && data.items.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconMessageQuestion size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={t('queue.emptyTitle')}
            description={t('queue.emptyText')}
          />
        ) : (
          <TableScroll minWidth={760} stack>
            <Table aria-label={t('queue.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queue.invoice')}</Table.Th>
                  <Table.Th>{t('queue.customer')}</Table.Th>
                  <Table.Th>{t('queue.what')}</Table.Th>
                  <Table.Th>{t('queue.updated')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data ? (
                  data.items.map((inquiry) => (
                    <Table.Tr key={inquiry.id}>
                      <Table.Td data-primary>
                        <Anchor
                          component={Link}
                          to={`/console/invoices/${inquiry.invoice.id}#inquiries`}
                          size="sm"
                          fw={600}
                          aria-label={t('queue.openLink', { number: inquiry.invoice.number })}
                        >
                          {inquiry.invoice.number}
                        </Anchor>
                      </Table.Td>
                      <CustomerCell customer={inquiry.customer} label={t('queue.customer')} />
                      <Table.Td fz="sm" data-label={t('queue.what')}>
                        {inquiry.kind === 'dispute'
                          ? t('thread.dispute', {
                              reason: t(`reason.${inquiry.reason ?? 'other'}`),
                              amount:
                                inquiry.disputedAmount === null
                                  ? t('thread.wholeAmount')
                                  : format.money(inquiry.disputedAmount, inquiry.currency),
                            })
                          : t('thread.question')}
                      </Table.Td>
                      <Table.Td fz="sm" data-label={t('queue.updated')}>
                        {format.dateTime(String(inquiry.updatedAt))}
                      </Table.Td>
                      <Table.Td data-label={t('queue.what')}>
                        {inquiry.status === 'open' ? (
                          <Badge
                            color={inquiry.lastAuthor === 'customer' ? 'orange' : 'blue'}
                            variant="light"
                            radius="sm"
                            tt="none"
                          >
                            {inquiry.lastAuthor === 'customer' ? t('queue.waiting') : t('queue.answered')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t(`resolution.${inquiry.resolution ?? 'answered'}`)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))
                ) : (
                  <SkeletonRows rows={3} cols={5} />
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <ListPagination
          totalPages={totalPages}
          page={page}
          onPage={(target) => setParam('page', target > 1 ? String(target) : undefined)}
          label={t('queue.title')}
        />
      </Paper>
    </>
  );
}
