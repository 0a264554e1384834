import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import classes from './kit.module.css';

/** "1–25 of 240" and the page links under a server-paginated table. */
export function PageFooter({
  data,
  onPage,
  label,
}: {
  data: Page<unknown> | undefined;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation('kit');
  const format = useFormatters();
  if (!data || data.total === 0) return null;
  const totalPages = Math.max(1, Math.ceil(data.total / (data.pageSize || 25)));
  const pastEnd = data.items.length === 0;
  return (
    <Group justify="space-between" p="md" gap="sm" className={classes.footer}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {pastEnd
          ? t('table.total', { total: format.number(data.total) })
          : t('table.range', {
              from: format.number((data.page - 1) * data.pageSize + 1),
              to: format.number((data.page - 1) * data.pageSize + data.items.length),
              total: format.number(data.total),
            })}
      </Text>
      {totalPages > 1 && (
        <Pagination
          component="nav"
          aria-label={label}
          total={totalPages}
          value={Math.min(data.page, totalPages)}
          onChange={onPage}
          size="sm"
          getItemProps={(item) => ({ 'aria-label': t('table.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`table.controls.${control}`) })}
        />
      )}
    </Group>
  );
}
