import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from './problem-alert';

/** How a field of the dialog reads, where it differs from the default "Reason" field. */
export interface ReasonField {
  label?: string;
  description?: string;
  placeholder?: string;
}

/** A second, optional text sent beside the reason (a hold's message for the customer). */
export interface ReasonNote<Name extends string> extends ReasonField {
  name: Name;
}

/**
 * Asks why before an action that is kept in the record (void, reverse, unapply, hold). The reason
 * is sent trimmed; a `note`, when given and typed, is sent beside it under its own name.
 */
export function ReasonDialog<Body extends { reason: string } = { reason: string }>({
  opened,
  onClose,
  title,
  text,
  submitLabel,
  color = 'red',
  required = true,
  reason = {},
  note,
  mutation,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: ReactNode;
  submitLabel: string;
  color?: string;
  required?: boolean;
  reason?: ReasonField;
  note?: ReasonNote<Exclude<keyof Body & string, 'reason'>>;
  mutation: UseMutationResult<unknown, Error, Body>;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['kit', 'common']);
  // The note's field is named as the API names it, so a server error about it lands on it.
  const noteName: string = note?.name ?? 'note';
  const form = useForm<Record<string, string>>({
    mode: 'uncontrolled',
    initialValues: { reason: '', [noteName]: '' },
    validate: { reason: required ? rules.required : () => null },
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
    const noteText = (values[noteName] ?? '').trim();
    const body = {
      reason: (values.reason ?? '').trim(),
      ...(note && noteText ? { [noteName]: noteText } : {}),
    };
    mutation.mutate(body as Body, {
      onSuccess: () => {
        close();
        onDone?.();
      },
      onError: handleError,
    });
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {text}
          </Text>
          {formError && <ProblemAlert error={formError} />}
          <Textarea
            label={reason.label ?? t('reason.label')}
            description={reason.description}
            placeholder={reason.label ? reason.placeholder : t('reason.placeholder')}
            required={required}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          {note && (
            <Textarea
              label={note.label}
              description={note.description}
              placeholder={note.placeholder}
              autosize
              minRows={2}
              maxLength={500}
              key={form.key(noteName)}
              {...form.getInputProps(noteName)}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color={color} loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
