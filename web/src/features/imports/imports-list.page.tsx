import { Anchor, Box, Button, EmptyState, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconFileImport, IconFlag, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { ListPagination } from '../../shared/ui/list-pagination';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import { ImportStatusBadge } from './import-status-badge';
import { IMPORT_KINDS, type ImportKind, useImports } from './imports.api';

const PAGE_SIZE = 25;
const isKind = (value: string | null): value is ImportKind =>
  value !== null && (IMPORT_KINDS as readonly string[]).includes(value);

/** Every import of the seller, newest first, whatever brought it (console, CLI, drop folder, API). */
export function ImportsListPage() {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormatters();
  const { orgName, role } = useStaffContext();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const imports = useImports({ kind, page });
  const data = imports.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const count = (n: number | undefined) => (n === undefined ? '—' : format.number(n));

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
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />
      <Group mt="-md" mb="lg" gap="sm">
        {canWriteAr(role) && (
          <Button component={Link} to="/console/imports/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('list.new')}
          </Button>
        )}
        <Button
          component={Link}
          to="/console/imports/reviews"
          variant="default"
          leftSection={<IconFlag size={16} aria-hidden />}
        >
          {t('list.reviews')}
        </Button>
      </Group>

      <Paper withBorder>
        <Group p="md" gap="sm" align="flex-end" role="group" aria-label={t('list.filters')}>
          <Select
            label={t('list.kindFilter')}
            data={[
              { value: '', label: t('list.allKinds') },
              ...IMPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
            value={kind ?? ''}
            onChange={(value) => setParam('kind', value || undefined)}
            allowDeselect={false}
            w={{ base: '100%', sm: 280 }}
          />
          {data && data.total > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" ml="auto">
              {t('list.range', {
                from: format.number((data.page - 1) * data.pageSize + 1),
                to: format.number(Math.min(data.page * data.pageSize, data.total)),
                total: format.number(data.total),
              })}
            </Text>
          )}
        </Group>

        {imports.isError && !data ? (
          <Box px="md" pb="md">
            <ProblemAlert error={imports.error} onRetry={() => void imports.refetch()} />
          </Box>
        ) : data && data.imports.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconFileImport size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={t('list.emptyTitle')}
            description={t('list.emptyText')}
          />
        ) : (
          <TableScroll minWidth={1000} stack>
            <Table highlightOnHover aria-label={t('list.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.when')}</Table.Th>
                  <Table.Th>{t('list.file')}</Table.Th>
                  <Table.Th>{t('list.kindColumn')}</Table.Th>
                  <Table.Th>{t('list.channelColumn')}</Table.Th>
                  <Table.Th>{t('list.who')}</Table.Th>
                  <Table.Th>{t('list.statusColumn')}</Table.Th>
                  <Table.Th ta="right">{t('list.created')}</Table.Th>
                  <Table.Th ta="right">{t('list.updated')}</Table.Th>
                  <Table.Th ta="right">{t('list.unchanged')}</Table.Th>
                  <Table.Th ta="right">{t('list.rejected')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data ? (
                  data.imports.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td data-primary>
                        <Anchor
                          component={Link}
                          to={`/console/imports/${r.id}`}
                          fw={500}
                          size="sm"
                          aria-label={t('list.open', {
                            when: format.dateTime(String(r.createdAt)),
                            file: r.fileName,
                          })}
                        >
                          {format.dateTime(String(r.createdAt))}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm" data-label={t('list.file')} style={{ wordBreak: 'break-all' }}>
                        {r.fileName}
                      </Table.Td>
                      <Table.Td fz="sm" data-label={t('list.kindColumn')}>
                        {t(`kind.${r.kind}`)}
                      </Table.Td>
                      <Table.Td fz="sm" data-label={t('list.channelColumn')}>
                        {t(`channel.${r.channel}`)}
                      </Table.Td>
                      <Table.Td fz="sm" c="dimmed" data-label={t('list.who')}>
                        {r.startedBy?.name ?? t('list.nobody')}
                      </Table.Td>
                      <Table.Td data-label={t('list.statusColumn')}>
                        <ImportStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.created')}>
                        {count(r.summary?.created)}
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.updated')}>
                        {count(r.summary?.updated)}
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.unchanged')}>
                        {count(r.summary?.unchanged)}
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.rejected')}>
                        {count(r.summary?.rejected)}
                      </Table.Td>
                    </Table.Tr>
                  ))
                ) : (
                  <SkeletonRows rows={4} cols={10} />
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}

        <ListPagination
          totalPages={totalPages}
          page={page}
          onPage={(target) => setParam('page', target > 1 ? String(target) : undefined)}
          label={t('list.pagination')}
        />
      </Paper>
    </>
  );
}
