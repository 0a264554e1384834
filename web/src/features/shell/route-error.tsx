import { Button, EmptyState, Paper } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { CenteredLayout } from './centered-layout';

/** When rendering a page throws: say so plainly and offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  usePageTitle(t('errors.crashTitle'));
  return (
    <CenteredLayout>
      <Paper withBorder shadow="sm" p="xl">
        <EmptyState
          icon={<IconAlertTriangle size={28} stroke={1.5} aria-hidden />}
          variant="light"
          color="red"
        >
          <EmptyState.Title order={1}>{t('errors.crashTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('errors.crashText')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </CenteredLayout>
  );
}
