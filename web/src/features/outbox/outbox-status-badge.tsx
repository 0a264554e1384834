import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus, OutboxTransport } from './outbox.api';

/** What became of a message: queued, sent (to a mail server), captured (kept, not sent) or failed. */
export type OutboxDelivery = 'queued' | 'sent' | 'captured' | 'failed';

export function deliveryOf(status: OutboxStatus, transport: OutboxTransport): OutboxDelivery {
  return status === 'sent' && transport === 'capture' ? 'captured' : status;
}

const colors: Record<OutboxDelivery, string> = {
  queued: 'blue',
  sent: 'teal',
  captured: 'gray',
  failed: 'red',
};

export function OutboxStatusBadge({
  status,
  transport,
}: {
  status: OutboxStatus;
  transport: OutboxTransport;
}) {
  const { t } = useTranslation(['outbox', 'common']);
  const delivery = deliveryOf(status, transport);
  return (
    <Badge color={colors[delivery]} variant="light" radius="sm" tt="none" fw={600} miw="max-content">
      {t(`status.${delivery}`)}
    </Badge>
  );
}

/**
 * A template's name in the reader's language: the Outbox's own short names, else the template
 * editor's (every mail template has one there), else its key.
 */
export function useTemplateName() {
  const { t } = useTranslation(['outbox', 'mailTemplates', 'common']);
  return (template: string) =>
    t(`templates.${template}`, {
      defaultValue: t(`mailTemplates:keys.${template}`, { defaultValue: template }),
    });
}
