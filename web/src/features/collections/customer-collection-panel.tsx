import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffContext } from '../../app/session';
import { CollectionSettingsModal } from './collection-settings-modal';
import { useCustomerCollection } from './collections.api';
import { SubscriptionModal } from './subscription-modal';

/** The customer detail's weekly collection: its mark, the subscription window and the settings. */
export function CustomerCollectionPanel({
  customerId,
  customerName,
  canChange,
}: {
  customerId: string;
  customerName: string;
  canChange: boolean;
}) {
  const { role } = useStaffContext();
  const canConfigure = role === 'owner' || role === 'admin';
  const { t } = useTranslation('collections');
  const state = useCustomerCollection(customerId);
  const [window, setWindow] = useState<'subscription' | 'settings' | null>(null);
  const subscribed = state.data?.subscribed ?? false;
  return (
    <Paper withBorder p="md" data-testid="customer-collection">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('panel.title')}
          </Title>
          <Badge color={subscribed ? 'teal' : 'gray'} variant="light" tt="none">
            {subscribed ? t('subscription.on') : t('subscription.offState')}
          </Badge>
        </Group>
        <Group gap="xs">
          {canChange && (
            <Button size="compact-md" variant="light" onClick={() => setWindow('subscription')}>
              {subscribed ? t('subscription.manage') : t('subscription.subscribe')}
            </Button>
          )}
          {canConfigure && (
            <Button size="compact-md" variant="subtle" onClick={() => setWindow('settings')}>
              {t('panel.settings')}
            </Button>
          )}
        </Group>
      </Group>
      {state.data && state.data.recipients.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          {state.data.recipients.map((r) => r.email).join(', ')}
        </Text>
      )}
      {window === 'subscription' && (
        <SubscriptionModal
          customerId={customerId}
          customerName={customerName}
          opened
          onClose={() => setWindow(null)}
        />
      )}
      {window === 'settings' && <CollectionSettingsModal opened onClose={() => setWindow(null)} />}
    </Paper>
  );
}
