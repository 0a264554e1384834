import { useTranslation } from 'react-i18next';
import { DocumentStatusTag } from '../../shared/ui/badges';
import type { DeliveryStatus } from './webhooks.api';

const colors: Record<DeliveryStatus, string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation('webhooks');
  return <DocumentStatusTag color={colors[status]}>{t(`status.${status}`)}</DocumentStatusTag>;
}

export function EndpointStatusBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('webhooks');
  return (
    <DocumentStatusTag color={enabled ? 'teal' : 'gray'}>
      {enabled ? t('endpoints.enabled') : t('endpoints.disabled')}
    </DocumentStatusTag>
  );
}
