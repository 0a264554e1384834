import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from './outbox.api';

const colors: Record<OutboxStatus, string> = { queued: 'blue', sent: 'teal', failed: 'red' };

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation(['outbox', 'common']);
  return (
    <Badge color={colors[status]} variant="light" radius="sm" tt="none" fw={600} miw="max-content">
      {t(`status.${status}`)}
    </Badge>
  );
}
