import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import type { Role } from '../../app/api/types';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../shared/ui/problem-alert';

interface InviteModalProps<R extends Role> {
  opened: boolean;
  onClose: () => void;
  title: string;
  description: string;
  roles: readonly R[];
  defaultRole: R;
  invite: UseMutationResult<{ delivery: 'email' | 'outbox' }, Error, { email: string; role: R }>;
}

/** Invite someone by e-mail with one of `roles`; Saldo e-mails them a link. */
export function InviteModal<R extends Role>({
  opened,
  onClose,
  title,
  description,
  roles,
  defaultRole,
  invite,
}: InviteModalProps<R>) {
  const { t } = useTranslation(['team', 'common']);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', role: defaultRole as string },
    validate: { email: rules.email, role: rules.required },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  const close = () => {
    form.reset();
    clearFormError();
    invite.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    clearFormError();
    const email = values.email.trim();
    invite.mutate(
      { email, role: values.role as R },
      {
        onSuccess: ({ delivery }) => {
          // Without a mail server the invitation is captured in the Outbox, not sent: say so.
          notifications.show(
            delivery === 'email'
              ? { color: 'teal', title: t('invite.sentTitle'), message: t('invite.sentText', { email }) }
              : { color: 'blue', title: t('invite.outboxTitle'), message: t('invite.outboxText', { email }) },
          );
          close();
        },
        onError: (error) => {
          // Already a member, or oneself: said at the e-mail, in the server's translated words.
          if (isApiError(error, 'already_member') || isApiError(error, 'cannot_invite_self'))
            form.setFieldError('email', error.problem.detail);
          else handleError(error);
        },
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {description}
          </Text>
          {formError && <ProblemAlert error={formError} />}
          <TextInput
            label={t('fields.email')}
            placeholder={t('invite.emailPlaceholder')}
            type="email"
            inputMode="email"
            autoComplete="off"
            data-autofocus
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <Radio.Group label={t('fields.role')} key={form.key('role')} {...form.getInputProps('role')}>
            <Stack gap="sm" mt="xs">
              {roles.map((role) => (
                <Radio
                  key={role}
                  value={role}
                  label={t(`common:roles.${role}`)}
                  description={t(`roleDescriptions.${role}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
