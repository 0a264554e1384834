import {
  Anchor,
  Button,
  Group,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CHANNELS, type Channel } from './delivery.api';

export type PreferenceValues = {
  channel: Channel;
  emailAttachPdf: 'pdf' | 'link';
  ublVia: 'endpoint' | 'email';
  apEndpointUrl: string;
  apAuthToken: string;
  peppolScheme: string;
  peppolId: string;
  isaSenderQualifier: string;
  isaSenderId: string;
  isaReceiverQualifier: string;
  isaReceiverId: string;
  gsSenderId: string;
  gsReceiverId: string;
  usage: 'T' | 'P';
};

interface Current {
  channel: Channel;
  emailAttachPdf: boolean;
  ublVia: 'endpoint' | 'email';
  apEndpointUrl: string | null;
  apAuth: { last4: string } | null;
  peppol: { scheme: string; id: string } | null;
  edi?: {
    isaSenderQualifier: string;
    isaSenderId: string;
    isaReceiverQualifier: string;
    isaReceiverId: string;
    gsSenderId: string;
    gsReceiverId: string;
    usage: 'T' | 'P';
  } | null;
}

export interface PreferenceSubmit {
  channel: Channel;
  emailAttachPdf: boolean;
  ublVia: 'endpoint' | 'email';
  apEndpointUrl: string | null;
  apAuthToken?: string | null;
  peppol: { scheme: string; id: string } | null;
  edi?: NonNullable<Current['edi']> | null;
}

/**
 * The delivery preference form: the channel, then what that channel needs. Staff (`withEdi`) also
 * set the EDI trading partner; the customer in the portal chooses EDI only once staff have set it
 * up (`ediConfigured`). Server field errors land on their inputs.
 */
export function DeliveryPreferenceForm({
  current,
  withEdi,
  ediConfigured,
  orgName,
  onSubmit,
  onCancel,
  busy,
}: {
  current: Current;
  withEdi: boolean;
  ediConfigured: boolean;
  orgName: string;
  onSubmit: (body: PreferenceSubmit) => Promise<unknown>;
  onCancel?: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation('delivery');
  const [removeToken, setRemoveToken] = useState(false);
  const form = useForm<PreferenceValues>({
    initialValues: {
      channel: current.channel,
      emailAttachPdf: current.emailAttachPdf ? 'pdf' : 'link',
      ublVia: current.ublVia,
      apEndpointUrl: current.apEndpointUrl ?? '',
      apAuthToken: '',
      peppolScheme: current.peppol?.scheme ?? '0088',
      peppolId: current.peppol?.id ?? '',
      isaSenderQualifier: current.edi?.isaSenderQualifier ?? 'ZZ',
      isaSenderId: current.edi?.isaSenderId ?? '',
      isaReceiverQualifier: current.edi?.isaReceiverQualifier ?? 'ZZ',
      isaReceiverId: current.edi?.isaReceiverId ?? '',
      gsSenderId: current.edi?.gsSenderId ?? '',
      gsReceiverId: current.edi?.gsReceiverId ?? '',
      usage: current.edi?.usage ?? 'T',
    },
  });
  const { formError, handleError } = useServerErrors(form);
  const channel = form.values.channel;
  const ediAvailable = withEdi || ediConfigured;

  const submit = form.onSubmit(async (values) => {
    const ediFilled = values.isaSenderId.trim() && values.isaReceiverId.trim();
    const body: PreferenceSubmit = {
      channel: values.channel,
      emailAttachPdf: values.emailAttachPdf === 'pdf',
      ublVia: values.ublVia,
      apEndpointUrl: values.apEndpointUrl.trim() || null,
      peppol: values.peppolId.trim()
        ? { scheme: values.peppolScheme.trim(), id: values.peppolId.trim() }
        : null,
      ...(values.apAuthToken.trim()
        ? { apAuthToken: values.apAuthToken.trim() }
        : removeToken
          ? { apAuthToken: null }
          : {}),
      ...(withEdi
        ? {
            edi: ediFilled
              ? {
                  isaSenderQualifier: values.isaSenderQualifier,
                  isaSenderId: values.isaSenderId,
                  isaReceiverQualifier: values.isaReceiverQualifier,
                  isaReceiverId: values.isaReceiverId,
                  gsSenderId: values.gsSenderId,
                  gsReceiverId: values.gsReceiverId,
                  usage: values.usage,
                }
              : null,
          }
        : {}),
    };
    try {
      await onSubmit(body);
    } catch (error) {
      handleError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label={t('channel')} {...form.getInputProps('channel')}>
          <Stack gap="xs" mt={6}>
            {CHANNELS.map((c) => (
              <Radio
                key={c}
                value={c}
                label={t(`channels.${c}`)}
                description={t(`channelHelp.${c}`)}
                disabled={c === 'edi' && !ediAvailable}
              />
            ))}
          </Stack>
        </Radio.Group>
        {!withEdi && (
          <Text size="xs" c="dimmed">
            {ediConfigured ? t('edi.configured') : t('edi.notConfigured', { org: orgName })}
          </Text>
        )}

        {channel === 'email' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('emailAttach.label')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'pdf', label: t('emailAttach.pdf') },
                { value: 'link', label: t('emailAttach.link') },
              ]}
              {...form.getInputProps('emailAttachPdf')}
            />
          </Stack>
        )}

        {channel === 'ubl' && (
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="ubl-via-label">
                {t('ublVia.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="ubl-via-label"
                data={[
                  { value: 'endpoint', label: t('ublVia.endpoint') },
                  { value: 'email', label: t('ublVia.email') },
                ]}
                {...form.getInputProps('ublVia')}
              />
              <Text size="xs" c="dimmed">
                {t(`ublVia.help.${form.values.ublVia}`)}
              </Text>
            </Stack>
            {form.values.ublVia === 'endpoint' && (
              <>
                <TextInput
                  label={t('apEndpointUrl')}
                  description={t('apEndpointHelp')}
                  placeholder="https://ap.example.com/einvoices"
                  required
                  {...form.getInputProps('apEndpointUrl')}
                />
                <TextInput
                  label={t('apAuthToken')}
                  type="password"
                  autoComplete="off"
                  description={
                    current.apAuth && !removeToken
                      ? t('apAuthKept', { last4: current.apAuth.last4 })
                      : undefined
                  }
                  {...form.getInputProps('apAuthToken')}
                />
                {current.apAuth && !removeToken && (
                  <Anchor component="button" type="button" size="xs" onClick={() => setRemoveToken(true)}>
                    {t('apAuthRemove')}
                  </Anchor>
                )}
              </>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label={t('peppolScheme')} maxLength={4} {...form.getInputProps('peppolScheme')} />
              <TextInput label={t('peppolId')} {...form.getInputProps('peppolId')} />
            </SimpleGrid>
          </Stack>
        )}

        {withEdi && channel === 'edi' && (
          <Stack gap="sm">
            <Title order={4} size="h5">
              {t('edi.title')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('edi.isaSenderQualifier')}
                maxLength={2}
                {...form.getInputProps('isaSenderQualifier')}
              />
              <TextInput
                label={t('edi.isaSenderId')}
                maxLength={15}
                required
                {...form.getInputProps('isaSenderId')}
              />
              <TextInput
                label={t('edi.isaReceiverQualifier')}
                maxLength={2}
                {...form.getInputProps('isaReceiverQualifier')}
              />
              <TextInput
                label={t('edi.isaReceiverId')}
                maxLength={15}
                required
                {...form.getInputProps('isaReceiverId')}
              />
              <TextInput
                label={t('edi.gsSenderId')}
                maxLength={15}
                required
                {...form.getInputProps('gsSenderId')}
              />
              <TextInput
                label={t('edi.gsReceiverId')}
                maxLength={15}
                required
                {...form.getInputProps('gsReceiverId')}
              />
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('edi.usage')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'T', label: t('edi.test') },
                  { value: 'P', label: t('edi.production') },
                ]}
                {...form.getInputProps('usage')}
              />
            </Stack>
          </Stack>
        )}

        {formError && <ProblemAlert error={formError} />}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
