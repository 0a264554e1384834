import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import {
  type EndpointWithSecret,
  useCreateEndpoint,
  useUpdateEndpoint,
  type WebhookEndpoint,
  type WebhookEventType,
} from './webhooks.api';

interface FormValues {
  url: string;
  description: string;
  all: boolean;
  eventTypes: WebhookEventType[];
  enabled: boolean;
}

/** Add an endpoint (then its secret is shown once) or edit one. */
export function EndpointFormModal({
  opened,
  endpoint,
  eventTypes,
  onClose,
  onCreated,
}: {
  opened: boolean;
  /** Editing this one; absent: adding. */
  endpoint?: WebhookEndpoint | null;
  eventTypes: readonly WebhookEventType[];
  onClose: () => void;
  onCreated: (created: EndpointWithSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const mutation = endpoint ? update : create;
  const form = useForm<FormValues>({
    initialValues: {
      url: endpoint?.url ?? '',
      description: endpoint?.description ?? '',
      all: !endpoint?.eventTypes,
      eventTypes: (endpoint?.eventTypes ?? []) as WebhookEventType[],
      enabled: endpoint?.enabled ?? true,
    },
    validate: {
      url: (v) => (v.trim() ? null : t('form.urlHint')),
      eventTypes: (v, values) => (values.all || v.length > 0 ? null : t('form.eventsRequired')),
    },
  });

  const submit = form.onSubmit((values) => {
    const body = {
      url: values.url.trim(),
      description: values.description.trim(),
      eventTypes: values.all ? null : values.eventTypes,
      enabled: values.enabled,
    };
    if (endpoint) update.mutate({ id: endpoint.id, ...body }, { onSuccess: onClose });
    else
      create.mutate(body, {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
      });
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={endpoint ? t('form.editTitle') : t('form.addTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.isError && <ProblemAlert error={mutation.error} />}
          <TextInput
            label={t('form.url')}
            description={t('form.urlHint')}
            placeholder="https://erp.example.com/saldo/webhooks"
            required
            type="url"
            autoComplete="off"
            {...form.getInputProps('url')}
          />
          <Textarea
            label={t('form.description')}
            description={t('form.descriptionHint')}
            autosize
            minRows={1}
            maxLength={500}
            {...form.getInputProps('description')}
          />
          <Checkbox label={t('form.allEvents')} {...form.getInputProps('all', { type: 'checkbox' })} />
          {!form.values.all && (
            <Checkbox.Group
              label={t('form.events')}
              {...form.getInputProps('eventTypes')}
              onChange={(value) => form.setFieldValue('eventTypes', value as WebhookEventType[])}
            >
              <Stack gap={6} mt={6}>
                {eventTypes.map((type) => (
                  <Checkbox
                    key={type}
                    value={type}
                    label={
                      <>
                        {t(`eventType.${type}`)} <Code>{type}</Code>
                      </>
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Switch label={t('form.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {endpoint ? t('form.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The secret, shown once (at creation or after a roll), with a copy button. */
export function SecretModal({
  shown,
  rolled,
  onClose,
}: {
  shown: EndpointWithSecret | null;
  rolled: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('secret.title')} size="lg">
      {shown && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconKey size={20} aria-hidden />}>
            {t('secret.text')}
          </Alert>
          {rolled && <Text size="sm">{t('secret.rolled')}</Text>}
          <Text size="sm" c="dimmed">
            {shown.endpoint.url}
          </Text>
          <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
            {shown.secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={shown.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? t('secret.copied') : t('secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A yes/no question before something that cannot be taken back. */
export function ConfirmModal({
  opened,
  title,
  text,
  confirm,
  color,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        {error ? <ProblemAlert error={error} /> : null}
        <Text size="sm">{text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
