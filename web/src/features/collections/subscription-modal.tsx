import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useCustomerCollection, useSetSubscription } from './collections.api';

/**
 * The subscription window: who will receive the weekly e-mail, and "Confirm"; when nobody can,
 * why (no contact with an e-mail that receives reminders). A subscribed customer can be turned off.
 */
export function SubscriptionModal({
  customerId,
  customerName,
  opened,
  onClose,
}: {
  customerId: string;
  customerName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('collections');
  const format = useFormatters();
  const state = useCustomerCollection(customerId, opened);
  const save = useSetSubscription(customerId);
  const data = state.data;
  const subscribed = data?.subscribed ?? false;
  const change = (value: boolean) => save.mutate(value, { onSuccess: onClose });
  return (
    <Modal opened={opened} onClose={onClose} title={t('subscription.title', { name: customerName })} centered>
      <Stack gap="sm">
        {state.error ? <ProblemAlert error={state.error} /> : null}
        {data && (
          <>
            <Text size="sm" fw={600} c={subscribed ? 'teal.8' : 'dimmed'}>
              {subscribed ? t('subscription.on') : t('subscription.offState')}
              {subscribed && data.subscribedAt
                ? ` · ${t('subscription.since', { when: format.dateTime(String(data.subscribedAt)) })}`
                : ''}
            </Text>
            {data.blockedReason === 'no_recipients' ? (
              <Alert
                color="yellow"
                variant="light"
                icon={<IconInfoCircle size={18} aria-hidden />}
                data-testid="no-recipients"
              >
                {t('subscription.noRecipients')}
              </Alert>
            ) : (
              <>
                <Text size="sm">{t('subscription.recipients')}</Text>
                <List size="sm" data-testid="collection-recipients">
                  {data.recipients.map((r) => (
                    <List.Item key={r.contactId}>
                      {r.name ? `${r.name} · ` : ''}
                      {r.email}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {subscribed && (
              <Text size="sm" c="dimmed">
                {t('subscription.turnOffText')}
              </Text>
            )}
          </>
        )}
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('subscription.cancel')}
          </Button>
          {subscribed ? (
            <Button color="red" variant="light" loading={save.isPending} onClick={() => change(false)}>
              {t('subscription.turnOff')}
            </Button>
          ) : (
            <Button
              loading={save.isPending}
              disabled={!data || data.blockedReason !== null}
              onClick={() => change(true)}
            >
              {t('subscription.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
