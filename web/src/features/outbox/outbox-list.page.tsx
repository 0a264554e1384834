import {
  Anchor,
  Box,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInbox, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { OUTBOX_PAGE_SIZE, useOutbox } from './outbox.api';
import classes from './outbox.module.css';
import { OutboxStatusBadge, useTemplateName } from './outbox-status-badge';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function OutboxListPage() {
  const { t } = useTranslation(['outbox', 'common']);
  const format = useFormatters();
  const { orgName } = useStaffContext();
  const templateName = useTemplateName();
  usePageTitle(t('list.title'));

  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get('page'));
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);

  useEffect(() => {
    if (debounced === q) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  const outbox = useOutbox(page, q);
  const data = outbox.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || OUTBOX_PAGE_SIZE))) : 1;

  const goTo = (target: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (target > 1) next.set('page', String(target));
      else next.delete('page');
      return next;
    });

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />

      <Paper withBorder>
        <Group p="md" justify="space-between" gap="sm">
          <TextInput
            aria-label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 360 }}
          />
          {data && data.total > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('list.range', {
                from: format.number((data.page - 1) * data.pageSize + 1),
                to: format.number(Math.min(data.page * data.pageSize, data.total)),
                total: format.number(data.total),
              })}
            </Text>
          )}
        </Group>

        {outbox.isError && !data ? (
          <Box px="md" pb="md">
            <ProblemAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
          </Box>
        ) : data && data.items.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconInbox size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={q ? t('list.noMatchesTitle') : t('list.emptyTitle')}
            description={q ? t('list.noMatchesText', { q }) : t('list.emptyText')}
          />
        ) : (
          <Table.ScrollContainer minWidth={880}>
            <Table highlightOnHover opacity={outbox.isPlaceholderData ? 0.6 : 1}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={260}>{t('fields.subject')}</Table.Th>
                  <Table.Th>{t('fields.to')}</Table.Th>
                  <Table.Th>{t('fields.template')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('fields.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data
                  ? data.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/console/outbox/${item.id}`}
                            fw={500}
                            size="sm"
                            lineClamp={1}
                            title={item.subject}
                          >
                            {item.subject}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" truncate="end" maw={260} title={item.to}>
                            {item.to}
                          </Text>
                        </Table.Td>
                        <Table.Td className={classes.nowrap}>
                          <Text size="sm">{templateName(item.template)}</Text>
                        </Table.Td>
                        <Table.Td className={classes.nowrap}>
                          <OutboxStatusBadge status={item.status} transport={item.transport} />
                        </Table.Td>
                        <Table.Td ta="right" c="dimmed" fz="sm" className={classes.nowrap}>
                          {format.dateTime(item.createdAt)}
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : Array.from({ length: 6 }, (_, row) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                      <Table.Tr key={row}>
                        {Array.from({ length: 5 }, (_, cell) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells have no identity
                          <Table.Td key={cell}>
                            <Skeleton height={14} radius="sm" />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {totalPages > 1 && (
          <Group justify="flex-end" p="md" component="nav" aria-label={t('list.pagination')}>
            <Pagination
              total={totalPages}
              value={Math.min(page, totalPages)}
              onChange={goTo}
              size="sm"
              getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
              getControlProps={(control) => ({ 'aria-label': t(`list.controls.${control}`) })}
            />
          </Group>
        )}
      </Paper>
    </>
  );
}
