import { Alert, Button, Group } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client';

/** A failed request, in the server's own (translated) words. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text =
    error instanceof ApiError ? error.problem.detail || error.problem.title : t('errors.unexpected');
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={20} aria-hidden />} role="alert">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <span>{text}</span>
        {onRetry && (
          <Button size="compact-sm" variant="white" color="red" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
