import { Button, EmptyState, Paper } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';

/** A page the user's role does not open (shown in place, inside the console or portal). */
export function NoAccess({ home }: { home: string }) {
  const { t } = useTranslation(['shell', 'common']);
  usePageTitle(t('noAccess.title'));
  return (
    <Paper withBorder p="xl">
      <EmptyState icon={<IconLock size={28} stroke={1.5} aria-hidden />} variant="light">
        <EmptyState.Title order={1}>{t('noAccess.title')}</EmptyState.Title>
        <EmptyState.Description>{t('noAccess.text')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to={home} variant="default">
            {t('common:actions.goHome')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
