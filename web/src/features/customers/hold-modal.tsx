import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { PlaceHoldBody } from './customers.api';

/**
 * Putting a customer on credit hold: the reason is internal (the team and the audit log); the
 * message for the customer is optional and is what the portal shows (without one, the portal says
 * only that the account is on hold).
 */
export function HoldModal({
  opened,
  onClose,
  name,
  mutation,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  name: string;
  mutation: UseMutationResult<unknown, Error, PlaceHoldBody>;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '', customerMessage: '' },
    validate: { reason: rules.required },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const close = () => {
    form.reset();
    clearFormError();
    mutation.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    clearFormError();
    const customerMessage = values.customerMessage.trim();
    mutation.mutate(
      { reason: values.reason.trim(), ...(customerMessage ? { customerMessage } : {}) },
      {
        onSuccess: () => {
          close();
          onDone?.();
        },
        onError: handleError,
      },
    );
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('hold.placeTitle', { name })}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('hold.placeText')}
          </Text>
          {formError && <ProblemAlert error={formError} />}
          <Textarea
            label={t('hold.reasonLabel')}
            description={t('hold.reasonHelp')}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('hold.messageLabel')}
            description={t('hold.messageHelp')}
            placeholder={t('hold.messagePlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            key={form.key('customerMessage')}
            {...form.getInputProps('customerMessage')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('hold.place')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
