import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type AutopayTarget, useChangeAutopay } from './autopay.api';

export type AutopayAction = 'pause' | 'resume' | 'cancel';

/** "Pause autopay?", "Resume autopay?", "Cancel autopay?": what it does, then the change. */
export function AutopayConfirm({
  target,
  action,
  onClose,
}: {
  target: AutopayTarget;
  action: AutopayAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('autopay');
  const change = useChangeAutopay(target);
  const close = () => {
    change.reset();
    onClose();
  };
  const done = { pause: 'done.paused', resume: 'done.resumed', cancel: 'done.cancelled' } as const;
  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={action ? t(`confirm.${action}Title`) : ''}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      {action && (
        <Stack gap="md">
          <Text size="sm">{t(`confirm.${action}Text`)}</Text>
          {change.error && <ProblemAlert error={change.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {action === 'cancel' ? t('confirm.keep') : t('confirm.back')}
            </Button>
            <Button
              color={action === 'cancel' ? 'red' : undefined}
              loading={change.isPending}
              onClick={() =>
                change.mutate(
                  { action },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t(done[action]) });
                      close();
                    },
                  },
                )
              }
            >
              {t(`confirm.${action}Confirm`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
