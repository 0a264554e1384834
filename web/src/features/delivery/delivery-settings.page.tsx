import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type DeliverySettings, useDeliverySettings, useSaveDeliverySettings } from './delivery.api';

type Values = {
  deliverNew: boolean;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  peppolScheme: string;
  peppolId: string;
};

const trimmed = (v: string) => v.trim() || undefined;

/**
 * The seller's delivery settings: whether each new invoice and credit memo goes to its customer on
 * its own (each customer's way), and the seller's side of e-invoicing (the postal address printed on
 * UBL and EDI documents and its Peppol participant id). Owners and admins change them; others read.
 */
export function DeliverySettingsPage() {
  const { t } = useTranslation('delivery');
  const settings = useDeliverySettings();
  usePageTitle(t('settings.title'));
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.data ? (
        <DeliverySettingsForm saved={settings.data} />
      ) : settings.isError ? (
        <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Skeleton height={480} />
      )}
    </>
  );
}

function DeliverySettingsForm({ saved }: { saved: DeliverySettings }) {
  const { t } = useTranslation('delivery');
  const format = useFormatters();
  const { role } = useStaffContext();
  const canEdit = role === 'owner' || role === 'admin';
  const save = useSaveDeliverySettings();
  const form = useForm<Values>({
    initialValues: {
      deliverNew: saved.deliverNew,
      line1: saved.sellerAddress.line1 ?? '',
      line2: saved.sellerAddress.line2 ?? '',
      city: saved.sellerAddress.city ?? '',
      region: saved.sellerAddress.region ?? '',
      postalCode: saved.sellerAddress.postalCode ?? '',
      country: saved.sellerAddress.country ?? '',
      peppolScheme: saved.peppol?.scheme ?? '0088',
      peppolId: saved.peppol?.id ?? '',
    },
    validate: {
      country: (v) => (v.trim() && !/^[A-Za-z]{2}$/.test(v.trim()) ? t('settings.countryInvalid') : null),
      peppolScheme: (v, values) =>
        values.peppolId.trim() && !/^[0-9]{4}$/.test(v.trim()) ? t('settings.schemeInvalid') : null,
    },
  });
  const { formError, handleError } = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    try {
      const next = await save.mutateAsync({
        deliverNew: v.deliverNew,
        sellerAddress: {
          line1: trimmed(v.line1),
          line2: trimmed(v.line2),
          city: trimmed(v.city),
          region: trimmed(v.region),
          postalCode: trimmed(v.postalCode),
          country: trimmed(v.country.toUpperCase()),
        },
        peppol: v.peppolId.trim() ? { scheme: v.peppolScheme.trim(), id: v.peppolId.trim() } : null,
      });
      form.resetDirty({ ...v, deliverNew: next.deliverNew });
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        {!canEdit && (
          <Alert color="gray" variant="light">
            {t('settings.readOnly')}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings.newDocuments')}
            </Title>
            <Switch
              label={t('settings.deliverNew')}
              description={t('settings.deliverNewHelp')}
              disabled={!canEdit}
              {...form.getInputProps('deliverNew', { type: 'checkbox' })}
            />
            {saved.deliverNew && saved.deliverNewSince && (
              <Text size="sm" c="dimmed" data-testid="deliver-new-since">
                {t('settings.since', { date: format.dateTime(saved.deliverNewSince) })}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings.eInvoicing')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.eInvoicingHelp')}
            </Text>
            <TextInput label={t('settings.line1')} readOnly={!canEdit} {...form.getInputProps('line1')} />
            <TextInput label={t('settings.line2')} readOnly={!canEdit} {...form.getInputProps('line2')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('settings.city')} readOnly={!canEdit} {...form.getInputProps('city')} />
              <TextInput label={t('settings.region')} readOnly={!canEdit} {...form.getInputProps('region')} />
              <TextInput
                label={t('settings.postalCode')}
                readOnly={!canEdit}
                {...form.getInputProps('postalCode')}
              />
              <TextInput
                label={t('settings.country')}
                description={t('settings.countryHelp')}
                // The help goes under the box, so the box lines up with "Postal code" beside it.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                maxLength={2}
                readOnly={!canEdit}
                {...form.getInputProps('country')}
              />
              <TextInput
                label={t('peppolScheme')}
                maxLength={4}
                readOnly={!canEdit}
                {...form.getInputProps('peppolScheme')}
              />
              <TextInput label={t('peppolId')} readOnly={!canEdit} {...form.getInputProps('peppolId')} />
            </SimpleGrid>
          </Stack>
        </Paper>
        {formError ? <ProblemAlert error={formError} /> : null}
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
