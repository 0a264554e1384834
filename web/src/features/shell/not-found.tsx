import { Button, EmptyState, Paper } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { CenteredLayout } from './centered-layout';

export function NotFoundContent() {
  const { t } = useTranslation(['shell', 'common']);
  usePageTitle(t('notFound.title'));
  return (
    <EmptyState icon={<IconCompass size={28} stroke={1.5} aria-hidden />} variant="light" py="xl">
      <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
      <EmptyState.Description>{t('notFound.text')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('common:actions.goHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <CenteredLayout>
      <Paper withBorder shadow="sm" p="xl">
        <NotFoundContent />
      </Paper>
    </CenteredLayout>
  );
}
