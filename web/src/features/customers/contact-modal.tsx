import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../app/api/types';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import {
  CONTACT_MESSAGES,
  type Contact,
  type ContactMessage,
  useDeleteContact,
  useSaveContact,
} from './customers.api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Add a contact to a customer, or edit (or remove) one. */
export function ContactModal({
  customerId,
  contact,
  opened,
  onClose,
  defaultLocale,
}: {
  customerId: string;
  /** null: a new contact. */
  contact: Contact | null;
  opened: boolean;
  onClose: () => void;
  defaultLocale: Locale;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const save = useSaveContact(customerId, contact?.id ?? null);
  const remove = useDeleteContact(customerId);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      name: '',
      email: '',
      phone: '',
      role: '',
      locale: defaultLocale as string,
      receives: ['invoices', 'statements', 'reminders', 'receipts'] as string[],
    },
    validate: {
      name: rules.required,
      email: (value: string) => (value.trim() && !EMAIL.test(value.trim()) ? rules.email(value) : null),
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens for a contact
  useEffect(() => {
    if (!opened) return;
    setConfirmRemove(false);
    form.setValues({
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      role: contact?.role ?? '',
      locale: contact?.locale ?? defaultLocale,
      receives: contact?.receives ?? ['invoices', 'statements', 'reminders', 'receipts'],
    });
    form.resetDirty();
  }, [opened, contact]);

  const close = () => {
    clearFormError();
    save.reset();
    remove.reset();
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    clearFormError();
    save.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        role: values.role.trim() || null,
        locale: values.locale as Locale,
        receives: values.receives as ContactMessage[],
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('contacts.saved', { name: values.name.trim() }) });
          close();
        },
        onError: handleError,
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={contact ? t('contacts.editTitle') : t('contacts.addTitle')}
      size="lg"
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {(formError || remove.error) && <ProblemAlert error={formError ?? remove.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('contacts.name')}
              required
              data-autofocus
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('contacts.role')}
              placeholder={t('contacts.rolePlaceholder')}
              key={form.key('role')}
              {...form.getInputProps('role')}
            />
            <TextInput
              label={t('contacts.email')}
              type="email"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('contacts.phone')}
              type="tel"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
            <Select
              label={t('contacts.locale')}
              allowDeselect={false}
              data={[
                { value: 'es', label: t('common:language.es') },
                { value: 'en', label: t('common:language.en') },
              ]}
              key={form.key('locale')}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('contacts.receives')}
            key={form.key('receives')}
            {...form.getInputProps('receives')}
          >
            <Group gap="lg" mt="xs">
              {CONTACT_MESSAGES.map((message) => (
                <Checkbox key={message} value={message} label={t(`contacts.messages.${message}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="space-between" gap="sm" mt="sm">
            {contact ? (
              <Button
                variant={confirmRemove ? 'filled' : 'subtle'}
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  confirmRemove
                    ? remove.mutate(contact.id, {
                        onSuccess: () => {
                          notifications.show({
                            color: 'teal',
                            message: t('contacts.removed', { name: contact.name }),
                          });
                          close();
                        },
                      })
                    : setConfirmRemove(true)
                }
              >
                {confirmRemove ? t('contacts.removeConfirm') : t('contacts.remove')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('contacts.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
